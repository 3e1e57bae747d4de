"""Every state change of the registry: organisations, members, partnerships, exchanges, check-ins.

Each function takes the acting user, checks the rule it enforces, saves after
``full_clean()``, records an audit entry on the shared object, and sends its emails once
the transaction has committed (each in its recipient's language).
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners import carbon
from partners.documents import organisation_document, partnership_document
from partners.models import (
    CheckInAnswer,
    CheckInRound,
    Exchange,
    Invitation,
    InvitationStatus,
    Membership,
    Organisation,
    Partnership,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
    Role,
    TravelLeg,
)
from partners.permissions import at_least, forget_roles, partnership_role, role_in
from partners.selectors import forget_listed_counts
from soliris import audit

logger = logging.getLogger(__name__)

for code, label in {
    "partners.organisation.registered": gettext_lazy("registered the organisation"),
    "partners.organisation.updated": gettext_lazy("updated the organisation's profile"),
    "partners.organisation.verified": gettext_lazy("verified the organisation"),
    "partners.organisation.no_active_member": gettext_lazy("the organisation has no active member left"),
    "partners.member.invited": gettext_lazy("invited a person"),
    "partners.member.joined": gettext_lazy("joined the organisation"),
    "partners.member.role_changed": gettext_lazy("changed a member's role"),
    "partners.member.ended": gettext_lazy("ended a membership"),
    "partners.member.updated": gettext_lazy("updated a membership"),
    "partners.invitation.cancelled": gettext_lazy("cancelled an invitation"),
    "partners.partnership.created": gettext_lazy("created the partnership"),
    "partners.partnership.updated": gettext_lazy("updated the shared description"),
    "partners.partnership.status_changed": gettext_lazy("changed the status"),
    "partners.partnership.ended": gettext_lazy("ended the partnership"),
    "partners.party.invited": gettext_lazy("invited an organisation"),
    "partners.party.accepted": gettext_lazy("accepted the invitation"),
    "partners.party.declined": gettext_lazy("declined the invitation"),
    "partners.party.updated": gettext_lazy("updated its side of the partnership"),
    "partners.party.left": gettext_lazy("took its organisation out of the partnership"),
    "partners.exchange.recorded": gettext_lazy("recorded an exchange"),
    "partners.exchange.updated": gettext_lazy("corrected an exchange"),
    "partners.checkin.opened": gettext_lazy("opened a check-in round"),
    "partners.checkin.answered": gettext_lazy("answered the check-in"),
}.items():
    audit.register(code, label)


class ConcurrentEdit(Exception):
    """Someone saved the object since the form was opened: ``current`` holds their version."""

    def __init__(self, current):
        super().__init__("concurrent edit")
        self.current = current


# --- Helpers --------------------------------------------------------------------------------


def _require(condition: bool):
    if not condition:
        raise PermissionDenied


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _send_each(recipients, subject_template: str, body_template: str, context: dict) -> None:
    """One email per recipient, rendered in the recipient's language, after the commit."""
    messages = []
    for recipient in recipients:
        language = getattr(recipient, "preferred_language", None) or settings.LANGUAGE_CODE
        email = getattr(recipient, "email", recipient)
        with translation.override(language):
            subject = render_to_string(subject_template, context).strip()
            body = render_to_string(body_template, {**context, "recipient": recipient})
        messages.append((subject, body, email))

    def send():
        # After the commit: the change is saved whatever happens to the mail server; a failure
        # is logged, never shown to the person who acted as an error on their action.
        for subject, body, email in messages:
            try:
                send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [email])
            except Exception:
                logger.exception("partners: email to %s not sent", email)

    transaction.on_commit(send)


def coordinators_of(organisation):
    today = timezone.localdate()
    return [
        m.user
        for m in organisation.memberships.filter(
            role=Role.COORDINATOR, active_until__isnull=True, active_from__lte=today, user__is_active=True
        ).select_related("user")
    ]


