"""Registrations for events and workshops, their waiting lists, and the mails that say so.

The mails go through :func:`soliris.mail.send` in the registration's language: they are
recorded with the change and delivered after the commit, so a mail server that is down
never undoes (or errors) a registration.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import (
    ACTIVE_STATUSES,
    Event,
    Registration,
    RegistrationStatus,
    Workshop,
    WorkshopRegistration,
)
from events.services.base import require_full_name
from soliris import audit, mail
from soliris.models import NotificationTopic

NOT_PUBLISHED = _(
    "This event is not open to registration yet: it is published once the platform has "
    "verified its organising organisation."
)

audit.register("events.registration.created", _("registered"))
audit.register("events.registration.cancelled", _("cancelled a registration"))
audit.register("events.registration.promoted", _("moved up from the waiting list"))
audit.register("events.workshop_registration.created", _("joined a workshop"))
audit.register("events.workshop_registration.cancelled", _("left a workshop"))
audit.register("events.workshop_registration.promoted", _("moved up from a workshop's waiting list"))


def _registration_mail(registration: Registration, name: str, *, topic=None, **context) -> None:
    """``events/email/<name>`` to the registrant, in the language they registered in.

    ``topic``: none for the answer to what the person just did (registered), the events
    topic for what happened to their registration meanwhile (a place freed up)."""
    event = registration.event
    mail.send(
        [registration.user],
        f"events/email/{name}",
        {"registration": registration, "event": event, "user": registration.user, **context},
        link=("events:event_detail", event.slug),
        language=registration.language or None,
        topic=topic,
    )


def event_register(
    *, actor, event: Event, language: str, accessibility_needs: str = "", interpretation_needs=()
) -> Registration:
    """Register ``actor``: confirmed while there is room, else on the waiting list."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    require_full_name(actor)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.is_published:
            raise ValidationError(NOT_PUBLISHED)
        if not event.registration_open:
            raise ValidationError(_("Registration for this event is closed."))
        if Registration.objects.filter(event=event, user=actor, status__in=ACTIVE_STATUSES).exists():
            raise ValidationError(_("You are already registered for this event."))
        confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
        full = event.capacity is not None and confirmed >= event.capacity
        registration = Registration(
            event=event,
            user=actor,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            language=language,
            accessibility_needs=accessibility_needs,
            interpretation_needs=list(interpretation_needs),
        )
        registration.full_clean()
        registration.save()
        audit.record("events.registration.created", actor=actor, subject=event, status=registration.status)
        _registration_mail(registration, "registration_waiting" if full else "registration_confirmed")
    return registration


def _promote_waiting_registration(event: Event) -> Registration | None:
    """Confirm the first person waiting, when there is room (the event row is locked)."""
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
    if event.capacity is not None and confirmed >= event.capacity:
        return None
    first = (
        Registration.objects.select_for_update()
        .filter(event=event, status=RegistrationStatus.WAITING)
        .order_by("created_at", "id")
        .first()
    )
    if first is None:
        return None
    first.status = RegistrationStatus.CONFIRMED
    first.save(update_fields=["status"])
    first.event = event
    audit.record("events.registration.promoted", actor=None, subject=event, user=first.user_id)
    _registration_mail(first, "registration_promoted", topic=NotificationTopic.EVENTS)
    return first


def registration_cancel(*, actor, registration: Registration) -> Registration | None:
    """Cancel one's own registration (and its workshops); the waiting list moves up.

    Returns the registration that moved up, if any.
    """
    if registration.user_id != getattr(actor, "pk", None):
        raise PermissionDenied
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            raise ValidationError(_("This registration was already cancelled."))
        now = timezone.now()
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        for booking in registration.workshop_registrations.filter(status__in=ACTIVE_STATUSES).select_related(
            "workshop"
        ):
            _workshop_cancel_locked(booking, now)
        audit.record("events.registration.cancelled", actor=actor, subject=event)
        promoted = _promote_waiting_registration(event)
    return promoted


def _overlapping(registration: Registration, workshop: Workshop):
    return (
        WorkshopRegistration.objects.filter(registration=registration, status__in=ACTIVE_STATUSES)
        .exclude(workshop=workshop)
        .filter(workshop__starts_at__lt=workshop.ends_at, workshop__ends_at__gt=workshop.starts_at)
        .select_related("workshop")
        .first()
    )


def workshop_join(*, actor, workshop: Workshop) -> WorkshopRegistration:
    """Join a workshop: one needs a confirmed registration for the event, and no overlapping workshop."""
    with transaction.atomic():
        workshop = Workshop.objects.select_for_update().select_related("event").get(pk=workshop.pk)
        event = workshop.event
        if not event.is_published:
            raise ValidationError(NOT_PUBLISHED)
        if not event.registration_open:
            raise ValidationError(_("Registration for this event is closed."))
        registration = Registration.objects.filter(
            event=event, user=actor, status=RegistrationStatus.CONFIRMED
        ).first()
        if registration is None:
            raise ValidationError(
                _("Register for the event first: workshops are open to its confirmed participants.")
            )
        if WorkshopRegistration.objects.filter(
            registration=registration, workshop=workshop, status__in=ACTIVE_STATUSES
        ).exists():
            raise ValidationError(_("You are already registered for this workshop."))
        clash = _overlapping(registration, workshop)
        if clash is not None:
            raise ValidationError(
                _("This workshop overlaps with “%(other)s”, which you have joined. Leave that one first."),
                params={"other": clash.workshop.title},
            )
        confirmed = workshop.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        full = workshop.capacity is not None and confirmed >= workshop.capacity
        booking = WorkshopRegistration(
            workshop=workshop,
            registration=registration,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
        )
        booking.full_clean()
        booking.save()
        audit.record(
            "events.workshop_registration.created",
            actor=actor,
            subject=event,
            workshop=workshop.key,
            status=booking.status,
        )
    return booking


def _workshop_cancel_locked(booking: WorkshopRegistration, now) -> WorkshopRegistration | None:
    workshop = Workshop.objects.select_for_update().get(pk=booking.workshop_id)
    was_confirmed = booking.status == RegistrationStatus.CONFIRMED
    booking.status = RegistrationStatus.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at"])
    if not was_confirmed:
        return None
    first = (
        WorkshopRegistration.objects.select_for_update()
        .filter(workshop=workshop, status=RegistrationStatus.WAITING)
        .order_by("created_at", "id")
        .first()
    )
    if first is not None:
        first.status = RegistrationStatus.CONFIRMED
        first.save(update_fields=["status"])
        registration = Registration.objects.select_related("user", "event").get(pk=first.registration_id)
        audit.record(
            "events.workshop_registration.promoted",
            actor=None,
            subject=registration.event,
            workshop=workshop.key,
            user=registration.user_id,
        )
        _registration_mail(
            registration, "workshop_promoted", topic=NotificationTopic.EVENTS, workshop=workshop
        )
    return first


def workshop_leave(*, actor, workshop: Workshop) -> WorkshopRegistration | None:
    """Leave a workshop; the first person on its waiting list takes the place (returned)."""
    with transaction.atomic():
        booking = (
            WorkshopRegistration.objects.select_for_update()
            .filter(workshop=workshop, registration__user=actor, status__in=ACTIVE_STATUSES)
            .first()
        )
        if booking is None:
            raise ValidationError(_("You are not registered for this workshop."))
        promoted = _workshop_cancel_locked(booking, timezone.now())
        audit.record(
            "events.workshop_registration.cancelled",
            actor=actor,
            subject=workshop.event,
            workshop=workshop.key,
        )
    return promoted
