"""The outbox: side effects recorded with the change, delivered after it, never lost."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from soliris import mail as soliris_mail
from soliris import outbox
from soliris.models import OutboxMessage, OutboxState


@pytest.mark.django_db(transaction=True)
def test_a_mail_is_delivered_after_the_commit_and_not_before():
    with transaction.atomic():
        message = outbox.enqueue_mail(to=["a@example.org"], subject="Hello", body="Body")
        assert mail.outbox == []
    assert [m.subject for m in mail.outbox] == ["Hello"]
    message.refresh_from_db()
    assert message.state == OutboxState.DELIVERED and message.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue_mail(to=["a@example.org"], subject="Hello", body="Body")
        raise RuntimeError
    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_refuses_leaves_the_change_saved_and_the_mail_for_later(make_user):
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("refused")),
        transaction.atomic(),
    ):
        user = make_user("saved@example.org")
        message = outbox.enqueue_mail(to=[user.email], subject="Hello", body="Body")
    message.refresh_from_db()
    assert message.state == OutboxState.PENDING
    assert message.attempts == 1 and "refused" in message.last_error
    assert message.next_attempt_at > timezone.now()
    # Not due yet: the sweep leaves it; once due, it is delivered, once.
    assert outbox.sweep() == 0
    assert outbox.sweep(now=timezone.now() + timedelta(minutes=2)) == 1
    assert outbox.sweep(now=timezone.now() + timedelta(minutes=2)) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_delay_grows_and_is_capped_at_an_hour():
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("down")):
        message = outbox.enqueue_mail(to=["a@example.org"], subject="S", body="B")
        for _ in range(12):
            OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
            outbox.sweep()
    message.refresh_from_db()
    assert message.attempts == 13
    assert message.next_attempt_at - timezone.now() <= timedelta(hours=1, seconds=5)


@pytest.mark.django_db(transaction=True)
def test_mail_is_rendered_in_each_recipients_language_with_its_own_link(make_user):
    dutch = make_user("nl@example.org", language="nl")
    spanish = make_user("es@example.org", language="es")
    queued = soliris_mail.send(
        [dutch, spanish, dutch], "tests_support/email/test_message", {"name": "Jette"}, link=("dashboard",)
    )
    assert queued == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["nl@example.org"].subject.startswith("[Soliris] ")
    assert "/nl/" in by_address["nl@example.org"].body
    assert "/es/" in by_address["es@example.org"].body
    assert by_address["nl@example.org"].body != by_address["es@example.org"].body


@pytest.mark.worker
def test_a_real_worker_delivers_what_the_outbox_holds(celery_worker, settings):
    settings.SOLIRIS_OUTBOX_EAGER = False
    message = outbox.enqueue_mail(to=["worker@example.org"], subject="Through the worker", body="B")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        message.refresh_from_db()
        if message.state == OutboxState.DELIVERED:
            break
        time.sleep(0.2)
    assert message.state == OutboxState.DELIVERED
    assert any(p.read_text().count("Through the worker") for p in celery_worker.mail_dir.glob("*"))


@pytest.mark.django_db(transaction=True)
def test_a_broker_out_of_reach_leaves_the_message_for_the_sweep(settings):
    settings.SOLIRIS_OUTBOX_EAGER = False
    with mock.patch("soliris.tasks.outbox_deliver.apply_async", side_effect=ConnectionError("no broker")):
        message = outbox.enqueue_mail(to=["later@example.org"], subject="Later", body="B")
    message.refresh_from_db()
    assert message.state == OutboxState.PENDING
    assert outbox.sweep() == 1
    assert [m.subject for m in mail.outbox] == ["Later"]


@pytest.mark.django_db(transaction=True)
def test_staff_see_what_waits_in_the_outbox_with_its_error(client, staff):
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("550 refused")):
        outbox.enqueue_mail(to=["x@example.org"], subject="Invitation à la Journée Soliris", body="B")
    client.force_login(staff)
    body = client.get("/en/status/").content.decode()
    assert "1 message waits to be delivered" in body
    assert "Invitation à la Journée Soliris" in body and "550 refused" in body
