"""partners.views.parties: each page that changes something, on its success path."""

import pytest
from django.core import mail

from partners.models import PartyStatus
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db


def test_a_coordinator_invites_an_organisation_whose_coordinators_are_told(
    cast, as_role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("partner_coordinator").post(
            en("party_invite", key=cast.partnership.key), {"organisation": cast.periferia.pk}, follow=True
        )
    assert "Periferia is invited." in landed(response)
    assert cast.partnership.parties.get(organisation=cast.periferia).status == PartyStatus.INVITED
    [message] = mail.outbox
    assert message.to == [cast.user("outsider").email]
    assert f"/fr/partnerships/{cast.partnership.key}/" in message.body  # in the coordinator's language


def test_the_invited_coordinator_accepts_and_becomes_a_party(cast, as_role):
    response = as_role("invited_coordinator").post(
        en("party_respond", key=cast.partnership.key, slug=cast.stadd.slug), {"answer": "accept"}, follow=True
    )
    assert "Your organisation is now a party to this partnership" in landed(response)
    assert cast.partnership.parties.get(organisation=cast.stadd).status == PartyStatus.ACCEPTED


def test_a_party_edits_its_own_side(cast, as_role):
    response = as_role("party_editor").post(
        en("party_edit", key=cast.partnership.key, slug=cast.jette.slug),
        {
            "role": "Anime le conseil des jeunes",
            "decision_level": "co_decides",
            "financial_share": "50",
            "version": 1,
        },
        follow=True,
    )
    page = landed(response)
    assert "Your organisation&#x27;s side is saved." in page or "Your organisation's side is saved." in page
    assert cast.partnership.parties.get(organisation=cast.jette).role == "Anime le conseil des jeunes"


def test_a_side_saved_meanwhile_is_shown_beside_the_form_that_keeps_mine(cast, as_role):
    url = en("party_edit", key=cast.partnership.key, slug=cast.jette.slug)
    base = {"decision_level": "co_decides", "financial_share": "50", "version": 1}
    as_role("party_coordinator").post(url, {**base, "role": "Leur rôle"})
    response = as_role("party_editor").post(url, {**base, "role": "Mon rôle"})
    assert response.status_code == 200 and response.context["conflict"].current.role == "Leur rôle"
    page = response.content.decode()
    assert 'class="card conflict"' in page and "Leur rôle" in page and "Mon rôle" in page


def test_a_party_leaves_and_lands_on_its_dashboard(cast, as_role):
    response = as_role("partner_coordinator").post(
        en("party_leave", key=cast.partnership.key, slug=cast.tarija.slug),
        {"reason": "Nouvelle équipe", "confirmed": "1"},
        follow=True,
    )
    assert "Your organisation has left the partnership" in landed(response)
    assert cast.partnership.parties.get(organisation=cast.tarija).status == PartyStatus.LEFT


def test_leaving_asks_first_and_keeps_the_reason_typed(cast, as_role):
    url = en("party_leave", key=cast.partnership.key, slug=cast.tarija.slug)
    asked = as_role("partner_coordinator").post(url, {"reason": "Nouvelle équipe"})
    page = asked.content.decode()
    assert asked.status_code == 200 and "Take Municipio de Tarija out of" in page
    assert 'name="reason" value="Nouvelle équipe"' in page  # carried to the confirming post
    assert cast.partnership.parties.get(organisation=cast.tarija).status == PartyStatus.ACCEPTED
    # Who may not leave for the organisation is refused before any question.
    assert as_role("party_viewer").post(url, {"reason": "x"}).status_code in (403, 404)
