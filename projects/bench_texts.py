"""The texts of the projects' benchmark data (``projects.bench``): what the projects are about in
four languages, how often each status comes up, who funds them."""

LANGUAGES = ("fr", "nl", "en", "es")

# (primary goal, other goals it often comes with, title per language, summary per language):
# each title is followed by a place ("… à Tarija").
TEMPLATES = [
    (
        6,
        (3, 11),
        (
            "Accès à l'eau potable à",
            "Toegang tot drinkwater in",
            "Access to drinking water in",
            "Agua potable en",
        ),
        (
            "Des bornes-fontaines et un comité de gestion de l'eau élu par les habitants.",
            "Tappunten en een door de bewoners verkozen watercomité.",
            "Standpipes and a water committee elected by the inhabitants.",
            "Piletas públicas y un comité de agua elegido por los vecinos.",
        ),
    ),
    (
        6,
        (11, 12),
        (
            "Assainissement et latrines à",
            "Sanitatie en latrines in",
            "Sanitation and latrines in",
            "Saneamiento en",
        ),
        (
            "Des latrines dans les écoles et une filière de vidange.",
            "Latrines in de scholen en een ledigingsdienst.",
            "School latrines and a emptying service.",
            "Letrinas escolares y un servicio de vaciado.",
        ),
    ),
    (
        15,
        (13, 6),
        ("Reboisement à", "Herbebossing in", "Reforestation in", "Reforestación en"),
        (
            "Reboiser pour protéger les sources et créer des revenus durables.",
            "Herbebossen om de bronnen te beschermen en duurzaam inkomen te scheppen.",
            "Reforesting to protect the springs and create lasting income.",
            "Reforestar para proteger las fuentes y crear ingresos sostenibles.",
        ),
    ),
    (
        4,
        (10, 5),
        ("Bibliothèque scolaire à", "Schoolbibliotheek in", "School library in", "Biblioteca escolar en"),
        (
            "Une bibliothèque ouverte aux élèves et aux familles, animée par des bénévoles.",
            "Een bibliotheek voor leerlingen en gezinnen, gerund door vrijwilligers.",
            "A library open to pupils and families, run by volunteers.",
            "Una biblioteca abierta a alumnos y familias, animada por voluntarios.",
        ),
    ),
    (
        2,
        (12, 1),
        ("Jardins maraîchers à", "Moestuinen in", "Market gardens in", "Huertos comunitarios en"),
        (
            "Des parcelles cultivées par des coopératives de femmes, une cantine scolaire.",
            "Percelen bewerkt door vrouwencoöperaties, een schoolkantine.",
            "Plots farmed by women's cooperatives, a school canteen.",
            "Parcelas cultivadas por cooperativas de mujeres, un comedor escolar.",
        ),
    ),
    (
        7,
        (13, 11),
        ("Énergie solaire à", "Zonne-energie in", "Solar power in", "Energía solar en"),
        (
            "Des panneaux solaires sur le centre de santé et l'école.",
            "Zonnepanelen op het gezondheidscentrum en de school.",
            "Solar panels on the health centre and the school.",
            "Paneles solares en el centro de salud y la escuela.",
        ),
    ),
    (
        16,
        (17, 11),
        (
            "Budget participatif à",
            "Participatieve begroting in",
            "Participatory budgeting in",
            "Presupuesto participativo en",
        ),
        (
            "Les habitants décident d'une part du budget communal, quartier par quartier.",
            "De bewoners beslissen over een deel van de gemeentebegroting, wijk per wijk.",
            "Inhabitants decide on part of the municipal budget, district by district.",
            "Los vecinos deciden una parte del presupuesto municipal, barrio por barrio.",
        ),
    ),
    (
        3,
        (5, 6),
        ("Centre de santé à", "Gezondheidscentrum in", "Health centre in", "Centro de salud en"),
        (
            "Un centre de santé rénové et des agents communautaires formés.",
            "Een gerenoveerd gezondheidscentrum en opgeleide gemeenschapswerkers.",
            "A renovated health centre and trained community health workers.",
            "Un centro de salud renovado y agentes comunitarios formados.",
        ),
    ),
    (
        11,
        (13, 9),
        ("Gestion des déchets à", "Afvalbeheer in", "Waste management in", "Gestión de residuos en"),
        (
            "Le tri à la source, un centre de compostage et des emplois locaux.",
            "Sorteren aan de bron, een composteringscentrum en lokale banen.",
            "Sorting at source, a composting centre and local jobs.",
            "Separación en origen, un centro de compostaje y empleo local.",
        ),
    ),
    (
        8,
        (5, 10),
        (
            "Coopérative artisanale à",
            "Ambachtelijke coöperatie in",
            "Craft cooperative in",
            "Cooperativa artesanal en",
        ),
        (
            "Une coopérative qui vend l'artisanat local à un prix juste.",
            "Een coöperatie die lokaal ambacht tegen een eerlijke prijs verkoopt.",
            "A cooperative selling local crafts at a fair price.",
            "Una cooperativa que vende la artesanía local a precio justo.",
        ),
    ),
    (
        13,
        (11, 15),
        (
            "Adaptation au climat à",
            "Klimaatadaptatie in",
            "Climate adaptation in",
            "Adaptación al clima en",
        ),
        (
            "Un plan communal d'adaptation, des digues végétalisées et une alerte précoce.",
            "Een gemeentelijk adaptatieplan, groene dijken en een vroegtijdig waarschuwingssysteem.",
            "A municipal adaptation plan, green dykes and an early warning system.",
            "Un plan municipal de adaptación, diques verdes y alerta temprana.",
        ),
    ),
]
# How often each status comes up, and the path of status changes that led to it.
STATUSES = [
    ("running", 32, ["draft", "proposed", "confirmed", "running"]),
    ("completed", 18, ["draft", "proposed", "confirmed", "running", "completed"]),
    ("evaluated", 6, ["draft", "proposed", "confirmed", "running", "completed", "evaluated"]),
    ("submitted", 8, ["draft", "proposed", "confirmed", "submitted"]),
    ("selected", 6, ["draft", "proposed", "confirmed", "submitted", "selected"]),
    ("declined", 2, ["draft", "proposed", "confirmed", "submitted", "declined"]),
    ("confirmed", 12, ["draft", "proposed", "confirmed"]),
    ("proposed", 8, ["draft", "proposed"]),
    ("draft", 8, ["draft"]),
]
THROUGH_CALLS = {"submitted", "selected", "declined"}
FUNDERS = [
    "Union européenne",
    "Région de Bruxelles-Capitale",
    "Enabel",
    "Fondation Roi Baudouin",
    "Wallonie-Bruxelles International",
]
CURRENCIES = ["EUR"] * 6 + ["USD", "XOF", "BOB", "PEN"]
