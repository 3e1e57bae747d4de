"""Setting a point by clicking the map, without JavaScript: the map is an image button whose
click the browser posts in the picture's pixels; the view presets zoom in; the point clicked
fills the coordinates, for the person to check and save."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from maps import picker
from maps.projection import project, unproject
from maps.render import VIEWS, view_box
from tests.maps.test_point_form import _form_data

pytestmark = pytest.mark.django_db

SAINT_JOSSE = (50.8538, 4.37282)
TARIJA = (-21.5355, -64.7296)


def pixel(slug, width, latitude, longitude):
    """Where a place is drawn on the ``slug`` picture ``width`` pixels wide."""
    x, y = project(latitude, longitude)
    bx, by, bw, bh = view_box(VIEWS[slug])
    return round((x - bx) * width / bw), round((y - by) * picker.height(slug, width) / bh)


@pytest.mark.parametrize("place", [SAINT_JOSSE, TARIJA, (0.0, 0.0), (64.1, -21.9), (-33.9, 151.2)])
def test_the_projection_goes_back_from_the_map_to_the_place(place):
    assert unproject(*project(*place)) == pytest.approx(place, abs=1e-9)


def test_a_pixel_of_each_view_is_its_place_to_the_views_precision():
    # One pixel of the phone's Belgium picture is about 1.5 km; of the world picture, 130 km.
    for slug, tolerance in (("belgium", 0.02), ("europe", 0.3), ("latin-america", 0.4), ("world", 1.5)):
        for place in (SAINT_JOSSE, TARIJA):
            view = VIEWS[slug]
            if not (view.south <= place[0] <= view.north and view.west <= place[1] <= view.east):
                continue
            for width in picker.WIDTHS.values():
                found = picker.locate(slug, width, *pixel(slug, width, *place))
                assert found == pytest.approx(place, abs=tolerance), (slug, width)
    assert picker.locate("world", 300, 0, 0) is None  # the corner, off the globe
    assert picker.locate("world", 300, 301, 10) is None and picker.locate("nowhere", 300, 5, 5) is None
    assert picker.view_for(*SAINT_JOSSE) == "belgium" and picker.view_for(*TARIJA) == "latin-america"
    assert picker.view_for(None, None) == "world"


def test_a_coordinator_clicks_the_place_then_saves_its_point(client, cast, login):
    login(cast.user("party_coordinator"))
    url = reverse("partners:organisation_edit", args=[cast.jette.slug])
    data = _form_data(client, url)
    data["name"] = "Commune de Jette — nom en cours de frappe"  # typed, not yet saved

    zoomed = client.post(url, {**data, "place_map__view": "belgium"})
    html = zoomed.content.decode()
    assert zoomed.status_code == 200 and 'class="error"' not in html  # a step, not a submission
    assert 'name="place_map__shown" value="belgium"' in html
    assert f"{reverse('maps:picker')}?view=belgium" in html
    assert "Commune de Jette — nom en cours de frappe" in html  # what was typed is kept

    x, y = pixel("belgium", 300, *SAINT_JOSSE)
    clicked = client.post(url, {**data, "place_map__shown": "belgium", "place_map.x": x, "place_map.y": y})
    form = clicked.context["form"]
    latitude, longitude = float(form.data["latitude"]), float(form.data["longitude"])
    assert (latitude, longitude) == pytest.approx(SAINT_JOSSE, abs=0.02)
    assert form.data["precision"] == "locality" and not form.errors
    assert "Point défini en" in clicked.content.decode()
    cast.jette.refresh_from_db()
    assert cast.jette.latitude is None  # nothing saved by a click

    saved = client.post(url, {**data, "latitude": latitude, "longitude": longitude, "precision": "locality"})
    assert saved.status_code == 302
    cast.jette.refresh_from_db()
    assert (cast.jette.latitude, cast.jette.longitude) == (latitude, longitude)


def test_a_click_off_the_globe_or_from_the_keyboard_sets_nothing_and_says_so(client, cast, login):
    login(cast.user("party_coordinator"))
    url = reverse("partners:organisation_edit", args=[cast.jette.slug])
    data = _form_data(client, url)
    for x, y in ((0, 0), (2, 2), ("abc", "1")):  # Enter on the image button posts (0, 0)
        response = client.post(url, {**data, "place_map__shown": "world", "place_map.x": x, "place_map.y": y})
        assert response.status_code == 200
        assert "latitude" not in response.context["form"].data
        assert "Ce n’était pas un lieu de la carte" in response.content.decode()


def test_a_project_site_is_placed_by_a_click_on_the_wide_picture(client, cast, login, project):
    login(cast.user("party_coordinator"))
    url = reverse("projects:project_sites", args=[project.key])
    data = {"country": "BO", "locality": "Tarija", "change": "Des réservoirs."}
    x, y = pixel("latin-america", 640, *TARIJA)
    response = client.post(
        url, {**data, "place_map__shown": "latin-america", "place_map_wide.x": x, "place_map_wide.y": y}
    )
    form = response.context["form"]
    assert (float(form.data["latitude"]), float(form.data["longitude"])) == pytest.approx(TARIJA, abs=0.2)
    assert form.data["precision"] == "region" and "Des réservoirs." in response.content.decode()


def test_the_picture_is_an_svg_with_the_point_and_ignores_what_it_cannot_read(client):
    url = reverse("maps:picker")
    drawn = client.get(url, {"view": "belgium", "lat": "50.85", "lon": "4.37"})
    assert drawn.status_code == 200 and drawn["Content-Type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(drawn.content)
    assert root.get("viewBox") and root.get("preserveAspectRatio") == "none"
    assert 'stroke="#a4161a"' in drawn.content.decode()  # the cross-hair
    towns = [text.text for text in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"Brussels", "Antwerp", "Liège"} <= set(towns) and len(towns) <= 12  # bearings
    assert "<text" not in client.get(url, {"view": "world"}).content.decode()  # none on the world
    for query in (
        {"view": "x", "lat": "nan", "lon": "4"},
        {"lat": "1e400", "lon": "0"},
        {"lat": "91", "lon": "0"},
    ):
        response = client.get(url, query)
        assert response.status_code == 200 and 'stroke="#a4161a"' not in response.content.decode()
