from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from partners import carbon, services
from partners.models import (
    CheckInAnswer,
    CheckInRound,
    Exchange,
    Partnership,
    PartnershipParty,
    PartyStatus,
    TravelMode,
)
from soliris.audit import history

pytestmark = pytest.mark.django_db


def detail(cast):
    return reverse("partners:partnership_detail", kwargs={"key": cast.partnership.key})


def test_creating_a_partnership_makes_the_creators_organisation_an_accepted_party(cast, as_role):
    client = as_role("party_editor")
    response = client.post(
        reverse("partners:partnership_create"),
        {
            "organisation": cast.jette.pk,
            "name": "Jette – Lomé",
            "kind": "commune_to_commune",
            "visibility": "public",
        },
    )
    partnership = Partnership.objects.get(name="Jette – Lomé")
    assert response.status_code == 302
    party = partnership.parties.get()
    assert party.organisation == cast.jette and party.status == PartyStatus.ACCEPTED
    assert partnership.initiated_by == cast.jette
    assert history(partnership).filter(action="partners.partnership.created").exists()


def test_one_cannot_create_a_partnership_on_behalf_of_an_organisation_one_does_not_edit(cast, as_role):
    response = as_role("party_viewer").post(
        reverse("partners:partnership_create"),
        {"organisation": cast.jette.pk, "name": "Nope", "kind": "association", "visibility": "public"},
    )
    assert response.status_code == 200
    assert not Partnership.objects.filter(name="Nope").exists()
    response = as_role("outsider").post(
        reverse("partners:partnership_create"),
        {"organisation": cast.jette.pk, "name": "Nope", "kind": "association", "visibility": "public"},
    )
    assert "organisation" in response.context["form"].errors


def test_an_invited_organisation_is_a_party_only_once_its_coordinator_accepts(
    cast, as_role, django_capture_on_commit_callbacks
):
    periferia_coordinator = cast.user("outsider")
    with django_capture_on_commit_callbacks(execute=True):
        as_role("partner_coordinator").post(
            reverse("partners:party_invite", kwargs={"key": cast.partnership.key}),
            {"organisation": cast.periferia.pk},
        )
    party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.periferia)
    assert party.status == PartyStatus.INVITED
    assert [m.to for m in mail.outbox] == [[periferia_coordinator.email]]
    # invited: no right yet
    assert (
        as_role("outsider")
        .get(reverse("partners:partnership_edit", kwargs={"key": cast.partnership.key}))
        .status_code
        == 403
    )
    as_role("outsider").post(
        reverse("partners:party_respond", kwargs={"key": cast.partnership.key, "slug": cast.periferia.slug}),
        {"answer": "accept"},
    )
    party.refresh_from_db()
    assert party.status == PartyStatus.ACCEPTED
    assert (
        as_role("outsider")
        .get(reverse("partners:partnership_edit", kwargs={"key": cast.partnership.key}))
        .status_code
        == 200
    )
    assert "periferia" in Partnership.objects.get(pk=cast.partnership.pk).search_document


def test_an_invited_coordinator_may_decline(cast, as_role):
    as_role("invited_coordinator").post(
        reverse("partners:party_respond", kwargs={"key": cast.partnership.key, "slug": cast.stadd.slug}),
        {"answer": "decline"},
    )
    assert PartnershipParty.objects.get(organisation=cast.stadd).status == PartyStatus.DECLINED
    assert history(cast.partnership).filter(action="partners.party.declined").exists()


def test_each_party_edits_its_own_side_only(cast, as_role):
    jette_party = cast.partnership.parties.get(organisation=cast.jette)
    tarija_party = cast.partnership.parties.get(organisation=cast.tarija)
    url = reverse("partners:party_edit", kwargs={"key": cast.partnership.key, "slug": cast.jette.slug})
    data = {
        "role": "Coordonne le conseil des jeunes",
        "contribution_financial": "5 000 €",
        "decision_level": "co_decides",
        "financial_share": "60",
        "version": 1,
    }
    assert as_role("partner_coordinator").post(url, data).status_code == 403
    assert as_role("party_editor").post(url, data).status_code == 302
    jette_party.refresh_from_db()
    assert jette_party.role == "Coordonne le conseil des jeunes" and jette_party.financial_share == Decimal(
        "60"
    )
    with pytest.raises(PermissionDenied):
        services.party_edit(
            actor=cast.user("party_coordinator"), party=tarija_party, data={"role": "x"}, expected_version=1
        )


