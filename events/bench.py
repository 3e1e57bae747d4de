"""Benchmark data of the events, and the agenda and recommendation pages it measures.

In proportion to the number of organisations N (built after ``partners.bench``): N / 50 events
(at least 4; slugs ``bench-``) organised by bench organisations or by the platform, about
four fifths of them past, the Soliris days chained as editions of one another; their workshops;
N / 5 recommendations (at least 20) in the sections of the past events, with themes, goals,
endorsements and follow-up notes; N / 20 attendees (``bench-attendee-…@soliris.invalid``)
with about N / 2 registrations. The search documents are written as
``events.services.refresh_search_document`` writes them.
"""

import random
import time

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from events.bench_rows import (
    ATTENDEE_DOMAIN,
    ATTENDEE_PREFIX,
    build_attendees,
    build_events,
    build_recommendations,
)
from events.bench_texts import LANGUAGES
from events.models import (
    Endorsement,
    Event,
    FollowUpNote,
    Recommendation,
    RecommendationSection,
    Registration,
    Workshop,
    WorkshopRegistration,
    published_q,
)
from events.selectors import published_recommendations
from partners.models import Organisation, Theme
from projects.models import Goal
from soliris import search
from soliris.benchdata import analyze, raw_delete
from soliris.benchkit import Floor, Page

SEARCHED_WORD = "carbone"  # in one recommendation in eight or so (their carbon footprint)


def sizes_for(organisations: int) -> dict:
    events, attendees = max(4, organisations // 50), max(20, organisations // 20)
    return {
        "events": events,
        "recommendations": max(20, organisations // 5),
        "attendees": attendees,
        # At most half the pairs (event, attendee): the builder draws them without repeating.
        "registrations": min(max(40, organisations // 2), events * attendees // 2),
    }


def _bench_events():
    return Event.objects.filter(slug__startswith="bench-")


def _attendees():
    return get_user_model().objects.filter(email__startswith=ATTENDEE_PREFIX, email__endswith=ATTENDEE_DOMAIN)


def _data_exists(sizes) -> bool:
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


def build(organisations: int = 10_000, log=print) -> None:
    """Build the events of ``organisations`` (once: a second call with the same size does nothing)."""

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

        events, organisers, workshops, workshops_of = build_events(
            sizes["events"], rng, now, verified, themes
        )
        log(f"events: {len(events)} events, {len(organisers)} organisers, {len(workshops)} workshops")
        sections, recommendations, endorsements, notes = build_recommendations(
            sizes["recommendations"], rng, now, events, workshops_of, verified, themes, goals
        )
        log(
            f"events: {len(sections)} sections, {len(recommendations)} recommendations,"
            f" {len(endorsements)} endorsements, {len(notes)} follow-up notes"
        )
        attendees, registrations, bookings = build_attendees(sizes, rng, events, workshops_of)
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
        get_user_model(),
    )
    log(f"events: data set built in {time.perf_counter() - started:.1f} s")


def pages() -> list:
    """The agenda and the recommendations, read by a visitor, and their floors."""

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
