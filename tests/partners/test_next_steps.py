"""What a partnership's page offers in each state: an ended partnership offers nothing that
would add to it (and refuses it when posted anyway, with a message, never a 500); the next
step is the page's one filled button; the hint to move an explored partnership to "active"."""

import pytest
from django.utils import timezone

from partners import services
from partners.models import (
    CHECKIN_DIMENSIONS,
    CheckInRound,
    Exchange,
    Organisation,
    Partnership,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
)
from tests.partners.test_exchange_views import exchange_data
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db


def end(partnership):
    Partnership.objects.filter(pk=partnership.pk).update(
        status=PartnershipStatus.ENDED, ended_on=timezone.localdate(), end_reason="Fin du mandat."
    )


def page_of(client, partnership):
    response = client.get(en("partnership_detail", key=partnership.key))
    assert response.status_code == 200
    return response.content.decode()


def test_an_ended_partnership_offers_no_exchange_no_invitation_no_check_in_and_no_leaving(cast, as_role):
    end(cast.partnership)
    page = page_of(as_role("party_coordinator"), cast.partnership)
    assert "This partnership ended on" in page and "A coordinator can reopen it" in page
    for gone in (
        en("exchange_create", key=cast.partnership.key),
        en("party_invite", key=cast.partnership.key),
        en("checkin_open", key=cast.partnership.key),
        "Leave the partnership",
    ):
        assert gone not in page
    assert 'id="next-step"' not in page
    assert en("partnership_status", key=cast.partnership.key) in page  # reopening stays offered


def test_an_ended_partnership_refuses_a_new_exchange_with_a_message(cast, as_role):
    end(cast.partnership)
    client = as_role("party_editor")
    url = en("exchange_create", key=cast.partnership.key)
    for response in (client.get(url, follow=True), client.post(url, exchange_data(cast), follow=True)):
        assert "it records no new exchange" in landed(response)
    assert not Exchange.objects.filter(partnership=cast.partnership).exists()


def test_an_ended_partnership_refuses_an_invitation_with_a_message(cast, as_role):
    end(cast.partnership)
    client = as_role("party_coordinator")
    url = en("party_invite", key=cast.partnership.key)
    for response in (
        client.get(url, follow=True),
        client.post(url, {"organisation": cast.periferia.pk}, follow=True),
    ):
        assert "it takes no new party" in landed(response)
    assert not PartnershipParty.objects.filter(
        partnership=cast.partnership, organisation=cast.periferia
    ).exists()


def test_an_invited_organisation_cannot_accept_once_the_partnership_ended_but_may_decline(cast, as_role):
    end(cast.partnership)
    client = as_role("invited_coordinator")
    page = page_of(client, cast.partnership)
    assert 'value="accept"' not in page and 'value="decline"' in page
    url = en("party_respond", key=cast.partnership.key, slug=cast.stadd.slug)
    assert "it takes no new party" in landed(client.post(url, {"answer": "accept"}, follow=True))
    assert (
        PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.stadd).status
        == "invited"
    )
    client.post(url, {"answer": "decline"})
    assert (
        PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.stadd).status
        == "declined"
    )


def test_an_ended_partnership_opens_no_check_in_round_and_its_parties_do_not_leave(cast, as_role):
    end(cast.partnership)
    client = as_role("party_coordinator")
    response = client.post(en("checkin_open", key=cast.partnership.key), {}, follow=True)
    assert "it opens no new check-in round" in landed(response)
    assert not CheckInRound.objects.filter(partnership=cast.partnership).exists()
    response = client.post(en("party_leave", key=cast.partnership.key, slug=cast.jette.slug), follow=True)
    assert "its parties stay in its history" in landed(response)
    assert (
        PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.jette).status
        == "accepted"
    )


def test_an_ended_partnership_still_takes_corrections_and_can_be_reopened(cast, as_role):
    client = as_role("party_editor")
    client.post(en("exchange_create", key=cast.partnership.key), exchange_data(cast))
    exchange = Exchange.objects.get(partnership=cast.partnership)
    end(cast.partnership)
    response = client.post(
        en("exchange_edit", key=cast.partnership.key, exchange_key=exchange.key),
        exchange_data(cast, participants=9, version=1),
        follow=True,
    )
    assert "The exchange is corrected." in landed(response)
    response = as_role("partner_coordinator").post(
        en("partnership_status", key=cast.partnership.key), {"status": "active"}, follow=True
    )
    assert "The status is changed." in landed(response)
    cast.partnership.refresh_from_db()
    assert cast.partnership.status == "active" and cast.partnership.ended_on is None
    assert cast.partnership.end_reason == ""


