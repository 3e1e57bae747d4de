"""Organisations: registration, profile, verification, and the alarm when nobody is left."""

from django.db import transaction
from django.utils import timezone

from partners.models import Membership, Organisation, PartnershipParty, PartyStatus, Role
from partners.permissions import at_least, forget_roles, role_in
from partners.services.common import (
    coordinators_of,
    differs,
    full_clean,
    refresh_organisation_search_text,
    require,
    unique_slug,
)
from soliris import audit, mail
from soliris.conflicts import check_version
from soliris.models import NotificationTopic, User


@transaction.atomic
def organisation_create(*, actor, data: dict, themes=()) -> Organisation:
    """A signed-in user registers an organisation and becomes its coordinator."""
    require(actor.is_authenticated)
    organisation = Organisation(**data)
    organisation.slug = organisation.slug or unique_slug(organisation.name)
    organisation.verified_at = None
    full_clean(organisation)
    organisation.save()
    organisation.themes.set(themes)
    membership = Membership(organisation=organisation, user=actor, role=Role.COORDINATOR)
    full_clean(membership)
    membership.save()
    forget_roles(actor)
    refresh_organisation_search_text(organisation)
    audit.record(
        "partners.organisation.registered", actor=actor, subject=organisation, name=organisation.name
    )
    mail.send(
        User.objects.filter(is_staff=True, is_active=True),
        "partners/email/verify",
        {"organisation": organisation},
        link=("partners:verification_queue",),
        topic=NotificationTopic.ORGANISATIONS,
        action=True,  # a staff member verifies it
    )
    return organisation


# What the conflict screen shows of the profile saved meanwhile.
ORGANISATION_CONFLICT_FIELDS = (
    "name",
    "locality",
    "description_fr",
    "description_nl",
    "description_en",
    "description_es",
    "website",
    "email",
    "phone",
)


@transaction.atomic
def organisation_edit(
    *, actor, organisation: Organisation, data: dict, expected_version: int, themes=None
) -> Organisation:
    """A coordinator edits the profile; refused (``EditConflict``) if someone saved meanwhile.
    Saving what is already saved changes nothing and records nothing."""
    require(at_least(role_in(actor, [organisation.pk]), Role.COORDINATOR))
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    check_version(current, expected_version, fields=ORGANISATION_CONFLICT_FIELDS)
    changed = [field for field, value in data.items() if differs(getattr(current, field), value)]
    themes_changed = themes is not None and {t.pk for t in themes} != set(
        current.themes.values_list("pk", flat=True)
    )
    if not changed and not themes_changed:
        return current
    for field in changed:
        setattr(current, field, data[field])
    full_clean(current)
    current.version += 1
    current.save()
    if themes_changed:
        current.themes.set(themes)
        changed.append("themes")
    refresh_organisation_search_text(current)
    audit.record("partners.organisation.updated", actor=actor, subject=current, fields=sorted(changed))
    return current


@transaction.atomic
def organisation_verify(*, actor, organisation: Organisation) -> Organisation:
    require(actor.is_staff)
    if organisation.verified_at is None:
        organisation.verified_at = timezone.now()
        organisation.save(update_fields=["verified_at"])
        refresh_organisation_search_text(organisation)
        audit.record("partners.organisation.verified", actor=actor, subject=organisation)
        today = timezone.localdate()
        members = User.objects.filter(
            memberships__organisation=organisation,
            memberships__active_until__isnull=True,
            memberships__active_from__lte=today,
            is_active=True,
        ).distinct()
        mail.send(  # every member, in their language, in the app and by e-mail
            members,
            "partners/email/verified",
            {"organisation": organisation},
            link=("partners:organisation_detail", organisation.slug),
            topic=NotificationTopic.ORGANISATIONS,
        )
    return organisation


def notify_no_active_member(*, organisation) -> None:
    """Tell the other parties of its partnerships, and the platform staff, in their language."""
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
    mail.send(
        recipients.values(),
        "partners/email/no_active_member",
        {"organisation": organisation, "partnerships": partnerships},
        link=("partners:organisation_detail", organisation.slug),
        topic=NotificationTopic.PARTNERSHIPS,
    )
