"""A visitor opens the map in Dutch on a phone, filters it by SDG 6 like the directory, and
reaches a partnership from its arc with the keyboard alone — in a real Chromium, with axe."""

import re

import pytest
from django.core.management import call_command

from maps.projection import project
from maps.render import VIEWS, view_box
from partners import reference as partners_reference
from partners.models import Organisation
from projects import reference as projects_reference
from tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The reference data its migrations load: gone when an earlier test flushed the tables.
    partners_reference.load()
    projects_reference.load()
    call_command("seed_demo")


def test_a_visitor_filters_the_map_by_sdg_6_and_reaches_a_partnership_by_keyboard(new_page, demo):
    page = new_page(locale="nl-BE", width=360)
    page.goto("/nl/")
    page.get_by_role("navigation").get_by_role("link", name="Kaart").first.click()
    page.wait_for_url(re.compile(r"/nl/map/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Kaart van de actoren en hun partnerschappen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("svg.map a").count() > 5  # points and arcs, each a link
    assert_accessible(page, context="the map in Dutch at 360 px")

    page.locator("details.map-filters > summary").click()
    page.select_option("#map-sdg", "6")
    with page.expect_navigation():
        page.get_by_role("button", name="Toepassen").click()
    assert "sdg=6" in page.url
    arcs = page.locator("svg.map a[aria-label^='Partnerschap ']")
    assert arcs.count() >= 1
    wanted = arcs.first.get_attribute("aria-label")
    href = arcs.first.get_attribute("href")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="the map filtered by SDG 6, in Dutch at 360 px")

    # The keyboard alone: Tab until the arc has the focus, then Enter opens its partnership.
    page.locator("h1").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == wanted:
            break
    else:
        pytest.fail(f"the keyboard never reaches {wanted!r}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)
    assert page.locator("html").get_attribute("lang") == "nl"


def test_the_map_on_a_wide_screen_in_french_passes_axe(new_page, demo):
    page = new_page(locale="fr-BE", width=1280)
    page.goto("/fr/map/?view=belgium")
    assert page.locator("svg.map").is_visible()
    assert_accessible(page, context="the map zoomed on Belgium, in French at 1280 px")


@pytest.mark.parametrize(("width", "image"), [(360, "place_map"), (1280, "place_map_wide")])
def test_a_coordinator_sets_the_point_by_clicking_the_map(new_page, demo, width, image):
    """The image button posts the click in the picture's pixels: a click where Brasschaat is
    drawn on the Belgium view fills its coordinates, which the coordinator saves."""
    page = new_page(locale="fr-BE", width=width)
    log_in(page, "coordination@jette.demo", "soliris-demo")
    page.goto("/fr/organisations/jette/edit/")
    page.get_by_role("button", name="Belgique et Bruxelles", exact=True).click()
    picture = page.locator(f"input[type=image][name={image}]")
    assert picture.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page, context=f"the organisation form with its map, at {width} px")
    brasschaat = (51.2912, 4.4918)
    x, y = project(*brasschaat)
    bx, by, bw, bh = view_box(VIEWS["belgium"])
    box = picture.bounding_box()
    picture.click(position={"x": (x - bx) * box["width"] / bw, "y": (y - by) * box["height"] / bh})
    page.wait_for_load_state()
    latitude = float(page.locator("input[name=latitude]").input_value())
    longitude = float(page.locator("input[name=longitude]").input_value())
    assert (latitude, longitude) == pytest.approx(brasschaat, abs=0.03)
    assert "Point défini en" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.locator("main form [type=submit]:not([formnovalidate])").last.click()
    assert Organisation.objects.get(slug="jette").latitude == latitude
