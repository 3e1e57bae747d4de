"""The demo's projects and call for projects, drawn from the seed documents (../shared/seeds)."""

from datetime import date
from decimal import Decimal

# key, title (fr, nl, en, es), summary (fr, es), status, start, end, partnership slug,
# parties [(slug, role, contribution)], links [(goal, [targets], primary, how)],
# sites [(country, locality, change)], funding [(party slug or funder, amount, currency, kind, label)]
PROJECTS = [
    {
        "key": "herentbos",
        "title": {
            "fr": "Reboisement à Nimlaha'kok",
            "nl": "Herbebossing in Nimlaha'kok",
            "en": "Reforestation in Nimlaha'kok",
            "es": "Reforestación en Nimlaha'kok",
        },
        "summary": {
            "fr": "Choisi par la communauté après la route des ODD : reboiser pour protéger les ressources naturelles "
            "tout en créant une source durable de revenus pour la population locale.",
            "es": "Elegido por la comunidad tras la ruta de los ODS: reforestar para proteger los recursos naturales "
            "y crear una fuente sostenible de ingresos para la población local.",
        },
        "status": "running",
        "starts_on": date(2022, 3, 1),
        "ends_on": date(2026, 12, 31),
        "partnership": "herent-nimlahakok",
        "proposed_by": "nimlahakok",
        "parties": [
            (
                "nimlahakok",
                "Choix du projet, plantation et entretien des parcelles",
                "Main-d'œuvre, terrains, pépinière",
            ),
            (
                "herent",
                "Accompagnement et sensibilisation à Herent",
                "Cofinancement, échanges entre services",
            ),
        ],
        "links": [
            (13, ["13.1", "13.3"], True, "L'ODD commun choisi ensemble pendant la route des ODD."),
            (15, ["15.1", "15.2"], False, "Restaurer les forêts autour de la communauté."),
            (6, ["6.6"], False, "Protéger les sources et les cours d'eau."),
        ],
        "sites": [
            ("GT", "Nimlaha'kok, Cobán", "Des parcelles reboisées et une pépinière communautaire."),
            ("BE", "Herent", "Une campagne de sensibilisation au climat dans la commune."),
        ],
        "funding": [
            ("herent", Decimal("15000"), "EUR", "cash", "Plants et pépinière"),
            ("nimlahakok", Decimal("4000"), "EUR", "in_kind", "Travail communautaire"),
            (
                "Gouvernement flamand (coopération communale)",
                Decimal("10000"),
                "EUR",
                "cash",
                "Programme pluriannuel",
            ),
        ],
    },
    {
        "key": "tarijaagua",
        "title": {
            "fr": "Protection des sources d'eau locales à Tarija",
            "nl": "Bescherming van de lokale waterbronnen in Tarija",
            "en": "Protecting local water sources in Tarija",
            "es": "Protección de las fuentes de agua locales en Tarija",
        },
        "summary": {
            "fr": "Protéger les sources qui alimentent les quartiers de Tarija, avec les habitants.",
            "es": "Proteger las fuentes que abastecen a los barrios de Tarija, con los vecinos.",
        },
        "status": "running",
        "starts_on": date(2022, 9, 1),
        "ends_on": None,
        "partnership": "brasschaat-tarija",
        "proposed_by": "tarija",
        "parties": [
            ("tarija", "Gestion des sources et travail avec les quartiers", "Équipe technique municipale"),
            ("brasschaat", "Échange d'expertise et cofinancement", "Cofinancement, visites de travail"),
        ],
        "links": [
            (6, ["6.1", "6.6", "6.b"], True, "L'eau potable pour les quartiers, avec leur participation."),
            (15, ["15.1"], False, "Les zones de captage sont reboisées."),
        ],
        "sites": [("BO", "Tarija", "Les sources sont clôturées et reboisées.")],
        "funding": [
            ("brasschaat", Decimal("12000"), "EUR", "cash", "Travaux de protection"),
            ("tarija", Decimal("30000"), "BOB", "in_kind", "Équipe technique"),
        ],
    },
    {
        "key": "brasschaatspeel",
        "title": {
            "fr": "Désimperméabilisation des cours d'école à Brasschaat",
            "nl": "Ontharding van de speelplaatsen in Brasschaat",
            "en": "Depaving schoolyards in Brasschaat",
            "es": "Despavimentación de patios escolares en Brasschaat",
        },
        "summary": {
            "fr": "Retirer le revêtement et verdir les plaines de jeux, en miroir du projet de Tarija.",
            "es": "Quitar el pavimento y reverdecer los patios, en espejo del proyecto de Tarija.",
        },
        "status": "completed",
        "starts_on": date(2022, 9, 1),
        "ends_on": date(2024, 6, 30),
        "partnership": "brasschaat-tarija",
        "proposed_by": "brasschaat",
        "parties": [
            (
                "brasschaat",
                "Travaux dans les écoles et participation des élèves",
                "Budget communal, services techniques",
            ),
            (
                "tarija",
                "Partage de l'expérience des sources d'eau",
                "Échanges en ligne, un poème pour les héros durables",
            ),
        ],
        "links": [
            (11, ["11.7"], True, "Des espaces verts sûrs et accessibles pour les enfants."),
            (13, ["13.1", "13.3"], False, "Moins d'îlots de chaleur, plus d'infiltration."),
        ],
        "sites": [("BE", "Brasschaat", "Des cours d'école désimperméabilisées et verdies.")],
        "funding": [("brasschaat", Decimal("40000"), "EUR", "cash", "Travaux")],
    },
    {
        "key": "essbretagnetg",
        "title": {
            "fr": "Coopération entre écosystèmes ESS breton et togolais",
            "nl": "Samenwerking tussen de Bretoense en Togolese sociale economie",
            "en": "Cooperation between the Breton and Togolese social economy ecosystems",
            "es": "Cooperación entre los ecosistemas de ESS bretón y togolés",
        },
        "summary": {
            "fr": "Huit structures ESS togolaises et six bretonnes, autour de l'alimentation durable, de l'insertion "
            "et de l'économie circulaire, dans une dynamique de renforcement mutuel.",
            "es": "Ocho estructuras de ESS togolesas y seis bretonas, en torno a la alimentación sostenible, la "
            "inserción y la economía circular, en una dinámica de fortalecimiento mutuo.",
        },
        "status": "running",
        "starts_on": date(2024, 1, 15),
        "ends_on": date(2026, 12, 31),
        "partnership": "xylm-stadd",
        "proposed_by": "xylm",
        "parties": [
            ("xylm", "Animation du réseau breton", "Coordination, temps de travail"),
            ("stadd", "Animation du réseau togolais", "Coordination, accueil des échanges à Lomé"),
            ("cress-bretagne", "Mise en relation avec les structures ESS bretonnes", "Expertise ESS"),
        ],
        "links": [
            (8, ["8.3", "8.5"], True, "Des emplois dans des structures d'économie sociale et solidaire."),
            (12, ["12.3", "12.5"], False, "Alimentation durable et économie circulaire."),
            (17, ["17.17"], False, "Un partenariat multi-acteurs entre deux territoires."),
        ],
        "sites": [
            ("FR", "Rennes", "Six structures bretonnes apprennent des pratiques togolaises."),
            ("TG", "Lomé", "Huit structures togolaises renforcent leurs activités."),
        ],
        "funding": [
            ("xylm", Decimal("8000"), "EUR", "cash", "Déplacements et animation"),
            ("stadd", Decimal("2500000"), "XOF", "in_kind", "Accueil et animation"),
            ("Région Bretagne", Decimal("20000"), "EUR", "cash", "Appel à projets régional"),
        ],
    },
    {
        "key": "riaacantine",
        "title": {
            "fr": "Cuisine centrale pour les cantines scolaires de Ouahigouya (RIAA)",
            "nl": "Centrale keuken voor de schoolkantines van Ouahigouya (RIAA)",
            "en": "Central kitchen for the school canteens of Ouahigouya (RIAA)",
            "es": "Cocina central para los comedores escolares de Uahiguya (RIAA)",
        },
        "summary": {
            "fr": "Des repas issus de l'agroécologie locale pour les écoles, dans le Réseau International Agroécologie "
            "et Alimentation.",
            "es": "Comidas de la agroecología local para las escuelas, en la Red Internacional de Agroecología y "
            "Alimentación.",
        },
        "status": "running",
        "starts_on": date(2023, 10, 1),
        "ends_on": None,
        "partnership": "riaa",
        "proposed_by": "riaa-burkina",
        "parties": [
            ("riaa-burkina", "Gestion de la cuisine centrale et achats aux producteurs", "Équipe, locaux"),
            ("reseau-bretagne-solidaire", "Animation du réseau RIAA", "Cofinancement, échanges de pratiques"),
        ],
        "links": [
            (
                2,
                ["2.1", "2.4"],
                True,
                "Des repas sains pour les élèves, achetés aux producteurs agroécologiques.",
            ),
            (4, ["4.1"], False, "Des enfants nourris suivent mieux l'école."),
            (12, ["12.3"], False, "Moins de gaspillage alimentaire."),
        ],
        "sites": [("BF", "Ouahigouya", "Une cuisine centrale sert les cantines de la ville.")],
        "funding": [
            ("reseau-bretagne-solidaire", Decimal("18000"), "EUR", "cash", "Équipement de la cuisine"),
            ("riaa-burkina", Decimal("5000000"), "XOF", "in_kind", "Locaux et personnel"),
        ],
    },
    # The two answers to the call of the Ville de Bruxelles.
    {
        "key": "jettetarijaeau",
        "title": {
            "fr": "Jardins d'eau de pluie Jette–Tarija",
            "nl": "Regenwatertuinen Jette–Tarija",
            "en": "Rainwater gardens Jette–Tarija",
            "es": "Jardines de agua de lluvia Jette–Tarija",
        },
        "summary": {
            "fr": "Récupérer l'eau de pluie dans des jardins partagés, ici et là-bas, et comparer les pratiques.",
            "es": "Recoger el agua de lluvia en huertos compartidos, aquí y allá, y comparar las prácticas.",
        },
        "status": "submitted",
        "starts_on": date(2026, 9, 1),
        "ends_on": date(2027, 12, 31),
        "partnership": "jette-tarija",
        "proposed_by": "jette",
        "parties": [
            (
                "jette",
                "Jardins partagés à Jette et coordination en Belgique",
                "Service éco-conseil, terrain communal",
            ),
            (
                "tarija",
                "Jardins d'eau dans deux quartiers de Tarija",
                "Équipe technique, participation des vecinos",
            ),
        ],
        "links": [
            (6, ["6.4", "6.b"], True, "L'eau de pluie récupérée et gérée par les habitants."),
            (11, ["11.7"], False, "Des espaces verts partagés."),
        ],
        "sites": [
            ("BE", "Jette", "Deux jardins partagés récupèrent l'eau de pluie."),
            ("BO", "Tarija", "Deux quartiers arrosent leurs jardins avec l'eau de pluie."),
        ],
        "funding": [
            ("jette", Decimal("5000"), "EUR", "cash", "Matériel"),
            ("tarija", Decimal("2000"), "EUR", "in_kind", "Travail des équipes"),
        ],
        "call": "bruxelles2026",
        "requested": Decimal("12000"),
    },
    {
        "key": "periferialome",
        "title": {
            "fr": "Ateliers de participation citoyenne Bruxelles–Lomé",
            "nl": "Workshops burgerparticipatie Brussel–Lomé",
            "en": "Citizen participation workshops Brussels–Lomé",
            "es": "Talleres de participación ciudadana Bruselas–Lomé",
        },
        "summary": {
            "fr": "Croiser les méthodes d'éducation permanente et d'ESS pour des quartiers plus durables.",
            "es": "Cruzar los métodos de educación permanente y de ESS para barrios más sostenibles.",
        },
        "status": "submitted",
        "starts_on": date(2026, 10, 1),
        "ends_on": date(2027, 6, 30),
        "partnership": None,
        "proposed_by": "periferia",
        "parties": [
            ("periferia", "Méthodes de participation, animation à Bruxelles", "Deux animateur·rices"),
            ("stadd", "Animation à Lomé avec les structures ESS", "Accueil, réseau local"),
        ],
        "links": [
            (11, ["11.3"], True, "Une urbanisation participative."),
            (16, ["16.7"], False, "Des décisions prises avec les habitants."),
        ],
        "sites": [
            ("BE", "Bruxelles", "Des ateliers dans trois quartiers."),
            ("TG", "Lomé", "Des ateliers avec les structures ESS."),
        ],
        "funding": [
            ("periferia", Decimal("3000"), "EUR", "in_kind", "Animation"),
            ("stadd", Decimal("1000000"), "XOF", "in_kind", "Accueil"),
        ],
        "call": "bruxelles2026",
        "requested": Decimal("18500"),
    },
]

CALL = {
    "key": "bruxelles2026",
    "publisher": "ville-de-bruxelles",
    "title": {
        "fr": "Appel à projets Solidarité internationale 2026",
        "nl": "Projectoproep Internationale Solidariteit 2026",
        "en": "International solidarity call for projects 2026",
        "es": "Convocatoria de proyectos de Solidaridad Internacional 2026",
    },
    "description": {
        "fr": "La Ville de Bruxelles soutient des projets menés à égalité par des associations bruxelloises et leurs "
        "partenaires, ici et là-bas.",
        "es": "La Ciudad de Bruselas apoya proyectos llevados en pie de igualdad por asociaciones bruselenses y sus "
        "socios, aquí y allá.",
    },
    "criteria": {
        "fr": "Chaque partie a confirmé sa participation et décrit son rôle et sa contribution ; le projet a des "
        "effets à Bruxelles et chez le partenaire ; il s'inscrit dans les ODD.",
        "es": "Cada parte confirmó su participación y describió su papel y su contribución; el proyecto tiene "
        "efectos en Bruselas y en el territorio del socio; se inscribe en los ODS.",
    },
    "budget": Decimal("50000"),
    "goals": [6, 11, 13],
}
