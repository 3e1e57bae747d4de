"""The registry's models, by sub-domain; every name is re-exported here, so that
``partners.models.X`` (migrations, other apps) keeps working."""

from partners.models.checkins import CHECKIN_DIMENSIONS, WRITTEN_IN, CheckInAnswer, CheckInRound
from partners.models.exchanges import Exchange, ExchangeFormat, ExchangeKind, TravelLeg, TravelMode
from partners.models.members import (
    ROLE_RANK,
    Invitation,
    InvitationStatus,
    Membership,
    Role,
    invitation_expiry,
    new_token,
)
from partners.models.narratives import NARRATIVE_MAX_LENGTH, PartnershipNarrative
from partners.models.organisations import Organisation, OrganisationKind, Theme, Visibility
from partners.models.partnerships import (
    DecisionLevel,
    InvitedParty,
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    PartnershipVisibility,
    PartyStatus,
)

__all__ = [
    "CHECKIN_DIMENSIONS",
    "NARRATIVE_MAX_LENGTH",
    "ROLE_RANK",
    "WRITTEN_IN",
    "CheckInAnswer",
    "CheckInRound",
    "DecisionLevel",
    "Exchange",
    "ExchangeFormat",
    "ExchangeKind",
    "Invitation",
    "InvitationStatus",
    "InvitedParty",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "Partnership",
    "PartnershipKind",
    "PartnershipNarrative",
    "PartnershipParty",
    "PartnershipStatus",
    "PartnershipVisibility",
    "PartyStatus",
    "Role",
    "Theme",
    "TravelLeg",
    "TravelMode",
    "Visibility",
    "invitation_expiry",
    "new_token",
]
