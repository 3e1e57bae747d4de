"""Every constraint of the app speaks the user's language, on the field it is about; its
name never reaches a page."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events import services
from events.models import Endorsement, Recommendation, Registration, WorkshopRegistration
from tests.events.conftest import make_recommendations, make_workshop

pytestmark = pytest.mark.django_db


def field_errors(response, name) -> list[str]:
    return [str(e) for e in response.context["form"].errors.get(name, [])]


def body(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "La fin est antérieure au début."),
        ("nl", "Het einde valt vóór het begin."),
        ("es", "El fin es anterior al inicio."),
    ],
)
def test_an_event_that_ends_before_it_starts_is_refused_on_the_end_field(
    as_role, cast, event, language, message
):
    response = as_role("party_editor").post(
        f"/{language}/events/{event.slug}/edit/",
        {
            "title_fr": event.title_fr,
            "kind": event.kind,
            "starts_at": "2031-03-10T12:00",
            "ends_at": "2031-03-10T09:00",
            "time_zone": event.time_zone,
            "address": event.address,
            "organisers": [cast.jette.pk],
            "version": event.version,
        },
    )
    assert response.status_code == 400
    assert field_errors(response, "ends_at") == [message]
    assert "events_event_ends_after_start" not in body(response)


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "La fin est antérieure au début."), ("nl", "Het einde valt vóór het begin.")],
)
def test_the_services_put_the_events_constraint_on_the_end_field(cast, event, language, message):
    data = {"starts_at": event.ends_at, "ends_at": event.starts_at}
    with translation.override(language), pytest.raises(ValidationError) as caught:
        services.event_update(
            actor=cast.user("party_editor"), event=event, data=data, expected_version=event.version
        )
    assert caught.value.message_dict == {"ends_at": [message]}


def test_the_services_put_the_workshops_constraint_on_the_end_field(cast, event):
    workshop = make_workshop(event)
    data = {"starts_at": workshop.ends_at, "ends_at": workshop.starts_at}
    with translation.override("es"), pytest.raises(ValidationError) as caught:
        services.workshop_update(
            actor=cast.user("party_editor"), workshop=workshop, data=data, expected_version=1
        )
    assert caught.value.message_dict["ends_at"] == ["El final debe ser posterior al inicio."]


def test_a_workshop_that_ends_before_it_starts_is_refused_on_the_end_field(as_role, event):
    day = event.starts_at.astimezone(event.tz).strftime("%Y-%m-%d")
    response = as_role("party_editor").post(
        f"/nl/events/{event.slug}/workshops/new/",
        {"title_fr": "Atelier", "starts_at": f"{day}T11:00", "ends_at": f"{day}T10:00"},
    )
    assert response.status_code == 400
    assert field_errors(response, "ends_at") == ["Het einde moet na het begin liggen."]
    assert "events_workshop_ends_after_start" not in body(response)


def test_setting_aside_without_a_reason_is_refused_on_the_note_field(as_role, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    response = as_role("party_editor").post(
        f"/es/recommendations/{recommendation.key}/follow-up/", {"status": "set_aside", "text": " "}
    )
    assert response.status_code == 400
    assert field_errors(response, "text") == ["Diga por qué se descarta la recomendación."]
    assert "events_set_aside_has_reason" not in body(response)


def test_a_second_endorsement_by_the_same_organisation_is_refused_in_the_readers_language(
    as_role, cast, event
):
    _section, (recommendation,) = make_recommendations(event, 1)
    Endorsement.objects.create(recommendation=recommendation, organisation=cast.tarija)
    client = as_role("partner_coordinator")
    response = client.post(
        f"/es/recommendations/{recommendation.key}/endorse/", {"organisation": cast.tarija.slug}, follow=True
    )
    assert "Esta organización ya respalda esta recomendación." in body(response)
    assert "events_one_active_endorsement" not in body(response)
    assert recommendation.endorsements.count() == 1


def test_a_number_taken_in_the_section_is_refused_with_a_message(event):
    _section, (first,) = make_recommendations(event, 1)
    duplicate = Recommendation(section=first.section, number=first.number, text_fr="Autre")
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        services.base.full_clean(duplicate, fields={"number_taken": "section"})
    assert caught.value.message_dict == {
        "section": ["Een andere aanbeveling van deze sectie heeft dit nummer."]
    }


def test_a_second_active_registration_is_refused_with_a_message(make_user, event):
    user = make_user()
    services.event_register(actor=user, event=event, language="fr")
    duplicate = Registration(event=event, user=user, status="confirmed", language="fr")
    with translation.override("fr"), pytest.raises(ValidationError) as caught:
        duplicate.full_clean()
    assert caught.value.messages == ["Cette personne est déjà inscrite à cet événement."]
    workshop = make_workshop(event)
    booking = services.workshop_join(actor=user, workshop=workshop)
    twice = WorkshopRegistration(workshop=workshop, registration=booking.registration, status="confirmed")
    with translation.override("es"), pytest.raises(ValidationError) as caught:
        twice.full_clean()
    assert caught.value.messages == ["Esta persona ya está inscrita en este taller."]
