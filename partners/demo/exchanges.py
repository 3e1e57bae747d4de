"""Demo exchanges between the parties, with their travel."""

from datetime import date

from partners.carbon import leg_co2_kg
from partners.models import (
    Exchange,
    ExchangeFormat,
    ExchangeKind,
    TravelLeg,
    TravelMode,
)

# partnership key, title, kind, date, format, from, host, participants, languages, outcome, legs
EXCHANGES = [
    (
        "brasschaat-tarija",
        "Semaine de la commune durable",
        ExchangeKind.VISIT,
        date(2022, 9, 20),
        ExchangeFormat.IN_PERSON,
        "tarija",
        "brasschaat",
        14,
        ["nl", "es"],
        "Douze héros durables nommés de chaque côté.",
        [
            ("Tarija", "Santa Cruz", TravelMode.BUS, 480, 2),
            ("Santa Cruz", "Bruxelles", TravelMode.PLANE, 9900, 2),
        ],
    ),
    (
        "brasschaat-tarija",
        "Réunion de suivi de l'accord de coopération",
        ExchangeKind.MEETING,
        date(2023, 3, 14),
        ExchangeFormat.ONLINE,
        None,
        None,
        8,
        ["nl", "es"],
        "Priorités communes révisées.",
        [],
    ),
    (
        "brasschaat-tarija",
        "Visite d'élus flamands à Tarija",
        ExchangeKind.VISIT,
        date(2023, 10, 2),
        ExchangeFormat.IN_PERSON,
        "brasschaat",
        "tarija",
        4,
        ["nl", "es"],
        "Visite des quartiers participatifs.",
        [
            ("Bruxelles", "Santa Cruz", TravelMode.PLANE, 9900, 3),
            ("Santa Cruz", "Tarija", TravelMode.BUS, 480, 3),
        ],
    ),
    (
        "herent-nimlahakok",
        "Dialogue sur le projet de reboisement",
        ExchangeKind.DIALOGUE,
        date(2023, 5, 8),
        ExchangeFormat.ONLINE,
        None,
        None,
        6,
        ["nl", "es"],
        "La communauté confirme son choix du reboisement.",
        [],
    ),
    (
        "xylm-stadd",
        "Journée ESS et solidarité internationale",
        ExchangeKind.TRAINING,
        date(2025, 6, 17),
        ExchangeFormat.IN_PERSON,
        "stadd",
        "xylm",
        60,
        ["fr"],
        "Recommandations sur la coopération ESS.",
        [("Lomé", "Paris", TravelMode.PLANE, 4800, 2), ("Paris", "Rennes", TravelMode.TRAIN, 350, 2)],
    ),
    (
        "jette-tarija",
        "Premier appel entre conseils de jeunes",
        ExchangeKind.MEETING,
        date(2025, 4, 10),
        ExchangeFormat.ONLINE,
        None,
        None,
        12,
        ["fr", "es"],
        "Envie commune de travailler sur l'espace public.",
        [],
    ),
]


def seed_exchanges(log, partnerships, organisations, context):
    for key, title, kind, when, fmt, origin, host, people, languages, outcome, legs in EXCHANGES:
        exchange, _created = Exchange.objects.update_or_create(
            partnership=partnerships[key],
            title=title,
            defaults={
                "kind": kind,
                "date": when,
                "format": fmt,
                "travellers_from": organisations.get(origin) if origin else None,
                "host": organisations.get(host) if host else None,
                "participants": people,
                "languages": languages,
                "interpretation": len(languages) > 1,
                "outcome": outcome,
            },
        )
        exchange.legs.all().delete()
        for start, end, mode, km, travellers in legs:
            TravelLeg.objects.create(
                exchange=exchange,
                origin=start,
                destination=end,
                mode=mode,
                distance_km=km,
                travellers=travellers,
                co2_kg=leg_co2_kg(mode=mode, distance_km=km, travellers=travellers),
            )
    log(f"{len(EXCHANGES)} exchanges")
