"""Each language's text is written in its own column, whatever the interface's language.

modeltranslation writes a translated field's bare name (``text``) into the *current*
interface language: a service that did so overwrote, from the French interface, the French
text with the Dutch one. Every form of the app is saved here from each interface language,
with a different text in each language, and each column holds what was typed in it.
"""

import pytest

from events.models import Event, Recommendation, RecommendationSection, Workshop
from events.services.base import set_fields
from tests.events.conftest import make_recommendations, make_workshop

pytestmark = pytest.mark.django_db

INTERFACES = ["fr", "nl", "en", "es"]
CODES = ["fr", "nl", "en", "es"]


def texts(field: str, word: str, codes=CODES) -> dict:
    return {f"{field}_{code}": f"{word} {code}" for code in codes}


def columns(obj, field: str) -> dict:
    return {f"{field}_{code}": getattr(obj, f"{field}_{code}") or "" for code in CODES}


def local(value, tz) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize("interface", INTERFACES)
def test_a_dutch_recommendation_keeps_its_french_translation_from_every_interface(as_role, event, interface):
    """The reported bug: original language Dutch, typed in Dutch and French, from /fr/."""
    section, _items = make_recommendations(event, 0)
    client = as_role("party_editor")
    typed = {"text_nl": "Samen bouwen", "text_fr": "Co-construire ensemble"}
    response = client.post(
        f"/{interface}/events/{event.slug}/recommendations/new/",
        {"section": section.key, "original_language": "nl", **typed},
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(section=section)
    assert columns(recommendation, "text") == {**{f"text_{c}": "" for c in CODES}, **typed}


@pytest.mark.parametrize("interface", INTERFACES)
def test_a_recommendation_is_recorded_and_edited_language_by_language(as_role, event, interface):
    section, _items = make_recommendations(event, 0)
    client = as_role("party_editor")
    response = client.post(
        f"/{interface}/events/{event.slug}/recommendations/new/",
        {"section": section.key, "original_language": "es", **texts("text", "Recomendación")},
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(section=section)
    assert columns(recommendation, "text") == texts("text", "Recomendación")
    edited = {**texts("text", "Cambiada", codes=("es", "en")), "text_fr": "", "text_nl": ""}
    response = client.post(
        f"/{interface}/recommendations/{recommendation.key}/edit/",
        {"original_language": "es", "version": recommendation.version, **edited},
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert columns(recommendation, "text") == edited


@pytest.mark.parametrize("interface", INTERFACES)
def test_an_event_is_created_and_edited_language_by_language(as_role, cast, event, interface):
    client = as_role("party_editor")
    day = event.starts_at.astimezone(event.tz).strftime("%Y-%m-%d")
    typed = {**texts("title", "Titre"), **texts("description", "Description")}
    response = client.post(
        f"/{interface}/events/new/",
        {
            **typed,
            "kind": "forum",
            "starts_at": f"{day}T09:00",
            "ends_at": f"{day}T17:00",
            "time_zone": "Europe/Brussels",
            "address": "Rue du Lombard 69",
            "organisers": [cast.jette.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    created = Event.objects.get(kind="forum")
    assert {**columns(created, "title"), **columns(created, "description")} == typed
    edited = {**texts("title", "Autre", codes=("nl", "es")), "title_fr": "Autre fr", "title_en": ""}
    edited.update({**texts("description", "Autre"), "description_nl": ""})
    response = client.post(
        f"/{interface}/events/{created.slug}/edit/",
        {
            **edited,
            "kind": "forum",
            "starts_at": local(created.starts_at, created.tz),
            "ends_at": local(created.ends_at, created.tz),
            "time_zone": "Europe/Brussels",
            "address": "Rue du Lombard 69",
            "organisers": [cast.jette.pk],
            "version": created.version,
        },
    )
    assert response.status_code == 302
    created.refresh_from_db()
    assert {**columns(created, "title"), **columns(created, "description")} == edited


@pytest.mark.parametrize("interface", INTERFACES)
def test_a_workshop_is_added_and_edited_language_by_language(as_role, event, interface):
    client = as_role("party_coordinator")
    day = event.starts_at.astimezone(event.tz).strftime("%Y-%m-%d")
    typed = {**texts("title", "Atelier"), **texts("description", "Déroulé")}
    times = {"starts_at": f"{day}T10:00", "ends_at": f"{day}T11:30"}
    response = client.post(f"/{interface}/events/{event.slug}/workshops/new/", {**typed, **times})
    assert response.status_code == 302
    workshop = Workshop.objects.get(event=event)
    assert {**columns(workshop, "title"), **columns(workshop, "description")} == typed
    edited = {**texts("title", "Autre"), "title_en": "", **texts("description", "Autre", codes=("nl",))}
    edited.update({"description_fr": "", "description_en": "", "description_es": ""})
    response = client.post(
        f"/{interface}/events/{event.slug}/workshops/{workshop.key}/edit/",
        {**edited, **times, "version": workshop.version},
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert {**columns(workshop, "title"), **columns(workshop, "description")} == edited


@pytest.mark.parametrize("interface", INTERFACES)
def test_a_section_is_added_language_by_language(as_role, event, interface):
    typed = {**texts("title", "Section"), **texts("introduction", "Contexte", codes=("nl", "es"))}
    response = as_role("party_editor").post(
        f"/{interface}/events/{event.slug}/recommendations/sections/new/", typed
    )
    assert response.status_code == 302
    section = RecommendationSection.objects.get(event=event)
    assert {**columns(section, "title"), **columns(section, "introduction")} == {
        **typed,
        "introduction_fr": "",
        "introduction_en": "",
    }


def test_a_service_refuses_a_translated_field_by_its_bare_name(event):
    workshop = make_workshop(event)
    with pytest.raises(ValueError):
        set_fields(workshop, {"title": "Atelier"})
