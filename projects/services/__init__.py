"""Every change to projects, calls and shared goals, with its history entry.

Split by sub-domain; import from here: ``from projects import services``.
"""

from projects.services.calls import (
    call_save,
    partnership_goals_set,
    project_submit,
    submission_decide,
    submission_problems,
)
from projects.services.common import LABELS, MANUAL_TRANSITIONS, refresh_search
from projects.services.notifications import party_notify_invitation, submission_notify_decision
from projects.services.projects import (
    document_upload,
    funding_add,
    funding_remove,
    party_confirm,
    party_decline,
    party_invite,
    party_update,
    party_withdraw,
    project_create,
    project_transition,
    project_update,
    sdg_link_remove,
    sdg_link_save,
    site_add,
    site_remove,
)

__all__ = [
    "LABELS",
    "MANUAL_TRANSITIONS",
    "call_save",
    "document_upload",
    "funding_add",
    "funding_remove",
    "party_confirm",
    "party_decline",
    "party_invite",
    "party_notify_invitation",
    "party_update",
    "party_withdraw",
    "partnership_goals_set",
    "project_create",
    "project_submit",
    "project_transition",
    "project_update",
    "refresh_search",
    "sdg_link_remove",
    "sdg_link_save",
    "site_add",
    "site_remove",
    "submission_decide",
    "submission_notify_decision",
    "submission_problems",
]
