"""Each person in charge of their own data: the export holds each kind of record, erasing
asks for the password again, removes what may go, and leaves shared records attributed to a
former member."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone

from partners.models import Membership
from soliris.models import AuditEntry, User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(cast):
    return cast.user("party_coordinator")


def logged_in(user):
    client = Client()
    client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    return client


def test_the_export_holds_the_profile_and_each_kind_of_record(member, cast):
    from soliris import audit

    audit.record("partners.partnership.updated", actor=member, subject=cast.partnership)
    response = logged_in(member).get("/fr/profile/my-data/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email
    assert {"email": member.email, "verified": True, "primary": True} in data["email_addresses"]
    kinds = set(data["records"])
    assert any(kind.startswith("partners.Membership") for kind in kinds)
    assert any(kind.startswith("soliris.AuditEntry") for kind in kinds)
    assert "password" not in response.content.decode()


def test_the_my_data_page_counts_the_records(member):
    page = logged_in(member).get("/fr/profile/my-data/")
    assert page.status_code == 200
    assert "partners.Membership" in page.content.decode()


def test_erasing_asks_for_the_password_again(member):
    client = logged_in(member)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": timezone.now().timestamp() - 3600, "email": member.email}
    ]
    session.save()
    response = client.post("/fr/profile/erase/", {"confirm": "erase"})
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]
    member.refresh_from_db()
    assert member.erased_at is None


def test_an_erased_person_cannot_log_in_and_their_shared_records_stay_as_a_former_member(member, cast):
    from soliris import audit

    entry = audit.record("partners.partnership.updated", actor=member, subject=cast.partnership)
    email = member.email
    client = logged_in(member)
    response = client.post("/fr/profile/erase/", {"confirm": "erase"})
    # The password again (allauth's re-authentication), which then carries out the request.
    assert "/reauthenticate/" in response["Location"]
    response = client.post(response["Location"], {"password": PASSWORD, "next": "/fr/profile/erase/"})
    assert response.status_code == 302 and response["Location"] == "/fr/"
    erased = User.objects.get(pk=member.pk)
    assert erased.erased_at is not None and not erased.is_active
    assert not User.objects.filter(email=email).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert email not in json.dumps(list(User.objects.values()), default=str)
    assert not Membership.objects.filter(user=erased, active_until__isnull=True).exists()
    assert Membership.objects.filter(user=erased).exists()  # history kept
    from django.utils import translation

    with translation.override("en"):
        assert str(AuditEntry.objects.get(pk=entry.pk).actor) == "a former member"
    assert Client().post("/fr/accounts/login/", {"login": email, "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_export_reads_every_kind_of_value(cast):
    """Countries, files, arrays and the like are written as read: never a 500 on export."""
    from django.core.serializers.json import DjangoJSONEncoder

    from soliris import privacy

    row = privacy._row(cast.jette)
    assert row["country"] == "BE"
    json.dumps(row, cls=DjangoJSONEncoder)
