"""The words of the browser's kept draft come from the catalogues, in the page's language."""

import re

import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("language", "kept", "restore"),
    [
        ("es", "Un borrador no enviado de este campo se guarda en este navegador.", "Recuperarlo"),
        ("nl", "Een niet-verzonden concept van dit veld is in deze browser bewaard.", "Terugzetten"),
    ],
)
def test_an_unsent_draft_is_offered_back_in_the_pages_language(new_page, cast, language, kept, restore):
    page = new_page()
    log_in(page, "coordinator@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto(f"/{language}/organisations/new/")
    page.fill("textarea[name=description_fr]", "Un texte que je n'ai pas envoyé.")
    page.wait_for_timeout(1200)  # the script keeps the text after a short pause
    page.reload()
    note = page.locator(".draft-note")
    note.wait_for()
    assert kept in note.inner_text()
    page.get_by_role("button", name=restore).click()
    assert page.input_value("textarea[name=description_fr]") == "Un texte que je n'ai pas envoyé."
