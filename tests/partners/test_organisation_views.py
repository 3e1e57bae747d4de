"""partners.views.organisations: each page that changes something, on its success path."""

import pytest

from partners.models import Membership, Organisation, Role
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db


def test_a_signed_in_user_registers_an_organisation_and_lands_on_its_page(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.post(
        en("organisation_create"),
        {
            "name": "Commune de Forest",
            "kind": "commune",
            "country": "BE",
            "locality": "Forest",
            "languages": ["fr"],
            "visibility": "public",
        },
        follow=True,
    )
    page = landed(response)
    organisation = Organisation.objects.get(name="Commune de Forest")
    assert response.redirect_chain[-1][0] == en("organisation_detail", slug=organisation.slug)
    assert "Your organisation is registered and you are its coordinator." in page
    assert Membership.objects.get(organisation=organisation, user=user).role == Role.COORDINATOR


def test_a_coordinator_edits_the_profile_and_sees_it_saved(cast, as_role):
    response = as_role("party_coordinator").post(
        en("organisation_edit", slug=cast.jette.slug),
        {
            "name": "Commune de Jette",
            "kind": "commune",
            "country": "BE",
            "locality": "Jette (Bruxelles)",
            "languages": ["fr", "nl"],
            "visibility": "public",
            "version": 1,
        },
        follow=True,
    )
    page = landed(response)
    assert (
        "The organisation&#x27;s profile is saved." in page or "The organisation's profile is saved." in page
    )
    assert "Jette (Bruxelles)" in page
    cast.jette.refresh_from_db()
    assert cast.jette.locality == "Jette (Bruxelles)"


def test_staff_verify_an_organisation_from_the_queue(cast, client, make_user):
    waiting = Organisation.objects.create(name="Commune d'Anderlecht", slug="anderlecht", country="BE")
    client.force_login(cast.user("staff"))
    response = client.post(en("organisation_verify", slug=waiting.slug), follow=True)
    page = landed(response)
    assert response.redirect_chain[-1][0] == en("verification_queue")
    assert "is verified." in page
    waiting.refresh_from_db()
    assert waiting.verified_at is not None
