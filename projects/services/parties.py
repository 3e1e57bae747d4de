"""A project's parties: invited, confirmed or declined, withdrawn, their role and contribution."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.services.common import changes_of
from projects.models import INACTIVE_PARTY, Project, ProjectParty, ProjectPartyStatus, ProjectStatus
from projects.services.common import clean, follow_parties, refresh_search, require_full_name
from projects.services.notifications import party_notify_answer, party_notify_change, party_notify_invitation
from soliris import audit
from soliris.conflicts import check_version, update_versioned

# A project that is over takes no new party (its parties stay in its history as they were).
CLOSED_TO_NEW_PARTIES = (ProjectStatus.COMPLETED, ProjectStatus.EVALUATED)


@transaction.atomic
def party_invite(*, actor, project: Project, organisation) -> ProjectParty:
    if project.status in CLOSED_TO_NEW_PARTIES:
        raise ValidationError(
            _("This project is %(status)s: it takes no new party.")
            % {"status": project.get_status_display().lower()}
        )
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
    clean(party)
    party.save()
    audit.record("projects.party.invited", actor=actor, subject=project, organisation=organisation.name)
    party_notify_invitation(party=party)
    follow_parties(project, actor)
    refresh_search(project)
    return party


@transaction.atomic
def party_confirm(
    *, actor, party: ProjectParty, role: str, contribution: str, decision_level: str | None = None
) -> ProjectParty:
    require_full_name(actor)
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.CONFIRMED
    party.role, party.contribution = role.strip(), contribution.strip()
    if decision_level:
        party.decision_level = decision_level
    party.responded_by, party.responded_at = actor, timezone.now()
    party.version += 1  # a role form opened before the answer is stale
    clean(party)
    party.save()
    audit.record(
        "projects.party.confirmed", actor=actor, subject=party.project, organisation=party.organisation.name
    )
    party_notify_answer(party=party, actor=actor)
    follow_parties(party.project, actor)
    return party


@transaction.atomic
def party_decline(*, actor, party: ProjectParty, reason: str = "") -> ProjectParty:
    """The party leaves the parties; the row stays, marked declined, for the history."""
    require_full_name(actor)
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.DECLINED
    party.decline_reason = reason.strip()
    party.responded_by, party.responded_at = actor, timezone.now()
    party.version += 1  # a role form opened before the answer is stale
    clean(party)
    party.save()
    audit.record(
        "projects.party.declined",
        actor=actor,
        subject=party.project,
        organisation=party.organisation.name,
        reason=party.decline_reason,
    )
    party_notify_answer(party=party, actor=actor)
    follow_parties(party.project, actor)
    refresh_search(party.project)
    return party


@transaction.atomic
def party_withdraw(*, actor, party: ProjectParty) -> ProjectParty:
    """A confirmed party withdraws an invitation nobody answered; the row stays for the history."""
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.WITHDRAWN
    party.responded_by, party.responded_at = actor, timezone.now()
    party.version += 1  # a role form opened before the answer is stale
    clean(party)
    party.save()
    audit.record(
        "projects.party.withdrawn", actor=actor, subject=party.project, organisation=party.organisation.name
    )
    follow_parties(party.project, actor)
    refresh_search(party.project)
    return party


# What the conflict screen shows of a party saved meanwhile.
PARTY_CONFLICT_FIELDS = ("role", "contribution", "decision_level")


@transaction.atomic
def party_edit(
    *,
    actor,
    party: ProjectParty,
    role: str,
    contribution: str,
    decision_level: str,
    expected_version: int | None = None,
) -> ProjectParty:
    """Save the party's role, contribution and decision level, if nobody saved them since
    ``expected_version`` (``None``: the version just read). Raises
    ``soliris.conflicts.EditConflict`` otherwise; saving unchanged values changes nothing."""
    current = ProjectParty.objects.select_for_update().select_related("organisation").get(pk=party.pk)
    if current.status in INACTIVE_PARTY:
        raise ValidationError(_("A party that declined can no longer be edited."))
    version = current.version if expected_version is None else expected_version
    check_version(current, version, fields=PARTY_CONFLICT_FIELDS)
    values = {"role": role.strip(), "contribution": contribution.strip(), "decision_level": decision_level}
    changed = sorted(name for name, value in values.items() if getattr(current, name) != value)
    changes = changes_of(current, values)  # the saved values, before this save
    for name, value in values.items():
        setattr(current, name, value)
    clean(current)
    if changed:
        update_versioned(
            ProjectParty, current.pk, expected_version=version, values=values, fields=PARTY_CONFLICT_FIELDS
        )
        current.version = version + 1
        audit.record(
            "projects.party.updated",
            actor=actor,
            subject=party.project,
            organisation=current.organisation.name,
            fields=changed,
        )
        party_notify_change(party=current, changes=changes, actor=actor)
    return current
