import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from soliris.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

# Account mails go through the outbox, delivered when the request's transaction commits.
ACCOUNT_MAIL = pytest.mark.django_db(transaction=True)


def sign_up(client, email="nadia@example.org", language="es", path="/fr/accounts/signup/"):
    return client.post(
        path,
        {
            "email": email,
            "full_name": "Nadia Mertens",
            "preferred_language": language,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


@ACCOUNT_MAIL
def test_sign_up_stores_the_name_and_language_and_asks_to_verify_the_email(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="nadia@example.org")
    assert user.full_name == "Nadia Mertens"
    assert user.preferred_language == "es"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "nadia@example.org" in mail.outbox[0].to


@ACCOUNT_MAIL
def test_an_unverified_account_cannot_log_in_until_the_link_is_followed(client):
    sign_up(client)
    client.logout()
    response = client.post("/fr/accounts/login/", {"login": "nadia@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    confirm = client.get(link)
    assert confirm.status_code == 200
    client.post(link)
    assert EmailAddress.objects.get(email="nadia@example.org").verified


def test_sign_up_form_errors_keep_what_was_typed(client):
    response = client.post(
        "/fr/accounts/signup/",
        {"email": "not-an-email", "full_name": "Nadia Mertens", "password1": "x", "password2": "y"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Nadia Mertens"' in body
    assert 'value="not-an-email"' in body
    assert not User.objects.exists()


def test_log_in_applies_the_preferred_language(client, make_user):
    make_user("maria@example.org", language="es")
    response = client.post("/fr/accounts/login/", {"login": "maria@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/es/dashboard/"
    assert response.cookies["soliris_language"].value == "es"


def test_log_in_is_rate_limited_after_repeated_failures(client, make_user):
    make_user("maria@example.org")
    for _attempt in range(5):
        client.post("/fr/accounts/login/", {"login": "maria@example.org", "password": "wrong-password"})
    response = client.post("/fr/accounts/login/", {"login": "maria@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "Trop de tentatives" in response.content.decode()


@ACCOUNT_MAIL
def test_password_reset_sends_a_link_in_the_users_language(client, make_user):
    make_user("maria@example.org", language="es")
    response = client.post("/es/accounts/password/reset/", {"email": "maria@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/es/accounts/password/reset/key/" in mail.outbox[0].body


def test_email_change_and_two_factor_pages_are_there_for_a_member(client, make_user):
    client.force_login(make_user())
    assert client.get("/fr/accounts/email/").status_code == 200
    assert client.get("/fr/accounts/2fa/").status_code == 200
    # Activating TOTP asks for the password again first.
    response = client.get("/fr/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert "/fr/accounts/reauthenticate/" in response["Location"]


def test_profile_saves_the_language_and_keeps_bad_input(client, make_user):
    user = make_user(language="fr")
    client.force_login(user)
    response = client.post("/fr/profile/", {"full_name": "A" * 200, "preferred_language": "nl"})
    assert response.status_code == 200
    assert "A" * 200 in response.content.decode()
    response = client.post("/fr/profile/", {"full_name": "Lotte Peeters", "preferred_language": "nl"})
    assert response.status_code == 302
    assert response["Location"] == "/nl/profile/"
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Lotte Peeters", "nl")


def test_pages_for_members_send_visitors_to_log_in(client):
    for path in ("/fr/dashboard/", "/fr/profile/", "/fr/status/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/accounts/login/")


@ACCOUNT_MAIL
@pytest.mark.parametrize(
    "language, said, not_said",
    [
        (
            "nl",
            ["Goedendag, hier is Soliris.", "uw wachtwoord", "het team van Soliris"],
            [" je ", "Hallo van"],
        ),
        ("fr", ["Bonjour, c\u2019est Soliris\u202f!"], ["Hello"]),
    ],
)
def test_account_mails_are_queued_signed_soliris_and_formal_in_dutch(
    client, make_user, language, said, not_said
):
    from soliris.models import OutboxMessage

    make_user("lotte@example.org", language=language)
    response = client.post(f"/{language}/accounts/password/reset/", {"email": "lotte@example.org"})
    assert response.status_code == 302
    assert OutboxMessage.objects.filter(kind="mail").count() == 1  # the one mail path
    body = mail.outbox[0].body
    for text in said:
        assert text.replace("\u2019", "'") in body.replace("\u2019", "'"), body
    for text in not_said:
        assert text not in body
    assert (
        "testserver" not in body and f"http://127.0.0.1:8000/{language}/accounts/password/reset/key/" in body
    )
