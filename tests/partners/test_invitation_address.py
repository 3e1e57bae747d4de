"""A member invitation is bound to its address: only an account that verified the invited
address joins with it; any other account is refused, in its language, and joins nothing."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation

from partners.models import Invitation, InvitationStatus, Membership
from tests.partners.views_helpers import en

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(cast):
    return Invitation.objects.create(organisation=cast.jette, email="invitee@jette.test", role="editor")


def test_an_invitation_opened_by_another_account_is_refused_and_nothing_is_joined(
    client, make_user, invitation
):
    other = make_user("someone.else@example.org")
    client.force_login(other)
    url = en("invitation_accept", token=invitation.token)
    page = client.get(url)
    assert page.status_code == 403
    text = page.content.decode()
    assert "invitee@jette.test" in text and "not among the verified addresses" in text
    assert reverse("account_email") in text
    assert "Accept the invitation" not in text

    assert client.post(url).status_code == 403
    assert not Membership.objects.filter(user=other).exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_the_refusal_speaks_the_readers_language(client, make_user, invitation):
    client.force_login(make_user("autre@example.org"))
    with translation.override("fr"):
        url = reverse("partners:invitation_accept", kwargs={"token": invitation.token})
    text = client.get(url).content.decode()
    assert "invitee@jette.test" in text and "Ajouter et vérifier cette adresse" in text


def test_the_invited_address_not_yet_verified_is_refused(client, make_user, invitation):
    user = make_user("invitee@jette.test", verified=False)
    client.force_login(user)
    assert client.post(en("invitation_accept", token=invitation.token)).status_code == 403
    assert not Membership.objects.filter(user=user).exists()


def test_the_invited_account_accepts_even_from_a_second_verified_address(client, make_user, invitation, cast):
    user = make_user("main@example.org")
    EmailAddress.objects.create(user=user, email="Invitee@Jette.test", verified=True, primary=False)
    client.force_login(user)
    response = client.post(en("invitation_accept", token=invitation.token))
    assert response.status_code == 302
    assert Membership.objects.get(user=user, organisation=cast.jette).role == "editor"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED and invitation.accepted_by == user


def test_a_full_name_is_required_to_join(client, make_user, invitation):
    user = make_user("invitee@jette.test")
    user.full_name = ""
    user.save()
    client.force_login(user)
    url = en("invitation_accept", token=invitation.token)
    text = client.post(url).content.decode()
    assert "add your full name to your profile" in text and f'href="{reverse("profile")}"' in text
    assert not Membership.objects.filter(user=user).exists()