def test_setting_the_status_a_partnership_already_has_is_refused_on_the_form(cast, as_role):
    response = as_role("party_coordinator").post(
        en("partnership_status", key=cast.partnership.key), {"status": "active"}
    )
    assert response.status_code == 200
    assert "already has this status" in response.content.decode()


def filled_buttons(page):
    """The labels of the page's filled (primary) buttons and links in its main content."""
    import re

    main = page[page.index("<main") :]
    links = re.findall(r'<a class="button(?: button-small)?" href="[^"]*">([^<]+)</a>', main)
    buttons = re.findall(r'<button type="submit">([^<]+)</button>', main)
    return links + buttons


def test_on_a_new_partnership_the_filled_button_is_to_fill_in_our_side(cast, as_role):
    client = as_role("party_editor")
    client.post(
        en("partnership_create"),
        {
            "organisation": cast.jette.pk,
            "name": "Jette – Lomé",
            "kind": "commune_to_commune",
            "visibility": "public",
        },
    )
    partnership = Partnership.objects.get(name="Jette – Lomé")
    page = page_of(client, partnership)
    assert filled_buttons(page) == ["Edit our side"]
    edit = en("partnership_edit", key=partnership.key)
    assert f'class="button button-secondary" href="{edit}"' in page


def test_once_our_side_is_filled_the_next_step_is_to_invite_then_to_wait(cast, as_role):
    partnership = services.partnership_create(
        actor=cast.user("party_coordinator"),
        organisation=cast.jette,
        data={"name": "Jette – Lomé", "kind": "commune_to_commune", "visibility": "public"},
    )
    PartnershipParty.objects.filter(partnership=partnership).update(role="Accueillir les visites")
    client = as_role("party_coordinator")
    assert filled_buttons(page_of(client, partnership)) == ["Invite an organisation"]
    assert "A coordinator of your organisation sends the invitation." in page_of(
        as_role("party_editor"), partnership
    )
    services.party_invite(
        actor=cast.user("party_coordinator"), partnership=partnership, organisation=cast.stadd
    )
    page = page_of(client, partnership)
    assert "Waiting for the answer of STADD" in page and filled_buttons(page) == []


def accepted_with_sides(cast):
    PartnershipParty.objects.filter(partnership=cast.partnership).update(role="")
    Partnership.objects.filter(pk=cast.partnership.pk).update(status=PartnershipStatus.EXPLORING)


def test_the_hint_to_become_active_comes_once_both_sides_are_filled_and_they_have_met(cast, as_role):
    accepted_with_sides(cast)
    PartnershipParty.objects.filter(partnership=cast.partnership, organisation=cast.jette).update(
        role="Accueil"
    )
    client = as_role("party_coordinator")
    page = page_of(client, cast.partnership)
    assert filled_buttons(page) == ["Record an exchange"]
    client.post(en("exchange_create", key=cast.partnership.key), exchange_data(cast))
    page = page_of(client, cast.partnership)
    assert "Waiting for Municipio de Tarija to fill in its side" in page and filled_buttons(page) == []
    PartnershipParty.objects.filter(partnership=cast.partnership, organisation=cast.tarija).update(
        contribution_technical="Formation"
    )
    page = page_of(client, cast.partnership)
    assert "the partnership can move from “exploring” to “active”" in page
    assert filled_buttons(page) == ["Mark the partnership as active"]
    # An editor reads the hint, without the button.
    page = page_of(as_role("party_editor"), cast.partnership)
    assert "A coordinator of any party marks it active." in page
    assert "Mark the partnership as active" not in page
    # The partner's coordinator presses it: the partnership is active, and the hint is gone.
    response = as_role("partner_coordinator").post(
        en("partnership_status", key=cast.partnership.key), {"status": "active"}, follow=True
    )
    assert "The status is changed." in landed(response) and 'id="next-step"' not in landed(response)
    cast.partnership.refresh_from_db()
    assert cast.partnership.status == "active"


