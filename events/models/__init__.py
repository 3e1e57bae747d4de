"""The events app's models, split by sub-domain; every model is importable from here
(``events.models.Event``), as the migrations and the other apps expect."""

from events.models.events import (
    Event,
    EventKind,
    Workshop,
    published_q,
    validate_languages,
    validate_time_zone,
)
from events.models.recommendations import (
    Endorsement,
    FollowUpNote,
    Recommendation,
    RecommendationSection,
    RecommendationStatus,
)
from events.models.registrations import (
    ACTIVE_STATUSES,
    Registration,
    RegistrationStatus,
    WorkshopRegistration,
)

__all__ = [
    "ACTIVE_STATUSES",
    "Endorsement",
    "Event",
    "EventKind",
    "FollowUpNote",
    "Recommendation",
    "RecommendationSection",
    "RecommendationStatus",
    "Registration",
    "RegistrationStatus",
    "Workshop",
    "WorkshopRegistration",
    "published_q",
    "validate_languages",
    "validate_time_zone",
]
