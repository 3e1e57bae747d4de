"""The admin speaks the staff member's language: every field of our apps' models has a
translated label (``verbose_name``), or the French, Dutch and Spanish staff pages show
English ("Version", "Organisation", "Event") among their own words."""

import pytest
from django.contrib import admin
from django.test import Client
from django.utils import translation
from django.utils.functional import Promise

from tests.conftest import PASSWORD
from tests.conventions.conftest import make_document

OUR_APPS = ("soliris", "partners", "projects", "conventions", "events")


def untranslated_fields():
    for model in admin.site._registry:
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            if not hasattr(field, "verbose_name") or (field.auto_created and not field.concrete):
                continue
            # "ID" is the same in every language.
            if field.name != "id" and not isinstance(field.verbose_name, Promise):
                yield f"{model._meta.label}.{field.name}"


def test_every_field_of_our_admin_models_has_a_lazily_translated_label():
    assert list(untranslated_fields()) == []


def test_no_field_of_our_apps_has_an_english_help_text():
    """A help text is shown under the field, in forms and in the admin: translated, or a
    developer's note kept as a comment in the model instead."""
    from django.apps import apps

    plain = [
        f"{model._meta.label}.{field.name}"
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if getattr(field, "help_text", "") and not isinstance(field.help_text, Promise)
    ]
    assert plain == []


@pytest.mark.django_db
def test_the_admin_shows_a_signature_with_french_labels(cast, make_user):
    from conventions import services

    document = make_document(cast)
    services.version_propose(actor=cast.user("party_editor"), document=document, reason="Première lecture")
    version = document.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    signature = version.signatures.get()
    staff = make_user("verbose-admin@soliris.test", staff=True)
    staff.is_superuser = True
    staff.save(update_fields=["is_superuser"])
    client = Client()
    client.force_login(staff)

    response = client.get(f"/fr/admin/conventions/signature/{signature.pk}/change/")

    assert response.status_code == 200
    page = response.content.decode()
    with translation.override("fr"):
        label = str(signature._meta.get_field("version").verbose_name)
    assert label == "version signée"
    assert "Version signée" in page
    assert "Organisation signataire" in page
    assert "Signed version" not in page and "Signing organisation" not in page