def test_no_next_step_is_shown_to_someone_who_is_not_a_party(cast, as_role):
    accepted_with_sides(cast)
    for role in ("anonymous", "outsider", "invited_coordinator"):
        assert 'id="next-step"' not in page_of(as_role(role), cast.partnership)


def test_the_states_that_are_not_ended_still_offer_every_action(cast, as_role):
    for status in ("exploring", "active", "paused"):
        Partnership.objects.filter(pk=cast.partnership.pk).update(status=status)
        page = page_of(as_role("party_coordinator"), cast.partnership)
        assert en("exchange_create", key=cast.partnership.key) in page
        assert en("party_invite", key=cast.partnership.key) in page
    assert PartyStatus.ACCEPTED  # the cast's two parties stay accepted throughout


def test_the_check_in_chart_has_a_legend_that_wraps_with_the_full_names(cast, as_role):
    Organisation.objects.filter(pk=cast.jette.pk).update(name="Commune de Probeville-lès-Tournai-sur-Escaut")
    Organisation.objects.filter(pk=cast.tarija.pk).update(name="Municipalidad de San Jerónimo de Tunán")
    services.checkin_open(actor=cast.user("party_coordinator"), partnership=cast.partnership)
    data = {name: 4 for name, _label in CHECKIN_DIMENSIONS}
    checkin_round = CheckInRound.objects.get(partnership=cast.partnership)
    for role, organisation in (("party_editor", cast.jette), ("partner_coordinator", cast.tarija)):
        user = cast.user(role)
        user.full_name = user.full_name or "Quelqu’un"
        user.save()
        party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=organisation)
        services.checkin_answer(actor=user, checkin_round=checkin_round, party=party, data=data)
    page = page_of(as_role("party_coordinator"), cast.partnership)
    legend = page[page.index('<ul class="chart-legend"') :]
    legend = legend[: legend.index("</ul>")]
    assert "Commune de Probeville-lès-Tournai-sur-Escaut" in legend
    assert "Municipalidad de San Jerónimo de Tunán" in legend
    svg = page[
        page.index('<svg viewBox="0 0 420') : page.index("</svg>", page.index('<svg viewBox="0 0 420'))
    ]
    # In the drawing, each line's full name is its tooltip; no name is laid out as text in it.
    assert "<title>Commune de Probeville-lès-Tournai-sur-Escaut</title>" in svg
    assert ">Commune de Probeville" not in svg.replace("<title>Commune de Probeville", "")


@pytest.mark.parametrize("status", ["exploring", "active", "paused", "ended"])
def test_no_action_of_a_partnership_answers_500_in_any_state(cast, as_role, status):
    """Every state × every action of the partnership's pages, posted by the party that may do
    it: an answer (a page or a redirect with its message), never a server error."""
    Partnership.objects.filter(pk=cast.partnership.pk).update(status=status, end_reason="Fin.")
    key = cast.partnership.key
    actions = [
        (
            "party_coordinator",
            en("partnership_edit", key=key),
            {"name": "J – T", "kind": "commune_to_commune", "visibility": "public", "version": 1},
        ),
        ("party_coordinator", en("partnership_status", key=key), {"status": "active"}),
        ("party_coordinator", en("partnership_status", key=key), {"status": "ended", "reason": "Fin."}),
        ("party_coordinator", en("party_invite", key=key), {"organisation": cast.periferia.pk}),
        ("invited_coordinator", en("party_respond", key=key, slug=cast.stadd.slug), {"answer": "accept"}),
        (
            "party_coordinator",
            en("party_edit", key=key, slug=cast.jette.slug),
            {"role": "Accueil", "decision_level": "co_decides", "version": 1},
        ),
        ("party_editor", en("exchange_create", key=key), exchange_data(cast)),
        ("party_coordinator", en("checkin_open", key=key), {}),
        ("partner_coordinator", en("party_leave", key=key, slug=cast.tarija.slug), {"reason": "Fin."}),
    ]
    for role, url, data in actions:
        Partnership.objects.filter(pk=cast.partnership.pk).update(status=status)
        response = as_role(role).post(url, data, follow=True)
        assert response.status_code == 200, (status, url, response.status_code)
