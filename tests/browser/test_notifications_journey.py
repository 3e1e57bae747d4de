"""A partner abroad is told in Spanish, answers from the mail's light page after logging in,
and the French coordinator reads the answer in the notification centre — in a real Chromium."""

import re

import pytest
from django.core import mail as django_mail

from partners.models import Partnership, PartnershipKind, PartnershipStatus, PartyStatus
from partners.services import party_invite
from tests.browser.conftest import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def _log_in_here(page, email):
    """The log-in form the page was sent to (it brings the person back where they were going)."""
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form [type=submit]").first.click()


def test_the_spanish_partner_answers_from_the_mail_and_the_french_coordinator_is_told(
    new_page, cast, live_server, settings
):
    settings.SITE_URL = live_server.url  # what make run does: the links follow the port served
    coordinator = cast.user("party_coordinator")
    partnership = Partnership.objects.create(
        name="Jette – Tarija : jeunes élus",
        kind=PartnershipKind.COMMUNE_TO_COMMUNE,
        status=PartnershipStatus.EXPLORING,
        initiated_by=cast.jette,
        created_by=coordinator,
    )
    partnership.parties.create(organisation=cast.jette, status="accepted")
    django_mail.outbox.clear()
    party_invite(actor=coordinator, partnership=partnership, organisation=cast.tarija)

    partner = cast.user("partner_coordinator")
    invitation = next(m for m in django_mail.outbox if m.to == [partner.email])
    assert "alianza" in invitation.subject.lower()  # Spanish, the partner's language
    assert dict(invitation.alternatives)  # with an HTML part
    links = re.findall(rf"{re.escape(live_server.url)}\S+", invitation.body)
    light = next(link for link in links if link.endswith(f"/parties/{cast.tarija.slug}/respond/?light=1"))
    assert light.startswith(f"{live_server.url}/es/")

    # The partner opens the light page from the mail, logged out, on a phone: log in, then back.
    tarija = new_page(locale="es-BO", width=360)
    tarija.goto(light)
    tarija.wait_for_url(re.compile(r"/es/accounts/login/"))
    _log_in_here(tarija, partner.email)
    tarija.wait_for_url(light)
    html = tarija.content()
    assert "<script" not in html.split("</head>")[1]  # no script in the page's body
    assert len(html.encode()) < 20_000
    assert tarija.locator("html").get_attribute("lang") == "es"
    assert tarija.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(tarija, context="the light page of an invitation, in Spanish at 360 px")
    with tarija.expect_navigation():  # same address: wait for the answer, not the old page
        tarija.click("button[name=answer][value=accept]")
    tarija.wait_for_url(light)
    assert partnership.parties.get(organisation=cast.tarija).status == PartyStatus.ACCEPTED
    assert "Aceptada" in tarija.content() or "aceptada" in tarija.content()

    # The French coordinator sees the answer in the notification centre, in French.
    jette = new_page(locale="fr-BE", width=1280)
    jette.goto("/fr/accounts/login/")
    _log_in_here(jette, coordinator.email)
    jette.wait_for_url(re.compile(r"/fr/dashboard/$"))
    badge = jette.locator(".notifications-link .badge")
    assert badge.count() == 1
    jette.click(".notifications-link")
    jette.wait_for_url(re.compile(r"/fr/notifications/$"))
    entry = jette.locator("ol.notifications li.unread a").first
    assert cast.tarija.name in entry.inner_text() or "Tarija" in entry.inner_text()
    assert_accessible(jette, context="the notification centre, in French")
    entry.click()
    jette.wait_for_url(re.compile(rf"/fr/partnerships/{partnership.key}/"))
    assert jette.locator(".notifications-link .badge").count() == 0  # read now
