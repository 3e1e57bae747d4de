"""Projects: their creation, the edition of their texts and dates, their status."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from projects.models import Project, ProjectParty, ProjectPartyStatus, ProjectStatusChange
from projects.services.common import (
    MANUAL_TRANSITIONS,
    PROJECT_CONFLICT_FIELDS,
    S,
    active_parties,
    change_status,
    clean,
    follow_parties,
    refresh_search,
    require_full_name,
)
from projects.services.parties import party_invite
from soliris import audit
from soliris.conflicts import check_version, update_versioned

# A keyword left out of ``project_edit`` keeps the saved value.
KEEP = object()


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
    require_full_name(actor)
    language = language or translation.get_language() or "fr"
    project = Project(proposed_by=proposed_by, partnership=partnership, starts_on=starts_on, ends_on=ends_on)
    setattr(project, f"title_{language}", title)
    setattr(project, f"summary_{language}", summary)
    setattr(project, f"description_{language}", description)
    project.created_by = actor if getattr(actor, "is_authenticated", False) else None
    clean(project)
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
def project_edit(
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
    clean(current)
    if not changes:  # saving unchanged text changes nothing: no new version, no history entry
        return current
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
    if to_status == S.PROPOSED and active_parties(project).count() < 2:
        raise ValidationError(_("Invite at least one partner organisation before proposing the project."))
    change_status(project, to_status, actor, note)
    if to_status == S.PROPOSED:
        follow_parties(project, actor)
    return project
