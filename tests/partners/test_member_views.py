"""partners.views.members: each page that changes something, on its success path."""

import pytest
from django.core import mail

from partners.models import Invitation, InvitationStatus, Membership, Role
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db


def test_a_coordinator_invites_a_person_who_is_emailed_in_the_invitations_language(
    cast, as_role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("party_coordinator").post(
            en("member_invite", slug=cast.jette.slug),
            {"email": "nouvelle@jette.test", "role": "editor", "language": "es"},
            follow=True,
        )
    page = landed(response)
    assert "The invitation is sent to nouvelle@jette.test." in page
    invitation = Invitation.objects.get(email="nouvelle@jette.test")
    [message] = mail.outbox
    assert message.to == ["nouvelle@jette.test"]
    assert f"/es/invitations/{invitation.token}/" in message.body  # the link in the mail's language


def test_a_coordinator_changes_a_members_role(cast, as_role):
    viewer = Membership.objects.get(organisation=cast.jette, user=cast.user("party_viewer"))
    response = as_role("party_coordinator").post(
        en("member_role", slug=cast.jette.slug, pk=viewer.pk), {"role": "editor"}, follow=True
    )
    assert "is changed." in landed(response)
    viewer.refresh_from_db()
    assert viewer.role == Role.EDITOR


def test_a_member_edits_their_own_membership(cast, as_role):
    own = Membership.objects.get(organisation=cast.jette, user=cast.user("party_editor"))
    response = as_role("party_editor").post(
        en("member_edit", slug=cast.jette.slug, pk=own.pk),
        {"function": "Chargée de mission", "languages": ["fr"], "time_zone": "Europe/Brussels", "version": 1},
        follow=True,
    )
    assert "The membership is saved." in landed(response)
    own.refresh_from_db()
    assert own.function == "Chargée de mission"


def test_a_coordinator_ends_a_membership_which_stays_in_the_history(cast, as_role):
    viewer = Membership.objects.get(organisation=cast.jette, user=cast.user("party_viewer"))
    asked = as_role("party_coordinator").post(en("member_end", slug=cast.jette.slug, pk=viewer.pk))
    assert "End the membership of" in asked.content.decode()
    viewer.refresh_from_db()
    assert viewer.active_until is None  # asking changes nothing
    response = as_role("party_coordinator").post(
        en("member_end", slug=cast.jette.slug, pk=viewer.pk), {"confirmed": "1"}, follow=True
    )
    assert "has ended; it stays in the history." in landed(response)
    viewer.refresh_from_db()
    assert viewer.active_until is not None


def test_a_coordinator_cancels_an_invitation(cast, as_role):
    invitation = Invitation.objects.create(
        organisation=cast.jette, email="annule@jette.test", role=Role.VIEWER, invited_by=cast.user("staff")
    )
    asked = as_role("party_coordinator").post(en("invitation_cancel", slug=cast.jette.slug, pk=invitation.pk))
    assert "Cancel the invitation sent to annule@jette.test?" in asked.content.decode()
    response = as_role("party_coordinator").post(
        en("invitation_cancel", slug=cast.jette.slug, pk=invitation.pk), {"confirmed": "1"}, follow=True
    )
    assert "The invitation is cancelled." in landed(response)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.CANCELLED


def test_the_invited_person_accepts_and_lands_on_the_organisation(cast, client, make_user):
    invitation = Invitation.objects.create(
        organisation=cast.jette, email="bienvenue@jette.test", role=Role.EDITOR, invited_by=cast.user("staff")
    )
    person = make_user("bienvenue@jette.test")
    client.force_login(person)
    response = client.post(en("invitation_accept", token=invitation.token), follow=True)
    page = landed(response)
    assert response.redirect_chain[-1][0] == en("organisation_detail", slug=cast.jette.slug)
    assert "Welcome to Commune de Jette." in page
    assert Membership.objects.get(organisation=cast.jette, user=person).role == Role.EDITOR
