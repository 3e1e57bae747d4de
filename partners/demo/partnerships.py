"""Demo partnerships between the organisations, with their parties and first history."""

from datetime import date

from django.utils import timezone

from partners.demo.members import MEMBERSHIPS
from partners.models import (
    DecisionLevel,
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
)
from soliris import audit

CO = DecisionLevel.CO_DECIDES
CONSULTED = DecisionLevel.CONSULTED
INFORMED = DecisionLevel.INFORMED

# context key, name, kind, status, start, end, end reason, description (fr), initiator,
# parties: [(slug, status, decision level, financial share, role)]
PARTNERSHIPS = [
    (
        "brasschaat-tarija",
        "Brasschaat – Tarija",
        PartnershipKind.COMMUNE_TO_COMMUNE,
        PartnershipStatus.ACTIVE,
        date(2004, 1, 1),
        None,
        "",
        "Partenariat communal depuis 2004, renouvelé par un accord de coopération qui définit les attentes des deux "
        "partenaires ; participation conjointe à la Semaine de la commune durable en 2022.",
        "brasschaat",
        [
            (
                "brasschaat",
                PartyStatus.ACCEPTED,
                CO,
                70,
                "Coordonne le côté flamand, mobilise les héros durables de Brasschaat.",
            ),
            (
                "tarija",
                PartyStatus.ACCEPTED,
                CO,
                30,
                "Coordonne le côté bolivien, organise la campagne des héros durables à Tarija.",
            ),
        ],
    ),
    (
        "herent-nimlahakok",
        "Herent – Nimlaha'kok",
        PartnershipKind.COMMUNE_TO_COMMUNE,
        PartnershipStatus.ACTIVE,
        date(2001, 1, 1),
        None,
        "",
        "Partenariat communal depuis 2001 ; la communauté de Nimlaha'kok a choisi elle-même son projet de reboisement.",
        "herent",
        [
            ("herent", PartyStatus.ACCEPTED, CONSULTED, 85, "Appui financier et technique au reboisement."),
            ("nimlahakok", PartyStatus.ACCEPTED, CO, 15, "Choisit et conduit le projet de reboisement."),
        ],
    ),
    (
        "edegem-san-jeronimo",
        "Edegem – San Jerónimo",
        PartnershipKind.COMMUNE_TO_COMMUNE,
        PartnershipStatus.ENDED,
        date(2004, 1, 1),
        date(2020, 12, 31),
        "Les équipes ont changé et les priorités ne concordaient plus : les deux communes ont décidé ensemble, en "
        "invoquant la clause de rupture, de cesser le partenariat. La fraternité symbolique demeure.",
        "Partenariat communal de 2004 à 2020.",
        "edegem",
        [
            ("edegem", PartyStatus.ACCEPTED, CO, 80, "Commune flamande partenaire."),
            ("san-jeronimo", PartyStatus.ACCEPTED, CO, 20, "Commune péruvienne partenaire."),
        ],
    ),
    (
        "xylm-stadd",
        "Coopération entre écosystèmes ESS breton et togolais",
        PartnershipKind.MULTI_ACTOR,
        PartnershipStatus.ACTIVE,
        date(2022, 1, 1),
        None,
        "",
        "Projet porté par Xylm et l'ONG togolaise STADD, qui rassemble des structures ESS togolaises et bretonnes "
        "autour de l'économie sociale et solidaire.",
        "xylm",
        [
            ("xylm", PartyStatus.ACCEPTED, CO, 60, "Anime les structures bretonnes."),
            ("stadd", PartyStatus.ACCEPTED, CO, 25, "Anime les structures togolaises."),
            (
                "cress-bretagne",
                PartyStatus.ACCEPTED,
                CONSULTED,
                15,
                "Apporte son expertise de l'ESS en Bretagne.",
            ),
            ("kara-ess", PartyStatus.INVITED, CO, None, ""),
        ],
    ),
    (
        "riaa",
        "Réseau international agroécologie et alimentation (RIAA)",
        PartnershipKind.MULTI_ACTOR,
        PartnershipStatus.ACTIVE,
        date(2016, 1, 1),
        None,
        "",
        "Formalisation d'une dynamique d'échange et de coopération entre le Brésil, la France, le Burkina Faso, le "
        "Bénin et le Sénégal depuis 2016, autour de l'alimentation durable et de l'agroécologie.",
        "reseau-bretagne-solidaire",
        [
            ("reseau-bretagne-solidaire", PartyStatus.ACCEPTED, CO, 40, "Porte le réseau en Bretagne."),
            ("riaa-burkina", PartyStatus.ACCEPTED, CO, 15, "Cantine centrale de Ouahigouya."),
            ("riaa-bresil", PartyStatus.ACCEPTED, CO, 15, "Échanges de pratiques agroécologiques."),
            ("riaa-senegal", PartyStatus.ACCEPTED, CO, 15, "Agroécologie paysanne."),
            ("riaa-benin", PartyStatus.ACCEPTED, CO, 15, "Alimentation durable."),
        ],
    ),
    (
        "ille-et-vilaine-outaouais",
        "Ille-et-Vilaine – Outaouais",
        PartnershipKind.ASSOCIATION,
        PartnershipStatus.ACTIVE,
        date(2015, 1, 1),
        None,
        "",
        "Coopération autour des Coopératives jeunesse de service, que l'Outaouais a fait découvrir à l'Ille-et-Vilaine.",
        "ille-et-vilaine",
        [
            (
                "ille-et-vilaine",
                PartyStatus.ACCEPTED,
                CO,
                60,
                "Finance et accompagne les CJS en Ille-et-Vilaine.",
            ),
            ("outaouais", PartyStatus.ACCEPTED, CO, 40, "Transmet son expérience des CJS."),
        ],
    ),
    (
        "jette-tarija",
        "Jette – Tarija : jeunesse et participation",
        PartnershipKind.COMMUNE_TO_COMMUNE,
        PartnershipStatus.EXPLORING,
        date(2025, 3, 1),
        None,
        "",
        "Partenariat en exploration : échanges entre conseils de jeunes de Jette et de Tarija.",
        "jette",
        [
            ("jette", PartyStatus.ACCEPTED, CO, 50, "Réunit le conseil des jeunes de Jette."),
            ("tarija", PartyStatus.ACCEPTED, CO, 50, "Réunit le conseil municipal des jeunes de Tarija."),
        ],
    ),
]


