"""Reads of the registry: directory, organisation and partnership pages, dashboard."""

import logging
from collections import defaultdict

from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from partners.models import (
    CHECKIN_DIMENSIONS,
    CheckInAnswer,
    Exchange,
    ExchangeFormat,
    Invitation,
    InvitationStatus,
    Membership,
    Organisation,
    Partnership,
    PartnershipParty,
    PartyStatus,
    Role,
    Theme,
    TravelLeg,
    Visibility,
)
from partners.permissions import (
    at_least,
    partnership_role,
    public_partnership_q,
    role_in,
    roles_by_organisation,
)
from soliris import audit
from soliris.countries import country_name

logger = logging.getLogger(__name__)

DIVERGENCE = 2  # ratings that differ by this much or more between parties are highlighted


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
        .only("id", "partnership_id", "organisation__id", "organisation__name", "organisation__country")
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
    from django.core.cache import cache

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
    from django.core.cache import cache

    try:
        cache.delete_many(keys)
    except Exception:
        logger.warning("%s: the cache is out of reach, the kept values expire on their own", what)


def _listed_counts_key(model: str) -> str:
    from django.db import connection

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
    from django.db import connection

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
    from django.core.exceptions import EmptyResultSet
    from django.db import connection

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


# --- Home and dashboard ---------------------------------------------------------------------


def home_context() -> dict:
    return {"stats": public_directory_stats()}


def public_directory_stats() -> dict:
    organisations = public_organisations()
    return {
        "organisations": organisations.count(),
        "countries": organisations.values("country").distinct().count(),
        "partnerships": public_partnerships().count(),
    }


def dashboard_context(user) -> dict:
    today = timezone.localdate()
    memberships = list(
        Membership.objects.filter(user=user, active_until__isnull=True).select_related("organisation")
    )
    organisation_ids = [m.organisation_id for m in memberships]
    coordinated = [m.organisation_id for m in memberships if m.role == Role.COORDINATOR]
    edited = [m.organisation_id for m in memberships if at_least(m.role, Role.EDITOR)]
    partnerships = list(
        Partnership.objects.filter(
            parties__organisation_id__in=organisation_ids, parties__status=PartyStatus.ACCEPTED
        )
        .distinct()
        .order_by("name")[:50]
    )
    party_invitations = list(
        PartnershipParty.objects.filter(
            organisation_id__in=coordinated, status=PartyStatus.INVITED
        ).select_related("partnership", "organisation")
    )
    emails = [user.email]
    personal_invitations = list(
        Invitation.objects.filter(
            email__iexact=user.email, status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
        ).select_related("organisation")
    )
    parties_due = list(
        PartnershipParty.objects.filter(
            organisation_id__in=edited,
            status=PartyStatus.ACCEPTED,
            partnership__checkin_rounds__isnull=False,
        )
        .exclude(partnership__status="ended")
        .select_related("partnership", "organisation")
        .annotate(last_round=Count("partnership__checkin_rounds", distinct=True))
    )
    answered = set(
        CheckInAnswer.objects.filter(party__in=[p.pk for p in parties_due]).values_list(
            "party_id", "round__number"
        )
    )
    checkins_due = [p for p in parties_due if (p.pk, p.last_round) not in answered]
    del emails
    return {
        "partners_memberships": memberships,
        "partners_partnerships": partnerships,
        "partners_party_invitations": party_invitations,
        "partners_personal_invitations": personal_invitations,
        "partners_checkins_due": checkins_due,
        "partners_today": today,
    }


# --- Organisation page ----------------------------------------------------------------------


