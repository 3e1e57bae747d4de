"""The rows of the events' benchmark data (``events.bench``): events and their workshops, the
recommendations with their follow-up, the attendees and their registrations. The search
documents are those ``events.services.refresh_search_document`` writes."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from events.bench_texts import (
    KINDS,
    LANGUAGES,
    PLACES,
    RECOMMENDATIONS,
    SECTIONS,
    SET_ASIDE_REASON,
    STATUSES,
    WORKSHOPS,
)
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
from soliris import search
from soliris.benchdata import explicit_dates, key

ATTENDEE_DOMAIN = "@soliris.invalid"
ATTENDEE_PREFIX = "bench-attendee-"


def recommendation_document(texts, section_titles, event_titles, theme_names, goal_titles) -> str:
    """What ``events.services.refresh_search_document`` writes: the texts, the section's and the
    event's titles, the themes' names and the goals' short titles, each in every language."""
    parts = [*texts, *section_titles, *event_titles]
    for names in theme_names:
        parts += names
    for titles in goal_titles:
        parts += titles
    return search.document(*parts)


def build_events(count, rng, now, verified, themes):
    """Events from six and a half years ago to a year and a half ahead (about a fifth to come),
    their organisers (verified bench organisations: published) and their workshops."""
    events, organisers, previous_day = [], [], None
    # Two Soliris days in ten, the first two past even in the smallest set: the measured
    # event page is always one that carries over its previous edition's recommendations.
    kinds = ["soliris_day", "forum", "soliris_day", "workshop", "dialogue", "training", "workshop"]
    kinds += ["training", "forum", "workshop"]
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
        event.description_fr = "Rencontre synthétique du banc d'essai : ateliers, recommandations et suivi."
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
    return events, organisers, workshops, workshops_of


def build_recommendations(count, rng, now, events, workshops_of, verified, themes, goals):
    """Recommendations in 2 to 4 sections of the past events that gathered some (most), with
    their themes, goals, follow-up notes and endorsements."""
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
    for i in range(count):
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
            search_document=recommendation_document(
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
    return sections, recommendations, endorsements, notes


def build_attendees(sizes, rng, events, workshops_of):
    """Attendees' accounts and their registrations (no one twice for an event), a few cancelled
    or waiting, and their workshop bookings."""
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
    return attendees, registrations, bookings
