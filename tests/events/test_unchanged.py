"""Saving a form without changing anything changes nothing: no new version, no history entry."""

import pytest

from soliris.audit import history
from tests.events.conftest import make_recommendations, make_workshop

pytestmark = pytest.mark.django_db


def local(value, tz) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def test_saving_an_unchanged_event_workshop_or_recommendation_records_nothing(as_role, cast, event):
    workshop = make_workshop(event, title="Atelier")
    _section, (recommendation,) = make_recommendations(event, 1)
    client = as_role("party_editor")
    event_form = {
        "title_fr": event.title_fr,
        "title_es": event.title_es,
        "kind": event.kind,
        "starts_at": local(event.starts_at, event.tz),
        "ends_at": local(event.ends_at, event.tz),
        "time_zone": event.time_zone,
        "address": event.address,
        "organisers": [cast.jette.pk],
        "version": event.version,
    }
    workshop_form = {
        "title_fr": workshop.title_fr,
        "starts_at": local(workshop.starts_at, event.tz),
        "ends_at": local(workshop.ends_at, event.tz),
        "version": workshop.version,
    }
    texts = {f"text_{code}": getattr(recommendation, f"text_{code}") for code in ("fr", "nl", "en", "es")}
    recommendation_form = {"original_language": "fr", **texts, "version": recommendation.version}
    before = (len(history(event)), len(history(recommendation)))
    for _twice in range(2):  # the same (stale) forms twice: still nothing to save, no conflict
        assert client.post(f"/fr/events/{event.slug}/edit/", event_form).status_code == 302
        url = f"/fr/events/{event.slug}/workshops/{workshop.key}/edit/"
        assert client.post(url, workshop_form).status_code == 302
        url = f"/fr/recommendations/{recommendation.key}/edit/"
        assert client.post(url, recommendation_form).status_code == 302
    for obj in (event, workshop, recommendation):
        obj.refresh_from_db()
        assert obj.version == 1
    assert (len(history(event)), len(history(recommendation))) == before
    changed = {**event_form, "title_nl": "Soliris-dag"}
    assert client.post(f"/fr/events/{event.slug}/edit/", changed).status_code == 302
    event.refresh_from_db()
    assert event.version == 2 and len(history(event)) == before[0] + 1
