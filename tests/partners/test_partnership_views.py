"""partners.views.partnerships: each page that changes something, on its success path."""

import pytest

from partners.models import Partnership, PartnershipStatus
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db


def test_an_editor_creates_a_partnership_and_lands_on_it(cast, as_role):
    response = as_role("party_editor").post(
        en("partnership_create"),
        {
            "organisation": cast.jette.pk,
            "name": "Jette – Lomé",
            "kind": "commune_to_commune",
            "visibility": "public",
        },
        follow=True,
    )
    page = landed(response)
    partnership = Partnership.objects.get(name="Jette – Lomé")
    assert response.redirect_chain[-1][0] == en("partnership_detail", key=partnership.key)
    assert "The partnership is created." in page


def test_an_editor_of_the_other_party_edits_the_shared_description(cast, as_role):
    response = as_role("partner_coordinator").post(
        en("partnership_edit", key=cast.partnership.key),
        {"name": "Jette – Tarija (2025)", "kind": "commune_to_commune", "visibility": "public", "version": 1},
        follow=True,
    )
    page = landed(response)
    assert "The shared description is saved." in page and "Jette – Tarija (2025)" in page


def test_the_conflict_screen_is_the_kernels_with_both_texts(cast, as_role):
    url = en("partnership_edit", key=cast.partnership.key)
    base = {"kind": "commune_to_commune", "visibility": "public", "version": 1}
    as_role("partner_coordinator").post(url, {**base, "name": "Leur nom"})
    response = as_role("party_editor").post(url, {**base, "name": "Mon nom"})
    assert response.status_code == 200
    assert response.context["conflict"].current.name == "Leur nom"
    page = response.content.decode()
    assert 'class="card conflict"' in page and "Leur nom" in page and "Mon nom" in page
    assert response.context["form"]["version"].value() == "2"


def test_a_coordinator_of_any_party_changes_the_status(cast, as_role):
    response = as_role("partner_coordinator").post(
        en("partnership_status", key=cast.partnership.key), {"status": "paused"}, follow=True
    )
    assert "The status is changed." in landed(response)
    cast.partnership.refresh_from_db()
    assert cast.partnership.status == PartnershipStatus.PAUSED
