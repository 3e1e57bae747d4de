"""Partnerships and their parties: creation, shared fields, status, invitations, each side."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from partners.models import Organisation, Partnership, PartnershipParty, PartnershipStatus, PartyStatus, Role
from partners.permissions import at_least, partnership_role, role_in
from partners.selectors.partnerships import SIDE_FIELDS
from partners.services.common import (
    changes_of,
    coordinators_of,
    except_actor,
    full_clean,
    members_of,
    refresh_partnership_search_text,
    require,
)
from soliris import audit, mail
from soliris.conflicts import update_versioned
from soliris.models import NotificationTopic

SHARED_FIELDS = ["name", "kind", "description", "started_on", "ended_on", "exit_clause", "visibility"]
# What the conflict screen shows of the version saved meanwhile.
PARTNERSHIP_CONFLICT_FIELDS = (
    "name",
    *(f"description_{code}" for code in ("fr", "nl", "en", "es")),
    *(f"exit_clause_{code}" for code in ("fr", "nl", "en", "es")),
)

# What a party writes of its side (the next step asks for it), plus its decision level and share.
PARTY_FIELDS = [*SIDE_FIELDS, "decision_level", "financial_share"]
PARTY_CONFLICT_FIELDS = ("role", "expectations")


def ended_refusal(action: str) -> str:
    """Why an ended partnership refuses ``action`` (``party``, ``exchange``, ``checkin``, ``leave``)."""
    return {
        "party": _("This partnership has ended: it takes no new party."),
        "exchange": _(
            "This partnership has ended: it records no new exchange. "
            "A coordinator can reopen it by changing its status."
        ),
        "checkin": _("This partnership has ended: it opens no new check-in round."),
        "leave": _("This partnership has ended: its parties stay in its history as they were."),
    }[action]


def refuse_when_ended(partnership: Partnership, action: str) -> None:
    """An ended partnership is a record: what would add to it (a party, an exchange, a check-in
    round) or change its parties is refused, whatever the page offered."""
    if partnership.status == PartnershipStatus.ENDED:
        raise ValidationError(ended_refusal(action))


@transaction.atomic
def partnership_create(*, actor, organisation: Organisation, data: dict) -> Partnership:
    """The creator's organisation becomes the first accepted party (and is recorded as initiator)."""
    require(at_least(role_in(actor, [organisation.pk]), Role.EDITOR))
    partnership = Partnership(**data, initiated_by=organisation, created_by=actor)
    full_clean(partnership)
    partnership.save()
    party = PartnershipParty(
        partnership=partnership,
        organisation=organisation,
        status=PartyStatus.ACCEPTED,
        invited_by=actor,
        responded_by=actor,
        responded_at=timezone.now(),
    )
    full_clean(party)
    party.save()
    refresh_partnership_search_text(partnership)
    audit.record(
        "partners.partnership.created",
        actor=actor,
        subject=partnership,
        name=partnership.name,
        by=organisation.name,
    )
    return partnership


@transaction.atomic
def partnership_edit(*, actor, partnership: Partnership, data: dict, expected_version: int) -> Partnership:
    """Shared fields: any editor of any accepted party; refused (``EditConflict``) if someone
    saved meanwhile."""
    require(at_least(partnership_role(actor, partnership), Role.EDITOR))
    changed = {f: v for f, v in data.items() if getattr(partnership, f) != v}
    candidate = Partnership.objects.get(pk=partnership.pk)
    for field, value in data.items():
        setattr(candidate, field, value)
    full_clean(candidate)
    update_versioned(
        Partnership,
        partnership.pk,
        expected_version=expected_version,
        values={**data, "updated_at": timezone.now()},
        fields=PARTNERSHIP_CONFLICT_FIELDS,
    )
    partnership.refresh_from_db()
    refresh_partnership_search_text(partnership)
    audit.record("partners.partnership.updated", actor=actor, subject=partnership, fields=sorted(changed))
    return partnership


