"""An event as an iCalendar file (RFC 5545), written by hand: escaped text, folded lines."""

from datetime import UTC

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from soliris.i18n import translated_value


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        str(text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF + space (never splitting a UTF-8 character)."""
    out, current, size = [], "", 0
    for char in line:
        length = len(char.encode())
        limit = 75 if not out else 74
        if size + length > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += length
    out.append(current)
    return "\r\n ".join(out)


def _utc(value) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_calendar(event, *, with_link: bool) -> str:
    url = f"{settings.SITE_URL}{reverse('events:event_detail', args=[event.slug])}"
    title, _lang = translated_value(event, "title")
    description, _lang = translated_value(event, "description")
    if with_link and event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    location = ", ".join(part for part in [event.place_name, " ".join(event.address.split())] if part)
    if not location and with_link:
        location = event.online_url
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Soliris//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{event.slug}@soliris",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{escape(title)}",
        f"DESCRIPTION:{escape(description)}",
        f"URL:{url}",
        # A calendar that has the event sees it cancelled, and each change as a new revision.
        f"SEQUENCE:{max(event.version - 1, 0)}",
        f"STATUS:{'CANCELLED' if event.cancelled_at else 'CONFIRMED'}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
