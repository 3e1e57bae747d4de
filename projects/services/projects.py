"""Projects, their parties, sites, SDG links, funding lines and documents."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from projects.models import (
    INACTIVE_PARTY,
    FundingLine,
    Project,
    ProjectDocument,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatusChange,
    SDGLink,
    Site,
)
from projects.services.common import (
    MANUAL_TRANSITIONS,
    PROJECT_CONFLICT_FIELDS,
    S,
    _active_parties,
    _change_status,
    _follow_parties,
    refresh_search,
)
from projects.services.notifications import party_notify_invitation
from projects.uploads import validate_document
from soliris import audit
from soliris.conflicts import check_version, update_versioned

# A keyword left out of ``project_update`` keeps the saved value.
KEEP = object()

# --- Projects ------------------------------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    actor,
    proposed_by,
    title: str,
    summary: str = "",
    description: str = "",
    starts_on=None,
    ends_on=None,
    partnership=None,
    partners=(),
    language: str | None = None,
) -> Project:
    """A draft project; the proposing organisation is its first confirmed party."""
    language = language or translation.get_language() or "fr"
    project = Project(proposed_by=proposed_by, partnership=partnership, starts_on=starts_on, ends_on=ends_on)
    setattr(project, f"title_{language}", title)
    setattr(project, f"summary_{language}", summary)
    setattr(project, f"description_{language}", description)
    project.created_by = actor if getattr(actor, "is_authenticated", False) else None
    project.full_clean()
    project.save()
    ProjectStatusChange.objects.create(project=project, to_status=S.DRAFT, actor=project.created_by)
    now = timezone.now()
    ProjectParty.objects.create(
        project=project,
        organisation=proposed_by,
        status=ProjectPartyStatus.CONFIRMED,
        invited_by=project.created_by,
        responded_by=project.created_by,
        responded_at=now,
    )
    audit.record("projects.project.created", actor=actor, subject=project, title=title)
    for organisation in partners:
        if organisation.pk != proposed_by.pk:
            party_invite(actor=actor, project=project, organisation=organisation)
    refresh_search(project)
    return project


@transaction.atomic
def project_update(
    *,
    actor,
    project: Project,
    expected_version: int,
    language: str,
    title=KEEP,
    summary=KEEP,
    description=KEEP,
    starts_on=KEEP,
    ends_on=KEEP,
) -> Project:
    """Save the texts in ``language`` and the dates, if nobody saved since ``expected_version``.

    Raises ``soliris.conflicts.EditConflict`` (with the project as saved meanwhile) otherwise.
    """
    current = Project.objects.select_for_update().get(pk=project.pk)
    check_version(current, expected_version, fields=PROJECT_CONFLICT_FIELDS)
    changes = {}
    for name, value in (("title", title), ("summary", summary), ("description", description)):
        if value is not KEEP:
            column = f"{name}_{language}"
            if getattr(current, column) != value:
                changes[column] = value
            setattr(current, column, value)
    for name, value in (("starts_on", starts_on), ("ends_on", ends_on)):
        if value is not KEEP:
            if getattr(current, name) != value:
                changes[name] = str(value or "")
            setattr(current, name, value)
    current.full_clean()
    update_versioned(
        Project,
        current.pk,
        expected_version=expected_version,
        values={
            **{k: getattr(current, k) for k in changes if k not in ("starts_on", "ends_on")},
            "starts_on": current.starts_on,
            "ends_on": current.ends_on,
            "updated_at": timezone.now(),
        },
        fields=PROJECT_CONFLICT_FIELDS,
    )
    if changes:
        audit.record("projects.project.updated", actor=actor, subject=current, fields=sorted(changes))
    current.refresh_from_db()
    refresh_search(current)
    return current


@transaction.atomic
def project_transition(*, actor, project: Project, to_status: str, note: str = "") -> Project:
    if to_status not in MANUAL_TRANSITIONS.get(project.status, []):
        raise ValidationError(
            _("A project cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": S(project.status).label,
                "to": S(to_status).label if to_status in S.values else to_status,
            }
        )
    if to_status == S.PROPOSED and _active_parties(project).count() < 2:
        raise ValidationError(_("Invite at least one partner organisation before proposing the project."))
    _change_status(project, to_status, actor, note)
    if to_status == S.PROPOSED:
        _follow_parties(project, actor)
    return project


# --- Parties -------------------------------------------------------------------------------


@transaction.atomic
def party_invite(*, actor, project: Project, organisation) -> ProjectParty:
    party = ProjectParty.objects.filter(project=project, organisation=organisation).first()
    if party and party.status not in INACTIVE_PARTY:
        raise ValidationError(_("%(name)s is already a party to this project.") % {"name": organisation})
    if party is None:
        party = ProjectParty(project=project, organisation=organisation)
    party.status = ProjectPartyStatus.INVITED
    party.invited_by = actor if getattr(actor, "is_authenticated", False) else None
    party.invited_at = timezone.now()
    party.responded_at = None
    party.responded_by = None
    party.full_clean()
    party.save()
    audit.record("projects.party.invited", actor=actor, subject=project, organisation=organisation.name)
    party_notify_invitation(party=party)
    _follow_parties(project, actor)
    refresh_search(project)
    return party


@transaction.atomic
def party_confirm(
    *, actor, party: ProjectParty, role: str, contribution: str, decision_level: str | None = None
) -> ProjectParty:
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.CONFIRMED
    party.role, party.contribution = role.strip(), contribution.strip()
    if decision_level:
        party.decision_level = decision_level
    party.responded_by, party.responded_at = actor, timezone.now()
    party.full_clean()
    party.save()
    audit.record(
        "projects.party.confirmed", actor=actor, subject=party.project, organisation=party.organisation.name
    )
    _follow_parties(party.project, actor)
    return party


@transaction.atomic
def party_decline(*, actor, party: ProjectParty, reason: str = "") -> ProjectParty:
    """The party leaves the parties; the row stays, marked declined, for the history."""
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.DECLINED
    party.decline_reason = reason.strip()
    party.responded_by, party.responded_at = actor, timezone.now()
    party.full_clean()
    party.save()
    audit.record(
        "projects.party.declined",
        actor=actor,
        subject=party.project,
        organisation=party.organisation.name,
        reason=party.decline_reason,
    )
    _follow_parties(party.project, actor)
    refresh_search(party.project)
    return party


@transaction.atomic
def party_withdraw(*, actor, party: ProjectParty) -> ProjectParty:
    """A confirmed party withdraws an invitation nobody answered; the row stays for the history."""
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.WITHDRAWN
    party.responded_by, party.responded_at = actor, timezone.now()
    party.full_clean()
    party.save()
    audit.record(
        "projects.party.withdrawn", actor=actor, subject=party.project, organisation=party.organisation.name
    )
    _follow_parties(party.project, actor)
    refresh_search(party.project)
    return party


@transaction.atomic
def party_update(
    *, actor, party: ProjectParty, role: str, contribution: str, decision_level: str
) -> ProjectParty:
    if party.status in INACTIVE_PARTY:
        raise ValidationError(_("A party that declined can no longer be edited."))
    party.role, party.contribution, party.decision_level = role.strip(), contribution.strip(), decision_level
    party.full_clean()
    party.save()
    audit.record(
        "projects.party.updated", actor=actor, subject=party.project, organisation=party.organisation.name
    )
    return party


# --- Sites, SDG links, funding, documents ----------------------------------------------------


@transaction.atomic
def site_add(*, actor, project: Project, country: str, locality: str, change: str = "") -> Site:
    site = Site(project=project, country=country, locality=locality.strip(), change=change.strip())
    site.full_clean()
    site.save()
    audit.record(
        "projects.site.added", actor=actor, subject=project, locality=site.locality, country=str(country)
    )
    refresh_search(project)
    return site


@transaction.atomic
def site_remove(*, actor, site: Site) -> None:
    project = site.project
    audit.record("projects.site.removed", actor=actor, subject=project, locality=site.locality)
    site.delete()
    refresh_search(project)


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
    if is_primary:
        others.filter(is_primary=True).update(is_primary=False)
    link.is_primary = bool(is_primary)
    link.contribution = contribution.strip()
    link.full_clean()
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
def sdg_link_remove(*, actor, link: SDGLink) -> None:
    project = link.project
    if link.is_primary and project.sdg_links.exclude(pk=link.pk).exists():
        raise ValidationError(_("Choose another primary goal before removing this one."))
    audit.record("projects.sdg_link.removed", actor=actor, subject=project, goal=link.goal.number)
    link.delete()
    refresh_search(project)


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
    line.full_clean()
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
def funding_remove(*, actor, line: FundingLine) -> None:
    audit.record(
        "projects.funding.removed",
        actor=actor,
        subject=line.project,
        source=line.source_name,
        amount=str(line.amount),
        currency=line.currency,
    )
    line.delete()


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
    document.full_clean()
    document.save()
    audit.record("projects.document.uploaded", actor=actor, subject=project, title=document.title)
    return document
