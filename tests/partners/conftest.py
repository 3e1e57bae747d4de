import io

import pytest
from django.utils import timezone
from PIL import Image

from partners.models import (
    Membership,
    Organisation,
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartyStatus,
    Role,
    Visibility,
)
from partners.services import refresh_organisation_search_text, refresh_partnership_search_text


def png_bytes(size=(40, 40), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 92, 138)).save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_organisation(db):
    counter = {"n": 0}

    def make(name=None, *, country="BE", kind="commune", locality="", public=True, verified=True, **extra):
        counter["n"] += 1
        organisation = Organisation.objects.create(
            name=name or f"Organisation {counter['n']}",
            slug=extra.pop("slug", None) or f"org-{counter['n']}-{country.lower()}",
            kind=kind,
            country=country,
            locality=locality,
            visibility=Visibility.PUBLIC if public else Visibility.PRIVATE,
            verified_at=timezone.now() if verified else None,
            **extra,
        )
        refresh_organisation_search_text(organisation)
        return organisation

    return make


@pytest.fixture
def make_partnership(db):
    def make(name, organisations, *, status="active", invited=(), **extra):
        partnership = Partnership.objects.create(
            name=name,
            kind=PartnershipKind.COMMUNE_TO_COMMUNE,
            status=status,
            initiated_by=organisations[0],
            **extra,
        )
        for organisation in organisations:
            PartnershipParty.objects.create(
                partnership=partnership, organisation=organisation, status=PartyStatus.ACCEPTED
            )
        for organisation in invited:
            PartnershipParty.objects.create(partnership=partnership, organisation=organisation)
        refresh_partnership_search_text(partnership)
        return partnership

    return make


@pytest.fixture
def member(make_user):
    def make(organisation, role=Role.EDITOR, email=None, language="fr"):
        user = make_user(email, language=language)
        Membership.objects.create(organisation=organisation, user=user, role=role)
        return user

    return make
