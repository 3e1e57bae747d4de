"""Two people save one form opened on the same version: nothing typed is lost. The second save
shows the kernel's conflict screen with the other text and keeps the user's; saving again from
the conflict page writes the user's text."""

import pytest
from django.test import Client

from partners.models import Membership
from soliris.models import AuditEntry
from tests.partners.views_helpers import en

pytestmark = pytest.mark.django_db


def profile(**extra):
    return {
        "name": "Commune de Jette",
        "kind": "commune",
        "country": "BE",
        "locality": "Jette",
        "languages": ["fr"],
        "visibility": "public",
        "version": 1,
        **extra,
    }


def test_two_coordinators_saving_one_profile_both_texts_are_kept(cast, as_role, member):
    url = en("organisation_edit", slug=cast.jette.slug)
    other = member(cast.jette, role="coordinator")
    first = Client()
    first.force_login(other)
    assert first.post(url, profile(description_fr="Le texte de l'autre")).status_code == 302

    client = as_role("party_coordinator")
    response = client.post(url, profile(description_fr="Mon texte à moi"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="card conflict"' in page
    assert "Le texte de l&#x27;autre" in page and "Mon texte à moi" in page
    assert response.context["form"]["version"].value() == "2"
    cast.jette.refresh_from_db()
    assert cast.jette.description_fr == "Le texte de l'autre"

    again = client.post(url, profile(description_fr="Mon texte à moi", version=2))
    assert again.status_code == 302
    cast.jette.refresh_from_db()
    assert cast.jette.description_fr == "Mon texte à moi" and cast.jette.version == 3


def test_saving_an_unchanged_profile_records_nothing(cast, as_role):
    url = en("organisation_edit", slug=cast.jette.slug)
    client = as_role("party_coordinator")
    assert client.post(url, profile()).status_code == 302
    cast.jette.refresh_from_db()
    assert cast.jette.version == 1
    assert not AuditEntry.objects.filter(action="partners.organisation.updated").exists()


def test_a_member_and_a_coordinator_saving_one_membership_both_texts_are_kept(cast, as_role):
    own = Membership.objects.get(organisation=cast.jette, user=cast.user("party_editor"))
    url = en("member_edit", slug=cast.jette.slug, pk=own.pk)
    base = {"languages": ["fr"], "time_zone": "Europe/Brussels", "version": 1}
    assert as_role("party_coordinator").post(url, {**base, "function": "Leur fonction"}).status_code == 302

    client = as_role("party_editor")
    response = client.post(url, {**base, "function": "Ma fonction"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="card conflict"' in page and "Leur fonction" in page and "Ma fonction" in page
    assert response.context["form"]["version"].value() == "2"

    again = client.post(url, {**base, "function": "Ma fonction", "version": 2})
    assert again.status_code == 302
    own.refresh_from_db()
    assert own.function == "Ma fonction"


def test_the_forms_carry_the_version_they_were_opened_on(cast, as_role):
    client = as_role("party_coordinator")
    page = client.get(en("organisation_edit", slug=cast.jette.slug)).content.decode()
    assert 'type="hidden" name="version" value="1"' in page
    own = Membership.objects.get(organisation=cast.jette, user=cast.user("party_coordinator"))
    page = client.get(en("member_edit", slug=cast.jette.slug, pk=own.pk)).content.decode()
    assert 'type="hidden" name="version" value="1"' in page
