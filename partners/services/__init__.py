"""Every state change of the registry, by sub-domain: organisations, members, partnerships and
their parties, exchanges, check-ins, narratives.

Each function is named after the URL and view that call it (``partnership_edit``), takes the
acting user and keyword-only arguments, checks the rule it enforces, saves after
``full_clean()``, records an audit entry on the shared object, and queues its emails through
``soliris.mail.send`` (each in its recipient's language, delivered after the commit).
Services fed by a model form take its cleaned fields as ``data: dict`` (the app's convention
for them); the others take explicit keywords. Edits that two people can make at once take
``expected_version`` and raise ``soliris.conflicts.EditConflict``.
"""

from django.utils.translation import gettext_lazy

from partners.services.checkins import checkin_answer, checkin_open, round_is_complete
from partners.services.common import (
    coordinators_of,
    refresh_organisation_search_text,
    refresh_partnership_search_text,
    unique_slug,
)
from partners.services.exchanges import exchange_create, exchange_edit
from partners.services.members import (
    invitation_accept,
    invitation_cancel,
    invitation_is_for,
    member_edit,
    member_end,
    member_invite,
    member_role,
)
from partners.services.narratives import NARRATIVE_CONFLICT_FIELDS, closed_refusal, narrative_save
from partners.services.organisations import (
    notify_no_active_member,
    organisation_create,
    organisation_edit,
    organisation_verify,
)
from partners.services.partnerships import (
    PARTY_FIELDS,
    SHARED_FIELDS,
    ended_refusal,
    partnership_create,
    partnership_edit,
    partnership_status,
    party_edit,
    party_invite,
    party_leave,
    party_respond,
)
from soliris import audit

for code, label in {
    "partners.organisation.registered": gettext_lazy("registered the organisation"),
    "partners.organisation.updated": gettext_lazy("updated the organisation's profile"),
    "partners.organisation.verified": gettext_lazy("verified the organisation"),
    "partners.organisation.no_active_member": gettext_lazy("the organisation has no active member left"),
    "partners.member.invited": gettext_lazy("invited a person"),
    "partners.member.joined": gettext_lazy("joined the organisation"),
    "partners.member.role_changed": gettext_lazy("changed a member's role"),
    "partners.member.ended": gettext_lazy("ended a membership"),
    "partners.member.updated": gettext_lazy("updated a membership"),
    "partners.invitation.cancelled": gettext_lazy("cancelled an invitation"),
    "partners.partnership.created": gettext_lazy("created the partnership"),
    "partners.partnership.updated": gettext_lazy("updated the shared description"),
    "partners.partnership.status_changed": gettext_lazy("changed the status"),
    "partners.partnership.ended": gettext_lazy("ended the partnership"),
    "partners.party.invited": gettext_lazy("invited an organisation"),
    "partners.party.accepted": gettext_lazy("accepted the invitation"),
    "partners.party.declined": gettext_lazy("declined the invitation"),
    "partners.party.updated": gettext_lazy("updated its side of the partnership"),
    "partners.party.left": gettext_lazy("took its organisation out of the partnership"),
    "partners.exchange.recorded": gettext_lazy("recorded an exchange"),
    "partners.exchange.updated": gettext_lazy("corrected an exchange"),
    "partners.checkin.opened": gettext_lazy("opened a check-in round"),
    "partners.checkin.answered": gettext_lazy("answered the check-in"),
    "partners.narrative.written": gettext_lazy("wrote its narrative of the year"),
    "partners.narrative.updated": gettext_lazy("rewrote its narrative of the year"),
}.items():
    audit.register(code, label)

__all__ = [
    "NARRATIVE_CONFLICT_FIELDS",
    "PARTY_FIELDS",
    "SHARED_FIELDS",
    "checkin_answer",
    "checkin_open",
    "closed_refusal",
    "coordinators_of",
    "ended_refusal",
    "exchange_create",
    "exchange_edit",
    "invitation_accept",
    "invitation_is_for",
    "invitation_cancel",
    "member_edit",
    "member_end",
    "member_invite",
    "member_role",
    "narrative_save",
    "notify_no_active_member",
    "organisation_create",
    "organisation_edit",
    "organisation_verify",
    "partnership_create",
    "partnership_edit",
    "partnership_status",
    "party_edit",
    "party_invite",
    "party_leave",
    "party_respond",
    "refresh_organisation_search_text",
    "refresh_partnership_search_text",
    "round_is_complete",
    "unique_slug",
    # the first version's names
    "exchange_record",
    "exchange_update",
    "membership_change_role",
    "membership_end",
    "membership_update",
    "organisation_register",
    "organisation_update",
    "partnership_set_status",
    "partnership_update",
    "party_update",
    "refresh_organisation_document",
    "refresh_partnership_document",
]
