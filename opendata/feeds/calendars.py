"""The iCalendar feeds: every published event, and a person's own events and workshops."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from events import ics
from events.models import ACTIVE_STATUSES, Event, Registration, RegistrationStatus, WorkshopRegistration
from events.selectors import published_events


def public_calendar(language: str | None = None) -> bytes:
    """Every published event (cancelled ones marked so), without their online links: those
    are for registered people."""
    events = ics.with_modified_at(published_events().prefetch_related(None)).order_by("starts_at", "id")
    calendar = ics.new_calendar(_("Soliris events"))
    for event in events:
        calendar.add_component(ics.event_vevent(event, with_link=False, language=language))
    return calendar.to_ical()


def personal_calendar(user, language: str | None = None) -> bytes:
    """The events ``user`` registered for (or waits for) and the workshops they joined, each
    as its own VEVENT; the online link to those who have a place (as the event's page)."""
    annotated_events = ics.with_modified_at(Event.objects.all())
    registrations = (
        Registration.objects.filter(user=user, status__in=ACTIVE_STATUSES)
        .prefetch_related(Prefetch("event", queryset=annotated_events))
        .order_by("event__starts_at", "id")
    )
    bookings = (
        WorkshopRegistration.objects.filter(
            registration__user=user,
            registration__status__in=ACTIVE_STATUSES,
            status__in=ACTIVE_STATUSES,
        )
        .select_related("workshop", "registration")
        .prefetch_related(Prefetch("workshop__event", queryset=annotated_events))
        .order_by("workshop__starts_at", "id")
    )
    calendar = ics.new_calendar(_("My Soliris calendar"))
    for registration in registrations:
        calendar.add_component(
            ics.event_vevent(
                registration.event,
                with_link=registration.status == RegistrationStatus.CONFIRMED,
                language=language,
                waiting=ics.is_waiting(registration.status),
            )
        )
    for booking in bookings:
        calendar.add_component(
            ics.workshop_vevent(
                booking.workshop,
                with_link=booking.registration.status == RegistrationStatus.CONFIRMED,
                language=language,
                waiting=ics.is_waiting(booking.status),
            )
        )
    return calendar.to_ical()
