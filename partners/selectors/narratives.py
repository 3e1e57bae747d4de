"""The parties' narratives of a partnership's year: on the partnership page, on the form, in
the annual report.

A year's narratives stay open until its annual report is generated: from the moment a
rendering of the report of that year is asked for (its inputs are then taken, the narratives
with them) and as long as it has not failed. The report is a document kind of ``soliris.pdf``,
named here by its registered name (a test checks that it is registered under it).
"""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from partners.models import PartnershipNarrative, PartyStatus
from soliris.models import RenderJob, RenderJobState

ANNUAL_REPORT_KIND = "events.annual_report"
FIRST_YEAR = 2000  # the annual report's first possible year
CODES = [code for code, _name in settings.LANGUAGES]


def narrative_year() -> int:
    """The year the parties write about now: the current one."""
    return timezone.localdate().year


def year_exists(year: int) -> bool:
    """A year one may write a narrative of: begun, and not before the report's first year."""
    return FIRST_YEAR <= year <= narrative_year()


def year_is_closed(year: int) -> bool:
    """Whether the annual report of ``year`` is generated (or being generated): its narratives
    are then final."""
    return (
        RenderJob.objects.filter(kind=ANNUAL_REPORT_KIND)
        .exclude(state=RenderJobState.FAILED)
        .filter(Q(parameters__year=year) | Q(parameters__year=str(year)))
        .exists()
    )


def default_language(user) -> str:
    """The language a new narrative is written in unless its writer says otherwise: theirs."""
    preferred = getattr(user, "preferred_language", "")
    return preferred if preferred in CODES else (translation.get_language() or settings.LANGUAGE_CODE)


def narrative_of(partnership, organisation, year: int) -> PartnershipNarrative | None:
    return PartnershipNarrative.objects.filter(
        partnership=partnership, organisation=organisation, year=year
    ).first()


def narrative_summary(partnership, accepted, year: int | None = None) -> dict:
    """The partnership page's narratives of the year (two queries): each accepted party's, in
    the order of the parties, with the party (its shown name) and whether the year is closed.
    ``accepted``: the page's accepted parties (with ``shown_name`` and ``can_edit``)."""
    year = year or narrative_year()
    by_organisation = {
        n.organisation_id: n
        for n in PartnershipNarrative.objects.filter(
            partnership=partnership, year=year, organisation_id__in=[p.organisation_id for p in accepted]
        ).select_related("author")
    }
    rows = []
    for party in accepted:
        narrative = by_organisation.get(party.organisation_id)
        if narrative is not None:
            narrative.party = party
            rows.append(narrative)
    return {
        "narrative_year": year,
        "narratives": rows,
        "narratives_closed": year_is_closed(year),
        "narrative_parties": [p for p in accepted if p.can_edit],
    }


def narratives_for_report(partnerships, year: int) -> dict[int, list[PartnershipNarrative]]:
    """{partnership id: its narratives of ``year`` by its accepted parties} (one query), for
    partnerships whose parties are prefetched."""
    accepted = {
        (partnership.pk, party.organisation_id)
        for partnership in partnerships
        for party in partnership.parties.all()
        if party.status == PartyStatus.ACCEPTED
    }
    result: dict[int, list[PartnershipNarrative]] = {}
    narratives = PartnershipNarrative.objects.filter(
        partnership__in=[p.pk for p in partnerships], year=year
    ).order_by("partnership_id", "organisation__name")
    for narrative in narratives:
        if (narrative.partnership_id, narrative.organisation_id) in accepted:
            result.setdefault(narrative.partnership_id, []).append(narrative)
    return result
