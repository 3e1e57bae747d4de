import math

from maps import gazetteer
from maps.projection import HEIGHT, WIDTH, arc_segments, equal_earth, great_circle, project
from maps.render import VIEWS, base_countries, view_box


def test_equal_earth_gives_the_published_extent():
    # Šavrič, Patterson and Jenny (2018): x ±2.7066 and y ±1.3174 on the unit sphere.
    x, _ = equal_earth(0, 180)
    _, y = equal_earth(90, 0)
    assert math.isclose(x, 2.70663, abs_tol=1e-4)
    assert math.isclose(y, 1.31736, abs_tol=1e-4)
    assert equal_earth(0, 0) == (0.0, 0.0)


def test_map_coordinates_put_north_up_and_the_world_inside_the_frame():
    assert project(0, -180)[0] == 0
    assert math.isclose(project(0, 180)[0], WIDTH)
    assert project(90, 0)[1] == 0
    assert math.isclose(project(-90, 0)[1], HEIGHT, abs_tol=1)
    brussels, tarija = project(50.85, 4.35), project(-21.5, -64.7)
    assert brussels[1] < tarija[1] and brussels[0] > tarija[0]


def test_a_great_circle_ends_where_it_should_and_bends_poleward():
    points = great_circle((50.85, 4.35), (45.48, -75.70), 10)
    assert points[0] == (50.85, 4.35)
    assert math.isclose(points[-1][0], 45.48, abs_tol=1e-9) and math.isclose(
        points[-1][1], -75.70, abs_tol=1e-9
    )
    assert max(latitude for latitude, _ in points) > 55  # Brussels–Gatineau passes north of both


def test_an_arc_across_the_antimeridian_is_cut_rather_than_drawn_across_the_map():
    segments = arc_segments((-17, 178), (-14, -172))
    assert len(segments) == 2
    for segment in segments:
        xs = [x for x, _ in segment]
        assert max(xs) - min(xs) < WIDTH / 10


def test_the_base_map_has_one_path_per_country_with_its_iso_code():
    codes = {country["code"] for country in base_countries()}
    assert {"BE", "BO", "GT", "PE", "TG", "FR", "CA", "BF"} <= codes
    for country in base_countries():
        assert country["d"].startswith("M")


def test_zoom_presets_are_wider_than_tall_and_hold_their_places():
    for slug, view in VIEWS.items():
        x, y, width, height = view_box(view)
        assert width >= height, slug
    x, y, width, height = view_box(VIEWS["belgium"])
    bx, by = project(50.85, 4.35)
    assert x < bx < x + width and y < by < y + height


def test_the_gazetteer_finds_the_seed_places_whatever_the_accents_and_case():
    def first(query, country=None):
        return next(p for p, _ in gazetteer.search(query) if country in (None, p.country))

    assert first("Tarija").country == "BO"
    assert first("saint-josse").name == "Saint-Josse-ten-Noode"
    assert first("SAINT JOSSE").name == "Saint-Josse-ten-Noode"
    assert first("Bruxelles").name == "Brussels"
    assert first("Brussel").name == "Brussels"
    assert first("lome").name == "Lomé"
    assert first("nimlaha").country == "GT"
    assert first("San Jeronimo", "PE").name == "San Jerónimo"
    assert gazetteer.search("x") == []
    assert gazetteer.get("2800866").name == "Brussels"
    assert gazetteer.get("nowhere") is None
