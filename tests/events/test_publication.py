"""An organisation the platform has not verified yet prepares its event; the event is
published (listed, open to registration) once the platform verifies the organisation."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events import services
from events.models import Event
from partners.models import Membership, Organisation, Role
from tests.events.conftest import make_event, make_recommendations, make_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(db):
    return Organisation.objects.create(
        slug="nouvelle-asbl", name="Nouvelle ASBL", kind="association", country="BE", locality="Namur"
    )


@pytest.fixture
def newcomer_editor(make_user, newcomer):
    user = make_user("editrice@nouvelle.test", full_name="Nadia Nouvelle")
    Membership.objects.create(organisation=newcomer, user=user, role=Role.EDITOR)
    return user


@pytest.fixture
def prepared(client, newcomer_editor, newcomer):
    client.force_login(newcomer_editor)
    response = client.post(
        "/fr/events/new/",
        {
            "title_fr": "Rencontre de la Nouvelle ASBL",
            "kind": "forum",
            "starts_at": "2031-03-10T09:00",
            "ends_at": "2031-03-10T17:00",
            "time_zone": "Europe/Brussels",
            "address": "Place d'Armes 1, Namur",
            "organisers": [newcomer.pk],
        },
        follow=True,
    )
    assert response.status_code == 200
    body = response.content.decode().replace("&#x27;", "'")
    assert "pas encore publié" in body
    client.logout()
    return Event.objects.get(title_fr="Rencontre de la Nouvelle ASBL")


def test_a_just_registered_organisations_event_is_not_public_and_takes_no_registration(
    client, make_user, newcomer_editor, prepared
):
    assert not prepared.is_published
    assert "Rencontre de la Nouvelle ASBL" not in client.get("/fr/events/").content.decode()
    assert client.get(f"/fr/events/{prepared.slug}/").status_code == 404
    assert client.get(f"/fr/events/{prepared.slug}/calendar.ics").status_code == 404
    visitor = make_user()
    client.force_login(visitor)
    assert client.get(f"/fr/events/{prepared.slug}/").status_code == 404
    assert client.post(f"/fr/events/{prepared.slug}/register/", {"language": "fr"}).status_code == 404
    with pytest.raises(ValidationError):
        services.event_register(actor=visitor, event=prepared, language="fr")
    assert not prepared.registrations.exists()
    client.force_login(newcomer_editor)
    page = client.get(f"/fr/events/{prepared.slug}/")
    assert page.status_code == 200
    assert "Pas encore publié" in page.content.decode()
    refused = client.post(f"/fr/events/{prepared.slug}/register/", {"language": "fr"})
    assert refused.status_code == 400 and not prepared.registrations.exists()


def test_its_recommendations_and_workshops_stay_unlisted_until_verification(client, make_user, prepared):
    _section, (recommendation,) = make_recommendations(prepared, 1)
    workshop = make_workshop(prepared)
    assert recommendation.text_fr not in client.get("/fr/recommendations/").content.decode()
    assert client.get(f"/fr/recommendations/{recommendation.key}/").status_code == 404
    assert client.get(f"/fr/events/{prepared.slug}/recommendations/").status_code == 404
    with pytest.raises(ValidationError):
        services.workshop_join(actor=make_user(), workshop=workshop)


def test_once_the_platform_verifies_the_organisation_the_event_is_public_and_open(
    client, make_user, newcomer, prepared
):
    newcomer.verified_at = timezone.now()
    newcomer.save(update_fields=["verified_at"])
    assert "Rencontre de la Nouvelle ASBL" in client.get("/fr/events/").content.decode()
    page = client.get(f"/fr/events/{prepared.slug}/")
    assert page.status_code == 200 and "Pas encore publié" not in page.content.decode()
    client.force_login(make_user())
    response = client.post(f"/fr/events/{prepared.slug}/register/", {"language": "fr"})
    assert response.status_code == 302
    assert prepared.registrations.count() == 1


def test_the_platforms_staff_see_an_unpublished_event_to_verify_its_organiser(as_role, prepared):
    assert as_role("staff").get(f"/fr/events/{prepared.slug}/").status_code == 200


def test_an_unpublished_previous_edition_is_not_shown_on_the_next_ones_page(client, cast, prepared):
    following = make_event(organisers=[cast.jette], slug="edition-suivante", previous_edition=prepared)
    body = client.get(f"/fr/events/{following.slug}/").content.decode()
    assert "Rencontre de la Nouvelle ASBL" not in body
