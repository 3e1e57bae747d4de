"""Exchanges between the parties, with their travel legs and its CO₂ estimate."""

from django.db import transaction

from partners import carbon
from partners.models import Exchange, Partnership, Role, TravelLeg
from partners.permissions import at_least, partnership_role
from partners.services.common import full_clean, require
from partners.services.partnerships import refuse_when_ended
from soliris import audit
from soliris.conflicts import check_version

# What the conflict screen shows of the exchange saved meanwhile (its legs are listed too).
EXCHANGE_CONFLICT_FIELDS = ("title", "date", "format", "participants", "outcome")
LEG_FIELDS = ("origin", "destination", "mode", "distance_km", "travellers", "round_trip")


@transaction.atomic
def exchange_create(*, actor, partnership: Partnership, data: dict, legs: list[dict]) -> Exchange:
    """Any editor of any accepted party records an exchange; an ended partnership records no
    new one (its recorded exchanges can still be corrected)."""
    require(at_least(partnership_role(actor, partnership), Role.EDITOR))
    refuse_when_ended(partnership, "exchange")
    exchange = Exchange(partnership=partnership, created_by=actor, **data)
    full_clean(exchange)
    exchange.save()
    _save_legs(exchange, legs)
    audit.record(
        "partners.exchange.recorded",
        actor=actor,
        subject=partnership,
        title=exchange.title,
        date=str(exchange.date),
    )
    return exchange


def _save_legs(exchange: Exchange, legs: list[dict]) -> None:
    for leg_data in legs:
        leg = TravelLeg(exchange=exchange, **leg_data)
        leg.co2_kg = carbon.leg_co2_kg(
            mode=leg.mode, distance_km=leg.distance_km, travellers=leg.travellers, round_trip=leg.round_trip
        )
        full_clean(leg)
        leg.save()


@transaction.atomic
def exchange_edit(
    *, actor, exchange: Exchange, data: dict, legs: list[dict], expected_version: int
) -> Exchange:
    """Any editor of any accepted party corrects an exchange, its travel legs included; refused
    (``EditConflict``) if someone saved it since the form was opened."""
    partnership = exchange.partnership
    require(at_least(partnership_role(actor, partnership), Role.EDITOR))
    current = Exchange.objects.select_for_update().get(pk=exchange.pk)
    check_version(current, expected_version, fields=EXCHANGE_CONFLICT_FIELDS)
    changed = sorted(field for field, value in data.items() if getattr(current, field) != value)
    old_legs = [tuple(getattr(leg, f) for f in LEG_FIELDS) for leg in current.legs.order_by("id")]
    new_legs = [tuple(leg[f] for f in LEG_FIELDS) for leg in legs]
    for field, value in data.items():
        setattr(current, field, value)
    current.version += 1
    full_clean(current)
    current.save()
    if old_legs != new_legs:
        current.legs.all().delete()
        _save_legs(current, legs)
        changed.append("legs")
    audit.record(
        "partners.exchange.updated",
        actor=actor,
        subject=partnership,
        title=current.title,
        date=str(current.date),
        fields=changed,
    )
    return current