@transaction.atomic
def partnership_status(*, actor, partnership: Partnership, status: str, reason: str = "", ended_on=None):
    """Any coordinator of any accepted party changes the status; ending needs a reason."""
    require(at_least(partnership_role(actor, partnership), Role.COORDINATOR))
    if status not in PartnershipStatus.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    reason = (reason or "").strip()
    previous = partnership.status
    if status == previous:
        raise ValidationError({"status": _("The partnership already has this status: choose another one.")})
    if previous == PartnershipStatus.ENDED:
        # Reopened: the end date and reason belong to the history (kept in the audit entry).
        partnership.ended_on = None
        partnership.end_reason = ""
    if status == PartnershipStatus.ENDED:
        if not reason:
            raise ValidationError({"reason": _("Say why the partnership ends: it stays in its history.")})
        partnership.end_reason = reason
        partnership.ended_on = ended_on or timezone.localdate()
    partnership.status = status
    partnership.version += 1
    full_clean(partnership)
    partnership.save()
    action = (
        "partners.partnership.ended"
        if status == PartnershipStatus.ENDED
        else "partners.partnership.status_changed"
    )
    audit.record(action, actor=actor, subject=partnership, before=previous, after=status, reason=reason)
    return partnership


@transaction.atomic
def party_invite(*, actor, partnership: Partnership, organisation: Organisation) -> PartnershipParty:
    require(at_least(partnership_role(actor, partnership), Role.COORDINATOR))
    refuse_when_ended(partnership, "party")
    party = PartnershipParty.objects.filter(partnership=partnership, organisation=organisation).first()
    if party and party.status in (PartyStatus.ACCEPTED, PartyStatus.INVITED):
        raise ValidationError({"organisation": _("This organisation is already a party or invited.")})
    party = party or PartnershipParty(partnership=partnership, organisation=organisation)
    party.status = PartyStatus.INVITED
    party.invited_by = actor
    party.invited_at = timezone.now()
    party.responded_by = None
    party.responded_at = None
    full_clean(party)
    party.save()
    audit.record("partners.party.invited", actor=actor, subject=partnership, organisation=organisation.name)
    mail.send(
        coordinators_of(organisation),
        "partners/email/party_invited",
        {"partnership": partnership, "organisation": organisation, "inviter": actor},
        link=("partners:partnership_detail", partnership.key),
        light=("partners:party_respond", partnership.key, organisation.slug),  # no script, slow links
        topic=NotificationTopic.PARTNERSHIPS,
        action=True,
    )
    return party


def other_parties_coordinators(party: PartnershipParty, *, actor, also=()) -> list:
    """The coordinators of the partnership's accepted parties other than ``party``, and those
    of ``also`` who are still members of one of them (any role: they see the page), each
    once, without the person who acted."""
    others = list(
        PartnershipParty.objects.filter(partnership_id=party.partnership_id, status=PartyStatus.ACCEPTED)
        .exclude(pk=party.pk)
        .values_list("organisation_id", flat=True)
    )
    users = {user.pk: user for user in members_of(others, roles=[Role.COORDINATOR])}
    wanted = {getattr(person, "pk", None) for person in also} - {None}
    if wanted:
        accepted = PartnershipParty.objects.filter(
            partnership_id=party.partnership_id, status=PartyStatus.ACCEPTED
        ).values_list("organisation_id", flat=True)
        for user in members_of(accepted):
            if user.pk in wanted:
                users.setdefault(user.pk, user)
    return except_actor(users.values(), actor)


@transaction.atomic
def party_respond(*, actor, party: PartnershipParty, accept: bool) -> PartnershipParty:
    """Only a coordinator of the invited organisation answers for it."""
    require(at_least(role_in(actor, [party.organisation_id]), Role.COORDINATOR))
    if party.status != PartyStatus.INVITED:
        raise ValidationError(_("This invitation was already answered."))
    if accept:
        refuse_when_ended(party.partnership, "party")
    party.status = PartyStatus.ACCEPTED if accept else PartyStatus.DECLINED
    party.responded_by = actor
    party.responded_at = timezone.now()
    party.save(update_fields=["status", "responded_by", "responded_at"])
    refresh_partnership_search_text(party.partnership)
    action = "partners.party.accepted" if accept else "partners.party.declined"
    audit.record(action, actor=actor, subject=party.partnership, organisation=party.organisation.name)
    # The other parties (and whoever invited) hear the answer, from whom.
    mail.send(
        other_parties_coordinators(party, actor=actor, also=[party.invited_by]),
        "partners/email/party_answered",
        {
            "partnership": party.partnership,
            "organisation": party.organisation,
            "accepted": accept,
            "answered_by": actor,
        },
        link=("partners:partnership_detail", party.partnership.key),
        topic=NotificationTopic.PARTNERSHIPS,
    )
    return party


