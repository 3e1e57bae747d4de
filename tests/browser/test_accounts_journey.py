import re

import pytest
from django.core import mail

from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_sign_up_verify_log_in_and_switch_to_spanish(page):
    page.goto("/fr/accounts/signup/")
    assert_accessible(page, context="sign-up")
    page.get_by_label("Courriel").fill("tarija@example.org")
    page.get_by_label("Nom complet").fill("María Fernanda Flores")
    page.get_by_label("Mot de passe :", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/accounts/confirm-email/$"))

    link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    page.locator("main form [type=submit]").click()

    page.context.clear_cookies()
    log_in(page, "tarija@example.org", PASSWORD)
    page.wait_for_url(re.compile(r"/fr/dashboard/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bienvenue")

    page.select_option("#language-select", "es")
    page.wait_for_url(re.compile(r"/es/dashboard/$"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bienvenida")
    assert page.get_by_role("link", name="Inicio").is_visible()


@pytest.mark.parametrize("path", ["/fr/", "/fr/accounts/login/", "/es/", "/es/accounts/signup/"])
def test_entry_pages_pass_axe(page, path):
    page.goto(path)
    assert_accessible(page)


def test_home_page_works_on_a_small_screen(new_page):
    page = new_page(width=360, height=740)
    page.goto("/fr/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="home at 360 px")
