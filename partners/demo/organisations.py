"""Demo organisations drawn from the seed documents, with their themes."""

from django.utils import timezone

from partners import reference
from partners.demo.points import point_fields
from partners.models import (
    Organisation,
    OrganisationKind,
    Theme,
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


# Organisations that have not (yet) chosen to be public, or are waiting for verification.
UNVERIFIED = {"diaspora-bruxelles"}
PRIVATE = {"conseil-jette"}


def seed_organisations(log, context: dict) -> dict:
    """The organisations (public, private or waiting for verification) and their themes."""
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
                **point_fields(slug),
            },
        )
        organisations[slug] = organisation
    context["organisations"] = organisations
    log(f"{len(organisations)} organisations")
    _seed_themes(organisations)
    return organisations


def _seed_themes(organisations):
    if not Theme.objects.exists():
        reference.load()
    themes = {t.slug: t for t in Theme.objects.all()}
    for slug, theme_slugs in THEMES_BY_ORGANISATION.items():
        organisations[slug].themes.set([themes[t] for t in theme_slugs if t in themes])
