"""The partnership page: its parties, exchanges, check-in rounds and the year's narratives."""

from collections import defaultdict

from django.db.models import Count, Prefetch, Sum
from django.db.models.functions import ExtractYear

from partners.charts import checkin_chart
from partners.models import (
    CHECKIN_DIMENSIONS,
    Exchange,
    ExchangeFormat,
    PartnershipStatus,
    PartyStatus,
    Role,
    TravelLeg,
)
from partners.permissions import (
    at_least,
    organisation_is_public,
    partnership_role,
    role_in,
    roles_by_organisation,
)
from partners.selectors.narratives import narrative_summary
from partners.visibility import HIDDEN_NAME
from soliris import audit

DIVERGENCE = 2  # ratings that differ by this much or more between parties are highlighted


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
    sees_parties = (
        is_party or getattr(user, "is_staff", False) or any(p.organisation_id in my_org_ids for p in invited)
    )

    def named(organisation, live=False) -> bool:
        # The parties and invitees of a partnership see each other; everyone else sees the
        # publicly named organisations only (partners.visibility), and their own.
        return (
            (sees_parties and live)
            or organisation_is_public(organisation)
            or organisation.pk in my_org_ids
            or getattr(user, "is_staff", False)
        )

    for party in parties:
        party.is_named = named(
            party.organisation, party.status in (PartyStatus.ACCEPTED, PartyStatus.INVITED)
        )
        party.shown_name = party.organisation.name if party.is_named else str(HIDDEN_NAME)
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
        "initiator_name": _initiator_name(partnership, parties, named),
    }
    context.update(exchange_summary(partnership, accepted))
    context["is_ended"] = partnership.status == PartnershipStatus.ENDED
    context["next_step"] = next_step(
        partnership, accepted, invited, role, context["exchange_totals"]["count"]
    )
    if is_party or user.is_staff:
        context.update(checkin_summary(partnership, accepted, my_org_ids, parties))
        context.update(narrative_summary(partnership, accepted))
        context["history"] = list(audit.history(partnership)[:100])
    return context


SIDE_FIELDS = (
    "role",
    "contribution_financial",
    "contribution_technical",
    "contribution_human",
    "contribution_expertise",
    "expectations",
)


def side_is_filled(party) -> bool:
    """A party has said what it brings or expects (its role, a contribution, its expectations)."""
    return any((getattr(party, field) or "").strip() for field in SIDE_FIELDS)


def next_step(partnership, accepted, invited, role, exchange_count) -> dict | None:
    """What the parties do next, for a member of an accepted party (``None`` for anyone else,
    and for an ended partnership): ``kind`` names it, ``party`` / ``waiting`` say for whom."""
    if role is None or partnership.status == PartnershipStatus.ENDED:
        return None
    mine = [p for p in accepted if p.can_edit and not side_is_filled(p)]
    if mine:
        return {"kind": "edit_side", "party": mine[0]}
    if len(accepted) < 2:
        if invited:
            return {"kind": "wait_answer", "waiting": [p.shown_name for p in invited]}
        return {"kind": "invite", "can": at_least(role, Role.COORDINATOR)}
    if not exchange_count:
        return {"kind": "exchange", "can": at_least(role, Role.EDITOR)}
    others = [p.shown_name for p in accepted if not side_is_filled(p)]
    if others:
        return {"kind": "wait_sides", "waiting": others}
    if partnership.status == PartnershipStatus.EXPLORING:
        return {"kind": "activate", "can": at_least(role, Role.COORDINATOR)}
    return None


def _initiator_name(partnership, parties, named) -> str:
    for party in parties:
        if party.organisation_id == partnership.initiated_by_id:
            return party.shown_name
    initiator = partnership.initiated_by
    return initiator.name if named(initiator) else str(HIDDEN_NAME)


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
    names = {p.organisation_id: getattr(p, "shown_name", p.organisation.name) for p in accepted}

    def shown(organisation):
        if organisation is None:
            return ""
        if organisation.pk in names:
            return names[organisation.pk]
        return organisation.name if organisation_is_public(organisation) else str(HIDDEN_NAME)

    for exchange in exchanges:
        exchange.from_name = shown(exchange.travellers_from)
        exchange.host_name = shown(exchange.host)
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
    "host__visibility",
    "host__verified_at",
    "travellers_from__id",
    "travellers_from__name",
    "travellers_from__visibility",
    "travellers_from__verified_at",
)


def checkin_summary(partnership, accepted, my_org_ids, parties) -> dict:
    """The check-in rounds of a partnership; ``parties``: all of its parties (any status, with
    their organisations), which answered them."""

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
