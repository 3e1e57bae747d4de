"""Two organisers saving the same form: the second sees the first's text beside their own,
and saving again from the conflict page keeps theirs."""

import html
import re

import pytest

from events.models import RecommendationStatus
from tests.events.conftest import make_recommendations, make_workshop

pytestmark = pytest.mark.django_db


def _workshop_form(workshop, event, **changes):
    data = {
        "title_fr": workshop.title_fr,
        "starts_at": workshop.starts_at.astimezone(event.tz).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": workshop.ends_at.astimezone(event.tz).strftime("%Y-%m-%dT%H:%M"),
        "version": workshop.version,
    }
    data.update(changes)
    return data


def test_two_saves_of_one_stale_workshop_form_show_the_conflict_and_keep_the_users_text(as_role, event):
    workshop = make_workshop(event, title="Atelier")
    url = f"/fr/events/{event.slug}/workshops/{workshop.key}/edit/"
    opened = _workshop_form(workshop, event)  # one form, opened on version 1
    editor = as_role("party_editor")
    assert editor.post(url, {**opened, "description_fr": "Leur déroulé"}).status_code == 302
    conflict = editor.post(url, {**opened, "description_fr": "Mon déroulé"})
    assert conflict.status_code == 400
    body = html.unescape(conflict.content.decode())
    assert "La version enregistrée entre-temps" in body
    assert "Leur déroulé" in body and "Mon déroulé" in body
    workshop.refresh_from_db()
    assert workshop.description_fr == "Leur déroulé" and workshop.version == 2
    version = re.search(r'name="version" value="(\d+)"', body).group(1)
    again = editor.post(url, {**opened, "description_fr": "Mon déroulé", "version": version})
    assert again.status_code == 302
    workshop.refresh_from_db()
    assert workshop.description_fr == "Mon déroulé" and workshop.version == 3


def test_two_follow_ups_from_one_stale_form_show_the_status_recorded_meanwhile(as_role, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    url = f"/fr/recommendations/{recommendation.key}/follow-up/"
    opened = {"follow_up_version": recommendation.follow_up_version}
    first = as_role("party_editor").post(url, {**opened, "status": "adopted", "text": "Adoptée en plénière."})
    assert first.status_code == 302
    client = as_role("party_coordinator")
    conflict = client.post(url, {**opened, "status": "carried", "text": "Portée au collège."})
    assert conflict.status_code == 400
    body = html.unescape(conflict.content.decode())
    assert "La version enregistrée entre-temps" in body
    assert "Adoptée en plénière." in body and "Portée au collège." in body
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.ADOPTED and recommendation.notes.count() == 1
    version = re.search(r'name="follow_up_version" value="(\d+)"', body).group(1)
    again = client.post(
        url, {"status": "carried", "text": "Portée au collège.", "follow_up_version": version}
    )
    assert again.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.CARRIED
    assert [n.text for n in recommendation.notes.all()] == ["Adoptée en plénière.", "Portée au collège."]
