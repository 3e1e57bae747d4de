"""Country names in the reader's language, translated once per language and process.

``django_countries`` translates a name on every call (about 25 µs); a directory page shows
some sixty of them (``make bench``). The names come from the same catalogues, so they are the
same strings.
"""

from functools import lru_cache

from django.utils import translation
from django_countries import countries


@lru_cache(maxsize=16)
def _names(language: str | None) -> dict[str, str]:
    with translation.override(language):
        return {code: str(name) for code, name in countries}


def country_name(country) -> str:
    """The name of a country (a code or a ``Country``) in the active language; "" if unknown."""
    code = getattr(country, "code", country)
    if not code:
        return ""
    return _names(translation.get_language()).get(str(code).upper(), "")


@lru_cache(maxsize=16)
def _choices(language: str | None) -> tuple[tuple[str, str], ...]:
    with translation.override(language):
        return tuple((code, str(name)) for code, name in countries)


def country_choices() -> list[tuple[str, str]]:
    """Every country as (code, name), in the active language and django-countries' order."""
    return list(_choices(translation.get_language()))


def is_country(code) -> bool:
    return code in _names(translation.get_language())
