"""A removal on a phone: the remove button asks first, says what goes, and the message that
confirms it offers "Undo", which puts the record back — in French and in Spanish, at 360 px."""

from decimal import Decimal

import pytest

from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def project(cast, live_server):
    from projects import services
    from projects.models import ProjectParty
    from tests.projects.conftest import ensure_sdg_reference

    ensure_sdg_reference()
    coordinator = cast.user("party_coordinator")
    project = services.project_create(
        actor=coordinator,
        proposed_by=cast.jette,
        title="Protection des sources d'eau à Tarija",
        partnership=cast.partnership,
        partners=[cast.tarija],
        language="fr",
    )
    services.project_transition(actor=coordinator, project=project, to_status="proposed")
    services.party_confirm(
        actor=cast.user("partner_coordinator"),
        party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
        role="Gestion des sources",
        contribution="Équipe technique municipale",
    )
    services.site_add(
        actor=coordinator, project=project, country="BO", locality="Barrio San Jerónimo", change="Sources"
    )
    services.funding_add(
        actor=coordinator,
        project=project,
        party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
        label="Clôtures des captages",
        amount=Decimal("4200"),
        currency="BOB",
        kind="in_kind",
    )
    return project


def _check_phone_page(page, context):
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"sideways scroll on {context}"
    assert_accessible(page, context=context)


def test_a_site_is_removed_after_a_confirmation_and_undone_in_french(new_page, cast, project):
    from projects.models import Site

    page = new_page(locale="fr-BE", width=360, height=740)
    log_in(page, "editor@jette.test", PASSWORD)
    page.goto(f"/fr/projects/{project.key}/sites/")
    page.locator("main form[action*='/delete/'] button").first.click()

    # The confirmation says what goes, and that it can be undone; nothing is removed yet.
    page.wait_for_selector("#confirm-title")
    assert "Barrio San Jerónimo" in page.locator("#confirm-title").inner_text()
    assert "annuler" in page.locator("main").inner_text().lower()
    assert Site.objects.filter(project=project).count() == 1
    _check_phone_page(page, "site removal confirmation (fr, 360 px)")
    page.locator("main .confirm button[type=submit]").click()

    # Removed; the message offers to undo it.
    page.wait_for_selector(".message .undo-form button")
    assert "a été supprimé" in page.locator(".messages").inner_text()
    assert Site.objects.filter(project=project).count() == 0
    _check_phone_page(page, "site removed, undo offered (fr, 360 px)")
    page.locator(".message .undo-form button").click()

    page.wait_for_selector(".message-success")
    assert "Suppression annulée" in page.locator(".messages").inner_text()
    assert "Barrio San Jerónimo" in page.locator("main").inner_text()
    assert Site.objects.filter(project=project).count() == 1


def test_a_funding_line_is_removed_and_undone_by_the_other_party_in_spanish(new_page, cast, project):
    from projects.models import FundingLine

    line = FundingLine.objects.get(project=project)
    page = new_page(locale="es-BO", width=360, height=740)
    log_in(page, "coordinador@tarija.test", PASSWORD)
    page.goto(f"/es/projects/{project.key}/funding/")
    page.locator("main form[action*='/delete/'] button").first.click()

    page.wait_for_selector("#confirm-title")
    assert "Municipio de Tarija" in page.locator("#confirm-title").inner_text()
    details = page.locator(".confirm-details").inner_text()
    assert "4200,00 BOB" in details or "4.200,00 BOB" in details
    assert "Clôtures des captages" in details
    _check_phone_page(page, "funding removal confirmation (es, 360 px)")

    # "Cancel, keep it" changes nothing.
    page.locator("main .confirm a").click()
    page.wait_for_url(f"**/es/projects/{project.key}/funding/")
    assert FundingLine.objects.filter(pk=line.pk).exists()

    page.locator("main form[action*='/delete/'] button").first.click()
    page.locator("main .confirm button[type=submit]").click()
    page.wait_for_selector(".message .undo-form button")
    assert "Deshacer" in page.locator(".message .undo-form button").inner_text()
    assert not FundingLine.objects.filter(pk=line.pk).exists()
    _check_phone_page(page, "funding line removed, undo offered (es, 360 px)")
    page.locator(".message .undo-form button").click()

    page.wait_for_selector(".message-success")
    assert "Deshecho" in page.locator(".messages").inner_text()
    again = FundingLine.objects.get(pk=line.pk)
    assert (again.amount, again.currency, again.kind, again.label) == (
        line.amount,
        line.currency,
        line.kind,
        line.label,
    )
