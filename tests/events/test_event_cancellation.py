"""An organiser cancels an event: asked first, with a reason; everyone registered or waiting is
told in the language they registered in; the event stays, marked cancelled on its page, in the
agenda and in calendars (read with ``icalendar``), and nobody registers any more."""

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from events import ics, services
from events.models import Event
from soliris.models import Notification
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

REASON = "La salle est fermée pour travaux."


@pytest.fixture
def registered(make_user, event):
    """Pierre (French) has a place, Ana (registered in Spanish) waits: the event has one."""
    Event.objects.filter(pk=event.pk).update(capacity=1)
    event.refresh_from_db()
    pierre = make_user("pierre@example.org", full_name="Pierre Martin")
    ana = make_user("ana@example.org", full_name="Ana Quispe", language="fr")
    services.event_register(actor=pierre, event=event, language="fr")
    services.event_register(actor=ana, event=event, language="es")
    return pierre, ana


def organiser(cast):
    browser = Client()
    browser.force_login(cast.user("party_coordinator"))
    return browser


def test_the_organiser_is_asked_first_then_everyone_registered_is_told(
    cast, event, registered, mailoutbox, django_capture_on_commit_callbacks
):
    pierre, ana = registered
    browser = organiser(cast)
    address = f"/fr/events/{event.slug}/cancel-event/"
    asked = browser.post(address, {"reason": REASON})
    assert asked.status_code == 200 and "2 personnes inscrites sont prévenues" in asked.content.decode()
    event.refresh_from_db()
    assert event.cancelled_at is None  # the first post changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        done = browser.post(address, {"reason": REASON, "confirmed": "1"})
    assert done.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled and event.cancellation_reason == REASON
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {pierre.email, ana.email}  # not the organiser
    assert by_address[ana.email].subject.startswith("[Soliris] Cancelado: Jornada Soliris")
    assert REASON in by_address[ana.email].body and f"/es/events/{event.slug}/" in by_address[ana.email].body
    assert "Annulé" in by_address[pierre.email].subject
    entry = Notification.objects.get(user=ana, kind="events/email/event_cancelled")
    viewer = Client()
    viewer.force_login(ana)
    page = viewer.get(entry.path)
    assert page.status_code == 200 and REASON in page.content.decode()
    assert "Nadie puede inscribirse" in page.content.decode()


def test_a_cancellation_needs_a_reason_and_an_organiser(cast, event, registered):
    browser = organiser(cast)
    refused = browser.post(f"/fr/events/{event.slug}/cancel-event/", {"reason": "  ", "confirmed": "1"})
    assert refused.status_code == 302
    for role in ("party_viewer", "outsider", "partner_coordinator"):
        other = Client()
        other.force_login(cast.user(role))
        answer = other.post(f"/fr/events/{event.slug}/cancel-event/", {"reason": REASON, "confirmed": "1"})
        assert answer.status_code == 403, role
    assert Client().get(f"/fr/events/{event.slug}/cancel-event/").status_code in (302, 405)
    event.refresh_from_db()
    assert not event.is_cancelled


def test_a_cancelled_event_takes_no_registration_and_says_so_everywhere(cast, event, make_user):
    services.event_cancel(actor=cast.user("party_coordinator"), event=event, reason=REASON)
    event.refresh_from_db()
    with pytest.raises(ValidationError):
        services.event_register(actor=make_user(full_name="Nadia"), event=event, language="fr")
    with pytest.raises(ValidationError):
        services.event_cancel(actor=cast.user("party_coordinator"), event=event, reason=REASON)
    agenda = Client().get("/fr/events/").content.decode()
    assert "Annulé" in agenda
    calendar = icalendar.Calendar.from_ical(Client().get(f"/fr/events/{event.slug}/calendar.ics").content)
    vevent = next(iter(calendar.walk("VEVENT")))
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert int(vevent["SEQUENCE"]) >= 1  # a calendar that has it takes the new revision
    assert str(vevent["UID"]) == f"{event.slug}@{ics.site_domain()}"


def test_an_event_that_is_over_cannot_be_cancelled(cast):
    past = make_event(organisers=[cast.jette], slug="passe", days=-10)
    with pytest.raises(ValidationError):
        services.event_cancel(actor=cast.user("party_coordinator"), event=past, reason=REASON)
