"""Benchmark data of the events, and the agenda and recommendation pages it measures.

In proportion to the number of organisations N (built after ``partners.bench``): N / 50 events
(at least 4; slugs ``bench-``) organised by bench organisations or by the platform, three
quarters of them past, the Soliris days chained as editions of one another; their workshops;
N / 5 recommendations (at least 20) in the sections of the past events, with themes, goals,
endorsements and follow-up notes; N / 20 attendees (``bench-attendee-…@soliris.invalid``)
with about N / 2 registrations. The search documents are written as
``events.services.refresh_search_document`` writes them.
"""

import random
import time
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from soliris.benchdata import analyze, explicit_dates, key, raw_delete

LANGUAGES = ("fr", "nl", "en", "es")
SEARCHED_WORD = "diaspora"
ATTENDEE_DOMAIN = "@soliris.invalid"
ATTENDEE_PREFIX = "bench-attendee-"


def sizes_for(organisations: int) -> dict:
    return {
        "events": max(4, organisations // 50),
        "recommendations": max(20, organisations // 5),
        "attendees": max(20, organisations // 20),
        "registrations": max(40, organisations // 2),
    }


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


def _bench_events():
    from events.models import Event

    return Event.objects.filter(slug__startswith="bench-")


def _attendees():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__startswith=ATTENDEE_PREFIX, email__endswith=ATTENDEE_DOMAIN)


def _data_exists(sizes) -> bool:
    from events.models import Recommendation, Registration

    events = _bench_events()
    return (
        events.count() == sizes["events"]
        and Recommendation.objects.filter(section__event__in=events).count() == sizes["recommendations"]
        and Registration.objects.filter(event__in=events).count() == sizes["registrations"]
        and _attendees().count() == sizes["attendees"]
    )


def clear(log=print) -> None:
    """Remove the bench events, their programme, recommendations and registrations, and the
    attendees' accounts."""
    from events.models import (
        Endorsement,
        Event,
        FollowUpNote,
        Recommendation,
        RecommendationSection,
        Registration,
        Workshop,
        WorkshopRegistration,
    )

    events = _bench_events()
    recommendations = Recommendation.objects.filter(section__event__in=events)
    raw_delete(FollowUpNote.objects.filter(recommendation__in=recommendations))
    raw_delete(Endorsement.objects.filter(recommendation__in=recommendations))
    raw_delete(Recommendation.themes.through.objects.filter(recommendation__in=recommendations))
    raw_delete(Recommendation.sdg_goals.through.objects.filter(recommendation__in=recommendations))
    raw_delete(recommendations)
    raw_delete(RecommendationSection.objects.filter(event__in=events))
    raw_delete(WorkshopRegistration.objects.filter(registration__event__in=events))
    raw_delete(Registration.objects.filter(event__in=events))
    raw_delete(Workshop.objects.filter(event__in=events))
    raw_delete(Event.organisers.through.objects.filter(event__in=events))
    events.update(previous_edition=None)
    deleted = raw_delete(events)
    raw_delete(_attendees())
    if deleted:
        log(f"events: {deleted} bench events removed")


def _recommendation_document(texts, section_titles, event_titles, theme_names, goal_titles) -> str:
    """What ``events.services.refresh_search_document`` writes: the texts, the section's and the
    event's titles, the themes' names and the goals' short titles, each in every language."""
    from soliris import search

    parts = [*texts, *section_titles, *event_titles]
    for names in theme_names:
        parts += names
    for titles in goal_titles:
        parts += titles
    return search.document(*parts)


def build(organisations: int = 10_000, log=print) -> None:
    """Build the events of ``organisations`` (once: a second call with the same size does nothing)."""
    from django.contrib.auth import get_user_model

    from events.models import (
        Endorsement,
        Event,
        FollowUpNote,
        Recommendation,
        RecommendationSection,
        Registration,
        Workshop,
        WorkshopRegistration,
    )
    from partners.models import Organisation, Theme
    from projects.models import Goal

    sizes = sizes_for(organisations)
    if _data_exists(sizes):
        log(f"events: synthetic data set ({organisations} organisations) already there")
        return
    started = time.perf_counter()
    rng = random.Random(20261203)  # noqa: S311 — deterministic synthetic data, not secrets
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    with transaction.atomic():
        clear(log)
        verified = list(
            Organisation.objects.filter(slug__startswith="bench-", verified_at__isnull=False)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        themes = [
            (pk, names)
            for pk, *names in Theme.objects.order_by("position", "slug").values_list(
                "pk", *(f"name_{code}" for code in LANGUAGES)
            )
        ]
        goals = [
            (pk, number, titles)
            for pk, number, *titles in Goal.objects.order_by("number").values_list(
                "pk", "number", *(f"short_title_{code}" for code in LANGUAGES)
            )
        ]

        # Events: about a fifth of them to come.
        events, organisers, previous_day = [], [], None
        # Two Soliris days in ten, the first two past even in the smallest set: the measured
        # event page is always one that carries over its previous edition's recommendations.
        kinds = ["soliris_day", "forum", "soliris_day", "workshop", "dialogue", "training", "workshop"]
        kinds += ["training", "forum", "workshop"]
        count = sizes["events"]
        for i in range(count):
            kind = kinds[i % len(kinds)]
            # From six and a half years ago to a year and a half ahead, in order.
            days_ago = int((count - 1 - i) * (365 * 8 / count)) - 547 + rng.randint(-5, 5)
            starts = now.replace(hour=9) - timedelta(days=max(days_ago, -360))
            place = rng.choice(PLACES)
            titles = [f"{title} {place} {starts.year}" for title in KINDS[kind][0]]
            online = kind == "dialogue"
            event = Event(
                slug=f"bench-{i:05d}",
                kind=kind,
                starts_at=starts,
                ends_at=starts + timedelta(hours=8 if kind in ("soliris_day", "forum") else 5),
                time_zone="Europe/Brussels",
                place_name="" if online else f"Maison communale de {place}",
                address="" if online else f"Place communale 1\n{place}",
                online_url="https://meet.example.org/bench" if online else "",
                platform_event=kind == "soliris_day" or rng.random() < 0.1,
                languages=["fr", "nl"] if rng.random() < 0.7 else ["fr", "es"],
                interpretation=["fr", "nl", "en"] if kind == "soliris_day" else [],
                capacity=rng.choice([None, 40, 60, 120, 200]),
                registration_deadline=starts - timedelta(days=2) if rng.random() < 0.5 else None,
                previous_edition_id=None,
                created_at=starts - timedelta(days=rng.randint(30, 120)),
            )
            event.previous_day = previous_day if kind == "soliris_day" else None
            if kind == "soliris_day":
                previous_day = event
            for language, title in zip(LANGUAGES, titles, strict=True):
                setattr(event, f"title_{language}", title)
            event.description_fr = (
                "Rencontre synthétique du banc d'essai : ateliers, recommandations et suivi."
            )
            event.description_nl = (
                "Synthetische ontmoeting van de benchmark: workshops, aanbevelingen en opvolging."
            )
            events.append(event)
        with explicit_dates(Event, "created_at"):
            Event.objects.bulk_create(events, batch_size=1000)
        for event in events:
            if event.previous_day is not None:
                event.previous_edition_id = event.previous_day.pk
        Event.objects.bulk_update(
            [e for e in events if e.previous_edition_id], ["previous_edition"], batch_size=1000
        )
        Through = Event.organisers.through
        for event in events:
            chosen = rng.sample(verified, rng.choice([1, 1, 2])) if verified else []
            organisers += [Through(event_id=event.pk, organisation_id=pk) for pk in chosen]
        Through.objects.bulk_create(organisers, batch_size=2000)

        workshops = []
        for event in events:
            low, high = KINDS[event.kind][1]
            for n in range(rng.randint(low, high)):
                titles = WORKSHOPS[(event.pk + n) % len(WORKSHOPS)]
                workshop = Workshop(
                    key=key(len(workshops), 23),
                    event=event,
                    theme_id=rng.choice(themes)[0] if themes else None,
                    facilitators="Des membres des organisations organisatrices",
                    room=f"Salle {n + 1}",
                    starts_at=event.starts_at + timedelta(hours=1 + (n % 2) * 2),
                    ends_at=event.starts_at + timedelta(hours=2 + (n % 2) * 2),
                    capacity=rng.choice([None, 20, 40]),
                )
                for language, title in zip(LANGUAGES, titles, strict=True):
                    setattr(workshop, f"title_{language}", title)
                workshops.append(workshop)
        Workshop.objects.bulk_create(workshops, batch_size=2000)
        workshops_of = {}
        for workshop in workshops:
            workshops_of.setdefault(workshop.event_id, []).append(workshop)
        log(f"events: {len(events)} events, {len(organisers)} organisers, {len(workshops)} workshops")

        # Recommendations: in 2 to 4 sections of each past event that gathered some (most).
        sections = []
        past = [e for e in events if e.ends_at < now]
        for event in past:
            if event.kind != "soliris_day" and rng.random() < 0.3:
                continue
            for position in range(1, rng.randint(2, 4) + 1):
                section = RecommendationSection(key=key(len(sections), 29), event=event, position=position)
                for language, title in zip(LANGUAGES, SECTIONS[position - 1], strict=True):
                    setattr(section, f"title_{language}", title)
                section.introduction_fr = "Ce que les ateliers ont retenu, à porter auprès des autorités."
                sections.append(section)
        RecommendationSection.objects.bulk_create(sections, batch_size=2000)
        numbers = dict.fromkeys((s.pk for s in sections), 0)
        recommendations, status_weights = [], [weight for _s, weight, _path in STATUSES]
        for i in range(sizes["recommendations"]):
            section = sections[rng.randrange(len(sections))]
            numbers[section.pk] += 1
            status, _weight, path = rng.choices(STATUSES, status_weights)[0]
            texts = list(RECOMMENDATIONS[rng.randrange(len(RECOMMENDATIONS))])
            if rng.random() < 0.4:  # not translated yet: the original only
                texts = [texts[0], "", "", ""]
            chosen_themes = rng.sample(themes, rng.choice([0, 1, 1, 2])) if themes else []
            chosen_goals = sorted(rng.sample(goals, rng.choice([0, 1, 1, 2])), key=lambda g: g[1])
            chosen_themes.sort(key=lambda t: themes.index(t))  # as the relation reads them: by position
            event = section.event
            recommendation = Recommendation(
                key=key(i, 31),
                section=section,
                workshop=rng.choice(workshops_of[event.pk])
                if event.pk in workshops_of and rng.random() < 0.5
                else None,
                number=numbers[section.pk],
                original_language="fr",
                status=status,
                status_reason=SET_ASIDE_REASON if status == "set_aside" else "",
                created_at=event.ends_at + timedelta(days=1),
                search_document=_recommendation_document(
                    texts,
                    [getattr(section, f"title_{c}") for c in LANGUAGES],
                    [getattr(event, f"title_{c}") for c in LANGUAGES],
                    [names for _pk, names in chosen_themes],
                    [titles for _pk, _number, titles in chosen_goals],
                ),
            )
            for language, text in zip(LANGUAGES, texts, strict=True):
                setattr(recommendation, f"text_{language}", text or None)
            recommendation.theme_ids = [pk for pk, _names in chosen_themes]
            recommendation.goal_ids = [pk for pk, _number, _titles in chosen_goals]
            recommendation.path = path
            recommendations.append(recommendation)
        with explicit_dates(Recommendation, "created_at"):
            Recommendation.objects.bulk_create(recommendations, batch_size=2000)
        ThemeThrough, GoalThrough = Recommendation.themes.through, Recommendation.sdg_goals.through
        ThemeThrough.objects.bulk_create(
            [ThemeThrough(recommendation_id=r.pk, theme_id=t) for r in recommendations for t in r.theme_ids],
            batch_size=2000,
        )
        GoalThrough.objects.bulk_create(
            [GoalThrough(recommendation_id=r.pk, goal_id=g) for r in recommendations for g in r.goal_ids],
            batch_size=2000,
        )
        notes, endorsements = [], []
        for recommendation in recommendations:
            at = recommendation.section.event.ends_at
            for step, status in enumerate(recommendation.path, start=1):
                notes.append(
                    FollowUpNote(
                        recommendation_id=recommendation.pk,
                        status=status,
                        text=SET_ASIDE_REASON if status == "set_aside" else "Présentée aux communes membres.",
                        created_at=at + timedelta(days=30 * step),
                    )
                )
            if verified and rng.random() < 0.35:
                for organisation_id in rng.sample(verified, rng.choice([1, 1, 2, 3])):
                    endorsements.append(
                        Endorsement(
                            recommendation_id=recommendation.pk,
                            organisation_id=organisation_id,
                            endorsed_at=at + timedelta(days=7),
                        )
                    )
        FollowUpNote.objects.bulk_create(notes, batch_size=2000)
        Endorsement.objects.bulk_create(endorsements, batch_size=2000)
        log(
            f"events: {len(sections)} sections, {len(recommendations)} recommendations,"
            f" {len(endorsements)} endorsements, {len(notes)} follow-up notes"
        )

        # Attendees and their registrations (each event's own, no one twice).
        User = get_user_model()
        password = make_password(None)  # unusable, as ``set_unusable_password`` writes it
        attendees = [
            User(
                email=f"{ATTENDEE_PREFIX}{i:05d}{ATTENDEE_DOMAIN}",
                full_name=f"Participant·e {i}",
                password=password,
                preferred_language=rng.choice(LANGUAGES),
            )
            for i in range(sizes["attendees"])
        ]
        User.objects.bulk_create(attendees, batch_size=2000)
        registrations, taken = [], set()
        while len(registrations) < sizes["registrations"]:
            event, attendee = rng.choice(events), rng.choice(attendees)
            if (event.pk, attendee.pk) in taken:
                continue
            taken.add((event.pk, attendee.pk))
            roll = rng.random()
            registrations.append(
                Registration(
                    event=event,
                    user=attendee,
                    status="cancelled" if roll < 0.05 else ("waiting" if roll < 0.1 else "confirmed"),
                    language=attendee.preferred_language,
                    interpretation_needs=["fr"] if roll > 0.9 else [],
                    created_at=event.starts_at - timedelta(days=rng.randint(3, 40)),
                    cancelled_at=event.starts_at - timedelta(days=1) if roll < 0.05 else None,
                )
            )
        Registration.objects.bulk_create(registrations, batch_size=2000)
        bookings = [
            WorkshopRegistration(
                workshop=rng.choice(workshops_of[r.event_id]),
                registration=r,
                status=r.status,
                created_at=r.created_at,
            )
            for r in registrations
            if r.status != "cancelled" and r.event_id in workshops_of and rng.random() < 0.6
        ]
        WorkshopRegistration.objects.bulk_create(bookings, batch_size=2000)
        log(
            f"events: {len(attendees)} attendees, {len(registrations)} registrations,"
            f" {len(bookings)} workshop bookings"
        )
    analyze(
        Event,
        Workshop,
        RecommendationSection,
        Recommendation,
        Endorsement,
        FollowUpNote,
        Registration,
        WorkshopRegistration,
        User,
    )
    log(f"events: data set built in {time.perf_counter() - started:.1f} s")


def pages() -> list:
    """The agenda and the recommendations, read by a visitor, and their floors."""
    from django.db.models import Count

    from events.models import Event, Workshop, published_q
    from events.selectors import published_recommendations
    from soliris import search
    from soliris.benchkit import Floor, Page

    upcoming = Event.objects.filter(published_q(), ends_at__gte=timezone.now()).order_by("starts_at")
    # The latest past Soliris day that carries over its previous edition's recommendations.
    event = (
        _bench_events()
        .filter(kind="soliris_day", ends_at__lt=timezone.now(), previous_edition__isnull=False)
        .annotate(workshop_count=Count("workshops"))
        .filter(workshop_count__gt=0)
        .order_by("-starts_at")
        .first()
        or Event.objects.filter(published_q()).order_by("-starts_at").first()
    )
    recommendations = published_recommendations()
    card = ("number", "text", "status", "section__event__title")
    return [
        Page(
            "events",
            "event list",
            "/fr/events/",
            Floor(upcoming[:50], ("title", "slug", "starts_at", "kind")),
        ),
        Page(
            "events",
            "event page",
            f"/fr/events/{event.slug}/",
            Floor(
                Workshop.objects.filter(event=event).order_by("starts_at", "id"),
                ("title", "room", "starts_at"),
            ),
        ),
        Page("events", "recommendation list", "/fr/recommendations/", Floor(recommendations[:25], card)),
        Page(
            "events",
            f"recommendations searched (q={SEARCHED_WORD})",
            f"/fr/recommendations/?q={SEARCHED_WORD}",
            Floor(search.filter(recommendations, SEARCHED_WORD)[:25], card),
        ),
    ]
