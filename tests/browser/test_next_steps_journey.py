"""Next steps in a real Chromium, on a phone (360 px) in French and Dutch: an ended
partnership offers nothing that would add to it; an explored partnership whose sides are
filled and whose parties have met shows the hint and its button; the directory's filters
fold behind one "Filter" control under the result count (open on a wide screen, with or
without JavaScript)."""

import re

import pytest

from partners.models import Exchange, Partnership, PartnershipParty, PartnershipStatus
from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

WORDS = {
    "fr": {
        "record": "Enregistrer un échange",
        "invite": "Inviter une organisation",
        "ended": "Ce partenariat a pris fin",
        "activate": "Passer le partenariat en actif",
        "filter": "Filtrer",
        "found": "trouvé",
    },
    "nl": {
        "record": "Een uitwisseling registreren",
        "invite": "Een organisatie uitnodigen",
        "ended": "Dit partnerschap is beëindigd",
        "activate": "Het partnerschap op actief zetten",
        "filter": "Filteren",
        "found": "gevonden",
    },
}


def fits(page, selector):
    """The elements this work adds stay inside the viewport (the whole page's width is the page
    sweep's: long Dutch headings elsewhere are another part of issue 15)."""
    width = page.viewport_size["width"]
    for box in page.locator(selector).evaluate_all(
        "els => els.flatMap(e => [e, ...e.querySelectorAll('*')]).map(e => e.getBoundingClientRect())"
        ".filter(r => r.width > 0).map(r => [r.left, r.right])"
    ):
        assert box[0] >= -1 and box[1] <= width + 1, f"{selector} reaches {box} on {page.url}"


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_on_a_phone_an_ended_partnership_offers_nothing_new_and_an_explored_one_hints_active(
    new_page, cast, language
):
    words = WORDS[language]
    page = new_page(locale=f"{language}-BE", width=360, height=780)
    log_in(page, "coordinator@jette.test", PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))

    Partnership.objects.filter(pk=cast.partnership.pk).update(
        status=PartnershipStatus.ENDED, ended_on="2025-06-30", end_reason="Fin du mandat."
    )
    page.goto(f"/{language}/partnerships/{cast.partnership.key}/")
    main = page.locator("main")
    assert words["ended"] in main.inner_text()
    assert main.get_by_text(words["record"], exact=True).count() == 0
    assert main.get_by_text(words["invite"], exact=True).count() == 0
    fits(page, "#ended-notice, main header .actions")
    assert_accessible(page, context=f"ended partnership ({language}, 360 px)")

    # Reopened as "exploring", both sides filled, one exchange: the hint, with its button.
    Partnership.objects.filter(pk=cast.partnership.pk).update(
        status=PartnershipStatus.EXPLORING, ended_on=None, end_reason=""
    )
    PartnershipParty.objects.filter(partnership=cast.partnership).update(role="Co-organise les échanges")
    Exchange.objects.create(
        partnership=cast.partnership, kind="meeting", title="Réunion", date="2025-03-02", format="online"
    )
    page.goto(f"/{language}/partnerships/{cast.partnership.key}/")
    hint = page.locator("#next-step")
    assert hint.is_visible()
    box = hint.bounding_box()
    assert box["y"] < 780 * 1.5, "the next step is far down the page"
    button = hint.get_by_role("button", name=words["activate"])
    assert button.is_visible()
    fits(page, "#next-step")
    assert_accessible(page, context=f"next step ({language}, 360 px)")
    with page.expect_navigation():  # the address does not change: wait for the answer itself
        button.click()
    page.wait_for_url(re.compile(rf"/{language}/partnerships/\w+/$"))
    cast.partnership.refresh_from_db()
    assert cast.partnership.status == PartnershipStatus.ACTIVE
    assert page.locator("#next-step").count() == 0


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize("path", ["partnerships", "organisations", "projects"])
def test_on_a_phone_the_filters_fold_under_the_result_count(new_page, cast, language, path):
    words = WORDS[language]
    page = new_page(locale=f"{language}-BE", width=360, height=780)
    page.goto(f"/{language}/{path}/")
    count = page.locator("main .result-count")
    summary = page.locator("main details.filter-fold > summary")
    assert words["found"] in count.inner_text()
    assert summary.inner_text().strip().startswith(words["filter"])
    assert count.bounding_box()["y"] < summary.bounding_box()["y"] < 780
    first_select = page.locator("main details.filter-fold select").first
    assert not first_select.is_visible()
    fits(page, "main .result-count, main details.filter-fold")
    assert_accessible(page, context=f"{path} folded ({language}, 360 px)")
    summary.click()
    assert first_select.is_visible()
    assert_accessible(page, context=f"{path} unfolded ({language}, 360 px)")

    wide = new_page(locale=f"{language}-BE", width=1280)
    wide.goto(f"/{language}/{path}/")
    assert not wide.locator("main details.filter-fold > summary").is_visible()
    assert wide.locator("main details.filter-fold select").first.is_visible()


def test_without_javascript_the_filters_are_open_on_a_wide_screen_and_fold_on_a_phone(browser, live_server):
    for width, visible in ((1280, True), (360, False)):
        context = browser.new_context(
            base_url=live_server.url,
            locale="fr-BE",
            viewport={"width": width, "height": 800},
            java_script_enabled=False,
        )
        try:
            page = context.new_page()
            page.goto("/fr/partnerships/")
            assert page.locator("main details.filter-fold select").first.is_visible() is visible
            assert page.locator("main details.filter-fold > summary").is_visible() is not visible
            if not visible:
                page.locator("main details.filter-fold > summary").click()
                assert page.locator("main details.filter-fold select").first.is_visible()
        finally:
            context.close()
