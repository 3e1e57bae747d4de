import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import untranslated_segments

BASE_DIR = Path(__file__).resolve().parents[2]


def catalogues():
    return sorted(
        path
        for path in BASE_DIR.glob("**/locale/*/LC_MESSAGES/django.po")
        if not any(part in (".venv", "var", "node_modules") for part in path.parts)
    )


def test_every_interface_language_has_a_catalogue():
    languages = {path.parts[-3] for path in catalogues()}
    assert languages == {code for code, _ in settings.LANGUAGES}


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalogue_is_complete_and_compiled(path):
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", po.metadata["Plural-Forms"]).group(1))
    untranslated += [
        entry.msgid
        for entry in po.translated_entries()
        if entry.msgid_plural and sum(1 for form in entry.msgstr_plural.values() if form) < nplurals
    ]
    assert not untranslated, f"{len(untranslated)} untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {path}: {fuzzy[:10]}"
    assert path.with_suffix(".mo").exists(), f"{path} is not compiled (make compile-messages)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Des partenariats entre égaux"),
        ("nl", "Partnerschappen tussen gelijken"),
        ("en", "Partnerships between equals"),
        ("es", "Alianzas entre iguales"),
    ],
)
def test_home_page_speaks_each_language(client, language, expected):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_the_root_address_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_no_english_leaks_into_other_languages(client, path):
    assert untranslated_segments(client, path) == set()


@pytest.mark.django_db
def test_logged_in_pages_are_translated_too(client, make_user):
    user = make_user("nadia@example.org", full_name="Nadia Mertens")
    client.force_login(user)
    for path in ("/dashboard/", "/profile/", "/accounts/email/", "/accounts/2fa/"):
        leaks = untranslated_segments(client, path, allowed={"Nadia", "Nadia Mertens", "nadia@example.org"})
        assert leaks == set(), path


@pytest.mark.django_db
def test_switching_language_remembers_it_on_the_account(client, make_user):
    user = make_user(language="fr")
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "es", "next": "/fr/dashboard/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/dashboard/"
    user.refresh_from_db()
    assert user.preferred_language == "es"


@pytest.mark.django_db
def test_switching_to_an_unknown_language_changes_nothing(client, make_user):
    user = make_user(language="fr")
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "xx", "next": "/fr/"})
    user.refresh_from_db()
    assert user.preferred_language == "fr"


@pytest.mark.django_db
def test_a_missing_page_answers_404_in_the_users_language(client):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


@pytest.mark.django_db
def test_switching_language_works_whatever_the_language_cookie_says(client, make_user):
    client.force_login(make_user(language="es"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = client.post(reverse("set_language"), {"language": "nl", "next": "/fr/profile/"})
    assert response["Location"] == "/nl/profile/"