def refresh_partnership_document(partnership) -> None:
    """The search document, and whether the partnership is listed in the public directory."""
    from partners.permissions import public_partnership_q

    organisations = list(
        Organisation.objects.filter(
            partnership_parties__partnership=partnership, partnership_parties__status=PartyStatus.ACCEPTED
        )
    )
    document = partnership_document(partnership, organisations)
    listed = (
        bool(organisations) and Partnership.objects.filter(public_partnership_q(), pk=partnership.pk).exists()
    )
    countries = sorted({str(o.country) for o in organisations})
    Partnership.objects.filter(pk=partnership.pk).update(
        search_document=document, is_listed=listed, countries=countries
    )
    partnership.search_document = document
    partnership.is_listed = listed
    partnership.countries = countries
    forget_listed_counts()
    transaction.on_commit(forget_listed_counts)  # a request may have read in between


def refresh_organisation_document(organisation) -> None:
    document = organisation_document(organisation)
    Organisation.objects.filter(pk=organisation.pk).update(search_document=document)
    organisation.search_document = document
    forget_listed_counts()
    transaction.on_commit(forget_listed_counts)
    for partnership in Partnership.objects.filter(parties__organisation=organisation).distinct():
        refresh_partnership_document(partnership)


def unique_slug(name: str) -> str:
    base = (slugify(name) or "organisation")[:70]
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


# --- Organisations --------------------------------------------------------------------------


@transaction.atomic
def organisation_register(*, actor, data: dict, themes=()) -> Organisation:
    """A signed-in user registers an organisation and becomes its coordinator."""
    _require(actor.is_authenticated)
    organisation = Organisation(**data)
    organisation.slug = organisation.slug or unique_slug(organisation.name)
    organisation.verified_at = None
    organisation.full_clean()
    organisation.save()
    organisation.themes.set(themes)
    membership = Membership(organisation=organisation, user=actor, role=Role.COORDINATOR)
    membership.full_clean()
    membership.save()
    forget_roles(actor)
    refresh_organisation_document(organisation)
    audit.record(
        "partners.organisation.registered", actor=actor, subject=organisation, name=organisation.name
    )
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.filter(is_staff=True, is_active=True)
    _send_each(
        staff,
        "partners/email/verify_subject.txt",
        "partners/email/verify_body.txt",
        {"organisation": organisation, "url": _absolute(reverse("partners:verification_queue"))},
    )
    return organisation


@transaction.atomic
def organisation_update(*, actor, organisation: Organisation, data: dict, themes=None) -> Organisation:
    _require(at_least(role_in(actor, [organisation.pk]), Role.COORDINATOR))
    changed = []
    for field, value in data.items():
        if getattr(organisation, field) != value:
            setattr(organisation, field, value)
            changed.append(field)
    organisation.full_clean()
    organisation.save()
    if themes is not None:
        organisation.themes.set(themes)
    refresh_organisation_document(organisation)
    audit.record("partners.organisation.updated", actor=actor, subject=organisation, fields=changed)
    return organisation


@transaction.atomic
def organisation_verify(*, actor, organisation: Organisation) -> Organisation:
    _require(actor.is_staff)
    if organisation.verified_at is None:
        organisation.verified_at = timezone.now()
        organisation.save(update_fields=["verified_at"])
        refresh_organisation_document(organisation)
        audit.record("partners.organisation.verified", actor=actor, subject=organisation)
    return organisation


# --- Members --------------------------------------------------------------------------------


@transaction.atomic
def member_invite(
    *, actor, organisation, email: str, role: str, function: str = "", language: str = ""
) -> Invitation:
    _require(at_least(role_in(actor, [organisation.pk]), Role.COORDINATOR))
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email, active_until__isnull=True).exists():
        raise ValidationError({"email": _("This person is already a member of the organisation.")})
    Invitation.objects.filter(
        organisation=organisation, email__iexact=email, status=InvitationStatus.PENDING
    ).update(status=InvitationStatus.CANCELLED)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        function=function,
        invited_by=actor,
        language=language or actor.preferred_language,
    )
    invitation.full_clean()
    invitation.save()
    audit.record("partners.member.invited", actor=actor, subject=organisation, email=email, role=role)

    class Recipient:
        pass

    recipient = Recipient()
    recipient.email, recipient.preferred_language = email, invitation.language
    url = _absolute(reverse("partners:invitation_accept", kwargs={"token": invitation.token}))
    _send_each(
        [recipient],
        "partners/email/invitation_subject.txt",
        "partners/email/invitation_body.txt",
        {"invitation": invitation, "organisation": organisation, "inviter": actor, "url": url},
    )
    return invitation


