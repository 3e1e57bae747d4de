"""Events and the workshops of their programme: creating and updating them."""

import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from events.models import ACTIVE_STATUSES, Event, Registration, RegistrationStatus, Workshop
from events.permissions import organisations_organised_by
from events.services.base import (
    LANGUAGE_CODES,
    changed_fields,
    full_clean,
    has_text,
    require_organiser,
    same_members,
    set_fields,
)
from soliris import audit, mail
from soliris.conflicts import check_version
from soliris.models import NotificationTopic

audit.register("events.event.created", _("created the event"))
audit.register("events.event.updated", _("updated the event"))
audit.register("events.event.cancelled", _("cancelled the event"))
audit.register("events.workshop.created", _("added a workshop"))
audit.register("events.workshop.updated", _("updated a workshop"))

# The form field each constraint's message goes on.
ORDER_FIELDS = {"ends_before_start": "ends_at"}

# What the conflict screen shows of an event saved meanwhile.
EVENT_CONFLICT_FIELDS = ("title", "description")

# What registered people are told of when it changes: when, where, and the online link
# (a new time zone moves the hour they read). A corrected description tells nobody.
WHEN_FIELDS = ("starts_at", "ends_at", "time_zone")
WHERE_FIELDS = ("place_name", "address")
LINK_FIELDS = ("online_url",)
NOTIFIED_FIELDS = WHEN_FIELDS + WHERE_FIELDS + LINK_FIELDS


def _place(place_name: str, address: str) -> str:
    """The place on one line: its name, then the address's lines."""
    lines = [place_name or "", *(address or "").splitlines()]
    return ", ".join(line.strip() for line in lines if line.strip())


def _end_format(values: dict) -> str:
    """How the end is written: its hour alone when it is the day the event starts (where the
    event takes place), else its date and hour."""
    tz = zoneinfo.ZoneInfo(values["time_zone"])
    one_day = timezone.localdate(values["starts_at"], tz) == timezone.localdate(values["ends_at"], tz)
    return "TIME_FORMAT" if one_day else "DATETIME_FORMAT"


def _tell_registrants_of_changes(*, actor, event: Event, before: dict) -> int:
    """Tell the people registered (confirmed or waiting) what changed in the event: before
    and after, in plain text, in the language they registered in, with the event's page.
    Not the person who made the change, nor anyone once the event is over. The online link
    goes to confirmed people only, as on the page: those waiting are not told of it."""
    changed = {name for name in NOTIFIED_FIELDS if before[name] != getattr(event, name)}
    if event.cancelled_at is not None:
        return 0  # they were told it is cancelled: a later correction is not news
    if not changed or (before["ends_at"] < timezone.now() and event.ends_at < timezone.now()):
        return 0
    when = bool(changed & set(WHEN_FIELDS))
    where = bool(changed & set(WHERE_FIELDS))
    link = bool(changed & set(LINK_FIELDS))
    after = {name: getattr(event, name) for name in NOTIFIED_FIELDS}
    context = {
        "event": event,
        "before": {
            **before,
            "place": _place(before["place_name"], before["address"]),
            "end_format": _end_format(before),
        },
        "after": {
            **after,
            "place": _place(event.place_name, event.address),
            "end_format": _end_format(after),
        },
        "when_changed": when,
        "where_changed": where,
    }
    registrations = (
        Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES, user__is_active=True)
        .exclude(user=actor)
        .select_related("user")
        .order_by("created_at", "id")
    )
    groups: dict[tuple[str, bool], list] = {}
    for registration in registrations:
        confirmed = registration.status == RegistrationStatus.CONFIRMED
        if not (when or where or confirmed):
            continue  # only the online link changed, which those waiting do not have
        groups.setdefault((registration.language, confirmed), []).append(registration.user)
    told = 0
    for (language, confirmed), users in groups.items():
        told += mail.send(
            users,
            "events/email/event_changed",
            {**context, "link_changed": link and confirmed},
            link=("events:event_detail", event.slug),
            language=language or None,
            topic=NotificationTopic.EVENTS,
        )
    return told


def _unique_slug(title: str, starts_at) -> str:
    base = slugify(f"{title} {starts_at:%Y}")[:80] or "event"
    slug, n = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def event_create(*, actor, data: dict, organisers=(), platform_event=False) -> Event:
    """``data``: the event's own fields (title_fr..., starts_at...). ``organisers``: organisations
    in whose name the actor organises (editor or coordinator there)."""
    allowed = set(organisations_organised_by(actor))
    if any(org.pk not in allowed for org in organisers):
        raise PermissionDenied
    if platform_event and not actor.is_staff:
        raise PermissionDenied
    if not organisers and not platform_event:
        raise ValidationError(_("Choose at least one organising organisation."))
    with transaction.atomic():
        event = Event(created_by=actor, platform_event=platform_event)
        set_fields(event, data)
        title = next((data.get(f"title_{c}") for c in LANGUAGE_CODES if data.get(f"title_{c}")), "")
        if not title:
            raise ValidationError({"title_fr": _("Give the event a title in at least one language.")})
        event.slug = _unique_slug(title, event.starts_at)
        full_clean(event, fields=ORDER_FIELDS)
        event.save()
        event.organisers.set(organisers)
        audit.record("events.event.created", actor=actor, subject=event, title=title)
    return event


