import html
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events import services
from events.models import FollowUpNote, RecommendationStatus
from soliris.audit import history
from tests.conftest import untranslated_segments
from tests.events.conftest import make_event, make_recommendations

pytestmark = pytest.mark.django_db


def test_recommendations_are_numbered_within_their_section(cast, event):
    organiser = cast.user("party_editor")
    first = services.section_create(actor=organiser, event=event, data={"title_fr": "Agir collectivement"})
    second = services.section_create(
        actor=organiser, event=event, data={"title_fr": "Considérer et comprendre"}
    )
    numbers = []
    for section in (first, second, first):
        recommendation = services.recommendation_create(
            actor=organiser, section=section, data={"text_fr": "Co-construire", "original_language": "fr"}
        )
        numbers.append((section.position, recommendation.number))
    assert numbers == [(1, 1), (2, 1), (1, 2)]


def test_only_organisers_record_recommendations(cast, event):
    section, _items = make_recommendations(event, 1)
    for role in ("party_viewer", "partner_coordinator", "staff", "outsider"):
        with pytest.raises(PermissionDenied):
            services.recommendation_create(
                actor=cast.user(role), section=section, data={"text_fr": "x", "original_language": "fr"}
            )


def test_a_recommendation_needs_its_text_in_its_original_language(cast, event):
    section, _items = make_recommendations(event, 1)
    with pytest.raises(ValidationError):
        services.recommendation_create(
            actor=cast.user("party_editor"),
            section=section,
            data={"text_fr": "Texte", "original_language": "es"},
        )


