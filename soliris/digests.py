"""Mail that gathers notifications: each person's daily or weekly digest, and the one-click
unsubscribe (``List-Unsubscribe``) of the mails that can be turned off.

A person chooses per topic (``soliris.notifications.notification_settings``) an e-mail at once,
a digest or nothing more; ``soliris.mail.send`` leaves the entries of a digested topic waiting
(``Notification.digest``), and :func:`digest_send` mails them, once.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt

from soliris import mail, outbox
from soliris.models import Notification, NotificationDelivery, NotificationTopic, User
from soliris.typography import typeset


def _unsubscribed(token: str):
    """(user, topics) a one-click link stands for, or a 404 for a forged or stale one."""
    try:
        value = signing.loads(token, salt=mail.UNSUBSCRIBE_SALT)
        user = User.objects.filter(pk=int(value["u"]), is_active=True).first()
        topic = str(value["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404 from None
    if user is None or (topic != "digest" and topic not in NotificationTopic.values):
        raise Http404
    if topic == "digest":
        chosen = user.notification_delivery or {}
        digested = (NotificationDelivery.DAILY, NotificationDelivery.WEEKLY)
        return user, [t for t in NotificationTopic.values if chosen.get(t) in digested]
    return user, [topic]


@csrf_exempt  # the signed token is the proof; a mail client's one-click POST carries no cookie
def unsubscribe(request, token):
    """The ``List-Unsubscribe`` address: a light page that asks (GET), and the one-click POST
    (RFC 8058) that turns the topics to "in the application only". No log-in: the token is
    signed for one person."""
    user, topics = _unsubscribed(token)
    done = False
    if request.method == "POST":
        with transaction.atomic():
            user = User.objects.select_for_update().get(pk=user.pk)
            user.notification_delivery = {
                **(user.notification_delivery or {}),
                **dict.fromkeys(topics, NotificationDelivery.APP),
            }
            user.save(update_fields=["notification_delivery"])
        done = True
    labels = [NotificationTopic(topic).label for topic in topics]
    return render(request, "soliris/unsubscribe.html", {"topics": labels, "done": done, "token": token})


DIGEST_LISTED = 50  # a digest lists at most this many entries in full; the rest are counted
DIGEST_HOUR = 6  # UTC: the morning in Europe, the night before in the Americas


def digest_boundary(frequency: str, now):
    """The last time a ``frequency`` digest was due: today's (or yesterday's) 06:00 UTC, or
    the last Monday's. A digest lists what came before it."""
    due = now.astimezone(UTC).replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if due > now:
        due -= timedelta(days=1)
    if frequency == NotificationDelivery.WEEKLY:
        due -= timedelta(days=due.weekday())
    return due


def digest_send(frequency: str, *, now=None) -> int:
    """One e-mail per person listing the entries waiting for their ``frequency`` digest that
    came before it was last due (:func:`digest_boundary`). Returns how many were queued.

    Beat runs it every few minutes, so a digest missed while the worker was down goes as soon
    as it is back. The entries are locked (``SKIP LOCKED``) and marked mailed in the
    transaction that puts the digest in the outbox: two runs never list the same entry, and
    the outbox delivers each row once."""
    now = now or timezone.now()
    waiting = Notification.objects.filter(
        digest=frequency, mailed_at__isnull=True, created_at__lt=digest_boundary(frequency, now)
    )
    users = waiting.order_by().values_list("user_id", flat=True).distinct()
    queued = 0
    for user_id in list(users):
        with transaction.atomic():
            entries = list(
                waiting.select_for_update(skip_locked=True)
                .filter(user_id=user_id)
                .order_by("created_at", "id")
            )
            if not entries:
                continue
            user = User.objects.get(pk=user_id)
            if user.is_active and user.email:
                _digest_queue(user, frequency, entries)
                queued += 1
            Notification.objects.filter(pk__in=[entry.pk for entry in entries]).update(mailed_at=now)
    return queued


def _digest_queue(user, frequency: str, entries: list) -> None:
    language = user.preferred_language or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        listed = entries[:DIGEST_LISTED]
        items = [
            {
                "entry": entry,
                "topic": NotificationTopic(entry.topic).label
                if entry.topic in NotificationTopic.values
                else "",
                "url": settings.SITE_URL + reverse("notification_open", args=[entry.key]),
            }
            for entry in listed
        ]
        values = {
            "recipient": user,
            "items": items,
            "more": len(entries) - len(listed),
            "daily": frequency == NotificationDelivery.DAILY,
            "centre_url": mail.absolute_url("notifications", language=language),
        }
        subject = typeset(
            " ".join(render_to_string("soliris/email/digest_subject.txt", values).split()), language
        )
        body = typeset(render_to_string("soliris/email/digest.txt", values), language).strip()
        footer = typeset(
            " ".join(
                render_to_string(
                    "soliris/email/digest_footer.txt",
                    {
                        "daily": values["daily"],
                        "settings_url": mail.absolute_url("notification_settings", language=language),
                    },
                ).split()
            ),
            language,
        )
    outbox.enqueue_mail(
        to=[user.email],
        **mail.compose(
            subject=subject,
            body=body,
            language=language,
            footer=footer,
            headers=mail.unsubscribe_headers(user, "digest", language),
        ),
    )
