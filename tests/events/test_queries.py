"""Each list or detail page makes the same number of queries at 5 and at 50 rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import services
from events.models import Endorsement
from projects.models import Goal
from tests.events.conftest import make_event, make_recommendations, make_workshop

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


def grow_events(cast, n):
    for i in range(n):
        make_event(organisers=[cast.jette, cast.tarija], slug=f"e-{i}-{n}", days=10 + i)
        make_event(organisers=[cast.jette], slug=f"p-{i}-{n}", days=-400 - i)


def grow_recommendations(event, cast, theme, n):
    section, items = make_recommendations(event, n)
    goals = list(Goal.objects.filter(number__in=[4, 17]))
    for recommendation in items:
        recommendation.themes.add(theme)
        recommendation.sdg_goals.add(*goals)
        Endorsement.objects.create(recommendation=recommendation, organisation=cast.tarija)
        Endorsement.objects.create(recommendation=recommendation, organisation=cast.jette)


def test_the_agenda_makes_constant_queries(client, cast):
    grow_events(cast, 5)
    small = count_queries(client, "/fr/events/")
    grow_events(cast, 45)
    assert count_queries(client, "/fr/events/") == small


def test_the_recommendation_pages_make_constant_queries(client, cast, event, theme):
    grow_recommendations(event, cast, theme, 5)
    urls = [
        f"/fr/events/{event.slug}/recommendations/",
        "/fr/recommendations/",
        "/fr/recommendations/?q=co-construite",
    ]
    small = [count_queries(client, url) for url in urls]
    grow_recommendations(event, cast, theme, 45)
    assert [count_queries(client, url) for url in urls] == small


def test_the_event_page_makes_constant_queries(client, cast, event, theme, make_user):
    previous = make_event(organisers=[cast.jette], slug="previous", days=-365)
    event.previous_edition = previous
    event.save()
    for hour in range(5):
        make_workshop(event, start_hour=9, end_hour=10 + hour % 3, theme=theme)
    grow_recommendations(previous, cast, theme, 5)
    user = make_user()
    services.event_register(actor=user, event=event, language="fr")
    client.force_login(user)
    small = count_queries(client, f"/fr/events/{event.slug}/")
    for _ in range(45):
        make_workshop(event, start_hour=11, end_hour=12, theme=theme)
    grow_recommendations(previous, cast, theme, 45)
    assert count_queries(client, f"/fr/events/{event.slug}/") == small


def test_the_attendee_list_makes_constant_queries(as_role, cast, event, make_user):
    workshop = make_workshop(event)

    def grow(n):
        for _ in range(n):
            user = make_user()
            services.event_register(actor=user, event=event, language="nl", interpretation_needs=["fr"])
            services.workshop_join(actor=user, workshop=workshop)

    grow(5)
    client = as_role("party_editor")
    small = count_queries(client, f"/fr/events/{event.slug}/attendees/")
    grow(45)
    assert count_queries(client, f"/fr/events/{event.slug}/attendees/") == small
    csv = client.get(f"/fr/events/{event.slug}/attendees.csv")
    assert b"".join(csv.streaming_content).decode().count("\n") == 51


def test_an_event_ends_after_it_starts(cast):
    from django.core.exceptions import ValidationError

    event = make_event(organisers=[cast.jette])
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError):
        event.full_clean()
