"""One log-in for everyone, no staff page without a second factor, re-authentication for
account changes, limits on the anonymous verification, forged addresses answered 404."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD, totp_code

pytestmark = pytest.mark.django_db


def test_the_admin_login_page_sends_to_the_one_login_with_its_second_factor(make_user):
    staff = make_user("admin-login@soliris.test", staff=True)
    client = Client()
    response = client.get("/fr/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=")
    # A password posted to the admin's own form logs nobody in.
    client.post("/fr/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # Through the one log-in: the password, then the code.
    response = client.post("/fr/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302 and "/2fa/" in response["Location"]
    assert "_auth_user_id" not in client.session
    response = client.post(response["Location"], {"code": totp_code()})
    assert response.status_code == 302
    assert client.get("/fr/admin/").status_code == 200


def test_wrong_passwords_for_the_admin_are_limited_like_any_log_in(make_user):
    staff = make_user("limited-admin@soliris.test", staff=True)
    client = Client()
    for _ in range(6):
        client.post("/fr/accounts/login/", {"login": staff.email, "password": "wrong"})
    response = client.post("/fr/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "/2fa/" not in response.get("Location", "")


@pytest.mark.parametrize("path", ["/fr/admin/", "/fr/status/", "/fr/organisations/verification/"])
def test_staff_without_a_second_factor_are_asked_to_set_one_up_first(make_user, path):
    staff = make_user("no-factor@soliris.test", staff=True, second_factor=False)
    client = Client()
    client.force_login(staff)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/totp/activate/"


def test_changing_the_email_address_asks_for_the_password_again(make_user):
    user = make_user("change-email@example.org")
    client = Client()
    client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    from django.utils import timezone

    session = client.session
    # allauth remembers the log-in for five minutes: past that, a change asks again.
    session["account_authentication_methods"] = [
        {"method": "password", "at": timezone.now().timestamp() - 3600, "email": user.email}
    ]
    session.save()
    response = client.post("/fr/accounts/email/", {"action_add": "", "email": "stolen@example.org"})
    assert response.status_code == 302
    assert "/reauthenticate/" in response["Location"]
    assert not user.emailaddress_set.filter(email="stolen@example.org").exists()


def test_the_anonymous_verification_is_rate_limited():
    client = Client()
    statuses = [client.post("/fr/verify/", {}).status_code for _ in range(22)]
    assert statuses[0] == 400 and statuses[-1] == 429


def test_a_request_larger_than_the_cap_is_refused_before_it_is_read(settings):
    settings.SOLIRIS_MAX_REQUEST_BYTES = 1000
    client = Client()
    response = client.post("/fr/verify/", {"document": "x" * 5000})
    assert response.status_code == 413


@pytest.mark.parametrize("key", ["%00", "a" * 1000, "ABC", "x%00y"])
def test_a_forged_key_in_a_pdf_address_is_a_404(make_user, key):
    client = Client(raise_request_exception=False)
    client.force_login(make_user())
    assert client.get(f"/fr/documents/{key}/").status_code == 404


def test_every_page_carries_a_strict_content_security_policy_and_a_permissions_policy():
    response = Client().get("/fr/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