def test_a_bad_financial_share_is_refused_and_the_text_kept(cast, as_role):
    url = reverse("partners:party_edit", kwargs={"key": cast.partnership.key, "slug": cast.jette.slug})
    response = as_role("party_editor").post(
        url, {"role": "Mon rôle tapé", "decision_level": "co_decides", "financial_share": "140", "version": 1}
    )
    assert response.status_code == 200
    assert "financial_share" in response.context["form"].errors
    assert "Mon rôle tapé" in response.content.decode()


def test_shared_fields_are_edited_by_any_accepted_party_with_a_version_check(cast, as_role):
    url = reverse("partners:partnership_edit", kwargs={"key": cast.partnership.key})
    base = {"kind": "commune_to_commune", "visibility": "public", "description_fr": "Texte de Jette"}
    assert (
        as_role("partner_coordinator")
        .post(url, {**base, "name": "Jette – Tarija (2025)", "version": 1})
        .status_code
        == 302
    )
    # Jette's editor opened the form at version 1: refused, both texts shown
    response = as_role("party_editor").post(url, {**base, "name": "Mon nom à moi", "version": 1})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jette – Tarija (2025)" in page and "Mon nom à moi" in page
    assert Partnership.objects.get(pk=cast.partnership.pk).name == "Jette – Tarija (2025)"
    assert (
        as_role("party_editor").post(url, {**base, "name": "Mon nom à moi", "version": 2}).status_code == 302
    )


