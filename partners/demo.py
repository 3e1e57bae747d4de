"""Demo organisations, members and partnerships drawn from the seed documents (../shared/seeds)."""

from datetime import date

from django.utils import timezone

from partners.models import (
    CheckInAnswer,
    CheckInRound,
    DecisionLevel,
    Exchange,
    ExchangeFormat,
    ExchangeKind,
    Membership,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
    Role,
    Theme,
    TravelLeg,
    TravelMode,
    Visibility,
)

K = OrganisationKind

# slug, name, kind, country, locality, languages, description (fr), website
ORGANISATIONS = [
    (
        "etterbeek",
        "Commune d'Etterbeek",
        K.COMMUNE,
        "BE",
        "Etterbeek",
        ["fr", "nl"],
        "Commune bruxelloise présente dès 2015 aux premières rencontres qui ont donné naissance à Soliris.",
        "",
    ),
    (
        "jette",
        "Commune de Jette",
        K.COMMUNE,
        "BE",
        "Jette",
        ["fr", "nl"],
        "Commune bruxelloise engagée dans la solidarité internationale et membre fondatrice de Soliris.",
        "",
    ),
    (
        "ville-de-bruxelles",
        "Ville de Bruxelles",
        K.COMMUNE,
        "BE",
        "Bruxelles",
        ["fr", "nl", "en"],
        "La cellule solidarité internationale de la Ville de Bruxelles a accompagné les prémices de Soliris.",
        "",
    ),
    (
        "saint-josse",
        "Commune de Saint-Josse-ten-Noode",
        K.COMMUNE,
        "BE",
        "Saint-Josse-ten-Noode",
        ["fr", "nl"],
        "Commune bruxelloise présente aux rencontres de la Semaine européenne de la démocratie locale en 2015.",
        "",
    ),
    (
        "brasschaat",
        "Gemeente Brasschaat",
        K.COMMUNE,
        "BE",
        "Brasschaat",
        ["nl", "en"],
        "Commune flamande en partenariat avec Tarija (Bolivie) depuis 2004.",
        "",
    ),
    (
        "herent",
        "Gemeente Herent",
        K.COMMUNE,
        "BE",
        "Herent",
        ["nl", "es"],
        "Commune flamande en partenariat avec Nimlaha'kok (Guatemala) depuis 2001.",
        "",
    ),
    (
        "edegem",
        "Gemeente Edegem",
        K.COMMUNE,
        "BE",
        "Edegem",
        ["nl"],
        "Commune flamande, partenaire de San Jerónimo (Pérou) de 2004 à 2020.",
        "",
    ),
    (
        "tarija",
        "Gobierno Autónomo Municipal de Tarija",
        K.COMMUNE,
        "BO",
        "Tarija",
        ["es"],
        "Municipalité bolivienne, partenaire de Brasschaat depuis 2004 ; participe à la Semaine de la commune durable.",
        "",
    ),
    (
        "nimlahakok",
        "Comunidad de Nimlaha'kok",
        K.COMMUNE,
        "GT",
        "Nimlaha'kok, Cobán",
        ["es"],
        "Communauté guatémaltèque partenaire de Herent, porteuse d'un projet de reboisement.",
        "",
    ),
    (
        "san-jeronimo",
        "Municipalidad Distrital de San Jerónimo",
        K.COMMUNE,
        "PE",
        "San Jerónimo, Cusco",
        ["es"],
        "Municipalité péruvienne, partenaire d'Edegem de 2004 à 2020 ; la fraternité symbolique demeure.",
        "",
    ),
    (
        "iteco",
        "ITECO",
        K.NGO,
        "BE",
        "Bruxelles",
        ["fr"],
        "ONG d'éducation permanente qui a animé le Forum ouvert de 2016 à l'origine de la plateforme.",
        "",
    ),
    (
        "periferia",
        "Periferia",
        K.ASSOCIATION,
        "BE",
        "Bruxelles",
        ["fr", "nl"],
        "Association d'éducation permanente active sur la participation et la citoyenneté.",
        "",
    ),
    (
        "brussels-participation",
        "Brussels Participation",
        K.CITIZEN_COLLECTIVE,
        "BE",
        "Bruxelles",
        ["fr", "nl"],
        "Collectif citoyen impliqué dès les premières rencontres de 2015.",
        "",
    ),
    (
        "cimic",
        "Cimic",
        K.ASSOCIATION,
        "BE",
        "Gand",
        ["nl", "fr"],
        "Réseau local et international qui croit au pouvoir des rencontres et du dialogue entre les cultures.",
        "",
    ),
    (
        "contutti",
        "Contutti",
        K.ASSOCIATION,
        "BE",
        "Louvain",
        ["nl"],
        "Aide les organisations et les personnes à aborder ensemble des questions complexes.",
        "",
    ),
    (
        "vvsg",
        "Vereniging van Vlaamse Steden en Gemeenten (VVSG)",
        K.NETWORK,
        "BE",
        "Bruxelles",
        ["nl", "en"],
        "Association faîtière des villes et communes flamandes : partage des connaissances et appui aux partenariats communaux.",
        "",
    ),
    (
        "wbi",
        "Wallonie-Bruxelles International",
        K.PUBLIC_INSTITUTION,
        "BE",
        "Bruxelles",
        ["fr", "en"],
        "Institution publique qui a rejoint la démarche Soliris en 2016.",
        "",
    ),
    (
        "xylm",
        "Xylm",
        K.ASSOCIATION,
        "FR",
        "Rennes",
        ["fr"],
        "Association bretonne coorganisatrice de la journée « ESS et solidarité internationale » du 17 juin 2025.",
        "",
    ),
    (
        "stadd",
        "STADD",
        K.SSE,
        "TG",
        "Lomé",
        ["fr", "ee"],
        "Structure togolaise d'économie sociale et solidaire, partenaire des structures bretonnes.",
        "",
    ),
    (
        "reseau-bretagne-solidaire",
        "Réseau Bretagne Solidaire (RBS)",
        K.NETWORK,
        "FR",
        "Rennes",
        ["fr"],
        "Réseau régional breton de la solidarité internationale, porteur du dispositif RIAA.",
        "",
    ),
    (
        "cress-bretagne",
        "CRESS Bretagne",
        K.SSE,
        "FR",
        "Rennes",
        ["fr"],
        "Chambre régionale de l'économie sociale et solidaire de Bretagne.",
        "",
    ),
    (
        "gsef",
        "GSEF — Forum mondial de l'économie sociale",
        K.NETWORK,
        "FR",
        "Bordeaux",
        ["fr", "en", "es"],
        "Réseau mondial de gouvernements locaux et d'acteurs de l'économie sociale et solidaire.",
        "",
    ),
    (
        "ille-et-vilaine",
        "Département d'Ille-et-Vilaine",
        K.PUBLIC_INSTITUTION,
        "FR",
        "Rennes",
        ["fr"],
        "Collectivité bretonne en coopération avec l'Outaouais (Québec) autour des Coopératives jeunesse de service.",
        "",
    ),
    (
        "outaouais",
        "Coopération jeunesse de l'Outaouais",
        K.SSE,
        "CA",
        "Gatineau",
        ["fr", "en"],
        "Structure québécoise qui a fait découvrir les Coopératives jeunesse de service à l'Ille-et-Vilaine.",
        "",
    ),
    (
        "riaa-burkina",
        "Cantine centrale de Ouahigouya (RIAA)",
        K.ASSOCIATION,
        "BF",
        "Ouahigouya",
        ["fr", "mos"],
        "Structure burkinabè membre du réseau RIAA, porteuse d'un projet de cantine centrale.",
        "",
    ),
    (
        "diaspora-bruxelles",
        "Collectif des diasporas africaines de Bruxelles",
        K.DIASPORA,
        "BE",
        "Bruxelles",
        ["fr", "en"],
        "Collectif d'associations de la diaspora engagé dans la décennie des personnes d'ascendance africaine.",
        "",
    ),
    (
        "conseil-jette",
        "Conseil consultatif de la solidarité internationale de Jette",
        K.ADVISORY_COUNCIL,
        "BE",
        "Jette",
        ["fr", "nl"],
        "Conseil consultatif qui associe habitants et associations aux choix de la commune.",
        "",
    ),
]

