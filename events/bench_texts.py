"""The texts of the events' benchmark data (``events.bench``) in four languages: the kinds of
event, workshops, sections and recommendations, and how far their follow-up went."""

LANGUAGES = ("fr", "nl", "en", "es")

# kind -> title per language (followed by a place and a year), workshops per event
KINDS = {
    "soliris_day": (("Journée Soliris", "Soliris-dag", "Soliris day", "Jornada Soliris"), (3, 5)),
    "forum": (
        (
            "Forum de la solidarité internationale",
            "Forum internationale solidariteit",
            "Solidarity forum",
            "Foro de la solidaridad",
        ),
        (2, 3),
    ),
    "workshop": (
        (
            "Atelier des partenariats",
            "Workshop partnerschappen",
            "Partnership workshop",
            "Taller de hermanamientos",
        ),
        (0, 1),
    ),
    "dialogue": (
        ("Dialogue Nord-Sud", "Noord-Zuiddialoog", "North-South dialogue", "Diálogo Norte-Sur"),
        (0, 1),
    ),
    "training": (
        (
            "Formation à la coopération décentralisée",
            "Opleiding gedecentraliseerde samenwerking",
            "Decentralised cooperation training",
            "Formación en cooperación descentralizada",
        ),
        (0, 2),
    ),
}
WORKSHOPS = [
    (
        "Les enjeux du partenariat",
        "De uitdagingen van het partnerschap",
        "What is at stake in partnership",
        "Los retos de la alianza",
    ),
    (
        "Agir avec les diasporas",
        "Handelen met de diaspora's",
        "Acting with the diasporas",
        "Actuar con las diásporas",
    ),
    ("Climat et territoires", "Klimaat en gebieden", "Climate and territories", "Clima y territorios"),
    (
        "Financer un projet commun",
        "Een gezamenlijk project financieren",
        "Funding a joint project",
        "Financiar un proyecto común",
    ),
    (
        "Éducation à la citoyenneté mondiale",
        "Wereldburgerschapseducatie",
        "Global citizenship education",
        "Educación para la ciudadanía global",
    ),
]
SECTIONS = [
    ("Agir collectivement", "Collectief handelen", "Acting collectively", "Actuar colectivamente"),
    ("Financer autrement", "Anders financieren", "Funding differently", "Financiar de otro modo"),
    (
        "Reconnaître les diasporas",
        "De diaspora's erkennen",
        "Recognising the diasporas",
        "Reconocer las diásporas",
    ),
    (
        "Former et sensibiliser",
        "Opleiden en sensibiliseren",
        "Training and raising awareness",
        "Formar y sensibilizar",
    ),
]
RECOMMENDATIONS = [
    (
        "Associer les diasporas à chaque étape des partenariats communaux.",
        "De diaspora's betrekken bij elke stap van de gemeentelijke partnerschappen.",
        "Involve the diasporas in every step of municipal partnerships.",
        "Asociar a las diásporas en cada etapa de los hermanamientos municipales.",
    ),
    (
        "Prévoir un budget pluriannuel pour les échanges entre services communaux.",
        "Een meerjarenbudget voorzien voor uitwisselingen tussen gemeentediensten.",
        "Provide a multi-year budget for exchanges between municipal services.",
        "Prever un presupuesto plurianual para los intercambios entre servicios municipales.",
    ),
    (
        "Rédiger les conventions dans la langue de chaque partie.",
        "De overeenkomsten opstellen in de taal van elke partij.",
        "Draft the conventions in the language of each party.",
        "Redactar los convenios en el idioma de cada parte.",
    ),
    (
        "Mesurer l'empreinte carbone des voyages et privilégier les échanges en ligne.",
        "De CO2-voetafdruk van reizen meten en online uitwisselingen verkiezen.",
        "Measure the carbon footprint of travel and favour online exchanges.",
        "Medir la huella de carbono de los viajes y privilegiar los intercambios en línea.",
    ),
    (
        "Reconnaître le travail bénévole comme un apport au même titre que le budget.",
        "Vrijwilligerswerk erkennen als een inbreng, net als het budget.",
        "Recognise volunteer work as a contribution on a par with the budget.",
        "Reconocer el trabajo voluntario como un aporte igual que el presupuesto.",
    ),
    (
        "Ouvrir les appels à projets aux collectifs citoyens.",
        "De projectoproepen openstellen voor burgercollectieven.",
        "Open the calls for projects to citizens' collectives.",
        "Abrir las convocatorias a los colectivos ciudadanos.",
    ),
    (
        "Former les élus locaux à la coopération décentralisée.",
        "Lokale verkozenen opleiden in gedecentraliseerde samenwerking.",
        "Train local elected officials in decentralised cooperation.",
        "Formar a los electos locales en cooperación descentralizada.",
    ),
    (
        "Publier chaque année le suivi des recommandations.",
        "Elk jaar de opvolging van de aanbevelingen publiceren.",
        "Publish the follow-up of the recommendations every year.",
        "Publicar cada año el seguimiento de las recomendaciones.",
    ),
]
STATUSES = [
    ("proposed", 40, []),
    ("adopted", 25, ["adopted"]),
    ("carried", 12, ["adopted", "carried"]),
    ("implementing", 10, ["adopted", "carried", "implementing"]),
    ("implemented", 8, ["adopted", "carried", "implementing", "implemented"]),
    ("set_aside", 5, ["adopted", "set_aside"]),
]
SET_ASIDE_REASON = "Les bailleurs consultés n'ont pas de ligne budgétaire pour cela ; à reprendre."
PLACES = ["Bruxelles", "Liège", "Gent", "Namur", "Leuven", "Mons", "Charleroi", "Antwerpen"]
