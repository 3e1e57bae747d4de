"""The registry's forms, by sub-domain; every name is re-exported here."""

from partners.forms.checkins import SCORE_CHOICES, CheckInAnswerForm, CheckInOpenForm
from partners.forms.common import LANGUAGE_CODES, DateInput, working_language_choices
from partners.forms.exchanges import ExchangeEditForm, ExchangeForm, LegForm, LegFormSet
from partners.forms.narratives import NarrativeForm
from partners.forms.organisations import (
    LOGO_FORMATS,
    LOGO_MAX_BYTES,
    MemberInviteForm,
    MembershipForm,
    OrganisationForm,
    RoleForm,
    time_zone_choices,
)
from partners.forms.partnerships import (
    PartnershipCreateForm,
    PartnershipEditForm,
    PartyForm,
    PartyInviteForm,
    StatusForm,
)

__all__ = [
    "LANGUAGE_CODES",
    "LOGO_FORMATS",
    "LOGO_MAX_BYTES",
    "SCORE_CHOICES",
    "CheckInAnswerForm",
    "CheckInOpenForm",
    "DateInput",
    "ExchangeEditForm",
    "ExchangeForm",
    "LegForm",
    "LegFormSet",
    "MemberInviteForm",
    "MembershipForm",
    "NarrativeForm",
    "OrganisationForm",
    "PartnershipCreateForm",
    "PartnershipEditForm",
    "PartyForm",
    "PartyInviteForm",
    "RoleForm",
    "StatusForm",
    "time_zone_choices",
    "working_language_choices",
]
