"""Translated fields are written by name: whatever the interface language, each language's
column holds exactly what was typed in its box (partners/translation.py: Organisation.description,
Partnership.description and exit_clause; Theme.name is edited in the admin only)."""

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Organisation, Partnership

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "nl", "en", "es"]


def url(language, name, **kwargs):
    with translation.override(language):
        return reverse(f"partners:{name}", kwargs=kwargs)


def texts(field, tag):
    return {f"{field}_{code}": f"{tag} {field} en {code}" for code in LANGUAGES}


def assert_columns(obj, field, tag):
    obj.refresh_from_db()
    for code in LANGUAGES:
        assert getattr(obj, f"{field}_{code}") == f"{tag} {field} en {code}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_organisation_is_registered_and_edited_in_each_language_from_each_interface(
    client, make_user, language
):
    client.force_login(make_user())
    profile = {"name": f"Commune {language}", "kind": "commune", "country": "BE", "visibility": "public"}
    response = client.post(url(language, "organisation_create"), {**profile, **texts("description", "créé")})
    assert response.status_code == 302
    organisation = Organisation.objects.get(name=f"Commune {language}")
    assert_columns(organisation, "description", "créé")

    response = client.post(
        url(language, "organisation_edit", slug=organisation.slug),
        {**profile, **texts("description", "modifié"), "version": organisation.version},
    )
    assert response.status_code == 302
    assert_columns(organisation, "description", "modifié")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partnership_is_created_and_edited_in_each_language_from_each_interface(cast, as_role, language):
    client = as_role("party_editor")
    shared = {"name": f"Jette – {language}", "kind": "commune_to_commune", "visibility": "public"}
    response = client.post(
        url(language, "partnership_create"),
        {"organisation": cast.jette.pk, **shared, **texts("description", "créé")},
    )
    assert response.status_code == 302
    partnership = Partnership.objects.get(name=f"Jette – {language}")
    assert_columns(partnership, "description", "créé")

    response = client.post(
        url(language, "partnership_edit", key=partnership.key),
        {
            **shared,
            **texts("description", "modifié"),
            **texts("exit_clause", "modifié"),
            "version": partnership.version,
        },
    )
    assert response.status_code == 302
    assert_columns(partnership, "description", "modifié")
    assert_columns(partnership, "exit_clause", "modifié")