@transaction.atomic
def invitation_accept(*, actor, invitation: Invitation) -> Membership:
    _require(actor.is_authenticated)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or was already used."))
    organisation = invitation.organisation
    if organisation.memberships.filter(user=actor, active_until__isnull=True).exists():
        raise ValidationError(_("You are already a member of this organisation."))
    membership = Membership(
        organisation=organisation, user=actor, role=invitation.role, function=invitation.function
    )
    membership.full_clean()
    membership.save()
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_by = actor
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_by", "accepted_at"])
    forget_roles(actor)
    audit.record("partners.member.joined", actor=actor, subject=organisation, role=invitation.role)
    return membership


@transaction.atomic
def invitation_cancel(*, actor, invitation: Invitation) -> None:
    _require(at_least(role_in(actor, [invitation.organisation_id]), Role.COORDINATOR))
    if invitation.status == InvitationStatus.PENDING:
        invitation.status = InvitationStatus.CANCELLED
        invitation.save(update_fields=["status"])
        audit.record(
            "partners.invitation.cancelled",
            actor=actor,
            subject=invitation.organisation,
            email=invitation.email,
        )


def _active_members(organisation):
    return Membership.objects.select_for_update().filter(organisation=organisation, active_until__isnull=True)


@transaction.atomic
def membership_change_role(*, actor, membership: Membership, role: str) -> Membership:
    _require(at_least(role_in(actor, [membership.organisation_id]), Role.COORDINATOR))
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if not membership.is_active:
        raise ValidationError(_("This membership has ended."))
    active = list(_active_members(membership.organisation))
    coordinators = [m for m in active if m.role == Role.COORDINATOR]
    if membership.role == Role.COORDINATOR and role != Role.COORDINATOR and len(coordinators) <= 1:
        raise ValidationError(
            _("An organisation always keeps a coordinator: name another coordinator first.")
        )
    previous = membership.role
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    forget_roles(membership.user)
    audit.record(
        "partners.member.role_changed",
        actor=actor,
        subject=membership.organisation,
        person=str(membership.user),
        before=previous,
        after=role,
    )
    return membership


@transaction.atomic
def membership_update(*, actor, membership: Membership, data: dict) -> Membership:
    """The person updates their own membership; a coordinator any (and "may sign")."""
    coordinator = at_least(role_in(actor, [membership.organisation_id]), Role.COORDINATOR)
    _require(coordinator or membership.user_id == actor.pk)
    if not membership.is_active:
        raise ValidationError(_("This membership has ended."))
    if not coordinator:
        data = {k: v for k, v in data.items() if k != "may_sign"}
    changed = sorted(f for f, v in data.items() if getattr(membership, f) != v)
    for field, value in data.items():
        setattr(membership, field, value)
    membership.full_clean()
    membership.save()
    audit.record(
        "partners.member.updated",
        actor=actor,
        subject=membership.organisation,
        person=str(membership.user),
        fields=changed,
    )
    return membership


@transaction.atomic
def membership_end(*, actor, membership: Membership) -> Membership:
    """Ends (never deletes) a membership. Coordinators end any; a person may leave."""
    own = membership.user_id == actor.pk
    _require(own or at_least(role_in(actor, [membership.organisation_id]), Role.COORDINATOR))
    if not membership.is_active:
        raise ValidationError(_("This membership has already ended."))
    organisation = membership.organisation
    active = list(_active_members(organisation))
    others = [m for m in active if m.pk != membership.pk]
    if membership.role == Role.COORDINATOR and others and not any(m.role == Role.COORDINATOR for m in others):
        raise ValidationError(
            _(
                "An organisation cannot be left without a coordinator: name another coordinator "
                "before ending this membership."
            )
        )
    membership.active_until = timezone.localdate()
    membership.save(update_fields=["active_until"])
    forget_roles(membership.user)
    audit.record("partners.member.ended", actor=actor, subject=organisation, person=str(membership.user))
    if not others:
        notify_no_active_member(organisation=organisation)
    return membership


