"""Setting a point by clicking the map, without JavaScript: the organisation and site forms
show the base map as an image button (``<input type="image">``), whose click the browser
posts as ``name.x`` / ``name.y`` in the image's pixels. The picture is drawn at a fixed size,
so a pixel maps back to the view's box and, through the projection's inverse, to a latitude
and a longitude. The view presets zoom in (a click in the Belgium view is a locality's
precision, in the world view a country's).

Registered into ``partners.forms.places`` from ``MapsConfig.ready()``.
"""

import functools
import math
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse

from maps import gazetteer
from maps.projection import project, unproject
from maps.render import DEFAULT_VIEW, VIEWS, _inside, base_countries, marker_path, view_box

# The picture's width in CSS pixels, by the image button's name suffix: a phone's and a
# wide screen's (the stylesheet shows one of them).
WIDTHS = {"": 300, "_wide": 640}
PRECISION = {"world": "country", "belgium": "locality"}  # the others: a region's
# The narrowest first: the default view for a place already set is the first that holds it.
NARROWEST = ("belgium", "europe", "africa", "latin-america", "world")


def height(slug: str, width: int) -> int:
    _x, _y, w, h = view_box(VIEWS[slug])
    return round(width * h / w)


def locate(slug: str, width: int, px: float, py: float) -> tuple[float, float] | None:
    """The (latitude, longitude) clicked at pixel (px, py) of the ``slug`` picture drawn
    ``width`` pixels wide, or None off the globe or the picture."""
    if slug not in VIEWS or not (0 <= px <= width and 0 <= py <= height(slug, width)):
        return None
    x, y, w, h = view_box(VIEWS[slug])
    return unproject(x + px * w / width, y + py * h / height(slug, width))


def precision(slug: str) -> str:
    return PRECISION.get(slug, "region")


def view_for(latitude, longitude) -> str:
    """The narrowest view that shows the point (the world without one)."""
    if latitude is None or longitude is None:
        return DEFAULT_VIEW
    for slug in NARROWEST:
        view = VIEWS[slug]
        if view.south <= latitude <= view.north and view.west <= longitude <= view.east:
            return slug
    return DEFAULT_VIEW


def views() -> list[tuple[str, str]]:
    return [(slug, view.label) for slug, view in VIEWS.items()]


def picture_url(slug: str, latitude=None, longitude=None) -> str:
    query = {"view": slug}
    if latitude is not None and longitude is not None:
        query.update(lat=f"{latitude:.4f}", lon=f"{longitude:.4f}")
    return f"{reverse('maps:picker')}?{urlencode(query)}"


@functools.cache
def landmarks(slug: str) -> tuple[dict, ...]:
    """The largest towns of a zoomed view, spaced apart, as a reader's bearings (the base map
    at 1:110m has borders but no town): up to 12, none in the world view."""
    if slug == DEFAULT_VIEW or slug not in VIEWS:
        return ()
    view = VIEWS[slug]
    x0, y0, w, _h = view_box(view)
    spacing = w * 32 / WIDTHS[""]  # 32 pixels of the phone's picture
    towns = sorted(
        (
            place
            for place in gazetteer.places()
            if view.south <= place.latitude <= view.north and view.west <= place.longitude <= view.east
        ),
        key=lambda place: (-place.population, place.key),
    )
    chosen = []
    for town in towns:
        x, y = project(town.latitude, town.longitude)
        if all(math.hypot(x - other["x"], y - other["y"]) >= spacing for other in chosen):
            chosen.append({"name": town.name, "x": x, "y": y})
            if len(chosen) == 12:
                break
    unit = w / WIDTHS[""]
    return tuple(
        {
            "name": town["name"],
            "dot": marker_path("circle", town["x"], town["y"], unit * 1.6),
            "x": f"{town['x'] + unit * 3:.2f}",
            "y": f"{town['y'] + unit * 3:.2f}",
            "font": f"{unit * 8:.3g}",
        }
        for town in chosen
    )


def picture(slug: str, latitude=None, longitude=None) -> str:
    """The picture as SVG: the countries in the view, a cross-hair on the point if given."""
    slug = slug if slug in VIEWS else DEFAULT_VIEW
    box = view_box(VIEWS[slug])
    unit = box[2] / 300
    mark = None
    if latitude is not None and longitude is not None:
        x, y = project(latitude, longitude)
        arm = unit * 9
        cross = f"M{x - arm:.2f} {y:.2f}H{x + arm:.2f}M{x:.2f} {y - arm:.2f}V{y + arm:.2f}"
        mark = {"ring": marker_path("circle", x, y, unit * 5), "cross": cross}
    return render_to_string(
        "maps/picker.svg",
        {
            "box": " ".join(f"{v:g}" for v in box),
            "countries": [c for c in base_countries() if _inside(c["box"], box)],
            "mark": mark,
            "towns": landmarks(slug),
            "width": WIDTHS[""],
            "height": height(slug, WIDTHS[""]),
        },
    )
