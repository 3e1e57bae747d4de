"""The organisation picker in a real Chromium, on a phone (360 px): with JavaScript (type,
the matches come through htmx, pick with the keyboard, send) and without (the "Search"
button's search step, pick, send), in French and in Spanish; and the application's own
message, in the page's language, where the browser would have shown its bubble."""

import re

import pytest
from playwright.sync_api import expect

from partners.models import PartyStatus
from partners.services import refresh_organisation_search_text
from projects.models import Project
from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

WORDS = {
    "fr": {"search": "Rechercher", "invite": "Inviter", "create": "Créer le brouillon", "refine": "affinez"},
    "es": {"search": "Buscar", "invite": "Invitar", "create": "Crear el borrador", "refine": "precise"},
}


@pytest.fixture
def registry(cast, make_organisation):
    for organisation in (cast.jette, cast.tarija, cast.stadd, cast.periferia):
        refresh_organisation_search_text(organisation)
    for n in range(25):  # more than one screen of matches: the list stops at 20
        make_organisation(f"Commune Exemple {n:02d}", slug=f"exemple-{n}", locality="Namur")
    return {
        "liege": make_organisation("Ville de Liège", locality="Liège", slug="liege"),
        "sao": make_organisation("Prefeitura de São Paulo", country="BR", locality="São Paulo", slug="sao"),
        "secret": make_organisation("Ville Secrète de Liège", public=False, slug="secrete"),
    }


@pytest.fixture
def make_organisation(db):
    from django.utils import timezone

    from partners.models import Organisation, Visibility

    def make(name, *, slug, country="BE", locality="", public=True):
        organisation = Organisation.objects.create(
            name=name,
            slug=slug,
            kind="commune",
            country=country,
            locality=locality,
            visibility=Visibility.PUBLIC if public else Visibility.PRIVATE,
            verified_at=timezone.now(),
        )
        refresh_organisation_search_text(organisation)
        return organisation

    return make


@pytest.fixture
def page_without_javascript(browser, live_server):
    contexts = []

    def make(locale="fr-BE", width=360):
        context = browser.new_context(
            base_url=live_server.url,
            locale=locale,
            viewport={"width": width, "height": 800},
            java_script_enabled=False,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def main_submit(page, label):
    return page.locator("main form button[type=submit]", has_text=label)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_with_javascript_one_types_picks_with_the_keyboard_and_invites(new_page, cast, registry, language):
    words = WORDS[language]
    page = new_page(locale=f"{language}-BE", width=360)
    log_in(page, "coordinator@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto(f"/{language}/partnerships/{cast.partnership.key}/invite/")
    status = page.locator("#id_organisation-status")
    assert words["refine"] in status.inner_text()  # 30 organisations: the first 20 shown
    box = page.locator("#id_organisation__q")
    assert box.get_attribute("aria-describedby").startswith("id_organisation-status")
    box.click()
    page.keyboard.type("liege")
    choices = page.locator("#id_organisation-results input[name=organisation]")
    expect(page.locator("#id_organisation-results li")).to_have_count(1, timeout=10_000)
    assert "Ville de Liège (Liège" in page.locator("#id_organisation-results").inner_text()
    assert "Secrète" not in page.content()
    assert "1" in status.inner_text() and words["refine"] not in status.inner_text()
    # Enter does not send the form: the matches of what was typed come
    box.fill("sao")
    box.press("Enter")
    expect(page.locator("#id_organisation-results")).to_contain_text("São Paulo", timeout=10_000)
    assert page.url.endswith("/invite/")
    # the keyboard: down into the matches, space picks
    box.press("ArrowDown")
    page.keyboard.press("Space")
    assert choices.first.is_checked()
    assert fits(page)
    assert_accessible(page, context=f"organisation picker with JavaScript ({language})")
    main_submit(page, words["invite"]).click()
    page.wait_for_url(re.compile(rf"/{language}/partnerships/{cast.partnership.key}/#parties$"))
    assert cast.partnership.parties.get(organisation=registry["sao"]).status == PartyStatus.INVITED


@pytest.mark.parametrize("language", ["fr", "es"])
def test_without_javascript_a_search_step_then_a_pick(page_without_javascript, cast, registry, language):
    words = WORDS[language]
    page = page_without_javascript(locale=f"{language}-BE")
    log_in(page, "coordinator@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto(f"/{language}/partnerships/{cast.partnership.key}/invite/")
    page.fill("#id_organisation__q", "LIEGE")
    main_submit(page, words["search"]).click()
    page.wait_for_load_state()
    results = page.locator("#id_organisation-results")
    assert "Ville de Liège" in results.inner_text()
    assert "Exemple" not in results.inner_text() and "Secrète" not in page.content()
    assert page.locator("#id_organisation__q").input_value() == "LIEGE"
    expect(page.locator("#id_organisation__q")).to_be_focused()  # back where one was
    assert page.locator(".error").count() == 0
    page.get_by_label(re.compile(r"^Ville de Liège")).check()
    assert fits(page)  # (axe needs JavaScript: the same markup passes it in the test above)
    main_submit(page, words["invite"]).click()
    page.wait_for_url(re.compile(rf"/{language}/partnerships/{cast.partnership.key}/#parties$"))
    assert cast.partnership.parties.get(organisation=registry["liege"]).status == PartyStatus.INVITED


def test_without_javascript_the_project_form_keeps_what_was_typed_across_searches(
    page_without_javascript, cast, registry
):
    page = page_without_javascript(locale="fr-BE")
    log_in(page, "editor@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto("/fr/projects/new/")
    # one organisation to act for: it is chosen, no "---------"
    assert page.locator("select[name=proposed_by] option").all_inner_texts() == ["Commune de Jette"]
    page.fill("input[name=title]", "Écoles et eau potable")
    page.fill("#id_partners__q", "tarija")
    main_submit(page, "Rechercher").click()
    page.get_by_label(re.compile(r"^Municipio de Tarija")).check()
    page.fill("#id_partners__q", "sao")
    main_submit(page, "Rechercher").click()
    assert page.locator("input[name=title]").input_value() == "Écoles et eau potable"
    assert page.get_by_label(re.compile(r"^Municipio de Tarija")).is_checked()  # kept, on top
    page.get_by_label(re.compile(r"^Prefeitura de São Paulo")).check()
    assert fits(page)
    main_submit(page, WORDS["fr"]["create"]).click()
    page.wait_for_url(re.compile(r"/fr/projects/[a-z0-9-]+/$"))
    project = Project.objects.get(title="Écoles et eau potable")
    assert set(project.parties.values_list("organisation__slug", flat=True)) == {
        "cast-jette",
        "cast-tarija",
        "sao",
    }


def test_the_project_form_sent_empty_says_what_is_missing_in_the_page_s_language(new_page, cast):
    page = new_page(locale="es-ES", width=360)  # a Spanish browser on a French page
    log_in(page, "editor@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto("/fr/projects/new/")
    assert page.locator("main form[novalidate]").count() == 1
    main_submit(page, WORDS["fr"]["create"]).click()
    page.wait_for_load_state()
    error = page.locator("#id_title_error")
    assert error.inner_text() == "Ce champ est obligatoire."
    assert page.url.endswith("/fr/projects/new/")
    assert fits(page)
