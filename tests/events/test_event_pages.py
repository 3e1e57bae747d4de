import html
import re

import icalendar
import pytest
from django.utils import translation

from events import ics, services
from events.models import Event, Workshop
from soliris.conflicts import CONFLICT_MESSAGE
from tests.events.conftest import make_workshop

pytestmark = pytest.mark.django_db


def edit_data(event, **changes):
    data = {
        "title_fr": event.title_fr,
        "kind": event.kind,
        "starts_at": event.starts_at.astimezone(event.tz).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": event.ends_at.astimezone(event.tz).strftime("%Y-%m-%dT%H:%M"),
        "time_zone": event.time_zone,
        "address": event.address,
        "version": event.version,
    }
    data.update(changes)
    return data


def test_an_organiser_edits_the_event(as_role, event, cast):
    client = as_role("party_editor")
    response = client.post(
        f"/fr/events/{event.slug}/edit/", edit_data(event, title_nl="Soliris-dag", organisers=[cast.jette.pk])
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title_nl == "Soliris-dag" and event.version == 2
    assert list(event.organisers.all()) == [cast.jette]


def test_a_stale_edit_is_refused_and_the_text_is_kept(as_role, event, cast):
    client = as_role("party_editor")
    stale = edit_data(event, title_fr="Ma version", organisers=[cast.jette.pk])
    Event.objects.filter(pk=event.pk).update(title_fr="Leur version", version=2)
    response = client.post(f"/fr/events/{event.slug}/edit/", stale)
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    with translation.override("fr"):
        assert str(CONFLICT_MESSAGE) in body  # the kernel's conflict screen, in French
    assert "Leur version" in body
    assert "Ma version" in body
    event.refresh_from_db()
    assert event.title_fr == "Leur version"


def test_an_organiser_adds_and_edits_a_workshop_within_the_event(as_role, event):
    client = as_role("party_coordinator")
    day = event.starts_at.astimezone(event.tz).strftime("%Y-%m-%d")
    response = client.post(
        f"/fr/events/{event.slug}/workshops/new/",
        {"title_fr": "Atelier", "starts_at": f"{day}T10:00", "ends_at": f"{day}T11:30", "room": "Salle 1"},
    )
    assert response.status_code == 302
    workshop = Workshop.objects.get(event=event)
    assert workshop.starts_at.astimezone(event.tz).hour == 10
    response = client.post(
        f"/fr/events/{event.slug}/workshops/{workshop.key}/edit/",
        {"title_fr": "Atelier", "starts_at": f"{day}T23:00", "ends_at": f"{day}T23:30"},
    )
    assert response.status_code == 400
    assert "Un atelier se tient pendant les heures de son événement." in response.content.decode()


def test_the_attendee_csv_lists_needs_and_workshops(as_role, event, make_user):
    workshop = make_workshop(event, title="Atelier du matin")
    user = make_user(full_name="Ana Quispe")
    services.event_register(
        actor=user, event=event, language="es", accessibility_needs="Rampe", interpretation_needs=["fr"]
    )
    services.workshop_join(actor=user, workshop=workshop)
    response = as_role("party_editor").get(f"/fr/events/{event.slug}/attendees.csv")
    content = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Ana Quispe" in content and "Rampe" in content and "Atelier du matin" in content
    assert "Espagnol" in content and "français" in content  # names in the reader's language, not codes


def test_the_dashboard_lists_my_registrations_and_the_events_i_organise(as_role, event, cast):
    services.event_register(actor=cast.user("party_editor"), event=event, language="fr")
    body = as_role("party_editor").get("/fr/dashboard/").content.decode()
    assert "Mes inscriptions" in body and "Événements que j'organise" in body
    assert body.count(f"/fr/events/{event.slug}/") >= 2
    assert "Événements que j'organise" not in as_role("party_viewer").get("/fr/dashboard/").content.decode()


def _hidden_version(body: str) -> str:
    return re.search(r'name="version" value="(\d+)"', body).group(1)


def test_saving_an_event_again_from_the_conflict_page_keeps_the_users_text(as_role, event, cast):
    client = as_role("party_editor")
    url = f"/fr/events/{event.slug}/edit/"
    opened = edit_data(event, organisers=[cast.jette.pk])  # one form, opened on version 1
    assert client.post(url, {**opened, "title_fr": "Leur version"}).status_code == 302
    conflict = client.post(url, {**opened, "title_fr": "Ma version"})
    assert conflict.status_code == 400
    body = html.unescape(conflict.content.decode())
    assert "La version enregistrée entre-temps" in body
    assert "Leur version" in body and "Ma version" in body
    again = client.post(url, {**opened, "title_fr": "Ma version", "version": _hidden_version(body)})
    assert again.status_code == 302
    event.refresh_from_db()
    assert event.title_fr == "Ma version" and event.version == 3


def test_an_organiser_edits_a_workshop_and_sees_it_in_the_programme(as_role, event):
    workshop = make_workshop(event, title="Atelier")
    client = as_role("party_coordinator")
    day = event.starts_at.astimezone(event.tz).strftime("%Y-%m-%d")
    response = client.post(
        f"/fr/events/{event.slug}/workshops/{workshop.key}/edit/",
        {"title_fr": "Atelier renommé", "starts_at": f"{day}T14:00", "ends_at": f"{day}T15:00"},
        follow=True,
    )
    body = html.unescape(response.content.decode())
    assert "L'atelier figure au programme." in body and "Atelier renommé" in body
    workshop.refresh_from_db()
    assert workshop.title_fr == "Atelier renommé" and workshop.starts_at.astimezone(event.tz).hour == 14


def test_the_calendar_file_escapes_and_folds_lines(event):
    Event.objects.filter(pk=event.pk).update(description_fr="a, b; c\\d\n" + "é" * 100)
    event.refresh_from_db()
    raw = ics.event_calendar(event, with_link=False)
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    vevent = next(iter(icalendar.Calendar.from_ical(raw).walk("VEVENT")))
    assert str(vevent["DESCRIPTION"]) == "a, b; c\\d\n" + "é" * 100
    assert b"a\\, b\\; c\\\\d\\n" in raw.replace(b"\r\n ", b"")


def test_an_event_created_through_the_form_keeps_its_own_time_zone(as_role, cast):
    client = as_role("party_coordinator")
    response = client.post(
        "/fr/events/new/",
        {
            "title_es": "Encuentro en Tarija",
            "kind": "dialogue",
            "starts_at": "2031-03-10T09:00",
            "ends_at": "2031-03-10T12:00",
            "time_zone": "America/La_Paz",
            "address": "Plaza Luis de Fuentes, Tarija",
            "organisers": [cast.jette.pk],
            "languages": ["es", "fr"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(title_es="Encuentro en Tarija")
    assert event.starts_at.astimezone(event.tz).hour == 9
    assert event.starts_at.utcoffset().total_seconds() == 0 and event.starts_at.hour == 13  # UTC-4


def test_the_event_form_refuses_bad_input_and_keeps_it(as_role, cast):
    client = as_role("party_coordinator")
    response = client.post(
        "/fr/events/new/",
        {
            "title_fr": "Journée sans fin",
            "kind": "forum",
            "starts_at": "2031-03-10T12:00",
            "ends_at": "2031-03-10T09:00",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Journée sans fin" in body
    assert "La fin est antérieure au début." in body
    assert "Indiquez une adresse" in body


def test_an_organiser_of_another_organisation_cannot_add_it_as_organiser(as_role, cast):
    client = as_role("party_coordinator")
    with translation.override("fr"):
        response = client.post(
            "/fr/events/new/",
            {
                "title_fr": "Usurpation",
                "kind": "forum",
                "starts_at": "2031-03-10T09:00",
                "ends_at": "2031-03-10T12:00",
                "address": "Quelque part",
                "organisers": [cast.tarija.pk],
            },
        )
    assert response.status_code == 400
