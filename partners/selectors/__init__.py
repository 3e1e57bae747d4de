"""Reads of the registry, by page: the directory, the dashboard, the organisation and the
partnership pages. Every name is re-exported here (``partners.selectors.X`` keeps working for
the other apps and for ``soliris.selectors``)."""

from partners.selectors.dashboard import dashboard_context, home_context, public_directory_stats
from partners.selectors.directory import (
    COUNTRY_COUNTS_SQL,
    LISTED_COUNTS_TIMEOUT,
    THEMES_TIMEOUT,
    accepted_parties_prefetch,
    country_counts,
    export_rows_organisations,
    forget_listed_counts,
    forget_themes,
    listed_organisation_country_counts,
    listed_partnership_country_counts,
    organisation_directory,
    partnership_country_counts,
    partnership_directory,
    public_organisations,
    public_partnerships,
    themes,
)
from partners.selectors.organisations import organisation_page
from partners.selectors.partnerships import (
    DIVERGENCE,
    EXCHANGE_CARD_FIELDS,
    checkin_summary,
    exchange_summary,
    partnership_page,
)

__all__ = [
    "COUNTRY_COUNTS_SQL",
    "DIVERGENCE",
    "EXCHANGE_CARD_FIELDS",
    "LISTED_COUNTS_TIMEOUT",
    "THEMES_TIMEOUT",
    "accepted_parties_prefetch",
    "checkin_summary",
    "country_counts",
    "dashboard_context",
    "exchange_summary",
    "export_rows_organisations",
    "forget_listed_counts",
    "forget_themes",
    "home_context",
    "listed_organisation_country_counts",
    "listed_partnership_country_counts",
    "organisation_directory",
    "organisation_page",
    "partnership_country_counts",
    "partnership_directory",
    "partnership_page",
    "public_directory_stats",
    "public_organisations",
    "public_partnerships",
    "themes",
]
