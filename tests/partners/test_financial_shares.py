"""The financial shares of a partnership's parties never total more than 100 %, checked with
the partnership's row locked."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from partners import services
from partners.models import PartnershipParty
from tests.partners.views_helpers import en

pytestmark = pytest.mark.django_db


def side(share, version=1):
    return {"decision_level": "co_decides", "financial_share": share, "version": version}


def test_a_share_that_brings_the_total_above_100_is_refused_with_the_total(cast, as_role):
    jette = en("party_edit", key=cast.partnership.key, slug=cast.jette.slug)
    tarija = en("party_edit", key=cast.partnership.key, slug=cast.tarija.slug)
    assert as_role("party_editor").post(jette, side("60")).status_code == 302

    response = as_role("partner_coordinator").post(tarija, side("70"))
    assert response.status_code == 200
    assert response.context["form"].errors["financial_share"] == [
        "The shares of the parties would total 130 %; at most 100 %."
    ]
    assert PartnershipParty.objects.get(organisation=cast.tarija).financial_share is None

    assert as_role("partner_coordinator").post(tarija, side("40")).status_code == 302
    assert PartnershipParty.objects.get(organisation=cast.tarija).financial_share == 40


def test_the_total_is_written_in_the_readers_language(cast, as_role):
    PartnershipParty.objects.filter(organisation=cast.jette).update(financial_share="60.5")
    with translation.override("fr"):
        url = reverse("partners:party_edit", kwargs={"key": cast.partnership.key, "slug": cast.tarija.slug})
    response = as_role("partner_coordinator").post(url, side("70"))
    assert response.context["form"].errors["financial_share"] == [
        "Les parts des parties totaliseraient 130,5\u202f%\u202f; 100\u202f% au plus."
    ]


def test_the_share_field_says_what_it_is_a_share_of(cast, as_role):
    page = as_role("party_editor").get(en("party_edit", key=cast.partnership.key, slug=cast.jette.slug))
    page = page.content.decode()
    assert "Share of the partnership&#x27;s budget (%)" in page  # the label says it
    assert "total budget that your organisation pays, in percent" in page


def test_the_share_is_checked_with_the_partnership_row_locked(cast):
    party = PartnershipParty.objects.get(organisation=cast.jette)
    with CaptureQueriesContext(connection) as queries:
        services.party_edit(
            actor=cast.user("party_editor"),
            party=party,
            data={"financial_share": 50},
            expected_version=1,
        )
    sql = [q["sql"] for q in queries.captured_queries]
    lock = next(i for i, q in enumerate(sql) if 'FROM "partners_partnership"' in q and "FOR UPDATE" in q)
    total = next(i for i, q in enumerate(sql) if "SUM(" in q)
    assert lock < total


@pytest.mark.django_db(transaction=True)
def test_two_parties_saving_their_shares_at_once_do_not_both_pass(cast, monkeypatch):
    """Each save reads the total, then waits a moment before writing: without the lock of the
    partnership's row both would read 0 and save 60 + 60."""
    import threading
    import time

    from django.core.exceptions import ValidationError

    from partners.services import partnerships as partnership_services

    check = partnership_services.check_financial_shares

    def slow_check(party, share):
        check(party, share)
        time.sleep(0.5)

    monkeypatch.setattr(partnership_services, "check_financial_shares", slow_check)
    sides = [
        (cast.user("party_editor"), PartnershipParty.objects.get(organisation=cast.jette)),
        (cast.user("partner_coordinator"), PartnershipParty.objects.get(organisation=cast.tarija)),
    ]
    barrier = threading.Barrier(2)
    refused, errors = [], []

    def save(actor, party):
        try:
            barrier.wait()
            services.party_edit(actor=actor, party=party, data={"financial_share": 60}, expected_version=1)
        except ValidationError as error:
            refused.append(error.message_dict["financial_share"])
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=side) for side in sides]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    assert len(refused) == 1
    shares = sorted(
        str(s)
        for s in PartnershipParty.objects.filter(partnership=cast.partnership).values_list(
            "financial_share", flat=True
        )
    )
    assert shares.count("60.00") == 1
