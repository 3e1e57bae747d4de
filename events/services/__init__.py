"""Every change to events, registrations and recommendations, split by sub-domain.

Services take keyword-only arguments (``thing_action(*, actor, ...)``). Those that write
translated content (an event, a workshop, a section, a recommendation) take ``data``: the
form's cleaned fields, one per language (``title_fr``, ``title_nl``...); that is this app's
one convention for them. Versioned edits take ``expected_version`` and raise
:class:`soliris.conflicts.EditConflict`.
"""

from events.services.events import event_cancel, event_create, event_update, workshop_create, workshop_update
from events.services.recommendations import (
    recommendation_create,
    recommendation_endorse,
    recommendation_follow_up,
    recommendation_update,
    recommendation_withdraw,
    refresh_search_document,
    section_create,
)
from events.services.registrations import (
    event_register,
    registration_cancel,
    workshop_join,
    workshop_leave,
)

__all__ = [
    "event_cancel",
    "event_create",
    "event_register",
    "event_update",
    "recommendation_create",
    "recommendation_endorse",
    "recommendation_follow_up",
    "recommendation_update",
    "recommendation_withdraw",
    "refresh_search_document",
    "registration_cancel",
    "section_create",
    "workshop_create",
    "workshop_join",
    "workshop_leave",
    "workshop_update",
]