def event_update(*, actor, event: Event, data: dict, organisers=None, expected_version: int) -> Event:
    """Save the event's fields if nobody saved it since ``expected_version`` (else
    :class:`~soliris.conflicts.EditConflict`). ``organisers``: the actor's own organisations
    among the organisers; those of the others are kept."""
    require_organiser(actor, event)
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        changed = changed_fields(current, data)
        all_organisers = None
        if organisers is not None:
            mine = set(organisations_organised_by(actor))
            keep = [org for org in event.organisers.all() if org.pk not in mine]
            all_organisers = list(organisers) + keep
        if not changed and (all_organisers is None or same_members(current.organisers, all_organisers)):
            return current  # nothing changed: no new version, no history entry
        check_version(current, expected_version, fields=EVENT_CONFLICT_FIELDS)
        before = {name: getattr(current, name) for name in NOTIFIED_FIELDS}
        set_fields(current, data)
        if not has_text(current, "title"):
            raise ValidationError({"title_fr": _("Give the event a title in at least one language.")})
        current.version = F("version") + 1
        full_clean(current, fields=ORDER_FIELDS, exclude=["version"])
        current.save()
        if all_organisers is not None:
            current.organisers.set(all_organisers)
            if not current.organisers.exists() and not current.platform_event:
                raise ValidationError(_("Choose at least one organising organisation."))
        audit.record("events.event.updated", actor=actor, subject=current, fields=changed)
        _tell_registrants_of_changes(actor=actor, event=current, before=before)
    current.refresh_from_db()
    return current


def event_cancel(*, actor, event: Event, reason: str) -> Event:
    """Cancel the event, with the reason its registrants read. It stays (its registrations,
    recommendations and history with it), marked cancelled on its page, in the agenda and in
    calendars; nobody registers any more. Everyone registered or waiting is told, in the
    language they registered in — not the organiser who cancelled it."""
    require_organiser(actor, event)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the event is cancelled: the registered people read it.")})
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        if current.cancelled_at is not None:
            raise ValidationError(_("This event is already cancelled."))
        if current.is_past:
            raise ValidationError(_("This event is over: it can no longer be cancelled."))
        current.cancelled_at = timezone.now()
        current.cancellation_reason = reason
        current.version = F("version") + 1
        current.save(update_fields=["cancelled_at", "cancellation_reason", "version"])
        audit.record("events.event.cancelled", actor=actor, subject=current, reason=reason)
        current.refresh_from_db()
        registrations = (
            Registration.objects.filter(event=current, status__in=ACTIVE_STATUSES, user__is_active=True)
            .exclude(user=actor)
            .select_related("user")
            .order_by("created_at", "id")
        )
        by_language: dict[str, list] = {}
        for registration in registrations:
            by_language.setdefault(registration.language, []).append(registration.user)
        for language, users in by_language.items():
            mail.send(
                users,
                "events/email/event_cancelled",
                {"event": current, "reason": reason},
                link=("events:event_detail", current.slug),
                language=language or None,
                topic=NotificationTopic.EVENTS,
            )
    return current


# What the conflict screen shows of a workshop saved meanwhile: its texts, language by language.
WORKSHOP_CONFLICT_FIELDS = tuple(
    f"{field}_{code}" for field in ("title", "description") for code in LANGUAGE_CODES
) + ("starts_at", "ends_at", "room", "facilitators")


def _workshop_check(workshop: Workshop, data: dict) -> None:
    set_fields(workshop, data)
    if not has_text(workshop, "title"):
        raise ValidationError({"title_fr": _("Give the workshop a title in at least one language.")})


def workshop_create(*, actor, event: Event, data: dict) -> Workshop:
    """Add a workshop to the event's programme (within the event's times)."""
    require_organiser(actor, event)
    with transaction.atomic():
        workshop = Workshop(event=event)
        _workshop_check(workshop, data)
        full_clean(workshop, fields=ORDER_FIELDS)
        workshop.save()
        audit.record("events.workshop.created", actor=actor, subject=event, workshop=workshop.key)
    return workshop


def workshop_update(*, actor, workshop: Workshop, data: dict, expected_version: int) -> Workshop:
    """Save the workshop if nobody saved it since ``expected_version`` (else
    :class:`~soliris.conflicts.EditConflict`, with the texts saved meanwhile)."""
    event = workshop.event
    require_organiser(actor, event)
    with transaction.atomic():
        current = Workshop.objects.select_for_update().get(pk=workshop.pk)
        current.event = event
        changed = changed_fields(current, data)
        if not changed:
            return current  # nothing changed: no new version, no history entry
        check_version(current, expected_version, fields=WORKSHOP_CONFLICT_FIELDS)
        _workshop_check(current, data)
        current.version = F("version") + 1
        full_clean(current, fields=ORDER_FIELDS, exclude=["version"])
        current.save()
        audit.record(
            "events.workshop.updated", actor=actor, subject=event, workshop=current.key, fields=changed
        )
    current.refresh_from_db()
    return current