def test_ending_a_partnership_needs_a_reason_which_stays_in_the_history(cast, as_role):
    url = reverse("partners:partnership_status", kwargs={"key": cast.partnership.key})
    response = as_role("partner_coordinator").post(url, {"status": "ended", "reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert (
        as_role("partner_coordinator")
        .post(url, {"status": "ended", "reason": "Les équipes ont changé."})
        .status_code
        == 302
    )
    cast.partnership.refresh_from_db()
    assert cast.partnership.status == "ended" and cast.partnership.ended_on
    entry = history(cast.partnership).get(action="partners.partnership.ended")
    assert entry.data["reason"] == "Les équipes ont changé."
    assert "Les équipes ont changé." in as_role("party_viewer").get(detail(cast)).content.decode()


def test_the_co2_factor_table_gives_documented_estimates():
    assert carbon.leg_co2_kg(mode=TravelMode.PLANE, distance_km=1000, travellers=2) == Decimal("800.0")
    assert carbon.leg_co2_kg(mode=TravelMode.CAR, distance_km=100, travellers=4, round_trip=False) == Decimal(
        "19.0"
    )
    assert carbon.leg_co2_kg(mode=TravelMode.TRAIN, distance_km=300, travellers=1) < carbon.leg_co2_kg(
        mode=TravelMode.PLANE, distance_km=300, travellers=1
    )


def test_an_exchange_with_travel_legs_shows_totals_and_shares(cast, as_role):
    url = reverse("partners:exchange_create", kwargs={"key": cast.partnership.key})
    data = {
        "title": "Visite à Jette",
        "kind": "visit",
        "date": "2025-05-04",
        "format": "in_person",
        "travellers_from": cast.tarija.pk,
        "host": cast.jette.pk,
        "participants": 5,
        "languages": ["fr", "es"],
        "interpretation": "on",
        "legs-TOTAL_FORMS": 2,
        "legs-INITIAL_FORMS": 0,
        "legs-MIN_NUM_FORMS": 0,
        "legs-MAX_NUM_FORMS": 10,
        "legs-0-origin": "Tarija",
        "legs-0-destination": "Bruxelles",
        "legs-0-mode": "plane",
        "legs-0-distance_km": 10000,
        "legs-0-travellers": 2,
        "legs-0-round_trip": "on",
    }
    assert as_role("partner_coordinator").post(url, data).status_code == 302
    exchange = Exchange.objects.get(title="Visite à Jette")
    assert exchange.legs.get().co2_kg == Decimal("8000.0")
    as_role("party_editor").post(
        url,
        {
            **data,
            "title": "Appel",
            "format": "online",
            "travellers_from": "",
            "host": "",
            "legs-0-origin": "",
        },
    )
    response = as_role("party_viewer").get(detail(cast))
    page = response.content.decode()
    assert "<li>Tarija → Bruxelles (" in page and "10000 km" in page  # the travel legs are listed
    totals = response.context["exchange_totals"]
    assert totals["online"] == 1 and totals["in_person"] == 1 and totals["online_share"] == 50
    assert response.context["travel_directions"] == [
        {"from": "Municipio de Tarija", "to": "Commune de Jette", "count": 1}
    ]


def test_a_bad_exchange_keeps_the_typed_text(cast, as_role):
    url = reverse("partners:exchange_create", kwargs={"key": cast.partnership.key})
    response = as_role("party_editor").post(
        url,
        {
            "title": "Compte rendu tapé",
            "kind": "meeting",
            "date": "not a date",
            "format": "online",
            "participants": 3,
            "legs-TOTAL_FORMS": 0,
            "legs-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    assert "Compte rendu tapé" in response.content.decode()


def answer(cast, role, party_org, scores=(3, 3, 3, 3, 3)):
    checkin_round = cast.partnership.checkin_rounds.last()
    party = cast.partnership.parties.get(organisation=party_org)
    return services.checkin_answer(
        actor=cast.user(role),
        checkin_round=checkin_round,
        party=party,
        data=dict(
            zip(["equality", "trust", "transparency", "mutual_learning", "ownership"], scores, strict=True)
        ),
    )


def test_check_in_answers_stay_hidden_until_every_party_has_answered(cast, as_role):
    services.checkin_open(actor=cast.user("party_coordinator"), partnership=cast.partnership)
    answer(cast, "party_editor", cast.jette, (5, 5, 5, 5, 5))
    tarija_view = as_role("partner_coordinator").get(detail(cast))
    open_round = tarija_view.context["checkin_open_round"]
    assert open_round["answers"] == []  # Tarija does not see Jette's answer yet
    assert open_round["answered_count"] == 1
    jette_view = as_role("party_viewer").get(detail(cast))
    assert len(jette_view.context["checkin_open_round"]["answers"]) == 1  # its own
    answer(cast, "partner_coordinator", cast.tarija, (2, 5, 4, 5, 5))
    response = as_role("partner_coordinator").get(detail(cast))
    latest = response.context["checkin_latest"]
    assert latest["complete"] and len(latest["answers"]) == 2
    assert latest["divergences"] == ["equality"]
    page = response.content.decode()
    assert "<svg" in page and "divergent" in page
    # anonymous visitors of a public partnership never see check-ins
    assert "checkin_rounds" not in as_role("anonymous").get(detail(cast)).context


def test_a_party_answers_a_round_once_and_a_new_round_waits_for_the_current_one(cast, as_role):
    services.checkin_open(actor=cast.user("party_coordinator"), partnership=cast.partnership)
    answer(cast, "party_editor", cast.jette)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        answer(cast, "party_coordinator", cast.jette)
    with pytest.raises(ValidationError):
        services.checkin_open(actor=cast.user("partner_coordinator"), partnership=cast.partnership)
    assert CheckInRound.objects.filter(partnership=cast.partnership).count() == 1


def test_a_check_in_form_refuses_missing_ratings_and_keeps_the_text(cast, as_role):
    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    url = reverse(
        "partners:checkin_answer", kwargs={"key": cast.partnership.key, "number": 1, "slug": cast.jette.slug}
    )
    response = as_role("party_editor").post(url, {"equality": "4", "where_we_stand": "Texte gardé"})
    assert response.status_code == 200
    assert "trust" in response.context["form"].errors
    assert "Texte gardé" in response.content.decode()
    assert not CheckInAnswer.objects.exists()


def test_a_check_in_answer_records_the_language_it_is_written_in(cast, as_role):
    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    url = reverse(
        "partners:checkin_answer", kwargs={"key": cast.partnership.key, "number": 1, "slug": cast.tarija.slug}
    )
    client = as_role("partner_coordinator")
    form = client.get(url.replace("/fr/", "/es/", 1)).context["form"]
    assert form["language"].value() == "es"  # the page's language, until the writer says otherwise
    scores = dict.fromkeys(["equality", "trust", "transparency", "mutual_learning", "ownership"], "4")
    response = client.post(url, {**scores, "where_we_stand": "Queremos decidir más.", "language": "es"})
    assert response.status_code == 302
    assert CheckInAnswer.objects.get(party__organisation=cast.tarija).language == "es"
    answer(cast, "party_editor", cast.jette)
    page = as_role("party_viewer").get(detail(cast)).content.decode()
    assert '<span lang="es">Queremos decidir más.</span>' in page
    assert "écrit en espagnol" in page


def test_the_equity_panel_shows_facts_side_by_side(cast, as_role):
    cast.partnership.parties.filter(organisation=cast.jette).update(
        financial_share=70, decision_level="co_decides"
    )
    cast.partnership.parties.filter(organisation=cast.tarija).update(
        financial_share=30, decision_level="consulted"
    )
    page = as_role("anonymous").get(detail(cast)).content.decode()
    assert "70 %" in page and "30 %" in page
    assert 'id="equity"' in page


def test_both_parties_see_the_same_history(cast, as_role):
    as_role("partner_coordinator").post(
        reverse("partners:partnership_status", kwargs={"key": cast.partnership.key}), {"status": "paused"}
    )
    jette = as_role("party_viewer").get(detail(cast)).context["history"]
    tarija = as_role("partner_coordinator").get(detail(cast)).context["history"]
    assert [e.pk for e in jette] == [e.pk for e in tarija] and jette
    assert as_role("anonymous").get(detail(cast)).context.get("history") is None


def _grow(cast, make_organisation, n):
    from partners.models import ExchangeFormat

    for i in range(n):
        organisation = make_organisation(f"Party {i}")
        PartnershipParty.objects.create(
            partnership=cast.partnership, organisation=organisation, status=PartyStatus.ACCEPTED
        )
        exchange = Exchange.objects.create(
            partnership=cast.partnership,
            title=f"Exchange {i}",
            date="2024-01-01",
            format=ExchangeFormat.IN_PERSON,
            travellers_from=cast.jette,
            host=organisation,
        )
        exchange.legs.create(origin="A", destination="B", mode="train", distance_km=100, co2_kg=6)
        services.audit.record(
            "partners.exchange.recorded", actor=cast.user("party_editor"), subject=cast.partnership
        )
    checkin_round = CheckInRound.objects.create(
        partnership=cast.partnership, number=CheckInRound.objects.count() + 1
    )
    for party in cast.partnership.parties.filter(status=PartyStatus.ACCEPTED):
        CheckInAnswer.objects.create(
            round=checkin_round,
            party=party,
            equality=3,
            trust=3,
            transparency=3,
            mutual_learning=3,
            ownership=3,
        )


@pytest.mark.parametrize("role", ["anonymous", "party_coordinator"])
def test_the_partnership_page_query_count_does_not_grow_with_rows(
    cast, as_role, make_organisation, django_assert_num_queries, role
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _grow(cast, make_organisation, 5)
    client = as_role(role)
    client.get(detail(cast))
    with CaptureQueriesContext(connection) as small:
        assert client.get(detail(cast)).status_code == 200
    # anonymous: the partnership (with its initiator), its parties (with their organisations), the
    # last exchanges and their legs, one aggregate of exchanges, the goals, the documents; a
    # party also reads its session, user and memberships, the check-ins, the history and the
    # number of its new notifications (the header), the year's narratives and whether the
    # year's annual report is out.
    # With the map panel of the parties (maps): two queries.
    assert len(small.captured_queries) == {"anonymous": 9, "party_coordinator": 18}[role]
    _grow(cast, make_organisation, 45)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(detail(cast)).status_code == 200


def test_a_party_leaves_with_a_reason_and_stays_in_the_history(cast, as_role):
    url = reverse("partners:party_leave", kwargs={"key": cast.partnership.key, "slug": cast.tarija.slug})
    assert (
        as_role("partner_coordinator")
        .post(url, {"reason": "Nouvelle équipe municipale", "confirmed": "1"})
        .status_code
        == 302
    )
    party = cast.partnership.parties.get(organisation=cast.tarija)
    assert party.status == PartyStatus.LEFT
    entry = history(cast.partnership).get(action="partners.party.left")
    assert entry.data["reason"] == "Nouvelle équipe municipale"
    assert (
        as_role("partner_coordinator")
        .get(reverse("partners:partnership_edit", kwargs={"key": cast.partnership.key}))
        .status_code
        == 403
    )
    # the last party cannot leave: it ends the partnership instead
    jette_url = reverse("partners:party_leave", kwargs={"key": cast.partnership.key, "slug": cast.jette.slug})
    as_role("party_coordinator").post(jette_url, {"confirmed": "1"})
    assert cast.partnership.parties.get(organisation=cast.jette).status == PartyStatus.ACCEPTED
