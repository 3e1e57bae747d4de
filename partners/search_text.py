"""The search text of organisations and partnerships (see ``soliris.search``).

Pure functions of an object's attributes, so that the data migration can use them on
historical models too: names, localities, country names in the four languages and the
descriptions in every language, folded.
"""

from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django_countries import countries

from soliris import search

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def country_names(code) -> list[str]:
    code = str(code or "")
    if not code:
        return []
    return list(_country_names(code))


@lru_cache(maxsize=512)
def _country_names(code: str) -> tuple[str, ...]:
    names = [code]
    for language in LANGUAGE_CODES:
        with translation.override(language):
            names.append(str(countries.name(code)))
    return tuple(dict.fromkeys(names))


def translated_texts(obj, field: str) -> list[str]:
    return [getattr(obj, f"{field}_{code}", "") or "" for code in LANGUAGE_CODES]


def organisation_document(organisation) -> str:
    return search.document(
        organisation.name,
        organisation.slug.replace("-", " "),
        organisation.locality,
        *country_names(organisation.country),
        *translated_texts(organisation, "description"),
    )


def partnership_document(partnership, organisations) -> str:
    """``organisations``: the accepted parties' organisations."""
    parts = [partnership.name]
    for organisation in organisations:
        parts += [organisation.name, organisation.locality, *country_names(organisation.country)]
    parts += translated_texts(partnership, "description")
    return search.document(*parts)
