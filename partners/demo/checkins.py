"""Demo check-in rounds and the parties' answers."""

from datetime import date

from partners.demo.members import MEMBERSHIPS
from partners.models import (
    CheckInAnswer,
    CheckInRound,
)

# partnership key: [(round number, {party slug: (5 ratings, where we stand, change wanted)})]
CHECKINS = {  # per round and party: scores, where we stand, the change we want, written in
    "brasschaat-tarija": [
        (
            1,
            {
                "brasschaat": (
                    (4, 4, 4, 3, 3),
                    "Een stevige relatie en een nieuw akkoord.",
                    "Meer projecten die in Tarija zelf gekozen worden.",
                    "nl",
                ),
                "tarija": (
                    (2, 4, 3, 4, 2),
                    "Queremos decidir más sobre el uso de los fondos.",
                    "Un presupuesto de funcionamiento permanente.",
                    "es",
                ),
            },
        ),
        (
            2,
            {
                "brasschaat": ((4, 4, 4, 4, 3), "Vooruitgang op het vlak van participatie.", "", "nl"),
            },
        ),
    ],
    "jette-tarija": [
        (1, {}),
    ],
}


def seed_checkins(log, partnerships, context):
    users = context.get("users", {})
    count = 0
    for key, rounds in CHECKINS.items():
        partnership = partnerships[key]
        parties = {p.organisation.slug: p for p in partnership.parties.select_related("organisation")}
        for number, answers in rounds:
            checkin_round, _created = CheckInRound.objects.get_or_create(
                partnership=partnership, number=number, defaults={"opened_on": date(2024, number * 3, 1)}
            )
            for slug, (scores, stand, change, language) in answers.items():
                equality, trust, transparency, learning, ownership = scores
                CheckInAnswer.objects.update_or_create(
                    round=checkin_round,
                    party=parties[slug],
                    defaults={
                        "equality": equality,
                        "trust": trust,
                        "transparency": transparency,
                        "mutual_learning": learning,
                        "ownership": ownership,
                        "where_we_stand": stand,
                        "change_wanted": change,
                        "language": language,
                        "answered_by": next(
                            (
                                users.get(e)
                                for e, rows in MEMBERSHIPS.items()
                                if any(r[0] == slug for r in rows)
                            ),
                            None,
                        ),
                    },
                )
                count += 1
    log(f"{count} check-in answers")
