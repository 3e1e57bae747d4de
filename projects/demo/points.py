"""Where the demo projects' sites are (the gazetteer's coordinates), by locality."""

from partners.demo.points import BRUSSELS, RENNES

# locality: (latitude, longitude, precision)
SITE_POINTS = {
    "Nimlaha'kok, Cobán": (15.47, -90.37, "region"),
    "Herent": (50.9086, 4.6706, "locality"),
    "Tarija": (-21.5355, -64.7296, "locality"),
    "Brasschaat": (51.2912, 4.4918, "locality"),
    "Rennes": (*RENNES, "locality"),
    "Lomé": (6.1287, 1.2215, "locality"),
    "Ouahigouya": (13.5769, -2.4179, "locality"),
    "Jette": (50.8731, 4.3342, "locality"),
    "Bruxelles": (*BRUSSELS, "locality"),
}


def site_point_fields(locality: str) -> dict:
    latitude, longitude, precision = SITE_POINTS.get(locality, (None, None, ""))
    return {"latitude": latitude, "longitude": longitude, "precision": precision}
