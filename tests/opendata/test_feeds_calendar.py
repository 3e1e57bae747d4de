"""The iCalendar feeds: every published event, and a person's own behind a secret address."""

import datetime

import icalendar
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import ics, services
from opendata.feeds import tokens
from opendata.models import PersonalCalendar
from partners.models import Organisation, Visibility
from tests.events.conftest import make_event, make_workshop

pytestmark = pytest.mark.django_db

PUBLIC = "/fr/open-data/feeds/events.ics"
HIDDEN = "Collectif Discret"
SECRET_LINK = "https://meet.example.org/secret-room"


def vevents(content: bytes) -> dict:
    """{UID: VEVENT} of a calendar file."""
    calendar = icalendar.Calendar.from_ical(content)
    return {str(vevent["UID"]): vevent for vevent in calendar.walk("VEVENT")}


def get_calendar(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return vevents(response.content)


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


@pytest.fixture
def hidden(db):
    return Organisation.objects.create(
        slug="discret",
        name=HIDDEN,
        kind="association",
        country="BE",
        verified_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        visibility=Visibility.MEMBERS,
    )


def test_the_public_calendar_has_every_published_event_with_stable_uids(client, cast, hidden):
    upcoming = make_event(organisers=[cast.jette, hidden], slug="journee", online_url=SECRET_LINK)
    past = make_event(organisers=[cast.jette], slug="passee", days=-40)
    unverified = Organisation.objects.create(slug="pas-encore", name="Pas Encore", kind="association")
    make_event(organisers=[unverified], slug="pas-publie")
    first = get_calendar(client, PUBLIC)
    domain = ics.site_domain()
    assert set(first) == {f"journee@{domain}", f"passee@{domain}"}
    assert set(get_calendar(client, PUBLIC)) == set(first)  # the same UIDs at every fetch
    vevent = first[f"journee@{domain}"]
    assert str(vevent["SUMMARY"]) == "Journée Soliris"
    assert vevent["DTSTART"].dt == upcoming.starts_at
    assert vevent["DTSTART"].dt.utcoffset() == datetime.timedelta(0)  # written in UTC
    assert int(vevent["SEQUENCE"]) == 0 and str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["URL"]) == f"{settings.SITE_URL}/fr/events/journee/"
    assert "Rue du Lombard" in str(vevent["LOCATION"])
    assert vevent["DTSTAMP"] and vevent["LAST-MODIFIED"]
    assert first[f"passee@{domain}"]["DTEND"].dt == past.ends_at
    body = client.get(PUBLIC).content.decode()
    assert HIDDEN not in body and "Pas Encore" not in body
    assert "secret-room" not in body  # the online link is for registered people
    spanish = get_calendar(client, "/es/open-data/feeds/events.ics")
    assert str(spanish[f"journee@{domain}"]["SUMMARY"]) == "Jornada Soliris"
    assert str(spanish[f"journee@{domain}"]["URL"]).endswith("/es/events/journee/")


