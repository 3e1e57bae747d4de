"""Correcting a recorded exchange: any editor of any party, nothing lost when two save at once."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from partners import services
from partners.models import Exchange
from soliris.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(cast):
    return services.exchange_create(
        actor=cast.user("party_editor"),
        partnership=cast.partnership,
        data={
            "title": "Visite à Jette",
            "kind": "visit",
            "date": datetime.date(2025, 5, 4),
            "format": "in_person",
            "travellers_from": cast.tarija,
            "host": cast.jette,
            "participants": 5,
            "languages": ["fr", "es"],
        },
        legs=[
            {
                "origin": "Tarija",
                "destination": "Bruxelles",
                "mode": "plane",
                "distance_km": 10000,
                "travellers": 2,
                "round_trip": True,
            }
        ],
    )


def form_data(cast, visit, **changes):
    data = {
        "title": visit.title,
        "kind": visit.kind,
        "date": visit.date.isoformat(),
        "format": visit.format,
        "travellers_from": cast.tarija.pk,
        "host": cast.jette.pk,
        "participants": visit.participants,
        "languages": visit.languages,
        "outcome": "",
        "version": visit.version,
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
    data.update(changes)
    return data


def url(cast, visit):
    return reverse("partners:exchange_edit", kwargs={"key": cast.partnership.key, "exchange_key": visit.key})


def test_the_partner_abroad_corrects_an_exchange_and_its_travel(cast, as_role, visit):
    client = as_role("partner_coordinator")
    page = client.get(url(cast, visit)).content.decode()
    assert 'value="Visite à Jette"' in page and 'value="Tarija"' in page  # the form opens filled in
    response = client.post(
        url(cast, visit),
        form_data(cast, visit, participants=7, outcome="Un atelier sur l'eau.", **{"legs-0-travellers": 3}),
    )
    assert response.status_code == 302 and response["Location"].endswith("#exchanges")
    visit.refresh_from_db()
    assert visit.participants == 7 and visit.outcome == "Un atelier sur l'eau." and visit.version == 2
    assert visit.legs.get().co2_kg == Decimal("12000.0")  # recomputed for three travellers
    entry = AuditEntry.objects.filter(action="partners.exchange.updated").get()
    assert entry.data["fields"] == ["outcome", "participants", "legs"]
    history = as_role("party_viewer").get(
        reverse("partners:partnership_history", kwargs={"key": cast.partnership.key})
    )
    assert "a corrigé un échange" in history.content.decode()


def test_an_exchange_that_becomes_online_loses_its_travel(cast, as_role, visit):
    data = form_data(cast, visit, format="online", travellers_from="", host="")
    assert as_role("party_editor").post(url(cast, visit), data).status_code == 302
    visit.refresh_from_db()
    assert visit.format == "online" and not visit.legs.exists()


def test_two_people_correcting_at_once_keep_both_texts(cast, as_role, client, visit):
    first = form_data(cast, visit, outcome="Compte rendu de Jette.")
    second = form_data(cast, visit, outcome="Informe de Tarija.")
    assert as_role("party_editor").post(url(cast, visit), first).status_code == 302
    response = as_role("partner_coordinator").post(url(cast, visit), second)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Compte rendu de Jette." in page  # theirs, shown
    assert "Informe de Tarija." in page  # mine, kept in the form
    assert response.context["form"]["version"].value() == "2"
    visit.refresh_from_db()
    assert visit.outcome == "Compte rendu de Jette."
    # Saving again, knowingly, replaces theirs.
    again = form_data(cast, visit, outcome="Informe de Tarija.", version=2)
    assert as_role("partner_coordinator").post(url(cast, visit), again).status_code == 302
    visit.refresh_from_db()
    assert visit.outcome == "Informe de Tarija." and visit.version == 3


def test_bad_input_keeps_the_typed_text(cast, as_role, visit):
    data = form_data(cast, visit, date="31/02/2025", outcome="Texte à garder", host=cast.tarija.pk)
    response = as_role("party_editor").post(url(cast, visit), data)
    assert response.status_code == 200
    assert "date" in response.context["form"].errors and "host" in response.context["form"].errors
    assert "Texte à garder" in response.content.decode()
    visit.refresh_from_db()
    assert visit.version == 1


def test_an_exchange_is_reached_only_through_its_own_partnership(cast, as_role, visit):
    from partners.models import Partnership, PartnershipParty, PartyStatus

    other = Partnership.objects.create(name="Jette – Periferia", kind="association", initiated_by=cast.jette)
    for organisation in (cast.jette, cast.periferia):
        PartnershipParty.objects.create(
            partnership=other, organisation=organisation, status=PartyStatus.ACCEPTED
        )
    assert (
        as_role("party_editor")
        .get(reverse("partners:partnership_edit", kwargs={"key": other.key}))
        .status_code
        == 200
    )
    forged = reverse("partners:exchange_edit", kwargs={"key": other.key, "exchange_key": visit.key})
    assert as_role("party_editor").get(forged).status_code == 404
    unknown = reverse(
        "partners:exchange_edit", kwargs={"key": cast.partnership.key, "exchange_key": "x" * len(visit.key)}
    )
    assert as_role("party_editor").get(unknown).status_code == 404
    assert (
        as_role("party_viewer").post(url(cast, visit), form_data(cast, visit, title="Piraté")).status_code
        == 403
    )
    assert Exchange.objects.get(pk=visit.pk).title == "Visite à Jette"


def test_the_partnership_page_offers_the_correction_to_editors_only(cast, as_role, visit):
    detail = reverse("partners:partnership_detail", kwargs={"key": cast.partnership.key})
    assert url(cast, visit) in as_role("partner_coordinator").get(detail).content.decode()
    assert url(cast, visit) not in as_role("party_viewer").get(detail).content.decode()
    assert url(cast, visit) not in as_role("anonymous").get(detail).content.decode()
