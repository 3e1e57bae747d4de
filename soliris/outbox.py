"""The transactional outbox: side effects recorded with the change, delivered after it.

``enqueue_mail`` and ``enqueue_task`` write an :class:`~soliris.models.OutboxMessage` in the
caller's transaction. Once it commits, the message is handed to the worker (the
``soliris.tasks.outbox_deliver`` task) — or, with ``SOLIRIS_OUTBOX_EAGER`` (the tests'
settings), delivered in the same process. Whatever fails after the commit (the broker, the
mail server) is logged and retried with a growing delay by :func:`sweep`, which beat runs
every minute: the person whose change was saved is never shown an error for it.

A message is sent while its row is locked and marked delivered in the same transaction:
two workers never send the same row, and a worker killed mid-send leaves it pending (its
transaction rolls back), so the next attempt sends it. Only a worker killed in the instant
between the mail server's acceptance and the commit sends it twice; the copy then carries
the same ``Message-ID`` (one per row), which mail clients use to show it once.
"""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from soliris.models import OutboxKind, OutboxMessage, OutboxState

logger = logging.getLogger(__name__)

# Waits between attempts: 1, 2, 4, 8... minutes, at most an hour; retried until delivered.
MAX_DELAY = timedelta(hours=1)
SWEEP_BATCH = 200


def enqueue_mail(*, to: list[str], subject: str, body: str, html: str = "", headers=None) -> OutboxMessage:
    """Record an email to send once the current transaction commits."""
    return _enqueue(
        OutboxKind.MAIL,
        {"to": list(to), "subject": subject, "body": body, "html": html, "headers": dict(headers or {})},
    )


def enqueue_task(task: str, *args, **kwargs) -> OutboxMessage:
    """Record a Celery task (by its registered name) to queue once the transaction commits."""
    return _enqueue(OutboxKind.TASK, {"task": task, "args": list(args), "kwargs": kwargs})


def _enqueue(kind: str, payload: dict) -> OutboxMessage:
    message = OutboxMessage.objects.create(kind=kind, payload=payload)
    message_id = message.pk
    transaction.on_commit(lambda: dispatch(message_id))
    return message


def dispatch(message_id: int) -> None:
    """After the commit: deliver now (eager) or hand the message to the worker. Never raises."""
    try:
        if settings.SOLIRIS_OUTBOX_EAGER:
            deliver(message_id)
        else:
            from soliris.tasks import outbox_deliver

            # No retry loop in the request: a broker that is down is the sweep's business.
            outbox_deliver.apply_async((message_id,), retry=False)
    except Exception:
        # The broker is out of reach: the sweep delivers it once it is back.
        logger.warning("outbox: message %s left for the sweep", message_id, exc_info=True)


def deliver(message_id: int) -> bool:
    """Deliver one pending message; True when it was delivered by this call.

    The row is locked for the delivery (``SKIP LOCKED``: two workers never take the same
    message), then marked delivered in the same transaction; a failure is recorded with
    the time of the next attempt.
    """
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, state=OutboxState.PENDING)
            .first()
        )
        if message is None:
            return False
        try:
            _send(message)
        except Exception as error:
            message.attempts += 1
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            message.next_attempt_at = timezone.now() + min(
                timedelta(minutes=2 ** min(message.attempts - 1, 10)), MAX_DELAY
            )
            message.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            logger.warning("outbox: %s not delivered (attempt %s): %s", message, message.attempts, error)
            return False
        message.state = OutboxState.DELIVERED
        message.delivered_at = timezone.now()
        message.attempts += 1
        message.save(update_fields=["state", "delivered_at", "attempts"])
        return True


def _send(message: OutboxMessage) -> None:
    payload = message.payload
    if message.kind == OutboxKind.MAIL:
        email = EmailMultiAlternatives(
            subject=payload["subject"],
            body=payload["body"],
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=payload["to"],
            headers={"Message-ID": message_id_of(message), **(payload.get("headers") or {})},
        )
        if payload.get("html"):
            email.attach_alternative(payload["html"], "text/html")
        email.send()
    else:
        from soliris.celery import app

        app.send_task(payload["task"], args=payload.get("args", []), kwargs=payload.get("kwargs", {}))


def message_id_of(message: OutboxMessage) -> str:
    """One ``Message-ID`` per outbox row, the same at every attempt."""
    domain = urlsplit(settings.SITE_URL).hostname or "soliris.localhost"
    return f"<outbox.{message.pk}.{int(message.created_at.timestamp())}@{domain}>"


def sweep(*, now=None) -> int:
    """Deliver every pending message whose time has come (beat runs this every minute)."""
    now = now or timezone.now()
    due = list(
        OutboxMessage.objects.filter(state=OutboxState.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    return sum(deliver(message_id) for message_id in due)


def pending():
    """Messages still waiting, oldest first (the status page shows them with their errors)."""
    return OutboxMessage.objects.filter(state=OutboxState.PENDING).order_by("created_at", "id")