def seed_partnerships(log, context, organisations):
    users = context.get("users", {})
    coordinators = {slug: users.get(email) for email, rows in MEMBERSHIPS.items() for slug, *_rest in rows}
    partnerships = {}
    for key, name, kind, status, start, end, reason, description, initiator, parties in PARTNERSHIPS:
        partnership, _created = Partnership.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "status": status,
                "started_on": start,
                "ended_on": end,
                "end_reason": reason,
                "description_fr": description,
                "exit_clause_fr": "Chaque partie peut mettre fin au partenariat après un dialogue et un préavis de six mois."
                if kind == PartnershipKind.COMMUNE_TO_COMMUNE
                else "",
                "initiated_by": organisations[initiator],
                "created_by": coordinators.get(initiator),
            },
        )
        for slug, party_status, level, share, role in parties:
            PartnershipParty.objects.update_or_create(
                partnership=partnership,
                organisation=organisations[slug],
                defaults={
                    "status": party_status,
                    "decision_level": level,
                    "financial_share": share,
                    "role": role,
                    "invited_by": coordinators.get(initiator),
                    "responded_at": timezone.now() if party_status == PartyStatus.ACCEPTED else None,
                },
            )
        partnerships[key] = partnership
        _seed_history(partnership, coordinators, initiator, parties)
    log(f"{len(partnerships)} partnerships")
    return partnerships


def _seed_history(partnership, coordinators, initiator, parties):
    """The first entries of the history, as the services would have written them (once)."""
    if audit.history(partnership).exists():
        return
    audit.record(
        "partners.partnership.created",
        actor=coordinators.get(initiator),
        subject=partnership,
        name=partnership.name,
    )
    for slug, party_status, *_rest in parties:
        if slug == initiator:
            continue
        audit.record(
            "partners.party.invited",
            actor=coordinators.get(initiator),
            subject=partnership,
            organisation=slug,
        )
        if party_status == PartyStatus.ACCEPTED:
            audit.record(
                "partners.party.accepted",
                actor=coordinators.get(slug),
                subject=partnership,
                organisation=slug,
            )
    if partnership.status == PartnershipStatus.ENDED:
        audit.record(
            "partners.partnership.ended",
            actor=coordinators.get(initiator),
            subject=partnership,
            before=PartnershipStatus.ACTIVE,
            after=PartnershipStatus.ENDED,
            reason=partnership.end_reason,
        )
