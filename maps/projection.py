"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), in pure Python, and the
map's own coordinates: the world is ``WIDTH`` units wide, north up, (0, 0) at its top left.

The base map (``maps/data/countries.json``) was projected once with these functions by
``scripts/basemap.py``; points and arcs are projected with them on each page.
"""

import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

# Equal Earth's extent for a unit sphere: x in ±X_MAX, y in ±Y_MAX.
X_MAX = math.pi / (M * A1)
Y_MAX = math.asin(M) * (A1 + A2 * math.asin(M) ** 2 + math.asin(M) ** 6 * (A3 + A4 * math.asin(M) ** 2))

WIDTH = 2000
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE)


def equal_earth(latitude: float, longitude: float) -> tuple[float, float]:
    """(x, y) on the unit sphere's Equal Earth plane, y up."""
    lam = math.radians(longitude)
    theta = math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """The point in the map's coordinates (SVG: x to the right, y down)."""
    x, y = equal_earth(latitude, longitude)
    return (x + X_MAX) * SCALE, (Y_MAX - y) * SCALE


def great_circle(start: tuple[float, float], end: tuple[float, float], steps: int = 24) -> list:
    """``steps + 1`` (latitude, longitude) points along the shorter great circle from ``start``
    to ``end`` (spherical linear interpolation); the two ends alone when they are one place."""
    (lat1, lon1), (lat2, lon2) = start, end
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (math.cos(p1) * math.cos(l1), math.cos(p1) * math.sin(l1), math.sin(p1))
    b = (math.cos(p2) * math.cos(l2), math.cos(p2) * math.sin(l2), math.sin(p2))
    dot = max(-1.0, min(1.0, sum(i * j for i, j in zip(a, b, strict=True))))
    omega = math.acos(dot)
    if omega < 1e-9 or math.pi - omega < 1e-9:
        return [start, end]
    points = []
    for step in range(steps + 1):
        f = step / steps
        wa = math.sin((1 - f) * omega) / math.sin(omega)
        wb = math.sin(f * omega) / math.sin(omega)
        x, y, z = (wa * i + wb * j for i, j in zip(a, b, strict=True))
        points.append((math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))))
    return points


def arc_segments(start, end, steps: int = 24) -> list[list[tuple[float, float]]]:
    """The great circle from ``start`` to ``end`` in map coordinates, cut where it crosses the
    antimeridian (one segment on each side) so that no line runs across the whole map."""
    segments, current, previous = [], [], None
    for latitude, longitude in great_circle(start, end, steps):
        if previous is not None and abs(longitude - previous) > 180:
            segments.append(current)
            current = []
        current.append(project(latitude, longitude))
        previous = longitude
    segments.append(current)
    return [segment for segment in segments if len(segment) > 1]


def equal_earth_inverse(x: float, y: float) -> tuple[float, float] | None:
    """(latitude, longitude) of a point of the unit Equal Earth plane (y up), or None outside
    the globe. Newton's method on the polynomial in θ (converges in a few steps)."""
    if abs(y) > Y_MAX:
        return None
    theta = y / A1
    for _step in range(12):
        t2 = theta * theta
        t6 = t2 * t2 * t2
        f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y
        slope = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)
        step = f / slope
        theta -= step
        if abs(step) < 1e-12:
            break
    t2 = theta * theta
    t6 = t2 * t2 * t2
    longitude = math.degrees(M * x * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)) / math.cos(theta))
    if abs(longitude) > 180 + 1e-9:
        return None
    latitude = math.degrees(math.asin(max(-1.0, min(1.0, math.sin(theta) / M))))
    return latitude, max(-180.0, min(180.0, longitude))


def unproject(x: float, y: float) -> tuple[float, float] | None:
    """The inverse of ``project``: a point of the map (SVG coordinates) as (latitude,
    longitude), or None off the globe (the corners of the map)."""
    return equal_earth_inverse(x / SCALE - X_MAX, Y_MAX - y / SCALE)