def organisation_page(organisation, user) -> dict:
    role = role_in(user, [organisation.pk])
    is_member = role is not None
    context = {
        "organisation": organisation,
        "role": role,
        "is_member": is_member,
        "is_coordinator": at_least(role, Role.COORDINATOR),
        "themes": list(organisation.themes.all()),
    }
    parties = PartnershipParty.objects.filter(organisation=organisation, status=PartyStatus.ACCEPTED)
    partnerships = Partnership.objects.filter(pk__in=parties.values("partnership_id"))
    if not is_member and not getattr(user, "is_staff", False):
        mine = list(roles_by_organisation(user))
        partnerships = partnerships.filter(
            public_partnership_q()
            | Q(
                parties__organisation_id__in=mine,
                parties__status__in=[PartyStatus.ACCEPTED, PartyStatus.INVITED],
            )
        ).distinct()
    context["partnerships"] = list(partnerships.order_by("name")[:100])
    if is_member or getattr(user, "is_staff", False):
        context["memberships"] = list(
            organisation.memberships.select_related("user").order_by("active_until", "user__full_name")
        )
        context["active_memberships"] = [m for m in context["memberships"] if m.is_active]
        context["ended_memberships"] = [m for m in context["memberships"] if not m.is_active]
    if context["is_coordinator"]:
        context["invitations"] = list(
            organisation.invitations.filter(status=InvitationStatus.PENDING).order_by("-created_at")
        )
        context["history"] = list(audit.history(organisation)[:50])
    return context


# --- Partnership page -----------------------------------------------------------------------


def partnership_page(partnership, user) -> dict:
    """The partnership page's context, for a partnership from ``get_partnership_for_user`` (its
    parties prefetched with their organisations)."""
    parties = list(partnership.parties.all())
    accepted = [p for p in parties if p.status == PartyStatus.ACCEPTED]
    invited = [p for p in parties if p.status == PartyStatus.INVITED]
    role = partnership_role(user, partnership)
    my_org_ids = set(roles_by_organisation(user))
    is_party = role is not None
    for party in parties:
        party.is_mine = party.organisation_id in my_org_ids
        party.can_edit = (
            party.is_mine
            and party.status == PartyStatus.ACCEPTED
            and at_least(role_in(user, [party.organisation_id]), Role.EDITOR)
        )
        party.can_leave = (
            party.is_mine
            and party.status == PartyStatus.ACCEPTED
            and at_least(role_in(user, [party.organisation_id]), Role.COORDINATOR)
        )
        party.can_respond = party.status == PartyStatus.INVITED and at_least(
            role_in(user, [party.organisation_id]), Role.COORDINATOR
        )
    context = {
        "partnership": partnership,
        "parties": accepted,
        "invited_parties": invited if (is_party or any(p.is_mine for p in invited) or user.is_staff) else [],
        "declined_parties": [p for p in parties if p.status in (PartyStatus.DECLINED, PartyStatus.LEFT)]
        if is_party
        else [],
        "my_invitations": [p for p in invited if p.can_respond],
        "role": role,
        "is_party": is_party,
        "can_edit": at_least(role, Role.EDITOR),
        "can_decide": at_least(role, Role.COORDINATOR),
        "initiator_id": partnership.initiated_by_id,
    }
    context.update(exchange_summary(partnership, accepted))
    if is_party or user.is_staff:
        context.update(checkin_summary(partnership, accepted, my_org_ids, parties))
        context["history"] = list(audit.history(partnership)[:100])
    return context