ORGANISATIONS += [
    (
        "riaa-bresil",
        "Centro de Agroecologia Sabiá (RIAA)",
        K.ASSOCIATION,
        "BR",
        "Recife",
        ["pt"],
        "Structure brésilienne du Réseau international agroécologie et alimentation.",
        "",
    ),
    (
        "riaa-senegal",
        "Enda Pronat (RIAA)",
        K.NGO,
        "SN",
        "Dakar",
        ["fr"],
        "ONG sénégalaise membre du RIAA, engagée pour l'agroécologie paysanne.",
        "",
    ),
    (
        "riaa-benin",
        "Jardins de l'Espoir (RIAA)",
        K.ASSOCIATION,
        "BJ",
        "Cotonou",
        ["fr"],
        "Association béninoise membre du RIAA : alimentation durable et agroécologie.",
        "",
    ),
    (
        "kara-ess",
        "Coopérative des femmes transformatrices de Kara",
        K.SSE,
        "TG",
        "Kara",
        ["fr"],
        "Coopérative togolaise de transformation agroalimentaire, partenaire des structures ESS bretonnes.",
        "",
    ),
]

THEMES_BY_ORGANISATION = {
    "brasschaat": ["participation-citizenship", "water"],
    "tarija": ["participation-citizenship", "water"],
    "herent": ["environment-forests", "climate"],
    "nimlahakok": ["environment-forests", "climate"],
    "edegem": ["childrens-rights"],
    "san-jeronimo": ["childrens-rights"],
    "xylm": ["social-solidarity-economy"],
    "stadd": ["social-solidarity-economy"],
    "kara-ess": ["social-solidarity-economy", "agroecology-food", "gender"],
    "cress-bretagne": ["social-solidarity-economy"],
    "reseau-bretagne-solidaire": ["agroecology-food", "global-citizenship-education"],
    "riaa-burkina": ["agroecology-food"],
    "riaa-bresil": ["agroecology-food"],
    "riaa-senegal": ["agroecology-food"],
    "riaa-benin": ["agroecology-food"],
    "ille-et-vilaine": ["youth", "social-solidarity-economy"],
    "outaouais": ["youth", "social-solidarity-economy"],
    "jette": ["participation-citizenship", "global-citizenship-education"],
    "diaspora-bruxelles": ["migration-diaspora"],
    "periferia": ["participation-citizenship"],
    "iteco": ["global-citizenship-education"],
}

