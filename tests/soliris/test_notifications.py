"""The notification centre: each mail to a person with an account is also an entry of theirs,
in their language, linked to its page; they alone see, open and mark them."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from soliris import mail, notifications
from soliris.models import Notification

pytestmark = pytest.mark.django_db


def test_a_mail_to_a_person_is_also_an_entry_in_their_language_linked_to_the_page(cast, invited):
    entry = Notification.objects.get(user=cast.user("partner_coordinator"))
    assert entry.kind == "partners/email/party_invited" and entry.read_at is None
    assert "alianza" in entry.title.lower()  # the mail's subject, in Spanish
    assert entry.path == f"/es/partnerships/{invited.key}/"
    mail.send([mail.Address("someone@example.org")], "partners/email/party_invited", {"partnership": invited})
    assert Notification.objects.count() == 1  # an address without an account has no centre


def test_the_person_sees_counts_opens_and_marks_their_own(cast, invited):
    browser = Client()
    browser.force_login(cast.user("partner_coordinator"))
    page = browser.get("/es/notifications/")
    body = page.content.decode()
    entry = Notification.objects.get()
    assert page.status_code == 200 and entry.title in body
    assert 'class="badge">1' in body  # the header's count of new ones
    opened = browser.get(f"/es/notifications/{entry.key}/")
    assert opened.status_code == 302 and opened["Location"] == f"/es/partnerships/{invited.key}/"
    entry.refresh_from_db()
    assert entry.read_at is not None
    assert entry.title not in browser.get("/es/notifications/").content.decode()  # no longer new
    assert entry.title in browser.get("/es/notifications/?show=read").content.decode()


def test_nobody_else_sees_or_opens_them(cast, invited):
    entry = Notification.objects.get()
    other = Client()
    other.force_login(cast.user("party_coordinator"))
    assert entry.title not in other.get("/fr/notifications/?show=all").content.decode()
    assert other.get(f"/fr/notifications/{entry.key}/").status_code == 404
    entry.refresh_from_db()
    assert entry.read_at is None
    visitor = Client().get("/fr/notifications/")
    assert visitor.status_code == 302 and "/accounts/login/" in visitor["Location"]


def test_mark_all_as_read(cast, invited):
    user = cast.user("partner_coordinator")
    notifications.record(user, kind="test", title="Otra", url="http://127.0.0.1:8000/es/dashboard/")
    browser = Client()
    browser.force_login(user)
    assert browser.get("/es/notifications/").status_code == 200
    assert browser.post("/es/notifications/read-all/").status_code == 302
    assert not Notification.objects.filter(user=user, read_at__isnull=True).exists()
    assert browser.get("/es/notifications/read-all/").status_code == 405  # a link cannot mark them


def test_the_list_reads_the_same_number_of_rows_whatever_its_length(cast):
    user = cast.user("party_coordinator")
    browser = Client()
    browser.force_login(user)

    def queries_with(count):
        Notification.objects.filter(user=user).delete()
        Notification.objects.bulk_create(
            Notification(user=user, kind="test", title=f"Entrée {n}", path="/fr/dashboard/")
            for n in range(count)
        )
        browser.get("/fr/notifications/?show=all")
        with CaptureQueriesContext(connection) as context:
            response = browser.get("/fr/notifications/?show=all")
        body = response.content.decode()
        assert response.status_code == 200 and f"Entrée {count - 1}" in body
        assert ("?show=all&amp;page=2" in body) is (count > notifications.PAGE_SIZE)  # pages keep the tab
        return len(context.captured_queries)

    assert queries_with(5) == queries_with(500)


def test_an_entry_never_opens_another_site(cast):
    user = cast.user("party_coordinator")
    entry = notifications.record(user, kind="test", title="x", url="https://evil.example//evil.example/x")
    browser = Client()
    browser.force_login(user)
    response = browser.get(f"/fr/notifications/{entry.key}/")
    assert response.status_code == 302 and not response["Location"].startswith(("//", "http"))
