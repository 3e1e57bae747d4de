"""Events and their workshops as iCalendar (RFC 5545), built with the ``icalendar`` package.

One VEVENT per event or workshop, the same wherever it is published (the single event's file,
the public feed, a person's own feed): its UID is its public key and the site's domain, its
SEQUENCE the number of edits since it was created, so that a calendar which has it takes a
moved or cancelled event as a new revision of the same one. Times are written in UTC.
"""

from datetime import UTC
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import DateTimeField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from events.models import ACTIVE_STATUSES, Event, RegistrationStatus, Workshop
from soliris.i18n import translated_value
from soliris.models import AuditEntry

CONTENT_TYPE = "text/calendar; charset=utf-8"
# The history entries that change what a calendar shows of an event (not its registrations).
CHANGES = Q(action__startswith="events.event.") | Q(action__startswith="events.workshop.")


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "soliris"


def event_uid(event) -> str:
    return f"{event.slug}@{site_domain()}"


def workshop_uid(workshop) -> str:
    return f"workshop-{workshop.key}@{site_domain()}"


def sequence(obj) -> int:
    """Version 1 is the first revision (SEQUENCE 0); every edit adds one."""
    return max(obj.version - 1, 0)


def with_modified_at(queryset):
    """Events annotated with ``modified_at``: their last change in the history (edit,
    cancellation, workshop), their creation when there is none. One subquery, no extra query."""
    changes = (
        AuditEntry.objects.filter(
            CHANGES, subject_type=ContentType.objects.get_for_model(Event), subject_id=OuterRef("pk")
        )
        .values("subject_id")
        .annotate(at=Max("created_at"))
        .values("at")
    )
    return queryset.annotate(
        modified_at=Coalesce(Subquery(changes, output_field=DateTimeField()), "created_at")
    )


def modified_at(event):
    if hasattr(event, "modified_at"):
        return event.modified_at
    return with_modified_at(Event.objects.filter(pk=event.pk)).values_list("modified_at", flat=True).first()


def _utc(value):
    return value.astimezone(UTC)


def _event_url(event) -> str:
    return f"{settings.SITE_URL}{reverse('events:event_detail', args=[event.slug])}"


def _location(event, *, with_link: bool) -> str:
    location = ", ".join(part for part in [event.place_name, " ".join(event.address.split())] if part)
    if not location and with_link:
        location = event.online_url
    return location


def _common(vevent, *, event, modified, now, waiting: bool):
    vevent.add("dtstamp", _utc(now))
    vevent.add("last-modified", _utc(modified or event.created_at))
    vevent.add("url", _event_url(event))
    if event.cancelled_at:
        vevent.add("status", "CANCELLED")
    else:
        # On the waiting list: in the person's calendar, not yet a place.
        vevent.add("status", "TENTATIVE" if waiting else "CONFIRMED")


def event_vevent(
    event, *, with_link: bool, language: str | None = None, now=None, waiting: bool = False
) -> icalendar.Event:
    """The event as a VEVENT; ``with_link``: the online meeting's link too (registered people,
    organisers); ``waiting``: the reader is on its waiting list."""
    title, _lang = translated_value(event, "title", language)
    description, _lang = translated_value(event, "description", language)
    if with_link and event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("summary", title)
    vevent.add("dtstart", _utc(event.starts_at))
    vevent.add("dtend", _utc(event.ends_at))
    # A calendar that has the event sees it cancelled, and each change as a new revision.
    vevent.add("sequence", sequence(event))
    if description:
        vevent.add("description", description)
    location = _location(event, with_link=with_link)
    if location:
        vevent.add("location", location)
    _common(vevent, event=event, modified=modified_at(event), now=now or timezone.now(), waiting=waiting)
    return vevent


def workshop_vevent(
    workshop, *, with_link: bool, language: str | None = None, now=None, waiting: bool = False
) -> icalendar.Event:
    """A workshop of the event's programme as its own VEVENT (its room, at the event's place)."""
    event = workshop.event
    title, _lang = translated_value(workshop, "title", language)
    event_title, _lang = translated_value(event, "title", language)
    description, _lang = translated_value(workshop, "description", language)
    description = "\n\n".join(part for part in [event_title, description, workshop.facilitators] if part)
    vevent = icalendar.Event()
    vevent.add("uid", workshop_uid(workshop))
    vevent.add("summary", title)
    vevent.add("dtstart", _utc(workshop.starts_at))
    vevent.add("dtend", _utc(workshop.ends_at))
    vevent.add("sequence", sequence(workshop))
    vevent.add("description", description)
    location = ", ".join(part for part in [workshop.room, _location(event, with_link=with_link)] if part)
    if location:
        vevent.add("location", location)
    vevent.add("related-to", event_uid(event))
    _common(vevent, event=event, modified=modified_at(event), now=now or timezone.now(), waiting=waiting)
    return vevent


def new_calendar(name: str = "") -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Soliris//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def joined_workshops(registration, event) -> list:
    """The event's workshops that ``registration`` joined (or waits for), each with its
    booking's status as ``booking_status`` and ``event`` the one given."""
    workshops = list(
        Workshop.objects.filter(
            event=event,
            registrations__registration=registration,
            registrations__status__in=ACTIVE_STATUSES,
        )
        .annotate(booking_status=Max("registrations__status"))
        .order_by("starts_at", "id")
    )
    for workshop in workshops:
        workshop.event = event
    return workshops


def is_waiting(status) -> bool:
    return status == RegistrationStatus.WAITING


def event_calendar(
    event, *, with_link: bool, registration=None, workshops=(), language: str | None = None
) -> bytes:
    """One event's file, with the workshops of it that the reader joined."""
    now = timezone.now()
    if not hasattr(event, "modified_at"):
        event.modified_at = modified_at(event)  # once, for the event and its workshops
    calendar = new_calendar()
    calendar.add_component(
        event_vevent(
            event,
            with_link=with_link,
            language=language,
            now=now,
            waiting=is_waiting(getattr(registration, "status", None)),
        )
    )
    for workshop in workshops:
        calendar.add_component(
            workshop_vevent(
                workshop,
                with_link=with_link,
                language=language,
                now=now,
                waiting=is_waiting(workshop.booking_status),
            )
        )
    return calendar.to_ical()