def test_the_follow_up_keeps_dated_notes_and_setting_aside_needs_a_reason(cast, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    organiser = cast.user("party_coordinator")
    services.recommendation_follow_up(
        actor=organiser, recommendation=recommendation, status="adopted", text=""
    )
    services.recommendation_follow_up(
        actor=organiser, recommendation=recommendation, status="carried", text="Présentée au collège."
    )
    with pytest.raises(ValidationError):
        services.recommendation_follow_up(
            actor=organiser, recommendation=recommendation, status="set_aside", text=" "
        )
    services.recommendation_follow_up(
        actor=organiser, recommendation=recommendation, status="set_aside", text="Pas de budget cette année."
    )
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.SET_ASIDE
    assert recommendation.status_reason == "Pas de budget cette année."
    notes = list(FollowUpNote.objects.filter(recommendation=recommendation).values_list("status", "author"))
    assert notes == [("adopted", organiser.pk), ("carried", organiser.pk), ("set_aside", organiser.pk)]
    assert len(history(recommendation)) == 3


def test_the_follow_up_page_keeps_the_text_when_the_reason_is_missing(as_role, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    client = as_role("party_editor")
    response = client.post(
        f"/fr/recommendations/{recommendation.key}/follow-up/", {"status": "set_aside", "text": ""}
    )
    assert response.status_code == 400
    assert "Dites pourquoi la recommandation est écartée." in response.content.decode()


def test_an_organisation_endorses_once_and_can_withdraw(cast, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    coordinator = cast.user("partner_coordinator")
    services.recommendation_endorse(
        actor=coordinator, recommendation=recommendation, organisation=cast.tarija
    )
    with pytest.raises(ValidationError):
        services.recommendation_endorse(
            actor=coordinator, recommendation=recommendation, organisation=cast.tarija
        )
    with pytest.raises(PermissionDenied):
        services.recommendation_endorse(
            actor=cast.user("party_editor"), recommendation=recommendation, organisation=cast.jette
        )
    services.recommendation_withdraw(
        actor=coordinator, recommendation=recommendation, organisation=cast.tarija
    )
    services.recommendation_endorse(
        actor=coordinator, recommendation=recommendation, organisation=cast.tarija
    )
    assert recommendation.endorsements.count() == 2  # the withdrawn one is kept
    assert recommendation.endorsements.filter(withdrawn_at__isnull=True).count() == 1


def test_the_search_ignores_accents_and_case_across_languages(client, event, cast):
    section, _items = make_recommendations(event, 1)
    services.recommendation_create(
        actor=cast.user("party_editor"),
        section=section,
        data={
            "text_fr": "Créer un pôle de connaissances des diasporas",
            "text_es": "Crear un polo",
            "original_language": "fr",
        },
    )
    for query in ("pole connaissance", "PÔLE", "polo", "diaspora"):
        body = client.get("/fr/recommendations/", {"q": query}).content.decode()
        assert "pôle de connaissances" in body, query
    body = client.get("/fr/recommendations/", {"q": "inexistant"}).content.decode()
    assert "Aucune recommandation ne correspond à cette recherche" in body


def test_filters_narrow_the_event_page(client, event, theme):
    section, items = make_recommendations(event, 3)
    items[0].themes.add(theme)
    items[1].status = "adopted"
    items[1].save()
    url = f"/fr/events/{event.slug}/recommendations/"
    assert client.get(url, {"theme": theme.slug}).context["count"] == 1
    assert client.get(url, {"status": "adopted"}).context["count"] == 1
    assert client.get(url, {"section": section.key}).context["count"] == 3
    assert client.get(url, {"status": "nonsense"}).status_code == 200


def test_next_years_event_shows_last_years_recommendations_with_their_follow_up(client, cast):
    last_year = make_event(organisers=[cast.jette], slug="journee-2022", days=-365, title_fr="Journée 2022")
    _section, (recommendation,) = make_recommendations(last_year, 1)
    services.recommendation_follow_up(
        actor=cast.user("party_editor"), recommendation=recommendation, status="implementing", text=""
    )
    this_year = make_event(organisers=[cast.jette], slug="journee-2023", previous_edition=last_year)
    body = client.get(f"/fr/events/{this_year.slug}/").content.decode()
    assert "Suivi des recommandations de" in body
    assert "Recommandation 1 (fr) co-construite" in body
    assert "En cours de mise en œuvre" in body


def test_a_missing_translation_is_shown_in_the_original_language_and_marked(client, event):
    make_recommendations(event, 1, languages=("fr",))
    body = client.get(f"/es/events/{event.slug}/recommendations/").content.decode()
    assert 'lang="fr"' in body and "Recommandation 1 (fr)" in body
    assert "Aún no traducido" in body


def test_my_pages_speak_the_readers_language(client, cast, event):
    make_recommendations(event, 2)
    # Data, and "Agenda", which is the same word in French, Spanish and English.
    names = {"Journée Soliris", "Jornada Soliris", "Les enjeux du partenariat", "Commune de Jette", "Agenda"}
    names |= {"Rue du Lombard 69, 1000 Bruxelles", "Introduction de la section.", "Europe/Brussels"}
    for path in (
        "/events/",
        f"/events/{event.slug}/",
        f"/events/{event.slug}/recommendations/",
        "/recommendations/",
        "/verify/",
    ):
        assert untranslated_segments(client, path, allowed=names) == set(), path


def test_the_organisers_pages_speak_the_readers_language(as_role, cast, event):
    from events.models import Registration

    make_recommendations(event, 1)
    client = as_role("party_editor")
    Registration.objects.create(
        event=event, user=cast.user("party_viewer"), status="confirmed", language="fr"
    )
    names = {"Journée Soliris", "Jornada Soliris", "Les enjeux du partenariat", "Commune de Jette", "Agenda"}
    names |= {"Europe/Brussels", "viewer@jette.test", "Viewer", "Rue du Lombard 69, 1000 Bruxelles"}
    names |= {"Introduction de la section.", "Editor", "Recommandation 1 (fr) co-construite"}
    recommendation = event.recommendation_sections.get().recommendations.get()
    for path in (
        "/events/new/",
        f"/events/{event.slug}/edit/",
        f"/events/{event.slug}/attendees/",
        f"/events/{event.slug}/workshops/new/",
        f"/events/{event.slug}/recommendations/new/",
        f"/events/{event.slug}/recommendations/sections/new/",
        f"/recommendations/{recommendation.key}/",
        f"/recommendations/{recommendation.key}/follow-up/",
        f"/events/{event.slug}/register/",
    ):
        leftovers = untranslated_segments(client, path, allowed=names)
        assert {text for text in leftovers if "/" not in text} == set(), path


def test_an_organiser_adds_a_section_through_the_page(as_role, event):
    response = as_role("party_editor").post(
        f"/fr/events/{event.slug}/recommendations/sections/new/",
        {"title_fr": "Agir collectivement"},
        follow=True,
    )
    assert "La section est ajoutée." in response.content.decode()
    assert event.recommendation_sections.get().title_fr == "Agir collectivement"


def test_an_organiser_records_the_follow_up_through_the_page(as_role, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    response = as_role("party_editor").post(
        f"/fr/recommendations/{recommendation.key}/follow-up/",
        {"status": "adopted", "text": "Adoptée en plénière."},
        follow=True,
    )
    assert "Le suivi est consigné." in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.ADOPTED
    assert recommendation.notes.get().text == "Adoptée en plénière."


def _recommendation_data(recommendation, text):
    return {"original_language": "fr", "text_fr": text, "version": recommendation.version}


def test_saving_a_recommendation_again_from_the_conflict_page_keeps_the_users_text(as_role, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    client = as_role("party_editor")
    url = f"/fr/recommendations/{recommendation.key}/edit/"
    opened = _recommendation_data(recommendation, "")  # one form, opened on version 1
    saved = client.post(url, {**opened, "text_fr": "Leur texte"}, follow=True)
    assert "La recommandation a été enregistrée." in saved.content.decode()
    conflict = client.post(url, {**opened, "text_fr": "Mon texte"})
    assert conflict.status_code == 400
    body = html.unescape(conflict.content.decode())
    assert "La version enregistrée entre-temps" in body
    assert "Leur texte" in body and "Mon texte" in body
    version = re.search(r'name="version" value="(\d+)"', body).group(1)
    assert client.post(url, {**opened, "text_fr": "Mon texte", "version": version}).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text_fr == "Mon texte" and recommendation.version == 3