@transaction.atomic
def party_leave(*, actor, party: PartnershipParty, reason: str = "") -> PartnershipParty:
    """A coordinator takes its organisation out of a partnership (recorded, never deleted)."""
    require(at_least(role_in(actor, [party.organisation_id]), Role.COORDINATOR))
    if party.status != PartyStatus.ACCEPTED:
        raise ValidationError(_("Your organisation is not a party to this partnership."))
    refuse_when_ended(party.partnership, "leave")
    others = party.partnership.parties.filter(status=PartyStatus.ACCEPTED).exclude(pk=party.pk)
    if not others.exists():
        raise ValidationError(
            _("Your organisation is the last party: end the partnership instead, with the reason for ending.")
        )
    party.status = PartyStatus.LEFT
    party.responded_by = actor
    party.responded_at = timezone.now()
    party.save(update_fields=["status", "responded_by", "responded_at"])
    refresh_partnership_search_text(party.partnership)
    audit.record(
        "partners.party.left",
        actor=actor,
        subject=party.partnership,
        organisation=party.organisation.name,
        reason=(reason or "").strip(),
    )
    return party


def check_financial_shares(party: PartnershipParty, share) -> None:
    """Refuse a share that brings the accepted parties' total above 100 %. Called with the
    partnership's row locked."""
    if share is None or PartnershipParty.objects.filter(pk=party.pk, financial_share=share).exists():
        return  # no share, or the one already saved
    others = (
        PartnershipParty.objects.filter(partnership_id=party.partnership_id, status=PartyStatus.ACCEPTED)
        .exclude(pk=party.pk)
        .aggregate(total=Sum("financial_share"))["total"]
    ) or Decimal(0)
    total = others + Decimal(share)
    if total > 100:
        shown = total.quantize(Decimal(1)) if total == total.to_integral_value() else total.normalize()
        raise ValidationError(
            {
                "financial_share": ValidationError(
                    _("The shares of the parties would total %(total)s %%; at most 100 %%."),
                    code="shares_above_100",
                    params={"total": number_format(shown)},
                )
            }
        )


@transaction.atomic
def party_edit(*, actor, party: PartnershipParty, data: dict, expected_version: int) -> PartnershipParty:
    """Each party edits its own side: editors and coordinators of that organisation; refused
    (``EditConflict``) if someone saved meanwhile."""
    require(party.status == PartyStatus.ACCEPTED)
    require(at_least(role_in(actor, [party.organisation_id]), Role.EDITOR))
    # The partnership's row is locked first: two parties saving their shares at once are
    # checked one after the other against the same total.
    Partnership.objects.select_for_update().filter(pk=party.partnership_id).first()
    if "financial_share" in data:
        check_financial_shares(party, data["financial_share"])
    changed = sorted(f for f, v in data.items() if getattr(party, f) != v)
    candidate = PartnershipParty.objects.get(pk=party.pk)
    changes = changes_of(candidate, data)  # what the saved side was, before this save
    for field, value in data.items():
        setattr(candidate, field, value)
    full_clean(candidate)
    update_versioned(
        PartnershipParty,
        party.pk,
        expected_version=expected_version,
        values=data,
        fields=PARTY_CONFLICT_FIELDS,
    )
    party.refresh_from_db()
    audit.record(
        "partners.party.updated",
        actor=actor,
        subject=party.partnership,
        organisation=party.organisation.name,
        fields=changed,
    )
    if changes:
        # Nothing agreed changes behind anyone's back: the other parties read what changed.
        mail.send(
            other_parties_coordinators(party, actor=actor),
            "partners/email/party_changed",
            {
                "partnership": party.partnership,
                "organisation": party.organisation,
                "changed_by": actor,
                "changes": changes,
            },
            link=("partners:partnership_detail", party.partnership.key),
            topic=NotificationTopic.PARTNERSHIPS,
        )
    return party