def notify_no_active_member(*, organisation) -> None:
    """Tell the other parties of its partnerships, and the platform staff, in their language."""
    from soliris.models import User

    audit.record("partners.organisation.no_active_member", actor=None, subject=organisation)
    parties = PartnershipParty.objects.filter(
        organisation=organisation, status=PartyStatus.ACCEPTED
    ).select_related("partnership")
    recipients = {u.pk: u for u in User.objects.filter(is_staff=True, is_active=True)}
    partnerships = []
    for party in parties:
        partnerships.append(party.partnership)
        audit.record(
            "partners.organisation.no_active_member",
            actor=None,
            subject=party.partnership,
            organisation=organisation.name,
        )
        for other in party.partnership.parties.filter(status=PartyStatus.ACCEPTED).exclude(
            organisation=organisation
        ):
            for user in coordinators_of(other.organisation):
                recipients[user.pk] = user
    _send_each(
        recipients.values(),
        "partners/email/no_active_member_subject.txt",
        "partners/email/no_active_member_body.txt",
        {
            "organisation": organisation,
            "partnerships": partnerships,
            "url": _absolute(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})),
        },
    )


# --- Partnerships ---------------------------------------------------------------------------


@transaction.atomic
def partnership_create(*, actor, organisation: Organisation, data: dict) -> Partnership:
    """The creator's organisation becomes the first accepted party (and is recorded as initiator)."""
    _require(at_least(role_in(actor, [organisation.pk]), Role.EDITOR))
    partnership = Partnership(**data, initiated_by=organisation, created_by=actor)
    partnership.full_clean()
    partnership.save()
    party = PartnershipParty(
        partnership=partnership,
        organisation=organisation,
        status=PartyStatus.ACCEPTED,
        invited_by=actor,
        responded_by=actor,
        responded_at=timezone.now(),
    )
    party.full_clean()
    party.save()
    refresh_partnership_document(partnership)
    audit.record(
        "partners.partnership.created",
        actor=actor,
        subject=partnership,
        name=partnership.name,
        by=organisation.name,
    )
    return partnership


SHARED_FIELDS = ["name", "kind", "description", "started_on", "ended_on", "exit_clause", "visibility"]


