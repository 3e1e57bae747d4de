"""Accent- and case-insensitive search without any PostgreSQL extension.

The embedded PostgreSQL has no ``unaccent`` and no ``pg_trgm``, so folding happens here:
each searchable model stores a *search document* — its names, places, country names in
the four languages and descriptions, folded to plain lower-case words — and a GIN index
over ``to_tsvector('simple', search_document)``. A query is folded the same way and every
word matches as a prefix (``tari`` finds Tarija, ``journee`` finds "Journée",
``saint josse`` finds "Saint-Josse-ten-Noode").

In a model::

    search_document = models.TextField(editable=False, default="")

    class Meta:
        indexes = [search.gin_index("partners_org_search")]

and keep it current from the service that changes the object::

    obj.search_document = search.document(obj.name, obj.locality, ...)

then in a selector: ``search.filter(queryset, request.GET.get("q"))``.
"""

import re
import unicodedata

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F

CONFIG = "simple"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_APOSTROPHES = "'’ʼ`´"


def fold(text: str) -> str:
    """Lower-case, accents removed, ligatures expanded: 'Journée Œuvre' -> 'journee oeuvre'."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def document(*parts) -> str:
    """The folded search document of the given texts (None and blanks are skipped).

    A word written with an apostrophe is indexed both split and joined, so that
    "d'Etterbeek" is found by ``etterbeek`` and "Nimlaha'kok" by ``nimlahakok``.
    """
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        text = fold(part)
        for token in text.split():
            if any(mark in token for mark in _APOSTROPHES):
                joined = "".join(ch for ch in token if ch not in _APOSTROPHES)
                out.extend(_WORD.findall(joined))
            out.extend(_WORD.findall(token))
    return " ".join(out)


def vector(field: str = "search_document") -> SearchVector:
    return SearchVector(field, config=CONFIG)


def gin_index(name: str, field: str = "search_document") -> GinIndex:
    """The expression index the queries of ``filter`` use."""
    return GinIndex(vector(field), name=name)


def query(text: str | None) -> SearchQuery | None:
    """Every folded word of ``text`` as a prefix, all required; None when nothing is left."""
    terms = words(text or "")[:12]
    if not terms:
        return None
    return SearchQuery(" & ".join(f"{term}:*" for term in terms), search_type="raw", config=CONFIG)


def filter(queryset, text: str | None, field: str = "search_document", *, rank: bool = False):
    """``queryset`` narrowed to the rows matching ``text`` (unchanged when ``text`` is blank)."""
    search = query(text)
    if search is None:
        return queryset
    queryset = queryset.alias(_search=vector(field)).filter(_search=search)
    if rank:
        queryset = queryset.annotate(search_rank=SearchRank(F("_search"), search)).order_by("-search_rank")
    return queryset
