"""The annual report of a year, one PDF per language (a document kind of ``soliris.pdf``).

Sections: the registry's public partnerships (new, active, ended and why), their exchanges
of the year (online vs in person, travel CO₂ as stored by ``partners.carbon`` on each travel
leg), the member organisations by kind and by country, the year's events with their
recommendations (each one, by section, with its follow-up and its publicly named endorsing
organisations; ``events.annual_report_details``) and follow-up, and each public partnership's
own words: the latest complete check-in round's answers of every party, and each active
partnership's narratives of the year (``partners.PartnershipNarrative``), side by side, in the
language they were written in.

``report_content`` returns plain JSON-able data (it is hashed: the same content is never
rendered twice); ``render_report`` only formats it.
"""

import datetime
from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from events.annual_report_details import (
    narratives_content,
    narratives_context,
    recommendations_content,
    recommendations_context,
)
from events.models import Event, Recommendation, RecommendationStatus, published_q
from events.pdfs import pick_text
from partners.models import (
    CheckInRound,
    Exchange,
    OrganisationKind,
    Partnership,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
)
from partners.permissions import public_partnership_q
from partners.selectors import public_organisations
from projects.models import Goal, SDGLink
from projects.selectors import public_projects
from soliris import pdf
from soliris.models import AuditEntry
from soliris.pdf.signing import certificate_note

CODES = [code for code, _name in settings.LANGUAGES]


def _year(parameters) -> int:
    try:
        year = int(parameters.get("year"))
    except (TypeError, ValueError):
        raise pdf.DocumentUnavailable(_("Choose a year.")) from None
    if not 2000 <= year <= timezone.now().year:
        raise pdf.DocumentUnavailable(_("Choose a year.")) from None
    return year


STATUS_ACTIONS = ["partners.partnership.status_changed", "partners.partnership.ended"]


def statuses_at(partnerships, moment) -> dict[int, str]:
    """Each partnership's status at ``moment``, read back from its history (one query): the
    status a change after ``moment`` started from, else the one the last change before it set,
    else the status it has now (it never changed)."""
    statuses = {p.pk: p.status for p in partnerships}
    before, after = {}, {}
    entries = AuditEntry.objects.filter(
        subject_type=ContentType.objects.get_for_model(Partnership),
        subject_id__in=list(statuses),
        action__in=STATUS_ACTIONS,
    ).order_by("created_at", "id")
    for entry in entries.values("subject_id", "created_at", "data"):
        if entry["created_at"] <= moment:
            before[entry["subject_id"]] = entry["data"].get("after")
        else:
            after.setdefault(entry["subject_id"], entry["data"].get("before"))
    for pk in statuses:
        statuses[pk] = after.get(pk) or before.get(pk) or statuses[pk]
    return statuses


def report_content(parameters: dict) -> dict:
    year = _year(parameters)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    # Public partnerships only (public, and every accepted party public and verified): the
    # report is a public document. The live rule, not the directory's stored ``is_listed``
    # flag, so that a signed document never depends on a flag being up to date.
    partnerships = (
        Partnership.objects.filter(public_partnership_q())
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=end))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .prefetch_related("parties__organisation")
        .order_by("name")
    )
    partnerships = list(partnerships)
    year_end = timezone.make_aware(datetime.datetime.combine(end, datetime.time.max))
    statuses = statuses_at(partnerships, year_end)
    rows = []
    for partnership in partnerships:
        parties = sorted(
            p.organisation.name for p in partnership.parties.all() if p.status == PartyStatus.ACCEPTED
        )
        rows.append(
            {
                "name": partnership.name,
                "parties": parties,
                "new": bool(partnership.started_on and start <= partnership.started_on <= end),
                "ended": bool(partnership.ended_on and start <= partnership.ended_on <= end),
                "active": statuses[partnership.pk] == PartnershipStatus.ACTIVE,
                "end_reason": partnership.end_reason,
            }
        )
    # Members in the year: public organisations registered by its end, and those that were
    # an accepted party of one of the year's partnerships (registered later, e.g. imported).
    party_ids = PartnershipParty.objects.filter(
        partnership__in=partnerships, status=PartyStatus.ACCEPTED
    ).values("organisation_id")
    members = public_organisations().filter(Q(created_at__date__lte=end) | Q(pk__in=party_ids))
    by_kind = Counter(members.values_list("kind", flat=True))
    by_country = Counter(str(c) for c in members.values_list("country", flat=True))
    events = list(Event.objects.filter(published_q(), starts_at__year=year).order_by("starts_at"))
    recommendations = Recommendation.objects.filter(section__event__in=events)
    by_status = Counter(recommendations.values_list("status", flat=True))
    sections = recommendations_content(events)
    return {
        "year": year,
        "partnerships": rows,
        "members": {"total": members.count(), "by_kind": dict(by_kind), "by_country": dict(by_country)},
        "events": [
            {
                "slug": event.slug,
                "titles": {code: getattr(event, f"title_{code}") or "" for code in CODES},
                "starts_at": event.starts_at.astimezone(event.tz).date().isoformat(),
                "recommendations": sum(len(s["recommendations"]) for s in sections.get(event.pk, [])),
                "sections": sections.get(event.pk, []),
            }
            for event in events
        ],
        "recommendations": {"total": sum(by_status.values()), "by_status": dict(by_status)},
        "projects": _projects_by_goal(start, end),
        "exchanges": _exchanges(partnerships, start, end),
        "checkins": _checkins(partnerships, end),
        "narratives": narratives_content(
            partnerships, {pk for pk, status in statuses.items() if status == PartnershipStatus.ACTIVE}, year
        ),
    }


