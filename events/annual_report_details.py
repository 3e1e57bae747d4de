"""The annual report's detailed sections (``events.annual_report`` assembles them): the year's
recommendations themselves, by event and section, and each active partnership's narratives of
the year, one column per party.

As in the rest of the report, ``*_content`` returns plain JSON-able data (hashed) and
``*_context`` formats it in the report's language.
"""

from django.conf import settings
from django.db.models import Prefetch

from events.models import Endorsement, Recommendation, RecommendationStatus
from events.naming import names_text, public_names
from events.pdfs import pick_text
from partners.models import WRITTEN_IN, PartyStatus
from partners.selectors.narratives import narratives_for_report

CODES = [code for code, _name in settings.LANGUAGES]


def _texts(obj, field) -> dict:
    return {code: getattr(obj, f"{field}_{code}") or "" for code in CODES}


def recommendations_content(events) -> dict[int, list[dict]]:
    """{event id: its sections (in order) with their recommendations} for ``events`` (two
    queries whatever their number). Endorsements withdrawn are left out; the endorsing
    organisations are named only when publicly named (``events.naming``), the others counted."""
    recommendations = (
        Recommendation.objects.filter(section__event__in=events)
        .select_related("section")
        .prefetch_related(
            Prefetch(
                "endorsements",
                queryset=Endorsement.objects.filter(withdrawn_at__isnull=True).select_related("organisation"),
                to_attr="active_endorsements",
            )
        )
        .order_by("section__position", "section_id", "number")
    )
    result: dict[int, list[dict]] = {}
    sections: dict[int, dict] = {}
    for recommendation in recommendations:
        section = recommendation.section
        if section.pk not in sections:
            sections[section.pk] = {
                "key": section.key,
                "titles": _texts(section, "title"),
                "recommendations": [],
            }
            result.setdefault(section.event_id, []).append(sections[section.pk])
        sections[section.pk]["recommendations"].append(
            {
                "number": recommendation.number,
                "texts": _texts(recommendation, "text"),
                "original_language": recommendation.original_language,
                "status": recommendation.status,
                "endorsements": public_names(recommendation.active_endorsements),
            }
        )
    return result


def recommendations_context(sections: list[dict], language: str) -> list[dict]:
    statuses = dict(RecommendationStatus.choices)
    return [
        {
            **section,
            "title": pick_text(section["titles"], language),
            "recommendations": [
                {
                    **item,
                    "text": pick_text(item["texts"], language, item["original_language"]),
                    "status_label": str(statuses.get(item["status"], item["status"])),
                    "endorsed_by": names_text(**item["endorsements"]),
                }
                for item in section["recommendations"]
            ],
        }
        for section in sections
    ]


def narratives_content(partnerships, active_ids: set[int], year: int) -> list[dict]:
    """Each active partnership with a narrative of ``year``: one column per accepted party (in
    the order of their names), its narrative and the language it is written in, or none yet.
    The partnerships are the report's public ones: their accepted parties are all publicly
    named organisations."""
    narratives = narratives_for_report([p for p in partnerships if p.pk in active_ids], year)
    result = []
    for partnership in partnerships:
        written = {n.organisation_id: n for n in narratives.get(partnership.pk, [])}
        if not written:
            continue
        parties = sorted(
            (p.organisation for p in partnership.parties.all() if p.status == PartyStatus.ACCEPTED),
            key=lambda organisation: organisation.name,
        )
        columns = []
        for organisation in parties:
            narrative = written.get(organisation.pk)
            columns.append(
                {
                    "organisation": organisation.name,
                    "lang": narrative.language if narrative else "",
                    "text": narrative.text if narrative else "",
                }
            )
        result.append({"partnership": partnership.name, "columns": columns})
    return result


def narratives_context(narratives: list[dict], language: str) -> list[dict]:
    return [
        {
            **item,
            "columns": [
                {
                    **column,
                    "written_in": str(WRITTEN_IN.get(column["lang"], ""))
                    if column["lang"] and column["lang"] != language
                    else "",
                }
                for column in item["columns"]
            ],
        }
        for item in narratives
    ]
