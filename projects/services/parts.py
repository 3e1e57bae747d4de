"""The parts of a project: its sites, SDG links, funding lines and documents (removing them:
``projects.services.removals``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import INACTIVE_PARTY, FundingLine, Project, ProjectDocument, SDGLink, Site
from projects.services.common import clean, refresh_search
from projects.uploads import validate_document
from soliris import audit


@transaction.atomic
def site_add(
    *,
    actor,
    project: Project,
    country: str,
    locality: str,
    change: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    precision: str = "",
) -> Site:
    site = Site(
        project=project,
        country=country,
        locality=locality.strip(),
        change=change.strip(),
        latitude=latitude,
        longitude=longitude,
        precision=precision or "",
    )
    clean(site)
    site.save()
    audit.record(
        "projects.site.added", actor=actor, subject=project, locality=site.locality, country=str(country)
    )
    refresh_search(project)
    return site


@transaction.atomic
def sdg_link_save(*, actor, project: Project, goal, targets=(), is_primary=False, contribution="") -> SDGLink:
    """Create or update the link to ``goal``. The first link is primary; a new primary replaces the old one."""
    targets = list(targets)
    wrong = [t.code for t in targets if t.goal_id != goal.pk]
    if wrong:
        raise ValidationError(
            {"targets": _("Targets %(codes)s are not targets of this goal.") % {"codes": ", ".join(wrong)}}
        )
    link = SDGLink.objects.filter(project=project, goal=goal).first() or SDGLink(project=project, goal=goal)
    others = SDGLink.objects.filter(project=project).exclude(pk=link.pk)
    if not others.filter(is_primary=True).exists():
        is_primary = True
    unchanged = (
        link.pk is not None
        and link.is_primary == bool(is_primary)
        and link.contribution == contribution.strip()
        and set(link.targets.values_list("pk", flat=True)) == {t.pk for t in targets}
    )
    if unchanged:  # saving the same link again changes nothing and records nothing
        return link
    if is_primary:
        others.filter(is_primary=True).update(is_primary=False)
    link.is_primary = bool(is_primary)
    link.contribution = contribution.strip()
    clean(link)
    link.save()
    link.targets.set(targets)
    audit.record(
        "projects.sdg_link.saved",
        actor=actor,
        subject=project,
        goal=goal.number,
        targets=[t.code for t in targets],
        primary=link.is_primary,
    )
    refresh_search(project)
    return link


@transaction.atomic
def funding_add(
    *, actor, project: Project, party=None, funder_name="", label="", amount, currency, kind
) -> FundingLine:
    if party is not None and (party.project_id != project.pk or party.status in INACTIVE_PARTY):
        raise ValidationError({"party": _("Choose one of the project's parties.")})
    if party is None and not funder_name.strip():
        raise ValidationError({"funder_name": _("Choose a party or name the outside funder.")})
    if party is not None and funder_name.strip():
        raise ValidationError({"funder_name": _("Choose either a party or an outside funder, not both.")})
    line = FundingLine(
        project=project,
        party=party,
        funder_name=funder_name.strip(),
        label=label.strip(),
        amount=amount,
        currency=currency,
        kind=kind,
    )
    clean(line)
    line.save()
    audit.record(
        "projects.funding.added",
        actor=actor,
        subject=project,
        source=line.source_name,
        amount=str(amount),
        currency=currency,
        kind=kind,
    )
    return line


@transaction.atomic
def document_upload(*, actor, project: Project, title: str, upload) -> ProjectDocument:
    content_type = validate_document(upload)
    document = ProjectDocument(
        project=project,
        title=title.strip() or upload.name,
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    clean(document)
    document.save()
    audit.record("projects.document.uploaded", actor=actor, subject=project, title=document.title)
    return document
