"""The main menu and the language switcher, on every page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def nav(page: str) -> str:
    return re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)


def test_the_menu_marks_the_current_section_and_shows_each_user_their_entries(client, staff, outsider):
    client.force_login(staff)
    menu = nav(client.get("/es/organisations/").content.decode())
    assert 'href="/es/organisations/" aria-current="page"' in menu
    assert "Por verificar" in menu  # staff: the verification queue
    client.logout()
    menu = nav(client.get("/es/organisations/").content.decode())  # same page, same language
    assert "Por verificar" not in menu and "/es/dashboard/" not in menu
    client.force_login(outsider)
    menu = nav(client.get("/fr/partnerships/").content.decode())
    assert 'href="/fr/partnerships/" aria-current="page"' in menu
    assert 'href="/fr/organisations/" aria-current' not in menu
    assert "/fr/dashboard/" in menu and "À vérifier" not in menu


def test_the_language_switcher_keeps_the_page_and_its_query(client):
    page = client.get("/fr/organisations/?kind=commune&q=tari").content.decode()
    for language in ("nl", "en", "es"):
        assert f'href="/{language}/organisations/?kind=commune&amp;q=tari" lang="{language}"' in page
    page = client.get("/fr/partnerships/").content.decode()
    assert 'href="/es/partnerships/" lang="es"' in page
