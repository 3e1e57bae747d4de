"""partners.views.exchanges: each page that changes something, on its success path."""

import pytest

from partners.models import Exchange
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db


def exchange_data(cast, **changes):
    return {
        "title": "Réunion en ligne",
        "kind": "meeting",
        "date": "2025-03-02",
        "format": "online",
        "participants": 6,
        "languages": ["fr", "es"],
        "legs-TOTAL_FORMS": 0,
        "legs-INITIAL_FORMS": 0,
        **changes,
    }


def test_an_editor_records_an_exchange_and_sees_it_on_the_partnership(cast, as_role):
    response = as_role("party_editor").post(
        en("exchange_create", key=cast.partnership.key), exchange_data(cast), follow=True
    )
    page = landed(response)
    assert "The exchange is recorded." in page and "Réunion en ligne" in page
    assert Exchange.objects.get(partnership=cast.partnership).participants == 6


def test_the_other_party_corrects_the_exchange(cast, as_role):
    as_role("party_editor").post(en("exchange_create", key=cast.partnership.key), exchange_data(cast))
    exchange = Exchange.objects.get(partnership=cast.partnership)
    response = as_role("partner_coordinator").post(
        en("exchange_edit", key=cast.partnership.key, exchange_key=exchange.key),
        exchange_data(cast, participants=8, outcome="Un plan commun.", version=1),
        follow=True,
    )
    assert "The exchange is corrected." in landed(response)
    exchange.refresh_from_db()
    assert exchange.participants == 8 and exchange.version == 2
