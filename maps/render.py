"""The map as SVG: the base map (pre-projected, ``data/countries.json``) cut to the view, and
the actors, partnerships and sites drawn over it. Pure functions from ``selectors``' rows to
what ``maps/partials/map.html`` writes; no query.

Sizes are in the map's own units, scaled to the view (a point is as large on the screen in
the world view as in the Brussels one); strokes do not scale (``vector-effect``).
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from maps import clusters
from maps.projection import HEIGHT, WIDTH, arc_segments, project
from partners.models import OrganisationKind, PartnershipStatus
from soliris.countries import country_name

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class View:
    slug: str
    label: str
    south: float
    west: float
    north: float
    east: float


VIEWS = {
    view.slug: view
    for view in (
        View("world", pgettext_lazy("map view", "World"), -90, -180, 90, 180),
        View("europe", pgettext_lazy("map view", "Europe"), 34, -25, 71, 45),
        View("belgium", pgettext_lazy("map view", "Belgium and Brussels"), 49.4, 2.4, 51.6, 6.5),
        View("africa", pgettext_lazy("map view", "Africa"), -36, -20, 38, 53),
        View("latin-america", pgettext_lazy("map view", "Latin America"), -56, -118, 33, -33),
    )
}
DEFAULT_VIEW = "world"

# Kinds: a colour (3:1 at least on the pale land and sea) and a shape, so that colour is never
# the only cue; the legend and the table name the kind in words.
SHAPES = {
    "circle": pgettext_lazy("map shape", "circle"),
    "square": pgettext_lazy("map shape", "square"),
    "diamond": pgettext_lazy("map shape", "diamond"),
    "triangle": pgettext_lazy("map shape", "triangle"),
}
K = OrganisationKind
KIND_STYLE = {
    K.COMMUNE: ("square", "#1d4e89"),
    K.PUBLIC_INSTITUTION: ("square", "#5b2a86"),
    K.ADVISORY_COUNCIL: ("square", "#7a4b00"),
    K.ASSOCIATION: ("circle", "#a4161a"),
    K.NGO: ("circle", "#0b6e4f"),
    K.DIASPORA: ("circle", "#8a3b12"),
    K.CITIZEN_COLLECTIVE: ("circle", "#6a4c93"),
    K.NETWORK: ("diamond", "#005f73"),
    K.UNIVERSITY: ("triangle", "#3d405b"),
    K.SSE: ("triangle", "#7b2d26"),
}
S = PartnershipStatus
# Status: a dash pattern (in stroke widths) and a colour.
STATUS_STYLE = {
    S.ACTIVE: ("", "#0b6e4f"),
    S.EXPLORING: ("6 4", "#1d4e89"),
    S.PAUSED: ("1.5 3", "#8a3b12"),
    S.ENDED: ("8 3 1.5 3", "#595959"),
}
SITE_COLOUR = "#b5179e"
GROUP_COLOUR = "#3d405b"  # a mark or a line of several, whatever their kinds or statuses


@functools.cache
def base_countries() -> tuple[dict, ...]:
    return tuple(json.loads((DATA / "countries.json").read_text())["countries"])


def view_box(view: View) -> tuple[float, float, float, float]:
    """(x, y, width, height) that holds the view's box, with the world's proportions kept at
    least 4:3 wide so that a narrow region does not become a tall strip."""
    if view.slug == "world":
        return 0.0, 0.0, float(WIDTH), float(HEIGHT)
    xs, ys = [], []
    for step in range(11):
        latitude = view.south + (view.north - view.south) * step / 10
        for longitude in (view.west, view.east, (view.west + view.east) / 2):
            x, y = project(latitude, longitude)
            xs.append(x)
            ys.append(y)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    width, height = x1 - x0, y1 - y0
    if width < height * 4 / 3:
        grow = height * 4 / 3 - width
        x0, width = x0 - grow / 2, width + grow
    return round(x0, 2), round(y0, 2), round(width, 2), round(height, 2)


def fitted_box(places) -> tuple[float, float, float, float]:
    """The smallest view (at least a country's size, 4:3 or wider) that holds ``places``
    ((latitude, longitude) pairs): a panel shows its own points, not the world."""
    xs, ys = zip(*(project(latitude, longitude) for latitude, longitude in places), strict=True)
    width = max(max(xs) - min(xs), (max(ys) - min(ys)) * 4 / 3, 40.0) * 1.25
    height = width * 3 / 4
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return round(cx - width / 2, 2), round(cy - height / 2, 2), round(width, 2), round(height, 2)


def _inside(box, viewbox) -> bool:
    x, y, w, h = viewbox
    return not (box[2] < x or box[0] > x + w or box[3] < y or box[1] > y + h)


def marker_path(shape: str, x: float, y: float, r: float) -> str:
    def f(value):
        return f"{value:.2f}".rstrip("0").rstrip(".")

    if shape == "square":
        s = r * 0.89
        return f"M{f(x - s)} {f(y - s)}h{f(2 * s)}v{f(2 * s)}h{f(-2 * s)}z"
    if shape == "diamond":
        s = r * 1.25
        return f"M{f(x)} {f(y - s)}L{f(x + s)} {f(y)}L{f(x)} {f(y + s)}L{f(x - s)} {f(y)}z"
    if shape == "triangle":
        s = r * 1.35
        return f"M{f(x)} {f(y - s)}L{f(x + s * 0.87)} {f(y + s * 0.5)}L{f(x - s * 0.87)} {f(y + s * 0.5)}z"
    return f"M{f(x - r)} {f(y)}a{f(r)} {f(r)} 0 1 0 {f(2 * r)} 0a{f(r)} {f(r)} 0 1 0 {f(-2 * r)} 0z"


def _segments_path(segments) -> str:
    return "".join("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in segment) for segment in segments)


def pairs(points):
    """Which parties an arc joins: every pair among four at most, else each to the first."""
    if len(points) <= 4:
        return [(a, b) for i, a in enumerate(points) for b in points[i + 1 :]]
    return [(points[0], other) for other in points[1:]]


def _group_label(group) -> str:
    """A mark in words: "Ixelles (Belgium)", or its country's name alone."""
    country = country_name(group.country)
    place = group.place or (group.main.name if group.size == 1 else "")
    return f"{place} ({country})" if place else country


def svg_context(data, view_slug: str = DEFAULT_VIEW, sites=(), joins=()) -> dict:
    """What the map template draws: ``data`` a ``selectors.MapData``; ``sites`` SitePoints;
    ``joins`` (actor, site) pairs drawn as thin lines (a project's parties to its sites)."""
    view = VIEWS.get(view_slug) or VIEWS[DEFAULT_VIEW]
    places = [(a.latitude, a.longitude) for a in data.actors] + [(s.latitude, s.longitude) for s in sites]
    box = fitted_box(places) if view_slug == "fit" and places else view_box(view)
    unit = box[2] / 1000  # one thousandth of the view's width
    countries = [c for c in base_countries() if _inside(c["box"], box)]
    kinds = dict(OrganisationKind.choices)
    statuses = dict(PartnershipStatus.choices)
    # Dense: nearby organisations of one country as one mark (maps.clusters).
    groups = clusters.group_actors(data.actors, box) if len(data.actors) > clusters.DENSE_POINTS else []
    singles = [g.main for g in groups if g.size == 1] if groups else data.actors
    points = [
        {
            "group": group,
            "label": _group_label(group),
            "d": marker_path("circle", group.x, group.y, unit * min(5 + 2 * math.sqrt(group.size), 14)),
            "colour": GROUP_COLOUR,
            "x": f"{group.x:.1f}",
            "y": f"{group.y:.1f}",
            "font": f"{unit * 9:.3g}",
        }
        for group in sorted(groups, key=lambda g: -g.size)  # the smaller drawn over the larger
        if group.size > 1
    ]
    for actor in sorted(singles, key=lambda a: -a.partnerships):
        shape, colour = KIND_STYLE.get(actor.kind, ("circle", "#333333"))
        x, y = project(actor.latitude, actor.longitude)
        radius = unit * (4.5 + 2.5 * math.sqrt(actor.partnerships))
        points.append(
            {
                "actor": actor,
                "d": marker_path(shape, x, y, min(radius, unit * 16)),
                "colour": colour,
                "kind_label": kinds.get(actor.kind, actor.kind),
            }
        )
    arcs = []
    bundled = groups and len(data.links) > clusters.DENSE_ARCS
    for bundle in clusters.bundle_links(data.links, groups) if bundled else ():
        a, b = bundle.ends
        arcs.append(
            {
                "bundle": bundle,
                "ends": [_group_label(a), _group_label(b)],
                "d": _segments_path(arc_segments(a.position, b.position)),
                "colour": GROUP_COLOUR,
                "width": f"{min(1.5 + math.log2(bundle.count), 7):.2g}",
                "statuses": [(statuses.get(code, code), n) for code, n in bundle.statuses()],
            }
        )
    for link in () if bundled else data.links:
        dash, colour = STATUS_STYLE.get(link.status, ("", "#333333"))
        segments = [
            segment
            for a, b in pairs(link.parties)
            for segment in arc_segments((a.latitude, a.longitude), (b.latitude, b.longitude))
        ]
        arcs.append(
            {
                "link": link,
                "d": _segments_path(segments),
                "colour": colour,
                "dash": dash,
                "status_label": statuses.get(link.status, link.status),
            }
        )
    site_marks = []
    for site in sites:
        x, y = project(site.latitude, site.longitude)
        radius = unit * min(4 + 2 * math.sqrt(site.count - 1), 20)  # a country's sites: larger for more
        site_marks.append({"site": site, "d": marker_path("diamond", x, y, radius)})
    join_paths = _segments_path(
        segment
        for actor, site in joins
        for segment in arc_segments((actor.latitude, actor.longitude), (site.latitude, site.longitude), 12)
    )
    return {
        "view": view,
        "view_box": " ".join(f"{value:g}" for value in box),
        "countries": countries,
        "points": points,
        "arcs": arcs,
        "sites": site_marks,
        "joins": join_paths,
        "stroke": f"{unit * 0.6:.3g}",
        "kind_legend": [
            {
                "label": label,
                "shape": SHAPES[KIND_STYLE[code][0]],
                "colour": KIND_STYLE[code][1],
                "d": marker_path(KIND_STYLE[code][0], 8, 8, 5),
            }
            for code, label in OrganisationKind.choices
            if any(p.get("actor") and p["actor"].kind == code for p in points)
        ],
        "status_legend": [
            {"label": label, "dash": STATUS_STYLE[code][0], "colour": STATUS_STYLE[code][1]}
            for code, label in PartnershipStatus.choices
            if any(a.get("link") and a["link"].status == code for a in arcs)
        ],
        "grouped": bool(groups),
        "group_colour": GROUP_COLOUR,
        "site_colour": SITE_COLOUR,
        "site_legend": _("project site"),
    }
