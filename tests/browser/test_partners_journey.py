"""Journey 1: a commune coordinator records a partnership with a partner abroad, in a real Chromium."""

import re

import pytest

from partners.models import Partnership, PartyStatus
from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_a_coordinator_records_a_partnership_and_the_partner_accepts_in_spanish(new_page, cast):
    # Jette's coordinator, in French
    jette = new_page(locale="fr-BE")
    log_in(jette, "coordinator@jette.test", PASSWORD)
    jette.wait_for_url(re.compile(r"/fr/dashboard/$"))
    jette.goto("/fr/partnerships/new/")
    assert jette.locator("html").get_attribute("lang") == "fr"
    jette.select_option("select[name=organisation]", label="Commune de Jette")
    jette.fill("input[name=name]", "Jette – Tarija : jeunesse et participation")
    jette.select_option("select[name=kind]", "commune_to_commune")
    jette.fill("textarea[name=description_fr]", "Échanges entre les conseils de jeunes.")
    jette.locator("main form [type=submit]").click()
    jette.wait_for_url(re.compile(r"/fr/partnerships/\w+/$"))
    partnership = Partnership.objects.get(name="Jette – Tarija : jeunesse et participation")
    assert partnership.initiated_by == cast.jette

    jette.click(f"a[href$='/parties/{cast.jette.slug}/edit/']")
    jette.fill("textarea[name=role]", "Réunit le conseil des jeunes de Jette.")
    jette.fill("textarea[name=contribution_financial]", "5 000 € par an pour les voyages.")
    jette.fill("input[name=financial_share]", "60")
    jette.locator("main form [type=submit]").click()
    jette.wait_for_url(re.compile(r"/fr/partnerships/\w+/#parties$"))
    assert "Réunit le conseil des jeunes de Jette." in jette.content()

    jette.click("a[href$='/invite/']")
    # The organisation picker: the registry's first matches, as radio buttons.
    jette.get_by_label(re.compile(r"^Municipio de Tarija")).check()
    jette.locator("main form button[type=submit]:not([name$='__search'])").click()
    jette.wait_for_url(re.compile(r"/fr/partnerships/\w+/#parties$"))
    assert partnership.parties.get(organisation=cast.tarija).status == PartyStatus.INVITED

    # Tarija's coordinator, in Spanish
    tarija = new_page(locale="es-BO", width=360)
    log_in(tarija, "coordinador@tarija.test", PASSWORD)
    tarija.wait_for_url(re.compile(r"/es/dashboard/$"))
    assert "Jette – Tarija : jeunesse et participation" in tarija.content()  # pending invitation
    tarija.goto(f"/es/partnerships/{partnership.key}/")
    with tarija.expect_navigation():  # same address: wait for the answer, not the old page
        tarija.click("button[name=answer][value=accept]")
    tarija.wait_for_url(re.compile(rf"/es/partnerships/{partnership.key}/$"))
    assert partnership.parties.get(organisation=cast.tarija).status == PartyStatus.ACCEPTED

    tarija.click(f"a[href$='/parties/{cast.tarija.slug}/edit/']")
    tarija.fill("textarea[name=role]", "Reúne el concejo municipal de jóvenes de Tarija.")
    tarija.fill("textarea[name=contribution_human]", "Dos animadores y la sala municipal.")
    tarija.fill("input[name=financial_share]", "40")
    tarija.locator("main form [type=submit]").click()
    tarija.wait_for_url(re.compile(r"/es/partnerships/\w+/#parties$"))
    assert tarija.locator("html").get_attribute("lang") == "es"

    # Both see the same partnership, both sides, and the same history
    jette.goto(f"/fr/partnerships/{partnership.key}/")
    for page in (jette, tarija):
        page.reload()
        content = page.content()
        assert "Réunit le conseil des jeunes de Jette." in content
        assert "Reúne el concejo municipal de jóvenes de Tarija." in content
        assert page.locator("#history li").count() >= 5
    assert jette.locator("#history li").count() == tarija.locator("#history li").count()
    assert_accessible(tarija, context="partnership page in Spanish at 360 px")
    jette.goto(f"/fr/partnerships/{partnership.key}/history/")
    assert jette.locator(".history li").count() >= 5


@pytest.mark.parametrize("language", ["fr", "es"])
def test_directory_organisation_and_partnership_pages_pass_axe(new_page, cast, language):
    page = new_page(locale=language)
    page.goto(f"/{language}/organisations/")
    assert_accessible(page, context="organisation directory")
    page.goto(f"/{language}/partnerships/?q=tarija")
    assert_accessible(page, context="partnership directory")
    page.goto(f"/{language}/organisations/{cast.jette.slug}/")
    assert_accessible(page, context="organisation page")
    log_in(page, "coordinator@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto(f"/{language}/partnerships/{cast.partnership.key}/")
    assert_accessible(page, context="partnership page")
    page.goto(f"/{language}/organisations/{cast.jette.slug}/")
    assert_accessible(page, context="organisation page seen by its coordinator")


def test_an_invitation_link_survives_sign_up_and_email_verification(page, cast):
    from django.core import mail

    from partners import services
    from partners.models import Membership

    invitation = services.member_invite(
        actor=cast.user("party_coordinator"),
        organisation=cast.jette,
        email="nouvelle@jette.test",
        role="editor",
    )
    page.goto(f"/fr/invitations/{invitation.token}/")
    assert_accessible(page, context="invitation page")
    page.click("main a[href*='/accounts/signup/']")
    page.fill("input[name=email]", "nouvelle@jette.test")
    page.fill("input[name=full_name]", "Nora Nouvelle")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    # Back on the invitation (or on the dashboard that lists it): one click accepts it.
    if "/invitations/" not in page.url:
        page.click(f"a[href$='/invitations/{invitation.token}/']")
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(rf"/organisations/{cast.jette.slug}/$"))
    assert Membership.objects.get(user__email="nouvelle@jette.test", organisation=cast.jette).role == "editor"


def test_the_registry_pages_fit_a_360_px_screen(new_page, cast):
    from partners.models import CheckInRound

    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    page = new_page(locale="es", width=360)
    log_in(page, "coordinator@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    for path in (
        "/es/organisations/",
        "/es/partnerships/",
        f"/es/organisations/{cast.jette.slug}/",
        f"/es/partnerships/{cast.partnership.key}/",
        "/es/dashboard/",
    ):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_the_registry_forms_pass_axe(new_page, cast):
    from partners.models import CheckInRound

    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    page = new_page(locale="fr")
    log_in(page, "coordinator@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    assert_accessible(page, context="dashboard")
    key, jette = cast.partnership.key, cast.jette.slug
    for path in (
        "/fr/organisations/new/",
        f"/fr/organisations/{jette}/edit/",
        "/fr/partnerships/new/",
        f"/fr/partnerships/{key}/edit/",
        f"/fr/partnerships/{key}/parties/{jette}/edit/",
        f"/fr/partnerships/{key}/exchanges/new/",
        f"/fr/partnerships/{key}/check-ins/1/{jette}/",
        f"/fr/partnerships/{key}/status/",
        f"/fr/partnerships/{key}/history/",
    ):
        page.goto(path)
        assert_accessible(page, context=path)
    # a form sent with errors is still accessible, and says what is wrong
    page.goto(f"/fr/partnerships/{key}/check-ins/1/{jette}/")
    with page.expect_navigation():  # count() does not wait: the answer page must be there
        page.locator("main form [type=submit]").click()
    assert page.locator(".error").count() >= 5
    assert_accessible(page, context="check-in form with errors")
