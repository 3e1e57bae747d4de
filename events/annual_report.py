"""The annual report of a year, one PDF per language (a document kind of ``soliris.pdf``).

This round it has the registry's partnerships (new, active, ended and why), the member
organisations by kind and by country, and the year's events with their recommendations and
follow-up. The projects by SDG (chart in the goals' colours), the exchanges and their
travel CO2, and the check-in summaries side by side come with the projects app and the rest
of the registry: add them to ``report_content`` and the template.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Event, Recommendation, RecommendationStatus
from partners.models import (
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipStatus,
    PartnershipVisibility,
    PartyStatus,
    Visibility,
)
from soliris import pdf

CODES = [code for code, _name in settings.LANGUAGES]


def _year(parameters) -> int:
    try:
        year = int(parameters.get("year"))
    except (TypeError, ValueError):
        raise pdf.DocumentUnavailable(_("Choose a year.")) from None
    if not 2000 <= year <= timezone.now().year:
        raise pdf.DocumentUnavailable(_("Choose a year.")) from None
    return year


def report_content(parameters: dict) -> dict:
    year = _year(parameters)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    # Public partnerships only: the report is a public document.
    partnerships = (
        Partnership.objects.filter(visibility=PartnershipVisibility.PUBLIC)
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=end))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .prefetch_related("parties__organisation")
        .order_by("name")
    )
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
                "active": partnership.status == PartnershipStatus.ACTIVE,
                "end_reason": partnership.end_reason,
            }
        )
    members = Organisation.objects.filter(visibility=Visibility.PUBLIC, verified_at__isnull=False).filter(
        created_at__date__lte=end
    )
    by_kind = Counter(members.values_list("kind", flat=True))
    by_country = Counter(str(c) for c in members.values_list("country", flat=True))
    events = Event.objects.filter(starts_at__year=year).order_by("starts_at")
    recommendations = Recommendation.objects.filter(section__event__in=events)
    by_status = Counter(recommendations.values_list("status", flat=True))
    return {
        "year": year,
        "partnerships": rows,
        "members": {"total": members.count(), "by_kind": dict(by_kind), "by_country": dict(by_country)},
        "events": [
            {
                "slug": event.slug,
                "titles": {code: getattr(event, f"title_{code}") or "" for code in CODES},
                "starts_at": event.starts_at.astimezone(event.tz).date().isoformat(),
                "recommendations": recommendations.filter(section__event=event).count(),
            }
            for event in events
        ],
        "recommendations": {"total": sum(by_status.values()), "by_status": dict(by_status)},
    }


def render_report(inputs: dict, parameters: dict, progress) -> str:
    from django_countries import countries

    from events.documents import _pick

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
        "events": [{**e, "title": _pick(e["titles"], language)} for e in inputs["events"]],
        "recommendations_total": inputs["recommendations"]["total"],
        "by_status": by_status,
        "chart_height": len(by_status) * 10,
        "generated_at": timezone.now(),
    }
    progress(40)
    return render_to_string("events/pdf/annual_report.html", context)


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
    )
)
