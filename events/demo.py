"""Demo: the Soliris day of 17 November 2022 at the Brussels Parliament, its recommendations
(seed 000) in four languages, two workshops, a 2023 edition that carries them over, and an
upcoming online dialogue."""

import datetime
import zoneinfo

from django.utils import timezone

from events.demo_texts import SECTIONS
from events.models import (
    Endorsement,
    Event,
    EventKind,
    FollowUpNote,
    Recommendation,
    RecommendationSection,
    RecommendationStatus,
    Workshop,
)
from events.services import refresh_search_document
from partners.models import Organisation, Theme
from projects.models import Goal

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
CODES = ("fr", "nl", "en", "es")

# The registry's themes (partners/reference.py) by slug: their names are used when only this
# demo runs (tests), the reference's own otherwise.
THEMES = [
    ("local-governance", ("Gouvernance locale", "Lokaal bestuur", "Local governance", "Gobernanza local")),
    (
        "migration-diaspora",
        ("Migrations et diasporas", "Migratie en diaspora", "Migration and diaspora", "Migración y diáspora"),
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
    ("climate", ("Climat", "Klimaat", "Climate", "Clima")),
]
ALIASES = {
    "partnership": "local-governance",
    "diaspora": "migration-diaspora",
    "education": "global-citizenship-education",
    "climate": "climate",
}
# (section index, recommendation index) -> SDG numbers (17: partnerships, 16: institutions,
# 10: reduced inequalities, 4: education, 11: sustainable communities)
RECOMMENDATION_SDGS = {
    (0, 0): [17, 11],
    (0, 2): [17],
    (1, 0): [10, 17],
    (1, 1): [4],
    (2, 1): [16],
    (3, 2): [10, 16],
}
# (section index, recommendation index) -> theme slugs
RECOMMENDATION_THEMES = {
    (0, 0): ["partnership"],
    (0, 1): ["climate", "partnership"],
    (0, 2): ["partnership"],
    (1, 0): ["diaspora"],
    (1, 1): ["education"],
    (2, 0): ["partnership"],
    (2, 2): ["education"],
    (3, 0): ["diaspora"],
    (3, 2): ["diaspora"],
    (3, 3): ["diaspora"],
}
# (section, recommendation) -> [(status, note fr, days after the event)]
FOLLOW_UP = {
    (0, 0): [
        (RecommendationStatus.ADOPTED, "Adoptée en séance plénière de la plateforme.", 30),
        (
            RecommendationStatus.CARRIED,
            "Présentée aux échevin·es de la solidarité internationale des communes membres.",
            120,
        ),
        (
            RecommendationStatus.IMPLEMENTING,
            "Un modèle de charte de partenariat est en cours de rédaction sur Soliris.",
            300,
        ),
    ],
    (0, 1): [
        (RecommendationStatus.ADOPTED, "Adoptée ; à traduire dans les critères des appels à projets.", 30)
    ],
    (1, 1): [
        (RecommendationStatus.ADOPTED, "", 30),
        (
            RecommendationStatus.IMPLEMENTED,
            "Deux formations « partenariat d'égal à égal » organisées en 2023.",
            330,
        ),
    ],
    (2, 1): [
        (
            RecommendationStatus.CARRIED,
            "Transmise aux services qui rédigent les appels à projets régionaux.",
            90,
        )
    ],
    (3, 3): [
        (
            RecommendationStatus.SET_ASIDE,
            "Les bailleurs consultés n'ont pas de ligne budgétaire pour la cartographie ; à reprendre en 2024.",
            200,
        )
    ],
}
ENDORSEMENTS = {
    (0, 0): ["jette", "tarija", "ville-de-bruxelles"],
    (1, 0): ["diaspora-bruxelles"],
    (2, 0): ["brasschaat", "tarija"],
    (3, 0): ["diaspora-bruxelles", "periferia"],
}


def _at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def _themes() -> dict[str, Theme]:
    themes = {}
    for position, (slug, names) in enumerate(THEMES, start=50):
        defaults = {f"name_{code}": name for code, name in zip(CODES, names, strict=True)}
        theme, _created = Theme.objects.get_or_create(slug=slug, defaults={**defaults, "position": position})
        themes[slug] = theme
    return {alias: themes[slug] for alias, slug in ALIASES.items()}


def _event(slug, **fields) -> Event:
    event, _created = Event.objects.update_or_create(slug=slug, defaults=fields)
    return event


def seed(log, context: dict) -> None:
    users = context.get("users", {})
    organisations = context.get("organisations") or {o.slug: o for o in Organisation.objects.all()}
    staff = users.get("staff@soliris.demo")
    themes = _themes()
    goals = Goal.objects.all()  # reference data of the projects app, loaded by its migration

    day_2022 = _event(
        "journee-soliris-2022",
        kind=EventKind.SOLIRIS_DAY,
        title_fr="Journée Soliris 2022",
        title_nl="Soliris-dag 2022",
        title_en="Soliris day 2022",
        title_es="Jornada Soliris 2022",
        description_fr="Journée de rencontre des communes, associations et diasporas engagées dans la solidarité internationale, au Parlement bruxellois. Ateliers par thème et recommandations adressées aux autorités.",
        description_nl="Ontmoetingsdag van gemeenten, verenigingen en diaspora's die zich inzetten voor internationale solidariteit, in het Brussels Parlement. Workshops per thema en aanbevelingen aan de overheden.",
        description_en="A day for the communes, associations and diasporas engaged in international solidarity to meet, at the Brussels Parliament. Workshops by theme and recommendations addressed to the authorities.",
        description_es="Jornada de encuentro de los municipios, asociaciones y diásporas comprometidos con la solidaridad internacional, en el Parlamento de Bruselas. Talleres por tema y recomendaciones dirigidas a las autoridades.",
        starts_at=_at(2022, 11, 17, 9, 0),
        ends_at=_at(2022, 11, 17, 17, 0),
        time_zone="Europe/Brussels",
        place_name="Parlement bruxellois",
        address="Rue du Lombard 69\n1000 Bruxelles",
        platform_event=True,
        languages=["fr", "nl"],
        interpretation=["fr", "nl", "en"],
        capacity=120,
        registration_deadline=_at(2022, 11, 10, 23, 59),
        created_by=staff,
    )
    day_2022.organisers.set(
        [o for s, o in organisations.items() if s in ("ville-de-bruxelles", "jette", "iteco")]
    )

    workshops = []
    for titles, theme, room, start, end, facilitators in (
        (
            {
                "fr": "Atelier 1 — Les enjeux du partenariat",
                "nl": "Workshop 1 — De uitdagingen van het partnerschap",
                "en": "Workshop 1 — What is at stake in partnership",
                "es": "Taller 1 — Los retos de la alianza",
            },
            "partnership",
            "Salle des Glaces",
            (10, 0),
            (12, 0),
            "ITECO",
        ),
        (
            {
                "fr": "Atelier 2 — Agir collectivement avec les diasporas",
                "nl": "Workshop 2 — Collectief handelen met de diaspora's",
                "en": "Workshop 2 — Acting collectively with the diasporas",
                "es": "Taller 2 — Actuar colectivamente con las diásporas",
            },
            "diaspora",
            "Salle 206",
            (13, 30),
            (15, 30),
            "Des collectifs de la diaspora africaine",
        ),
    ):
        workshop = Workshop.objects.filter(event=day_2022, title_fr=titles["fr"]).first() or Workshop(
            event=day_2022
        )
        for code in CODES:
            setattr(workshop, f"title_{code}", titles[code])
        workshop.theme = themes[theme]
        workshop.room = room
        workshop.facilitators = facilitators
        workshop.starts_at = _at(2022, 11, 17, *start)
        workshop.ends_at = _at(2022, 11, 17, *end)
        workshop.capacity = 40
        workshop.save()
        workshops.append(workshop)

    count = 0
    for s_index, section_data in enumerate(SECTIONS):
        section = RecommendationSection.objects.filter(event=day_2022, position=s_index + 1).first()
        section = section or RecommendationSection(event=day_2022, position=s_index + 1)
        for code in CODES:
            setattr(section, f"title_{code}", section_data["title"][code])
            setattr(section, f"introduction_{code}", section_data["introduction"][code])
        section.save()
        for r_index, texts in enumerate(section_data["recommendations"]):
            recommendation = Recommendation.objects.filter(section=section, number=r_index + 1).first()
            recommendation = recommendation or Recommendation(section=section, number=r_index + 1)
            for code in CODES:
                setattr(recommendation, f"text_{code}", texts[code])
            recommendation.original_language = "fr"
            recommendation.workshop = (
                workshops[0] if s_index == 0 else (workshops[1] if s_index == 3 else None)
            )
            history = FOLLOW_UP.get((s_index, r_index), [])
            recommendation.status = history[-1][0] if history else RecommendationStatus.PROPOSED
            recommendation.status_reason = (
                history[-1][1] if history and history[-1][0] == RecommendationStatus.SET_ASIDE else ""
            )
            recommendation.save()
            recommendation.themes.set([themes[t] for t in RECOMMENDATION_THEMES.get((s_index, r_index), [])])
            recommendation.sdg_goals.set(
                goals.filter(number__in=RECOMMENDATION_SDGS.get((s_index, r_index), []))
            )
            recommendation.notes.all().delete()
            for status, note, days in history:
                FollowUpNote.objects.create(
                    recommendation=recommendation,
                    status=status,
                    text=note,
                    author=staff,
                    created_at=day_2022.ends_at + datetime.timedelta(days=days),
                )
            for slug in ENDORSEMENTS.get((s_index, r_index), []):
                organisation = organisations.get(slug)
                if organisation is not None:
                    Endorsement.objects.get_or_create(
                        recommendation=recommendation,
                        organisation=organisation,
                        withdrawn_at__isnull=True,
                        defaults={"endorsed_at": day_2022.ends_at + datetime.timedelta(days=7)},
                    )
            refresh_search_document(recommendation)
            count += 1

    day_2023 = _event(
        "journee-soliris-2023",
        kind=EventKind.SOLIRIS_DAY,
        title_fr="Journée Soliris 2023",
        title_nl="Soliris-dag 2023",
        title_en="Soliris day 2023",
        title_es="Jornada Soliris 2023",
        description_fr="Un an après : où en sont les recommandations de 2022 ? Bilan de leur suivi avec les communes et les associations, puis nouveaux ateliers.",
        description_nl="Een jaar later: hoe staat het met de aanbevelingen van 2022? Stand van zaken met de gemeenten en verenigingen, daarna nieuwe workshops.",
        description_en="One year on: where do the 2022 recommendations stand? A review of their follow-up with the communes and associations, then new workshops.",
        description_es="Un año después: ¿en qué punto están las recomendaciones de 2022? Balance de su seguimiento con los municipios y las asociaciones, y nuevos talleres.",
        starts_at=_at(2023, 11, 16, 9, 0),
        ends_at=_at(2023, 11, 16, 17, 0),
        time_zone="Europe/Brussels",
        place_name="Parlement bruxellois",
        address="Rue du Lombard 69\n1000 Bruxelles",
        platform_event=True,
        languages=["fr", "nl"],
        interpretation=["fr", "nl"],
        capacity=120,
        previous_edition=day_2022,
        created_by=staff,
    )
    day_2023.organisers.set([o for s, o in organisations.items() if s in ("ville-de-bruxelles", "jette")])

    now = timezone.now()
    start = (
        (now + datetime.timedelta(days=75))
        .astimezone(BRUSSELS)
        .replace(hour=14, minute=0, second=0, microsecond=0)
    )
    dialogue = _event(
        "dialogue-conventions-en-quatre-langues",
        kind=EventKind.DIALOGUE,
        title_fr="Dialogue : rédiger une convention en quatre langues",
        title_nl="Dialoog: een overeenkomst opstellen in vier talen",
        title_en="Dialogue: drafting a convention in four languages",
        title_es="Diálogo: redactar un convenio en cuatro idiomas",
        description_fr="Échange en ligne entre communes belges et partenaires boliviens, guatémaltèques et togolais sur la co-rédaction des conventions.",
        description_nl="Online uitwisseling tussen Belgische gemeenten en partners uit Bolivia, Guatemala en Togo over het samen opstellen van overeenkomsten.",
        description_en="An online exchange between Belgian communes and partners from Bolivia, Guatemala and Togo on co-drafting conventions.",
        description_es="Intercambio en línea entre municipios belgas y socios de Bolivia, Guatemala y Togo sobre la redacción conjunta de convenios.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        time_zone="Europe/Brussels",
        place_name="",
        address="",
        online_url="https://meet.example.org/soliris-dialogue",
        platform_event=True,
        languages=["fr", "es", "nl"],
        interpretation=["fr", "es"],
        capacity=60,
        registration_deadline=start - datetime.timedelta(days=2),
        created_by=staff,
    )
    dialogue.organisers.set([o for s, o in organisations.items() if s in ("brasschaat", "tarija")])
    context["events"] = {"2022": day_2022, "2023": day_2023, "dialogue": dialogue}
    log(
        f"3 events, 2 workshops, {len(SECTIONS)} sections and {count} recommendations of the Soliris day 2022"
    )
