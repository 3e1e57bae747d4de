"""People are shown by their full name, never by their email address; a full name is needed
to register, endorse or write a follow-up (the page says so and links to the profile)."""

import pytest
from django.core.exceptions import ValidationError

from events import services
from events.models import Endorsement
from soliris.models import User
from tests.events.conftest import make_recommendations

pytestmark = pytest.mark.django_db

REFUSAL = "Ajoutez d'abord votre nom complet à votre profil"


def nameless(user):
    User.objects.filter(pk=user.pk).update(full_name="")
    user.refresh_from_db()
    return user


def text(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


def test_registering_without_a_full_name_is_refused_with_a_link_to_the_profile(client, make_user, event):
    user = nameless(make_user("sans.nom@example.org"))
    client.force_login(user)
    page = client.get(f"/fr/events/{event.slug}/register/")
    assert REFUSAL in text(page) and 'href="/fr/profile/"' in text(page)
    response = client.post(
        f"/fr/events/{event.slug}/register/", {"language": "fr", "accessibility_needs": "Une rampe, svp"}
    )
    assert response.status_code == 400
    assert REFUSAL in text(response) and "Une rampe, svp" in text(response)
    assert not event.registrations.exists()
    with pytest.raises(ValidationError):
        services.event_register(actor=user, event=event, language="fr")


def test_endorsing_without_a_full_name_is_refused_with_a_link_to_the_profile(as_role, cast, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    nameless(cast.user("partner_coordinator"))
    client = as_role("partner_coordinator")
    response = client.post(
        f"/fr/recommendations/{recommendation.key}/endorse/", {"organisation": cast.tarija.slug}, follow=True
    )
    assert REFUSAL in text(response) and 'href="/fr/profile/"' in text(response)
    assert not Endorsement.objects.exists()


def test_a_follow_up_needs_a_full_name_and_keeps_the_note(as_role, cast, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    nameless(cast.user("party_editor"))
    response = as_role("party_editor").post(
        f"/fr/recommendations/{recommendation.key}/follow-up/", {"status": "adopted", "text": "Adoptée hier."}
    )
    assert response.status_code == 400
    assert REFUSAL in text(response) and "Adoptée hier." in text(response)
    assert not recommendation.notes.exists()


def test_the_follow_up_author_is_shown_by_full_name_never_by_email(client, make_user, cast, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    author = cast.user("party_coordinator")
    User.objects.filter(pk=author.pk).update(full_name="Chantal Coordinatrice")
    author.refresh_from_db()
    services.recommendation_follow_up(actor=author, recommendation=recommendation, status="adopted", text="")
    body = text(client.get(f"/fr/recommendations/{recommendation.key}/"))
    assert "Chantal Coordinatrice" in body and author.email not in body


def test_the_attendee_list_and_file_show_names_not_email_addresses(as_role, make_user, event):
    user = make_user("ana.quispe@example.org", full_name="Ana Quispe")
    services.event_register(actor=user, event=event, language="es")
    client = as_role("party_editor")
    page = text(client.get(f"/fr/events/{event.slug}/attendees/"))
    assert "Ana Quispe" in page and "ana.quispe@example.org" not in page
    csv = b"".join(client.get(f"/fr/events/{event.slug}/attendees.csv").streaming_content).decode()
    assert "Ana Quispe" in csv and "ana.quispe@example.org" not in csv
