"""Reads: querysets with their related objects loaded, search, facets."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from events.models import (
    ACTIVE_STATUSES,
    Endorsement,
    Event,
    Recommendation,
    RecommendationSection,
    Registration,
    RegistrationStatus,
    Workshop,
    WorkshopRegistration,
    published_q,
)
from events.permissions import organisations_organised_by
from soliris import search


def events_queryset():
    """Events with their organisers (no count over their registrations: the agenda's cards show
    none, and the count joined every registration into the list's count, ``make bench``)."""
    return Event.objects.prefetch_related("organisers")


def published_events():
    """The agenda's events: published ones only (see ``events.models.published_q``)."""
    return events_queryset().filter(published_q())


def upcoming_events():
    return published_events().filter(ends_at__gte=timezone.now()).order_by("starts_at")


def past_events():
    return published_events().filter(ends_at__lt=timezone.now()).order_by("-starts_at")


def workshops_of(event):
    return (
        Workshop.objects.filter(event=event)
        .select_related("theme")
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        )
        .order_by("starts_at", "id")
    )


def workshop_of(event, key: str) -> Workshop | None:
    """The event's workshop ``key``, or ``None`` when the event has none by that key."""
    workshop = Workshop.objects.filter(event=event, key=key).select_related("theme").first()
    if workshop is None:
        return None
    workshop.event = event  # the one already fetched, with its organisers
    return workshop


def confirmed_count(event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()


def active_registration_count(event) -> int:
    """People registered or waiting: those an event's change or cancellation tells."""
    return Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES).count()


def registration_of(user, event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user, status__in=ACTIVE_STATUSES).first()


def workshop_bookings_of(registration) -> dict[int, str]:
    """{workshop id: status} of a registration's active workshop bookings."""
    if registration is None:
        return {}
    return dict(
        WorkshopRegistration.objects.filter(
            registration=registration, status__in=ACTIVE_STATUSES
        ).values_list("workshop_id", "status")
    )


def attendees(event):
    return (
        Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "workshop_registrations",
                queryset=WorkshopRegistration.objects.filter(status__in=ACTIVE_STATUSES).select_related(
                    "workshop"
                ),
                to_attr="active_workshops",
            )
        )
        .order_by("status", "created_at", "id")
    )


def recommendations_queryset():
    return (
        Recommendation.objects.select_related("section__event", "workshop")
        .prefetch_related(
            "themes",
            "sdg_goals",
            Prefetch(
                "endorsements",
                queryset=Endorsement.objects.filter(withdrawn_at__isnull=True).select_related("organisation"),
                to_attr="active_endorsements",
            ),
        )
        .order_by("-section__event__starts_at", "section__position", "section_id", "number")
    )


def published_recommendations():
    """Recommendations of published events: the public list, search and feeds."""
    return recommendations_queryset().filter(published_q("section__event__"))


def recommendations_of(event):
    return recommendations_queryset().filter(section__event=event)


def sections_with_recommendations(event, recommendations):
    """[(section, [recommendations...])] in order, for the sections that have some in ``recommendations``."""
    sections = list(RecommendationSection.objects.filter(event=event).order_by("position", "id"))
    grouped = {section.pk: [] for section in sections}
    for recommendation in recommendations:
        grouped.setdefault(recommendation.section_id, []).append(recommendation)
    return [(section, grouped[section.pk]) for section in sections]


def search_recommendations(queryset, text):
    return search.filter(queryset, text)


def home_context() -> dict:
    return {"events_upcoming": list(upcoming_events()[:3])}


def dashboard_context(user) -> dict:
    registrations = (
        Registration.objects.filter(user=user, status__in=ACTIVE_STATUSES, event__ends_at__gte=timezone.now())
        .select_related("event")
        .order_by("event__starts_at")[:5]
    )
    mine = Q(organisers__in=organisations_organised_by(user))
    if user.is_staff:
        mine |= Q(platform_event=True)
    organised = Event.objects.filter(mine, ends_at__gte=timezone.now())
    return {
        "events_my_registrations": list(registrations),
        "events_organised": list(organised.distinct().order_by("starts_at")[:5]),
    }
