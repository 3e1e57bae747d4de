"""Members of an organisation: invitations, roles, their own details, and ending a membership."""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.models import Invitation, InvitationStatus, Membership, Role
from partners.permissions import at_least, forget_roles, role_in
from partners.services.common import differs, full_clean, require
from partners.services.organisations import notify_no_active_member
from soliris import audit, mail
from soliris.conflicts import check_version
from soliris.models import NotificationTopic


@transaction.atomic
def member_invite(
    *, actor, organisation, email: str, role: str, function: str = "", language: str = ""
) -> Invitation:
    require(at_least(role_in(actor, [organisation.pk]), Role.COORDINATOR))
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
    full_clean(invitation)
    invitation.save()
    audit.record("partners.member.invited", actor=actor, subject=organisation, email=email, role=role)
    mail.send(
        [mail.Address(email, invitation.language)],
        "partners/email/invitation",
        {"invitation": invitation, "organisation": organisation, "inviter": actor},
        link=("partners:invitation_accept", invitation.token),
        light=("partners:invitation_accept", invitation.token),
        topic=NotificationTopic.ORGANISATIONS,
        action=True,
    )
    return invitation


def verified_addresses(user) -> set[str]:
    """The email addresses ``user`` has verified (allauth), lower-cased."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    }


def invitation_is_for(invitation: Invitation, user) -> bool:
    """An invitation is bound to its address: only an account that verified it may accept."""
    return invitation.email.lower() in verified_addresses(user)


@transaction.atomic
def invitation_accept(*, actor, invitation: Invitation) -> Membership:
    """The invited person joins: signed in, with the invited address among their verified
    ones, and with a full name (the other members see who joined, by name)."""
    require(actor.is_authenticated)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    require(invitation_is_for(invitation, actor))
    if not (actor.full_name or "").strip():
        raise ValidationError(_("Add your full name to your profile before joining an organisation."))
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or was already used."))
    organisation = invitation.organisation
    if organisation.memberships.filter(user=actor, active_until__isnull=True).exists():
        raise ValidationError(_("You are already a member of this organisation."))
    membership = Membership(
        organisation=organisation, user=actor, role=invitation.role, function=invitation.function
    )
    full_clean(membership)
    membership.save()
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_by = actor
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_by", "accepted_at"])
    forget_roles(actor)
    audit.record("partners.member.joined", actor=actor, subject=organisation, role=invitation.role)
    notify_member_joined(invitation=invitation, membership=membership)
    return membership


def notify_member_joined(*, invitation: Invitation, membership: Membership) -> int:
    """Tell the person who invited, while they are still a member of the organisation (the
    page of its members is theirs to open); nobody else, and not the one who joined."""
    inviter = invitation.invited_by
    if inviter is None or inviter.pk == membership.user_id or not inviter.is_active:
        return 0
    today = timezone.localdate()
    still_member = invitation.organisation.memberships.filter(
        user=inviter, active_until__isnull=True, active_from__lte=today
    ).exists()
    if not still_member:
        return 0
    return mail.send(
        [inviter],
        "partners/email/member_joined",
        {
            "organisation": invitation.organisation,
            "member": membership.user,
            "role": Role(membership.role).label,  # in the reader's language
            "email": invitation.email,
        },
        link=("partners:organisation_detail", invitation.organisation.slug),
        topic=NotificationTopic.ORGANISATIONS,
    )


@transaction.atomic
def invitation_cancel(*, actor, invitation: Invitation) -> None:
    require(at_least(role_in(actor, [invitation.organisation_id]), Role.COORDINATOR))
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
def member_role(*, actor, membership: Membership, role: str) -> Membership:
    """A coordinator changes a member's role; the organisation always keeps a coordinator."""
    require(at_least(role_in(actor, [membership.organisation_id]), Role.COORDINATOR))
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
    full_clean(membership)
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


# What the conflict screen shows of the membership saved meanwhile.
MEMBERSHIP_CONFLICT_FIELDS = ("function", "languages", "time_zone", "communication_preferences", "may_sign")


@transaction.atomic
def member_edit(*, actor, membership: Membership, data: dict, expected_version: int) -> Membership:
    """The person updates their own membership; a coordinator any (and "may sign"). Refused
    (``EditConflict``) if someone saved meanwhile; saving what is saved records nothing."""
    coordinator = at_least(role_in(actor, [membership.organisation_id]), Role.COORDINATOR)
    require(coordinator or membership.user_id == actor.pk)
    current = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    if not current.is_active:
        raise ValidationError(_("This membership has ended."))
    check_version(current, expected_version, fields=MEMBERSHIP_CONFLICT_FIELDS)
    if not coordinator:
        data = {k: v for k, v in data.items() if k != "may_sign"}
    changed = sorted(f for f, v in data.items() if differs(getattr(current, f), v))
    if not changed:
        return current
    for field in changed:
        setattr(current, field, data[field])
    full_clean(current)
    current.version += 1
    current.save()
    audit.record(
        "partners.member.updated",
        actor=actor,
        subject=current.organisation,
        person=str(current.user),
        fields=changed,
    )
    return current


@transaction.atomic
def member_end(*, actor, membership: Membership) -> Membership:
    """Ends (never deletes) a membership. Coordinators end any; a person may leave."""
    own = membership.user_id == actor.pk
    require(own or at_least(role_in(actor, [membership.organisation_id]), Role.COORDINATOR))
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