def test_an_event_moved_by_its_organiser_comes_with_a_higher_sequence_and_its_new_start(as_role, cast):
    event = make_event(organisers=[cast.jette], slug="deplacee")
    uid = ics.event_uid(event)
    before = get_calendar(Client(), PUBLIC)[uid]
    moved_start = event.starts_at + datetime.timedelta(days=2, hours=1)
    moved_end = event.ends_at + datetime.timedelta(days=2, hours=1)
    response = as_role("party_editor").post(
        f"/fr/events/{event.slug}/edit/",
        edit_data(
            event,
            organisers=[cast.jette.pk],
            starts_at=moved_start.astimezone(event.tz).strftime("%Y-%m-%dT%H:%M"),
            ends_at=moved_end.astimezone(event.tz).strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert response.status_code == 302
    after = get_calendar(Client(), PUBLIC)[uid]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after["DTSTART"].dt == moved_start and after["DTEND"].dt == moved_end
    assert after["LAST-MODIFIED"].dt >= before["LAST-MODIFIED"].dt
    # Cancelled: the same UID, cancelled, one more revision.
    services.event_cancel(actor=cast.user("party_coordinator"), event=event, reason="La salle a brûlé.")
    cancelled = get_calendar(Client(), PUBLIC)[uid]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) >= int(after["SEQUENCE"])


@pytest.fixture
def registered(cast, make_user):
    """Nadia registered for one event and one of its workshops; Omar for another event."""
    nadia, omar = make_user(full_name="Nadia"), make_user(full_name="Omar")
    mine = make_event(organisers=[cast.jette], slug="la-mienne", online_url=SECRET_LINK)
    workshop = make_workshop(mine, title="Atelier de Nadia")
    make_workshop(mine, start_hour=13, end_hour=15, title="Atelier sans Nadia")
    theirs = make_event(organisers=[cast.jette], slug="celle-d-omar", days=40)
    services.event_register(actor=nadia, event=mine, language="fr")
    services.workshop_join(actor=nadia, workshop=workshop)
    services.event_register(actor=omar, event=theirs, language="fr")
    return nadia, omar, mine, workshop, theirs


def feed_url(user, language="fr"):
    return f"/{language}/open-data/feeds/my/{tokens.token_of(user)}.ics"


def test_the_personal_feed_lists_the_persons_events_and_workshops_only(registered):
    nadia, omar, mine, workshop, theirs = registered
    anonymous = Client()  # calendar apps cannot sign in
    calendar = get_calendar(anonymous, feed_url(nadia))
    assert set(calendar) == {ics.event_uid(mine), ics.workshop_uid(workshop)}
    assert str(calendar[ics.workshop_uid(workshop)]["SUMMARY"]) == "Atelier de Nadia"
    assert calendar[ics.workshop_uid(workshop)]["DTSTART"].dt == workshop.starts_at
    assert SECRET_LINK in str(calendar[ics.event_uid(mine)]["DESCRIPTION"])  # she has a place
    assert set(get_calendar(anonymous, feed_url(omar))) == {ics.event_uid(theirs)}
    assert get_calendar(anonymous, feed_url(nadia)).keys() == calendar.keys()  # the same address again
    assert anonymous.get(feed_url(nadia)).headers["Cache-Control"] == "private, no-store"


def test_a_cancelled_registration_leaves_the_personal_feed(registered):
    nadia, _omar, mine, workshop, _theirs = registered
    services.workshop_leave(actor=nadia, workshop=workshop)
    assert set(get_calendar(Client(), feed_url(nadia))) == {ics.event_uid(mine)}
    registration = mine.registrations.get(user=nadia)
    services.registration_cancel(actor=nadia, registration=registration)
    assert get_calendar(Client(), feed_url(nadia)) == {}


def test_a_reset_makes_the_old_address_answer_404(client, registered):
    nadia, omar, *_rest = registered
    old = feed_url(nadia)
    client.force_login(nadia)
    response = client.post("/fr/open-data/my-calendar/")
    assert response.status_code == 302
    assert Client().get(old).status_code == 404
    new = feed_url(nadia)
    assert new != old and Client().get(new).status_code == 200
    assert Client().get(feed_url(omar)).status_code == 200  # Omar's address is untouched


@pytest.mark.parametrize(
    "token",
    ["x", "0" * 48, "a" * 48, "Z" * 200, "%00", "é" * 48, "' OR 1=1 --", "../../etc/passwd"],
)
def test_a_wrong_token_answers_404(client, registered, token):
    nadia = registered[0]
    tokens.token_of(nadia)
    assert client.get(f"/fr/open-data/feeds/my/{token}.ics").status_code == 404


def test_the_database_alone_does_not_give_the_address(registered):
    nadia = registered[0]
    token = tokens.token_of(nadia)
    stored = PersonalCalendar.objects.get(user=nadia)
    assert token not in (stored.secret, stored.digest)
    assert tokens.user_of(stored.digest[:48]) is None


def test_the_page_shows_the_address_and_resets_it_with_a_form(client, registered):
    nadia = registered[0]
    response = client.get("/fr/open-data/my-calendar/")
    assert response.status_code == 302 and response.url.startswith(reverse(settings.LOGIN_URL))
    client.force_login(nadia)
    body = client.get("/fr/open-data/my-calendar/").content.decode()
    assert f"{settings.SITE_URL}{feed_url(nadia)}" in body
    assert "webcal://" in body
    assert 'method="post" novalidate' in body and "csrfmiddlewaretoken" in body
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(nadia)
    before = feed_url(nadia)
    assert strict.post("/fr/open-data/my-calendar/").status_code == 403
    assert feed_url(nadia) == before


def test_the_event_file_has_the_workshops_the_person_joined(client, registered):
    nadia, omar, mine, workshop, _theirs = registered
    url = f"/fr/events/{mine.slug}/calendar.ics"
    assert set(get_calendar(client, url)) == {ics.event_uid(mine)}
    client.force_login(omar)
    assert set(get_calendar(client, url)) == {ics.event_uid(mine)}
    client.force_login(nadia)
    calendar = get_calendar(client, url)
    assert set(calendar) == {ics.event_uid(mine), ics.workshop_uid(workshop)}
    assert str(calendar[ics.workshop_uid(workshop)]["RELATED-TO"]) == ics.event_uid(mine)


def test_a_place_on_the_waiting_list_is_tentative(cast, make_user):
    event = make_event(organisers=[cast.jette], capacity=1, online_url=SECRET_LINK)
    services.event_register(actor=make_user(), event=event, language="fr")
    waiting = make_user()
    services.event_register(actor=waiting, event=event, language="fr")
    vevent = get_calendar(Client(), feed_url(waiting))[ics.event_uid(event)]
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert SECRET_LINK not in str(vevent.get("DESCRIPTION", ""))  # no place, no link (as the page)


def count_queries(url) -> int:
    client = Client()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_calendars_make_constant_queries(cast, make_user):
    person = make_user()

    def grow(n):
        for i in range(n):
            event = make_event(organisers=[cast.jette, cast.tarija], slug=f"g-{n}-{i}", days=10 + i)
            services.event_register(actor=person, event=event, language="fr")
            services.workshop_join(actor=person, workshop=make_workshop(event))

    grow(2)
    urls = [PUBLIC, feed_url(person)]
    for url in urls:
        count_queries(url)
    small = [count_queries(url) for url in urls]
    grow(10)
    assert [count_queries(url) for url in urls] == small
    assert max(small) <= 5
