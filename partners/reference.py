"""Reference data of the registry: the translated taxonomy of themes."""

from partners.models import Theme

# slug: (fr, nl, en, es)
THEMES = [
    ("water", ("Eau", "Water", "Water", "Agua")),
    (
        "agroecology-food",
        (
            "Agroécologie et alimentation",
            "Agro-ecologie en voeding",
            "Agroecology and food",
            "Agroecología y alimentación",
        ),
    ),
    (
        "childrens-rights",
        ("Droits de l'enfant", "Kinderrechten", "Children's rights", "Derechos de la infancia"),
    ),
    (
        "lgbtqi-rights",
        (
            "Droits des personnes LGBTQI+",
            "Rechten van LGBTQI+-personen",
            "LGBTQI+ rights",
            "Derechos de las personas LGBTQI+",
        ),
    ),
    (
        "participation-citizenship",
        (
            "Participation et citoyenneté",
            "Participatie en burgerschap",
            "Participation and citizenship",
            "Participación y ciudadanía",
        ),
    ),
    (
        "social-solidarity-economy",
        (
            "Économie sociale et solidaire",
            "Sociale en solidaire economie",
            "Social and solidarity economy",
            "Economía social y solidaria",
        ),
    ),
    (
        "circular-economy",
        ("Économie circulaire", "Circulaire economie", "Circular economy", "Economía circular"),
    ),
    (
        "global-citizenship-education",
        (
            "Éducation à la citoyenneté mondiale",
            "Wereldburgerschapseducatie",
            "Global citizenship education",
            "Educación para la ciudadanía global",
        ),
    ),
    ("health", ("Santé", "Gezondheid", "Health", "Salud")),
    ("gender", ("Genre", "Gender", "Gender", "Género")),
    ("climate", ("Climat", "Klimaat", "Climate", "Clima")),
    (
        "migration-diaspora",
        ("Migrations et diasporas", "Migratie en diaspora", "Migration and diaspora", "Migración y diáspora"),
    ),
    ("culture", ("Culture", "Cultuur", "Culture", "Cultura")),
    ("local-governance", ("Gouvernance locale", "Lokaal bestuur", "Local governance", "Gobernanza local")),
    (
        "education",
        ("Éducation et formation", "Onderwijs en vorming", "Education and training", "Educación y formación"),
    ),
    (
        "environment-forests",
        (
            "Environnement et forêts",
            "Milieu en bossen",
            "Environment and forests",
            "Medio ambiente y bosques",
        ),
    ),
    ("youth", ("Jeunesse", "Jeugd", "Youth", "Juventud")),
]


def load() -> str:
    created = 0
    for position, (slug, (fr, nl, en, es)) in enumerate(THEMES):
        _theme, was_created = Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "position": position,
                "name_fr": fr,
                "name_nl": nl,
                "name_en": en,
                "name_es": es,
                "name": fr,
            },
        )
        created += was_created
    return f"{len(THEMES)} themes ({created} new)"