def _projects_by_goal(start, end) -> dict:
    """Public projects under way in the year (the projects app's ``public_projects``), per SDG.

    A project counts under each goal it is linked to, and once as "primary" under its primary
    goal; ``total`` counts each project once. Every goal is listed, in its official colour."""
    projects = public_projects().filter(
        Q(starts_on__lte=end) | Q(starts_on__isnull=True, created_at__date__lte=end),
        Q(ends_on__isnull=True) | Q(ends_on__gte=start),
    )
    links = (
        SDGLink.objects.filter(project__in=projects)
        .values("goal_id")
        .annotate(n=Count("project", distinct=True), primary=Count("project", filter=Q(is_primary=True)))
        .order_by()
    )
    counts = {row["goal_id"]: row for row in links}
    return {
        "total": projects.count(),
        "goals": [
            {
                "number": goal.number,
                "colour": goal.colour,
                "text_colour": goal.text_colour,
                "titles": {code: getattr(goal, f"short_title_{code}") or "" for code in CODES},
                "count": counts.get(goal.pk, {}).get("n", 0),
                "primary": counts.get(goal.pk, {}).get("primary", 0),
            }
            for goal in Goal.objects.order_by("number")
        ],
    }


def _kg(value) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.1")))


def _exchanges(partnerships, start, end) -> dict:
    """The year's exchanges of the public partnerships: online vs in person, travel CO₂.

    The CO₂ is the sum of the travel legs' ``co2_kg``, computed once by
    ``partners.carbon.leg_co2_kg`` when the leg was recorded (as ``Exchange.co2_kg`` does)."""
    exchanges = Exchange.objects.filter(partnership__in=partnerships, date__range=(start, end))
    per_partnership = {}
    for row in (
        exchanges.values("partnership_id", "partnership__name", "format")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        item = per_partnership.setdefault(
            row["partnership_id"],
            {"name": row["partnership__name"], "online": 0, "in_person": 0, "co2_kg": Decimal(0)},
        )
        item[row["format"]] += row["n"]
    for row in exchanges.values("partnership_id").annotate(co2=Sum("legs__co2_kg")).order_by():
        per_partnership[row["partnership_id"]]["co2_kg"] += row["co2"] or 0
    rows = sorted(per_partnership.values(), key=lambda r: (-r["co2_kg"], r["name"]))
    online = sum(r["online"] for r in rows)
    in_person = sum(r["in_person"] for r in rows)
    total_co2 = sum((r["co2_kg"] for r in rows), Decimal(0))
    return {
        "online": online,
        "in_person": in_person,
        "total": online + in_person,
        "co2_kg": _kg(total_co2),
        "partnerships": [{**r, "co2_kg": _kg(r["co2_kg"])} for r in rows],
    }


def _answer_language(answer) -> str:
    """The language an answer was written in, as its writer said; for answers recorded before
    the registry asked, its author's language, else the party's first working language, else
    the platform's default."""
    candidates = [
        getattr(answer, "language", None),
        getattr(answer.answered_by, "preferred_language", None),
        *(answer.party.organisation.languages or []),
    ]
    for code in candidates:
        if code in CODES:
            return code
    return settings.LANGUAGE_CODE


def _checkins(partnerships, end) -> list[dict]:
    """For each public partnership, its latest complete check-in round opened by the year's
    end: every accepted party's "where we stand" and "the change we want", side by side."""
    result = []
    rounds = (
        CheckInRound.objects.filter(partnership__in=partnerships, opened_on__lte=end)
        .select_related("partnership")
        .prefetch_related("answers__party__organisation", "answers__answered_by")
        .order_by("partnership__name", "-number")
    )
    for partnership in partnerships:
        accepted = {p.pk for p in partnership.parties.all() if p.status == PartyStatus.ACCEPTED}
        for checkin_round in (r for r in rounds if r.partnership_id == partnership.pk):
            answers = [a for a in checkin_round.answers.all() if a.party_id in accepted]
            if not accepted or {a.party_id for a in answers} != accepted:
                continue
            result.append(
                {
                    "partnership": partnership.name,
                    "round": checkin_round.number,
                    "opened_on": checkin_round.opened_on.isoformat(),
                    "answers": [
                        {
                            "organisation": a.party.organisation.name,
                            "lang": _answer_language(a),
                            "where_we_stand": a.where_we_stand,
                            "change_wanted": a.change_wanted,
                        }
                        for a in sorted(answers, key=lambda a: a.party.organisation.name)
                    ],
                }
            )
            break
    return result


def render_report(inputs: dict, parameters: dict, progress) -> str:
    language = parameters["language"]
    kinds = dict(OrganisationKind.choices)
    statuses = dict(RecommendationStatus.choices)
    rows = inputs["partnerships"]
    progress(20)
    by_status = [
        {
            "label": str(statuses[code]),
            "code": code,
            "count": inputs["recommendations"]["by_status"].get(code, 0),
        }
        for code in RecommendationStatus.values
    ]
    top = max([row["count"] for row in by_status] + [1])
    for index, row in enumerate(by_status):
        row["width"] = round(85 * row["count"] / top)
        row["y"] = index * 10
    context = {
        "language": language,
        "year": inputs["year"],
        "count_new": sum(1 for r in rows if r["new"]),
        "count_active": sum(1 for r in rows if r["active"]),
        "count_ended": sum(1 for r in rows if r["ended"]),
        "partnerships": rows,
        "ended": [r for r in rows if r["ended"]],
        "members_total": inputs["members"]["total"],
        "by_kind": sorted(
            ((str(kinds.get(k, k)), n) for k, n in inputs["members"]["by_kind"].items()),
            key=lambda x: (-x[1], x[0]),
        ),
        "by_country": sorted(
            ((str(countries.name(c) or c), n) for c, n in inputs["members"]["by_country"].items()),
            key=lambda x: (-x[1], x[0]),
        ),
        "events": [
            {
                **e,
                "title": pick_text(e["titles"], language),
                "sections": recommendations_context(e.get("sections", []), language),
            }
            for e in inputs["events"]
        ],
        "recommendations_total": inputs["recommendations"]["total"],
        "by_status": by_status,
        "chart_height": len(by_status) * 10,
        "projects": _projects_context(inputs["projects"], language),
        "exchanges": _exchange_context(inputs["exchanges"]),
        "checkins": [
            {**c, "opened_on": datetime.date.fromisoformat(c["opened_on"])} for c in inputs["checkins"]
        ],
        "narratives": narratives_context(inputs.get("narratives", []), language),
        "generated_at": timezone.now(),
        "certificate": certificate_note(),
    }
    progress(40)
    return render_to_string("events/pdf/annual_report.html", context)


def _projects_context(projects: dict, language: str) -> dict:
    goals = projects["goals"]
    top = max([goal["count"] for goal in goals] + [1])
    rows = []
    for index, goal in enumerate(goals):
        rows.append(
            {
                **goal,
                "title": pick_text(goal["titles"], language),
                "y": index * 9,
                "width": round(120 * goal["count"] / top),
            }
        )
    return {"total": projects["total"], "goals": rows, "chart_height": len(rows) * 9}


def _exchange_context(exchanges: dict) -> dict:
    total = exchanges["total"]
    online_share = round(100 * exchanges["online"] / total) if total else 0
    return {
        **exchanges,
        "online_share": online_share,
        "in_person_share": 100 - online_share if total else 0,
        "co2_kg": Decimal(exchanges["co2_kg"]),
        "partnerships": [{**r, "co2_kg": Decimal(r["co2_kg"])} for r in exchanges["partnerships"]],
        "online_width": round(170 * online_share / 100) if total else 0,
    }


def report_title(inputs: dict, parameters: dict) -> str:
    return _("Annual report %(year)s") % {"year": inputs["year"]}


def can_view_report(user, parameters: dict) -> bool:
    return bool(getattr(user, "is_staff", False))


pdf.register(
    pdf.DocumentKind(
        name="events.annual_report",
        label=gettext_lazy("Annual report"),
        content=report_content,
        render=render_report,
        title=report_title,
        can_view=can_view_report,
        sign=True,
        version="2",  # the recommendations themselves and the parties' narratives
    )
)
