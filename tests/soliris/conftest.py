"""Fixtures of the kernel's tests: see tests/conftest.py for the shared ones."""

import pytest

from partners.models import Partnership, PartnershipKind, PartnershipStatus
from partners.services import party_invite


@pytest.fixture
def invited(cast):
    """Tarija (Spanish-speaking) invited to a new partnership by Jette's coordinator."""
    partnership = Partnership.objects.create(
        name="Jette – Tarija 2",
        kind=PartnershipKind.COMMUNE_TO_COMMUNE,
        status=PartnershipStatus.EXPLORING,
        initiated_by=cast.jette,
        created_by=cast.user("party_coordinator"),
    )
    partnership.parties.create(organisation=cast.jette, status="accepted")
    party_invite(actor=cast.user("party_coordinator"), partnership=partnership, organisation=cast.tarija)
    return partnership