# email: [(organisation slug, role, function)]
MEMBERSHIPS = {
    "coordination@jette.demo": [("jette", Role.COORDINATOR, "Échevine de la solidarité internationale")],
    "solidarite@bruxelles.demo": [
        ("ville-de-bruxelles", Role.COORDINATOR, "Cellule solidarité internationale")
    ],
    "internationaal@brasschaat.demo": [
        ("brasschaat", Role.COORDINATOR, "Ambtenaar internationale samenwerking")
    ],
    "cooperacion@tarija.demo": [("tarija", Role.COORDINATOR, "Responsable de cooperación")],
    "internationaal@herent.demo": [("herent", Role.COORDINATOR, "Ambtenaar internationale samenwerking")],
    "comunidad@nimlahakok.demo": [("nimlahakok", Role.COORDINATOR, "Presidente del comité comunitario")],
    "contact@xylm.demo": [
        ("xylm", Role.COORDINATOR, "Chargée de projets"),
        ("cress-bretagne", Role.EDITOR, ""),
    ],
    "contact@stadd.demo": [("stadd", Role.COORDINATOR, "Coordinateur")],
    "contact@iteco.demo": [("iteco", Role.COORDINATOR, "Formatrice")],
}

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

# Organisations that have not (yet) chosen to be public, or are waiting for verification.
UNVERIFIED = {"diaspora-bruxelles"}
PRIVATE = {"conseil-jette"}


def seed(log, context: dict) -> None:
    now = timezone.now()
    organisations = {}
    for slug, name, kind, country, locality, languages, description, website in ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "country": country,
                "locality": locality,
                "languages": languages,
                "description_fr": description,
                "website": website,
                "visibility": Visibility.PRIVATE if slug in PRIVATE else Visibility.PUBLIC,
                "verified_at": None if slug in UNVERIFIED else now,
            },
        )
        organisations[slug] = organisation
    context["organisations"] = organisations
    log(f"{len(organisations)} organisations")
    _seed_themes(organisations)
    _seed_memberships(log, context, organisations)
    partnerships = _seed_partnerships(log, context, organisations)
    context["partnerships"] = partnerships
    _seed_exchanges(log, partnerships, organisations, context)
    _seed_checkins(log, partnerships, context)
    from partners.services import refresh_organisation_document

    for organisation in organisations.values():
        refresh_organisation_document(organisation)


def _seed_themes(organisations):
    from partners import reference

    if not Theme.objects.exists():
        reference.load()
    themes = {t.slug: t for t in Theme.objects.all()}
    for slug, theme_slugs in THEMES_BY_ORGANISATION.items():
        organisations[slug].themes.set([themes[t] for t in theme_slugs if t in themes])


def _seed_memberships(log, context, organisations):
    users = context.get("users", {})
    count = 0
    for email, rows in MEMBERSHIPS.items():
        user = users.get(email)
        if user is None:
            continue
        for slug, role, function in rows:
            Membership.objects.update_or_create(
                organisation=organisations[slug],
                user=user,
                active_until=None,
                defaults={
                    "role": role,
                    "function": function,
                    "may_sign": role == Role.COORDINATOR,
                    "active_from": date(2024, 1, 1),
                    "languages": [user.preferred_language],
                },
            )
            count += 1
    log(f"{count} memberships")


def _seed_partnerships(log, context, organisations):
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
    from soliris import audit

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


def _seed_exchanges(log, partnerships, organisations, context):
    from partners.carbon import leg_co2_kg

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


def _seed_checkins(log, partnerships, context):
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
