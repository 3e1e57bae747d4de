"""Signing binds an organisation: a recent authentication, the password, the authenticator
app's current code for an account that has one, and a limited number of attempts."""

import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from conventions.models import Signature
from partners.models import Membership, Role
from soliris.models import User
from tests.conftest import PASSWORD, totp_code
from tests.conventions.conftest import authenticated_at

pytestmark = pytest.mark.django_db


def sign_url(document):
    with translation.override("en"):
        return reverse("conventions:version_sign", args=[document.key, 1])


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def checked(monkeypatch):
    """How many signing passwords were checked."""
    calls = []
    check = User.check_password

    def counting(self, raw):
        calls.append(raw)
        return check(self, raw)

    monkeypatch.setattr(User, "check_password", counting)
    return calls


def test_a_stale_authentication_is_sent_to_reauthenticate_and_back(cast, agreed):
    client = client_of(cast.user("party_coordinator"))
    authenticated_at(client, cast.user("party_coordinator"), time.time() - 3600)
    for response in (
        client.get(sign_url(agreed)),
        client.post(sign_url(agreed), {"consent": "on", "password": PASSWORD}),
    ):
        assert response.status_code == 302
        with translation.override("en"):
            assert response["Location"].startswith(reverse("account_reauthenticate") + "?next=")
        assert sign_url(agreed).replace("/", "%2F") in response["Location"]
    assert not Signature.objects.exists()
    # Confirming the password on allauth's page brings them back to the sign page.
    with translation.override("en"):
        back = client.post(
            reverse("account_reauthenticate") + "?next=" + sign_url(agreed),
            {"password": PASSWORD, "next": sign_url(agreed)},
        )
    assert back.status_code == 302 and back["Location"] == sign_url(agreed)
    assert client.get(sign_url(agreed)).status_code == 200


def test_a_recent_log_in_signs_without_reauthenticating(cast, agreed):
    response = client_of(cast.user("party_coordinator")).post(
        sign_url(agreed), {"consent": "on", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert Signature.objects.filter(user=cast.user("party_coordinator")).count() == 1


def test_an_account_with_an_authenticator_app_signs_with_its_current_code(cast, agreed, make_user):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(cast.user("party_coordinator"), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = client_of(cast.user("party_coordinator"))
    page = client.get(sign_url(agreed)).content.decode()
    assert 'name="code"' in page and 'autocomplete="one-time-code"' in page
    response = client.post(sign_url(agreed), {"consent": "on", "password": PASSWORD})
    assert response.status_code == 200 and "code" in response.context["form"].errors
    response = client.post(
        sign_url(agreed),
        {"consent": "on", "password": PASSWORD, "code": "000000" if totp_code() != "000000" else "111111"},
    )
    assert response.context["form"].errors["code"] == [
        "This code is not correct: type the current code of your authenticator app."
    ]
    assert not Signature.objects.exists()
    response = client.post(sign_url(agreed), {"consent": "on", "password": PASSWORD, "code": totp_code()})
    assert response.status_code == 302
    assert Signature.objects.filter(user=cast.user("party_coordinator")).count() == 1


def test_an_account_without_an_authenticator_app_is_not_asked_for_a_code(cast, agreed):
    page = client_of(cast.user("party_coordinator")).get(sign_url(agreed)).content.decode()
    assert 'name="code"' not in page


def test_wrong_passwords_are_refused_with_429_before_the_next_is_checked(cast, agreed, make_user, checked):
    # Three signatories of the parties: five attempts each at most, ten on one version.
    third = make_user("signataire@jette.test", full_name="Troisième Signataire")
    Membership.objects.create(organisation=cast.jette, user=third, role=Role.COORDINATOR, may_sign=True)
    first, second = cast.user("party_coordinator"), cast.user("partner_coordinator")
    clients = {user: client_of(user) for user in (first, second, third)}
    wrong = {"consent": "on", "password": "not-my-password"}

    def attempt(user):
        return clients[user].post(sign_url(agreed), wrong)

    for _n in range(5):
        assert attempt(first).status_code == 200
    assert len(checked) == 5
    assert attempt(first).status_code == 429  # the sixth of one person
    assert len(checked) == 5
    for _n in range(5):
        assert attempt(second).status_code == 200
    assert len(checked) == 10
    # Eleven attempts on this version: the next one, by anyone, is refused before its password is checked.
    response = attempt(third)
    assert response.status_code == 429 and len(checked) == 10
    response = clients[third].post(sign_url(agreed), {"consent": "on", "password": PASSWORD})
    assert response.status_code == 429 and len(checked) == 10
    assert not Signature.objects.exists()
