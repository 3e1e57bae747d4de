"""Where the demo organisations are: coordinates from the gazetteer that ships with the map
(GeoNames' cities, ``maps/data/localities.json`` for the two it lacks), with their precision."""

BRUSSELS = (50.8505, 4.3488)
RENNES = (48.1111, -1.6743)

# slug: (latitude, longitude, precision)
POINTS = {
    "etterbeek": (50.8327, 4.3883, "locality"),
    "jette": (50.8731, 4.3342, "locality"),
    "ville-de-bruxelles": (*BRUSSELS, "locality"),
    "saint-josse": (50.8538, 4.3728, "locality"),
    "brasschaat": (51.2912, 4.4918, "locality"),
    "herent": (50.9086, 4.6706, "locality"),
    "edegem": (51.1566, 4.4450, "locality"),
    "tarija": (-21.5355, -64.7296, "locality"),
    "nimlahakok": (15.47, -90.37, "region"),  # placed at Cobán
    "san-jeronimo": (-13.544, -71.886, "locality"),
    "iteco": (*BRUSSELS, "locality"),
    "periferia": (*BRUSSELS, "locality"),
    "brussels-participation": (*BRUSSELS, "locality"),
    "cimic": (51.05, 3.7167, "locality"),
    "contutti": (50.8796, 4.7009, "locality"),
    "vvsg": (*BRUSSELS, "locality"),
    "wbi": (*BRUSSELS, "locality"),
    "xylm": (*RENNES, "locality"),
    "stadd": (6.1287, 1.2215, "locality"),
    "reseau-bretagne-solidaire": (*RENNES, "locality"),
    "cress-bretagne": (*RENNES, "locality"),
    "gsef": (44.8412, -0.5805, "locality"),
    "ille-et-vilaine": (*RENNES, "region"),
    "outaouais": (45.4772, -75.7016, "region"),  # the Outaouais, at Gatineau
    "riaa-burkina": (13.5769, -2.4179, "locality"),
    "riaa-bresil": (-8.0539, -34.8811, "locality"),
    "riaa-senegal": (14.6937, -17.4441, "locality"),
    "riaa-benin": (6.3654, 2.4183, "locality"),
    "kara-ess": (9.5511, 1.1861, "locality"),
    "diaspora-bruxelles": (*BRUSSELS, "locality"),
    "conseil-jette": (50.8731, 4.3342, "locality"),
}


def point_fields(slug: str) -> dict:
    """The model fields of ``slug``'s point (none for an organisation without one)."""
    if slug not in POINTS:
        return {"latitude": None, "longitude": None, "precision": ""}
    latitude, longitude, precision = POINTS[slug]
    return {"latitude": latitude, "longitude": longitude, "precision": precision}
