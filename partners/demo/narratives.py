"""Demo narratives of the year: each party of Jette – Tarija tells it in its own language."""

from django.utils import timezone

from partners.demo.members import MEMBERSHIPS
from partners.models import PartnershipNarrative

# partnership key: {party slug: (language, narrative of the current year)}
NARRATIVES = {
    "jette-tarija": {
        "jette": (
            "fr",
            "Cette année, les conseils de jeunes de Jette et de Tarija se sont rencontrés six fois en "
            "ligne. Nous avons appris à préparer les réunions ensemble, dans les deux langues, et à "
            "décider à deux de l’ordre du jour.",
        ),
        "tarija": (
            "es",
            "Este año, el concejo municipal de jóvenes de Tarija propuso la mitad de los temas de "
            "trabajo. Queremos que el próximo año los jóvenes de ambas ciudades elijan juntos un "
            "proyecto común.",
        ),
    },
}


def seed_narratives(log, partnerships, context) -> None:
    users = context.get("users", {})
    year = timezone.localdate().year
    count = 0
    for key, narratives in NARRATIVES.items():
        partnership = partnerships[key]
        organisations = {
            p.organisation.slug: p.organisation for p in partnership.parties.select_related("organisation")
        }
        for slug, (language, text) in narratives.items():
            author = next(
                (users.get(email) for email, rows in MEMBERSHIPS.items() if any(r[0] == slug for r in rows)),
                None,
            )
            PartnershipNarrative.objects.update_or_create(
                partnership=partnership,
                organisation=organisations[slug],
                year=year,
                defaults={"language": language, "text": text, "author": author},
            )
            count += 1
    log(f"{count} narratives of the year")
