"""Every change to projects, calls and shared goals, with its history entry.

Split by sub-domain; import from here: ``from projects import services``.
"""

from projects.services.calls import (
    call_create,
    call_edit,
    partnership_goals_edit,
    project_submit,
    submission_decide,
)
from projects.services.common import LABELS, MANUAL_TRANSITIONS, refresh_search
from projects.services.notifications import party_notify_invitation, submission_notify_decision
from projects.services.parties import party_confirm, party_decline, party_edit, party_invite, party_withdraw
from projects.services.parts import document_upload, funding_add, sdg_link_save, site_add
from projects.services.projects import project_create, project_edit, project_transition
from projects.services.removals import (
    funding_delete,
    funding_restore,
    sdg_link_delete,
    sdg_link_restore,
    site_delete,
    site_restore,
)

__all__ = [
    "LABELS",
    "MANUAL_TRANSITIONS",
    "call_create",
    "call_edit",
    "document_upload",
    "funding_add",
    "funding_delete",
    "funding_restore",
    "party_confirm",
    "party_decline",
    "party_invite",
    "party_notify_invitation",
    "party_edit",
    "party_withdraw",
    "partnership_goals_edit",
    "project_create",
    "project_submit",
    "project_transition",
    "project_edit",
    "refresh_search",
    "sdg_link_delete",
    "sdg_link_restore",
    "sdg_link_save",
    "site_add",
    "site_delete",
    "site_restore",
    "submission_decide",
    "submission_notify_decision",
]
