"""Removing a project's sites, SDG links and funding lines, and undoing it for a while.

Each removal keeps, through ``soliris.undo``, what puts the record back exactly: its id and
key, its fields and relations. Undoing checks the rights again (any editor of any accepted
party may, as they may remove) and refuses what conflicts with what was saved meanwhile: the
goal linked again, a primary goal chosen since, a party that left the project.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.models import INACTIVE_PARTY, FundingLine, ProjectParty, SDGLink, Site
from projects.permissions import get_project_for_user
from projects.services.common import clean, refresh_search
from soliris import audit, undo


def _page(name: str, project) -> str:
    return reverse(f"projects:{name}", args=[project.key])


@transaction.atomic
def site_delete(*, actor, site: Site):
    """Remove a site; returns the ``UndoOffer`` that can put it back."""
    project = site.project
    audit.record("projects.site.removed", actor=actor, subject=project, locality=site.locality)
    data = {
        "project": project.key,
        "id": site.pk,
        "key": site.key,
        "country": site.country.code,
        "locality": site.locality,
        "change": site.change,
    }
    site.delete()
    refresh_search(project)
    return undo.offer(actor=actor, kind="projects.site", data=data, next_url=_page("project_sites", project))


@transaction.atomic
def site_restore(*, actor, data: dict) -> str:
    project = get_project_for_user(actor, data["project"], "projects.project:edit")
    site = Site(
        id=data["id"],
        key=data["key"],
        project=project,
        country=data["country"],
        locality=data["locality"],
        change=data["change"],
    )
    _refuse_taken(Site, site)
    clean(site)
    site.save(force_insert=True)
    audit.record("projects.site.restored", actor=actor, subject=project, locality=site.locality)
    refresh_search(project)
    return _page("project_sites", project)


@transaction.atomic
def sdg_link_delete(*, actor, link: SDGLink):
    """Remove a goal from the project (never the primary one while others remain); returns
    the ``UndoOffer`` that can put it back with its targets."""
    project = link.project
    if link.is_primary and project.sdg_links.exclude(pk=link.pk).exists():
        raise ValidationError(_("Choose another primary goal before removing this one."))
    audit.record("projects.sdg_link.removed", actor=actor, subject=project, goal=link.goal.number)
    data = {
        "project": project.key,
        "id": link.pk,
        "key": link.key,
        "goal": link.goal_id,
        "targets": sorted(link.targets.values_list("pk", flat=True)),
        "is_primary": link.is_primary,
        "contribution": link.contribution,
    }
    link.delete()
    refresh_search(project)
    return undo.offer(
        actor=actor, kind="projects.sdg_link", data=data, next_url=_page("project_sdgs", project)
    )


@transaction.atomic
def sdg_link_restore(*, actor, data: dict) -> str:
    project = get_project_for_user(actor, data["project"], "projects.project:edit")
    link = SDGLink(
        id=data["id"],
        key=data["key"],
        project=project,
        goal_id=data["goal"],
        is_primary=data["is_primary"],
        contribution=data["contribution"],
    )
    _refuse_taken(SDGLink, link)
    if link.is_primary and project.sdg_links.filter(is_primary=True).exists():
        raise ValidationError(
            _(
                "The goal cannot come back as the primary goal: another goal was made primary "
                "meanwhile. Link it again as a secondary goal."
            ),
            code="primary_taken",
        )
    clean(link)
    link.save(force_insert=True)
    link.targets.set(data["targets"])
    audit.record("projects.sdg_link.restored", actor=actor, subject=project, goal=link.goal.number)
    refresh_search(project)
    return _page("project_sdgs", project)


@transaction.atomic
def funding_delete(*, actor, line: FundingLine):
    """Remove a funding line; returns the ``UndoOffer`` that can put it back."""
    audit.record(
        "projects.funding.removed",
        actor=actor,
        subject=line.project,
        source=line.source_name,
        amount=str(line.amount),
        currency=line.currency,
    )
    data = {
        "project": line.project.key,
        "id": line.pk,
        "key": line.key,
        "party": line.party_id,
        "funder_name": line.funder_name,
        "label": line.label,
        "amount": str(line.amount),
        "currency": line.currency,
        "kind": line.kind,
    }
    project = line.project
    line.delete()
    return undo.offer(
        actor=actor, kind="projects.funding", data=data, next_url=_page("project_funding", project)
    )


@transaction.atomic
def funding_restore(*, actor, data: dict) -> str:
    project = get_project_for_user(actor, data["project"], "projects.project:edit")
    party = None
    if data["party"] is not None:
        party = (
            ProjectParty.objects.select_related("organisation")
            .filter(pk=data["party"], project=project)
            .first()
        )
        if party is None or party.status in INACTIVE_PARTY:
            raise ValidationError(
                _("The funding line cannot come back: its party is no longer in the project."),
                code="party_left",
            )
    line = FundingLine(
        id=data["id"],
        key=data["key"],
        project=project,
        party=party,
        funder_name=data["funder_name"],
        label=data["label"],
        amount=Decimal(data["amount"]),
        currency=data["currency"],
        kind=data["kind"],
    )
    _refuse_taken(FundingLine, line)
    clean(line)
    line.save(force_insert=True)
    audit.record(
        "projects.funding.restored",
        actor=actor,
        subject=project,
        source=line.source_name,
        amount=str(line.amount),
        currency=line.currency,
    )
    return _page("project_funding", project)


def _refuse_taken(model, instance) -> None:
    """Nothing is overwritten: a record already back (undone twice in two tabs) is refused."""
    if model.objects.filter(pk=instance.pk).exists() or model.objects.filter(key=instance.key).exists():
        raise ValidationError(_("It is already back."), code="already_back")


undo.register("projects.site", site_restore)
undo.register("projects.sdg_link", sdg_link_restore)
undo.register("projects.funding", funding_restore)