@transaction.atomic
def partnership_update(*, actor, partnership: Partnership, data: dict, expected_version: int) -> Partnership:
    """Shared fields: any editor of any accepted party; refused if someone saved meanwhile."""
    _require(at_least(partnership_role(actor, partnership), Role.EDITOR))
    changed = {f: v for f, v in data.items() if getattr(partnership, f) != v}
    candidate = Partnership.objects.get(pk=partnership.pk)
    for field, value in data.items():
        setattr(candidate, field, value)
    candidate.full_clean()
    updated = Partnership.objects.filter(pk=partnership.pk, version=expected_version).update(
        **data, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise ConcurrentEdit(Partnership.objects.get(pk=partnership.pk))
    partnership.refresh_from_db()
    refresh_partnership_document(partnership)
    audit.record("partners.partnership.updated", actor=actor, subject=partnership, fields=sorted(changed))
    return partnership


@transaction.atomic
def partnership_set_status(*, actor, partnership: Partnership, status: str, reason: str = "", ended_on=None):
    """Any coordinator of any accepted party; ending needs a reason."""
    _require(at_least(partnership_role(actor, partnership), Role.COORDINATOR))
    if status not in PartnershipStatus.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    reason = (reason or "").strip()
    previous = partnership.status
    if status == PartnershipStatus.ENDED:
        if not reason:
            raise ValidationError({"reason": _("Say why the partnership ends: it stays in its history.")})
        partnership.end_reason = reason
        partnership.ended_on = ended_on or timezone.localdate()
    partnership.status = status
    partnership.version += 1
    partnership.full_clean()
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
    _require(at_least(partnership_role(actor, partnership), Role.COORDINATOR))
    if partnership.status == PartnershipStatus.ENDED:
        raise ValidationError(_("An ended partnership takes no new party."))
    party = PartnershipParty.objects.filter(partnership=partnership, organisation=organisation).first()
    if party and party.status in (PartyStatus.ACCEPTED, PartyStatus.INVITED):
        raise ValidationError({"organisation": _("This organisation is already a party or invited.")})
    party = party or PartnershipParty(partnership=partnership, organisation=organisation)
    party.status = PartyStatus.INVITED
    party.invited_by = actor
    party.invited_at = timezone.now()
    party.responded_by = None
    party.responded_at = None
    party.full_clean()
    party.save()
    audit.record("partners.party.invited", actor=actor, subject=partnership, organisation=organisation.name)
    _send_each(
        coordinators_of(organisation),
        "partners/email/party_invited_subject.txt",
        "partners/email/party_invited_body.txt",
        {
            "partnership": partnership,
            "organisation": organisation,
            "inviter": actor,
            "url": _absolute(reverse("partners:partnership_detail", kwargs={"key": partnership.key})),
        },
    )
    return party


@transaction.atomic
def party_respond(*, actor, party: PartnershipParty, accept: bool) -> PartnershipParty:
    """Only a coordinator of the invited organisation answers for it."""
    _require(at_least(role_in(actor, [party.organisation_id]), Role.COORDINATOR))
    if party.status != PartyStatus.INVITED:
        raise ValidationError(_("This invitation was already answered."))
    party.status = PartyStatus.ACCEPTED if accept else PartyStatus.DECLINED
    party.responded_by = actor
    party.responded_at = timezone.now()
    party.save(update_fields=["status", "responded_by", "responded_at"])
    refresh_partnership_document(party.partnership)
    action = "partners.party.accepted" if accept else "partners.party.declined"
    audit.record(action, actor=actor, subject=party.partnership, organisation=party.organisation.name)
    return party


@transaction.atomic
def party_leave(*, actor, party: PartnershipParty, reason: str = "") -> PartnershipParty:
    """A coordinator takes its organisation out of a partnership (recorded, never deleted)."""
    _require(at_least(role_in(actor, [party.organisation_id]), Role.COORDINATOR))
    if party.status != PartyStatus.ACCEPTED:
        raise ValidationError(_("Your organisation is not a party to this partnership."))
    others = party.partnership.parties.filter(status=PartyStatus.ACCEPTED).exclude(pk=party.pk)
    if not others.exists():
        raise ValidationError(
            _("Your organisation is the last party: end the partnership instead, with the reason for ending.")
        )
    party.status = PartyStatus.LEFT
    party.responded_by = actor
    party.responded_at = timezone.now()
    party.save(update_fields=["status", "responded_by", "responded_at"])
    refresh_partnership_document(party.partnership)
    audit.record(
        "partners.party.left",
        actor=actor,
        subject=party.partnership,
        organisation=party.organisation.name,
        reason=(reason or "").strip(),
    )
    return party


PARTY_FIELDS = [
    "role",
    "contribution_financial",
    "contribution_technical",
    "contribution_human",
    "contribution_expertise",
    "expectations",
    "decision_level",
    "financial_share",
]


@transaction.atomic
def party_update(*, actor, party: PartnershipParty, data: dict, expected_version: int) -> PartnershipParty:
    """Each party edits its own side: editors and coordinators of that organisation."""
    _require(party.status == PartyStatus.ACCEPTED)
    _require(at_least(role_in(actor, [party.organisation_id]), Role.EDITOR))
    changed = sorted(f for f, v in data.items() if getattr(party, f) != v)
    candidate = PartnershipParty.objects.get(pk=party.pk)
    for field, value in data.items():
        setattr(candidate, field, value)
    candidate.full_clean()
    updated = PartnershipParty.objects.filter(pk=party.pk, version=expected_version).update(
        **data, version=F("version") + 1
    )
    if not updated:
        raise ConcurrentEdit(PartnershipParty.objects.get(pk=party.pk))
    party.refresh_from_db()
    audit.record(
        "partners.party.updated",
        actor=actor,
        subject=party.partnership,
        organisation=party.organisation.name,
        fields=changed,
    )
    return party


# --- Exchanges ------------------------------------------------------------------------------


@transaction.atomic
def exchange_record(*, actor, partnership: Partnership, data: dict, legs: list[dict]) -> Exchange:
    _require(at_least(partnership_role(actor, partnership), Role.EDITOR))
    exchange = Exchange(partnership=partnership, created_by=actor, **data)
    exchange.full_clean()
    exchange.save()
    _save_legs(exchange, legs)
    audit.record(
        "partners.exchange.recorded",
        actor=actor,
        subject=partnership,
        title=exchange.title,
        date=str(exchange.date),
    )
    return exchange


def _save_legs(exchange: Exchange, legs: list[dict]) -> None:
    for leg_data in legs:
        leg = TravelLeg(exchange=exchange, **leg_data)
        leg.co2_kg = carbon.leg_co2_kg(
            mode=leg.mode, distance_km=leg.distance_km, travellers=leg.travellers, round_trip=leg.round_trip
        )
        leg.full_clean()
        leg.save()


@transaction.atomic
def exchange_update(
    *, actor, exchange: Exchange, data: dict, legs: list[dict], expected_version: int
) -> Exchange:
    """Any editor of any accepted party corrects an exchange, its travel legs included; refused
    (``ConcurrentEdit``) if someone saved it since the form was opened."""
    partnership = exchange.partnership
    _require(at_least(partnership_role(actor, partnership), Role.EDITOR))
    current = Exchange.objects.select_for_update().get(pk=exchange.pk)
    if current.version != expected_version:
        raise ConcurrentEdit(current)
    changed = sorted(field for field, value in data.items() if getattr(current, field) != value)
    old_legs = [
        (leg.origin, leg.destination, leg.mode, leg.distance_km, leg.travellers, leg.round_trip)
        for leg in current.legs.order_by("id")
    ]
    new_legs = [
        (
            leg["origin"],
            leg["destination"],
            leg["mode"],
            leg["distance_km"],
            leg["travellers"],
            leg["round_trip"],
        )
        for leg in legs
    ]
    for field, value in data.items():
        setattr(current, field, value)
    current.version += 1
    current.full_clean()
    current.save()
    if old_legs != new_legs:
        current.legs.all().delete()
        _save_legs(current, legs)
        changed.append("legs")
    audit.record(
        "partners.exchange.updated",
        actor=actor,
        subject=partnership,
        title=current.title,
        date=str(current.date),
        fields=changed,
    )
    return current


# --- Check-ins ------------------------------------------------------------------------------


@transaction.atomic
def checkin_open(*, actor, partnership: Partnership, due_on=None) -> CheckInRound:
    _require(at_least(partnership_role(actor, partnership), Role.COORDINATOR))
    last = partnership.checkin_rounds.order_by("-number").first()
    if last and not round_is_complete(last):
        raise ValidationError(_("The current round is still waiting for answers."))
    checkin_round = CheckInRound(
        partnership=partnership, number=(last.number + 1) if last else 1, due_on=due_on, opened_by=actor
    )
    checkin_round.full_clean()
    checkin_round.save()
    audit.record("partners.checkin.opened", actor=actor, subject=partnership, round=checkin_round.number)
    return checkin_round


def round_is_complete(checkin_round, parties=None, answers=None) -> bool:
    """Every accepted party has answered (hidden-until-all-answered rule)."""
    if parties is None:
        parties = checkin_round.partnership.parties.filter(status=PartyStatus.ACCEPTED)
    if answers is None:
        answers = checkin_round.answers.all()
    accepted = {p.pk for p in parties if p.status == PartyStatus.ACCEPTED}
    answered = {a.party_id for a in answers}
    return bool(accepted) and accepted <= answered


@transaction.atomic
def checkin_answer(
    *, actor, checkin_round: CheckInRound, party: PartnershipParty, data: dict
) -> CheckInAnswer:
    _require(party.status == PartyStatus.ACCEPTED and party.partnership_id == checkin_round.partnership_id)
    _require(at_least(role_in(actor, [party.organisation_id]), Role.EDITOR))
    if CheckInAnswer.objects.filter(round=checkin_round, party=party).exists():
        raise ValidationError(_("Your organisation already answered this round."))
    answer = CheckInAnswer(round=checkin_round, party=party, answered_by=actor, **data)
    answer.full_clean()
    answer.save()
    audit.record(
        "partners.checkin.answered",
        actor=actor,
        subject=checkin_round.partnership,
        round=checkin_round.number,
        organisation=party.organisation.name,
    )
    return answer