def exchange_summary(partnership, accepted) -> dict:
    exchanges = list(
        partnership.exchanges.select_related("host", "travellers_from")
        .only(*EXCHANGE_CARD_FIELDS)
        .prefetch_related(Prefetch("legs", queryset=TravelLeg.objects.order_by("pk"), to_attr="leg_list"))
        .order_by("-date", "-pk")[:20]
    )
    # One aggregate for the totals per year and the directions of travel: a row per year,
    # format and direction (a handful), each with its exchanges and their CO2.
    rows = (
        Exchange.objects.filter(partnership=partnership)
        .annotate(year=ExtractYear("date"))
        .values("year", "format", "travellers_from", "host")
        .annotate(n=Count("pk", distinct=True), co2=Sum("legs__co2_kg"))
        .order_by()
    )
    per_year = defaultdict(lambda: {"online": 0, "in_person": 0, "co2": 0})
    total = {"online": 0, "in_person": 0, "co2": 0}
    directions = defaultdict(int)
    for r in rows:
        per_year[r["year"]][r["format"]] += r["n"]
        per_year[r["year"]]["co2"] += r["co2"] or 0
        total[r["format"]] += r["n"]
        total["co2"] += r["co2"] or 0
        if r["format"] == ExchangeFormat.IN_PERSON and (r["travellers_from"] or r["host"]):
            directions[(r["travellers_from"], r["host"])] += r["n"]
    count = total["online"] + total["in_person"]
    total["count"] = count
    total["online_share"] = round(100 * total["online"] / count) if count else None
    total["in_person_share"] = 100 - total["online_share"] if count else None
    names = {p.organisation_id: p.organisation.name for p in accepted}
    travel = sorted(
        (
            {"from": names.get(origin, "—"), "to": names.get(host, "—"), "count": n}
            for (origin, host), n in directions.items()
        ),
        key=lambda row: (-row["count"], row["from"], row["to"]),
    )
    return {
        "exchanges": exchanges,
        "exchange_years": sorted(per_year.items(), reverse=True),
        "exchange_totals": total,
        "travel_directions": travel,
    }


# What an exchange's card shows (``partnership_detail.html``): not the organisations' long texts.
EXCHANGE_CARD_FIELDS = (
    "id",
    "key",
    "partnership",
    "kind",
    "title",
    "date",
    "format",
    "participants",
    "languages",
    "interpretation",
    "outcome",
    "host__id",
    "host__name",
    "travellers_from__id",
    "travellers_from__name",
)


def checkin_summary(partnership, accepted, my_org_ids, parties) -> dict:
    """The check-in rounds of a partnership; ``parties``: all of its parties (any status, with
    their organisations), which answered them."""
    from partners.charts import checkin_chart

    rounds = list(partnership.checkin_rounds.prefetch_related("answers").order_by("number"))
    party_by_id = {party.pk: party for party in parties}
    for checkin_round in rounds:
        for answer in checkin_round.answers.all():
            answer.party = party_by_id[answer.party_id]
    accepted_ids = {p.pk for p in accepted}
    dimension_names = [name for name, _label in CHECKIN_DIMENSIONS]
    result = []
    for checkin_round in rounds:
        answers = list(checkin_round.answers.all())
        answered = {a.party_id for a in answers}
        complete = bool(accepted_ids) and accepted_ids <= answered
        visible = answers if complete else [a for a in answers if a.party.organisation_id in my_org_ids]
        divergences = []
        if complete:
            for name, _label in CHECKIN_DIMENSIONS:
                values = [getattr(a, name) for a in answers]
                if values and max(values) - min(values) >= DIVERGENCE:
                    divergences.append(name)
        rows = []
        for name, label in CHECKIN_DIMENSIONS:
            rows.append(
                {
                    "name": name,
                    "label": label,
                    "values": [getattr(a, name) for a in visible],
                    "divergent": name in divergences,
                }
            )
        result.append(
            {
                "round": checkin_round,
                "complete": complete,
                "answers": visible,
                "answered_count": len(answered & accepted_ids),
                "party_count": len(accepted_ids),
                "rows": rows,
                "divergences": divergences,
                "divergence_labels": [
                    str(label) for name, label in CHECKIN_DIMENSIONS if name in divergences
                ],
                "waiting_for": [p for p in accepted if p.pk not in answered],
                "mine_to_answer": [
                    p for p in accepted if p.pk not in answered and p.organisation_id in my_org_ids
                ],
            }
        )
    completed = [r for r in result if r["complete"]]
    latest = completed[-1] if completed else None
    return {
        "checkin_rounds": result,
        "checkin_latest": latest,
        "checkin_chart": checkin_chart(completed, accepted) if completed else "",
        "checkin_open_round": result[-1] if result and not result[-1]["complete"] else None,
        "checkin_dimensions": dimension_names,
    }
