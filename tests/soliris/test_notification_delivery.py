"""How each person is told, besides the entry in their notification centre: an e-mail at once,
a daily or weekly digest, or nothing more, chosen per topic; what asks for a decision always
goes at once; every mail says why it came, has an HTML part, and a digest can be stopped in
one click (List-Unsubscribe)."""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from soliris import digests, mail, notifications, outbox
from soliris.models import (
    Notification,
    NotificationDelivery,
    NotificationTopic,
    OutboxKind,
    OutboxMessage,
    OutboxState,
)

TEMPLATE = "tests_support/email/test_message"


def told(user, *, topic=NotificationTopic.PARTNERSHIPS, action=False, n=1):
    for i in range(n):
        mail.send([user], TEMPLATE, {"name": f"Tarija {i}"}, link=("dashboard",), topic=topic, action=action)


def choose(user, **choices):
    user.notification_delivery = choices
    user.save(update_fields=["notification_delivery"])


@pytest.mark.django_db
def test_by_default_a_mail_goes_at_once_with_why_an_html_part_and_an_unsubscribe_header(make_user):
    user = make_user(language="es")
    told(user)
    message = OutboxMessage.objects.get()
    payload = message.payload
    assert payload["to"] == [user.email]
    assert "/es/notifications/settings/" in payload["body"]  # the footer: why, and how to change it
    assert payload["body"].index("-- \n") > payload["body"].index("/es/dashboard/")
    assert payload["html"].startswith("<!doctype html>") and 'lang="es"' in payload["html"]
    assert 'href="http://127.0.0.1:8000/es/dashboard/"' in payload["html"]  # its links open
    unsubscribe = payload["headers"]["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://127.0.0.1:8000/es/unsubscribe/")
    assert payload["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    entry = Notification.objects.get(user=user)
    assert entry.mailed_at is not None and entry.digest == "" and entry.topic == "partnerships"


@pytest.mark.django_db
def test_a_decision_always_goes_at_once_whatever_the_choice_and_carries_no_unsubscribe(make_user):
    user = make_user()
    choose(user, partnerships=NotificationDelivery.APP)
    told(user, action=True)
    payload = OutboxMessage.objects.get().payload
    assert "List-Unsubscribe" not in payload["headers"]
    assert Notification.objects.get(user=user).mailed_at is not None


@pytest.mark.django_db
def test_in_the_application_only_means_an_entry_and_no_mail(make_user):
    user = make_user()
    choose(user, partnerships=NotificationDelivery.APP)
    told(user)
    told(user, topic=NotificationTopic.EVENTS)  # another topic keeps its own choice
    assert OutboxMessage.objects.count() == 1
    assert Notification.objects.filter(user=user).count() == 2


@pytest.mark.django_db
def test_a_daily_digest_lists_everything_in_the_persons_language_once(make_user):
    user = make_user(language="es")
    choose(user, partnerships=NotificationDelivery.DAILY, events=NotificationDelivery.DAILY)
    told(user, n=2)
    told(user, topic=NotificationTopic.EVENTS)
    assert not OutboxMessage.objects.exists()  # nothing at once
    entries = list(Notification.objects.filter(user=user).order_by("created_at"))
    assert {entry.digest for entry in entries} == {"daily"}
    created = entries[-1].created_at

    assert digests.digest_send("daily", now=created) == 0  # not due yet: tomorrow at 6
    tomorrow = (created + timedelta(days=1)).replace(hour=6, minute=5)
    assert digests.digest_send("weekly", now=tomorrow) == 0  # not a weekly reader
    assert digests.digest_send("daily", now=tomorrow) == 1
    digest = OutboxMessage.objects.get().payload
    assert "3" in digest["subject"] and "Soliris" in digest["subject"]
    for entry in entries:  # each one with its text and its own link, enough to act on
        assert entry.title in digest["body"]
        assert entry.body.splitlines()[0] in digest["body"]
        assert f"/es/notifications/{entry.key}/" in digest["body"]
    assert "/es/unsubscribe/" in digest["headers"]["List-Unsubscribe"]
    assert "/es/notifications/settings/" in digest["body"]
    assert digests.digest_send("daily", now=tomorrow + timedelta(minutes=10)) == 0  # never twice
    assert not Notification.objects.filter(user=user, mailed_at__isnull=True).exists()


@pytest.mark.django_db
def test_a_weekly_digest_waits_for_monday_morning(make_user):
    user = make_user(language="nl")
    choose(user, projects=NotificationDelivery.WEEKLY)
    told(user, topic=NotificationTopic.PROJECTS)
    entry = Notification.objects.get()
    wednesday = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    Notification.objects.filter(pk=entry.pk).update(created_at=wednesday)
    assert digests.digest_send("weekly", now=wednesday + timedelta(days=4)) == 0  # Sunday
    monday = datetime(2026, 12, 7, 6, 1, tzinfo=UTC)
    assert digests.digest_boundary("weekly", monday) == datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
    # The worker was down on Monday morning: the digest goes as soon as it is back.
    assert digests.digest_send("weekly", now=monday + timedelta(hours=5)) == 1
    assert "/nl/" in OutboxMessage.objects.get().payload["body"]


@pytest.mark.django_db(transaction=True)
def test_two_digest_runs_at_once_list_each_entry_in_one_mail_only(make_user):
    user = make_user()
    choose(user, partnerships=NotificationDelivery.DAILY)
    told(user, n=3)
    later = datetime.now(UTC) + timedelta(days=1, hours=1)
    results = []

    def run():
        try:
            results.append(digests.digest_send("daily", now=later))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == 1
    assert OutboxMessage.objects.count() == 1
    assert len(django_mail.outbox) == 1  # delivered once, after the commit (eager outbox)


@pytest.mark.django_db
def test_the_choices_page_saves_per_topic_and_says_decisions_always_come(make_user):
    user = make_user(language="fr")
    browser = Client()
    browser.force_login(user)
    page = browser.get("/fr/notifications/settings/")
    assert page.status_code == 200 and 'type="radio"' in page.content.decode()
    data = dict.fromkeys(NotificationTopic.values, NotificationDelivery.IMMEDIATE)
    data["events"] = NotificationDelivery.WEEKLY
    data["comments"] = NotificationDelivery.APP
    saved = browser.post("/fr/notifications/settings/", data)
    assert saved.status_code == 302
    user.refresh_from_db()
    assert user.notification_delivery == {"events": "weekly", "comments": "app"}
    refused = browser.post("/fr/notifications/settings/", {**data, "events": "hourly"})
    assert refused.status_code == 200 and "hourly" not in str(user.notification_delivery)
    assert Client().get("/fr/notifications/settings/").status_code == 302  # to the log-in


@pytest.mark.django_db
def test_one_click_unsubscribe_needs_no_login_and_cannot_be_forged(make_user):
    user = make_user(language="es")
    told(user)
    address = OutboxMessage.objects.get().payload["headers"]["List-Unsubscribe"].strip("<>")
    path = address.removeprefix("http://127.0.0.1:8000")
    mail_client = Client(enforce_csrf_checks=True)  # a mail client: no cookie, no CSRF token
    asked = mail_client.get(path)
    assert asked.status_code == 200 and b"<script" not in asked.content and len(asked.content) < 20_000
    user.refresh_from_db()
    assert user.notification_delivery == {}  # opening the link changes nothing
    done = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200
    user.refresh_from_db()
    assert user.notification_delivery == {"partnerships": "app"}
    told(user)
    assert OutboxMessage.objects.count() == 1  # no more mail for that topic, still an entry
    assert Notification.objects.filter(user=user).count() == 2
    assert mail_client.post(path[:-6] + "forged/").status_code == 404
    other = make_user()
    assert mail_client.post(f"/es/unsubscribe/{mail.unsubscribe_token(other, 'nope')}/").status_code == 404
    other.is_active = False
    other.save()
    assert mail_client.post(f"/es/unsubscribe/{mail.unsubscribe_token(other, 'events')}/").status_code == 404


@pytest.mark.django_db
def test_stopping_a_digest_stops_the_digested_topics_only(make_user):
    user = make_user()
    choose(user, partnerships="daily", events="weekly", projects="app")
    token = mail.unsubscribe_token(user, "digest")
    assert Client().post(f"/fr/unsubscribe/{token}/").status_code == 200
    user.refresh_from_db()
    assert user.notification_delivery == {"partnerships": "app", "events": "app", "projects": "app"}


@pytest.mark.django_db
def test_a_topic_less_mail_answers_what_the_person_did_and_a_bare_address_is_told_why(make_user):
    user = make_user()
    choose(user, **dict.fromkeys(NotificationTopic.values, "app"))
    mail.send([user], TEMPLATE, {"name": "x"})  # a confirmation of their own action
    mail.send([mail.Address("new@example.org", "nl")], TEMPLATE, {"name": "x"}, topic="partnerships")
    bodies = {m.payload["to"][0]: m.payload["body"] for m in OutboxMessage.objects.all()}
    assert set(bodies) == {user.email, "new@example.org"}
    assert "127.0.0.1:8000" in bodies["new@example.org"].split("-- \n")[1]


def test_the_digest_of_many_entries_is_one_mail_with_constant_queries(django_db_blocker, db, make_user):
    counts = []
    for n in (3, 60):
        user = make_user()
        choose(user, partnerships="daily")
        for i in range(n):
            notifications.record(
                user, kind="k", title=f"T{i}", topic="partnerships", body="B", digest="daily"
            )
        with CaptureQueriesContext(connection) as queries:
            assert digests.digest_send("daily", now=datetime.now(UTC) + timedelta(days=2)) == 1
        counts.append(len(queries))
    assert counts[0] == counts[1]
    body = OutboxMessage.objects.order_by("-id").first().payload["body"]
    assert "T49" in body and "T50" not in body  # 50 in full, the rest counted with the centre's link


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_leaves_the_row_to_send_once(tmp_path):
    """A process delivering the outbox row is killed while the mail server takes its time: the
    row stays pending (its transaction rolled back, no other worker blocked for long) and the
    next sweep delivers it once."""
    from tests.conftest import BASE_DIR, database_url

    # The row alone, not handed to the queue: a worker another test started would take it.
    message = OutboxMessage.objects.create(
        kind=OutboxKind.MAIL, payload={"to": ["slow@example.org"], "subject": "Once", "body": "B"}
    )
    sending, sent = tmp_path / "sending", tmp_path / "sent"
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"from soliris import outbox; outbox.deliver({message.pk})",
        ],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "soliris.settings_test",
            "DATABASE_URL": database_url(),
            "EMAIL_BACKEND": "tests.support.mail_backends.SlowBackend",
            "SOLIRIS_TEST_SENDING": str(sending),
            "SOLIRIS_TEST_SENT": str(sent),
        },
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not sending.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        assert sending.exists(), "the delivering process never reached the mail server"
        assert outbox.deliver(message.pk) is False  # locked by the process: not sent a second time
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    delivered = False
    while not delivered and time.monotonic() < deadline:  # until PostgreSQL ends the dead session
        delivered = outbox.sweep() == 1
        time.sleep(0.2)
    message.refresh_from_db()
    assert delivered and message.state == OutboxState.DELIVERED and message.attempts == 1
    assert not sent.exists()  # the killed attempt never got through
    assert [m.subject for m in django_mail.outbox] == ["Once"]
    assert django_mail.outbox[0].extra_headers["Message-ID"] == outbox.message_id_of(message)
    assert outbox.sweep() == 0 and len(django_mail.outbox) == 1
