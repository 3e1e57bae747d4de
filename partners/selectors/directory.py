"""The public directory: what it lists, its counts per country (kept in the cache), the
themes of its filters, and its exports."""

import logging

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Prefetch

from partners.models import (
    Organisation,
    Partnership,
    PartnershipParty,
    PartyStatus,
    Theme,
    Visibility,
)
from soliris.countries import country_name

logger = logging.getLogger(__name__)


def public_organisations():
    """Organisations anyone may see: verified by the platform and published as public."""
    return Organisation.objects.filter(visibility=Visibility.PUBLIC, verified_at__isnull=False)


def public_partnerships():
    """Public partnerships whose accepted parties are all public, verified organisations.

    ``is_listed`` is that rule (``permissions.public_partnership_q``), stored by the services
    so that the directory needs no sub-query over the parties."""
    return Partnership.objects.filter(is_listed=True)


def accepted_parties_prefetch():
    return Prefetch(
        "parties",
        queryset=PartnershipParty.objects.filter(status=PartyStatus.ACCEPTED).select_related("organisation"),
        to_attr="accepted_parties",
    )


# The directory lists load only the columns their cards show: the translated descriptions and
# the search document are most of a row's weight (measured with ``make bench``).


def organisation_directory():
    return (
        public_organisations()
        .only("id", "slug", "name", "kind", "country", "locality")
        # A list per row rather than a related manager made for each card (``make bench``).
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.all(), to_attr="listed_themes"))
    )


def partnership_directory():
    parties = (
        PartnershipParty.objects.filter(status=PartyStatus.ACCEPTED)
        .select_related("organisation")
        .only(
            "id",
            "partnership_id",
            "organisation__id",
            "organisation__name",
            "organisation__country",
            "organisation__visibility",
            "organisation__verified_at",
        )
    )
    return (
        public_partnerships()
        .only("id", "key", "name", "kind", "status", "started_on")
        .prefetch_related(Prefetch("parties", queryset=parties, to_attr="accepted_parties"))
    )


def country_counts(queryset):
    """[{code, name, count}] of a (filtered) organisation queryset, largest first."""
    # One row per organisation (a single theme filter joins one row each): no DISTINCT needed.
    # COUNT(*) rather than COUNT(id): the partial indexes on (country) and (kind, country) then
    # answer without reading the table (``make bench``).
    rows = queryset.order_by().values("country").annotate(n=Count("*")).order_by("-n", "country")
    return [{"code": r["country"], "name": country_name(r["country"]), "count": r["n"]} for r in rows]


COUNTRY_COUNTS_SQL = (
    "SELECT country, COUNT(*) AS n FROM ({partnerships}) AS p CROSS JOIN LATERAL unnest(p.countries) AS country"
    " GROUP BY country ORDER BY n DESC, country"
)


def _kept(key: str, compute, timeout: int, what: str):
    """``compute()``, kept in the cache under ``key``; computed anyway — and logged — when the
    cache is out of reach, so that no page ever fails for want of it."""

    try:
        found = cache.get(key)
    except Exception:  # any cache backend error
        logger.warning("%s: the cache is out of reach, computed without it", what)
        return compute()
    if found is None:
        found = compute()
        try:
            cache.set(key, found, timeout=timeout)
        except Exception:
            logger.warning("%s: the cache is out of reach, not kept", what)
    return found


def _forget(keys: list[str], what: str) -> None:
    """Forgets what ``_kept`` kept; the cache being out of reach never stops a change from being
    saved (the timeout then ends the staleness)."""

    try:
        cache.delete_many(keys)
    except Exception:
        logger.warning("%s: the cache is out of reach, the kept values expire on their own", what)


def _listed_counts_key(model: str) -> str:

    return f"partners:listed-{model}-countries:v2:{connection.settings_dict['NAME']}"


# Forgotten on every change; the timeout bounds what a change made while the cache was out of
# reach (Redis down) can leave behind.
LISTED_COUNTS_TIMEOUT = 600


def forget_listed_counts() -> None:
    """Called whenever what the directories list may have changed (``services.refresh_*``)."""
    _forget([_listed_counts_key("organisation"), _listed_counts_key("partnership")], "directory counts")


def _cached_counts(model: str, count, total) -> tuple[list[dict], int]:
    """(counts per country, number of listed rows) of a directory's landing page, kept:
    ``count()`` gives the counts, ``total(counts)`` the number."""

    def compute():
        rows = count()
        return {"rows": [(row["code"], row["count"]) for row in rows], "total": total(rows)}

    found = _kept(_listed_counts_key(model), compute, LISTED_COUNTS_TIMEOUT, "directory counts")
    rows = [{"code": code, "name": country_name(code), "count": n} for code, n in found["rows"]]
    return rows, found["total"]


# The themes: a short taxonomy that platform staff seldom change (admin, ``load_reference``);
# the directories' filters list them on every page. Kept in the cache until one changes.
THEMES_TIMEOUT = 3600


def _themes_key() -> str:

    return f"partners:themes:{connection.settings_dict['NAME']}"


def themes() -> list[Theme]:
    """Every theme, in order, kept in the cache; their names answer in the language active when
    they are read."""
    return _kept(_themes_key(), lambda: list(Theme.objects.all()), THEMES_TIMEOUT, "themes")


def forget_themes(**_signal) -> None:
    """Connected to the saving and deletion of a theme (``PartnersConfig.ready``)."""
    _forget([_themes_key()], "themes")


def listed_organisation_country_counts() -> tuple[list[dict], int]:
    """The counts of the unfiltered organisation directory — its landing page — and its number
    of organisations, kept in the cache until an organisation or a partnership changes (see
    ``forget_listed_counts``)."""
    return _cached_counts(
        "organisation",
        lambda: country_counts(public_organisations()),
        lambda counts: sum(row["count"] for row in counts),  # one country each
    )


def listed_partnership_country_counts() -> tuple[list[dict], int]:
    """The same for the partnership directory: aggregating every listed partnership costs ~7 ms."""
    return _cached_counts(
        "partnership",
        lambda: partnership_country_counts(public_partnerships()),
        lambda _counts: public_partnerships().count(),  # one partnership counts in each country
    )


def partnership_country_counts(queryset):
    """Partnerships per country of their accepted parties (``Partnership.countries``)."""

    try:
        subquery, params = queryset.order_by().values("countries").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (``pk__in=[]``, ``.none()``)
        return []
    # The sub-query is Django's own SQL for ``queryset``, with its values passed as parameters.
    sql = COUNTRY_COUNTS_SQL.replace("{partnerships}", subquery)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [{"code": code, "name": country_name(code), "count": n} for code, n in rows]


def export_rows_organisations(queryset):
    """Only public fields of public organisations, streamed with an iterator."""
    yield from (
        queryset.order_by("name", "pk")
        .values("slug", "name", "kind", "country", "locality", "languages", "website", "email", "phone")
        .iterator(chunk_size=500)
    )
