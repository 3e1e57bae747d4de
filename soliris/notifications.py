"""The notification centre: what concerns each person, read in the application.

Besides the entry, each person chooses per topic (``NotificationTopic``) an e-mail at once, a
daily or weekly digest (:func:`digest_send`, one e-mail listing them, with a one-click
unsubscribe) or nothing more (``notification_settings``).

``soliris.mail.send`` writes an entry for each recipient who has an account, with the mail it
queues: the mail's subject in the recipient's language and the path of the page it is about.
The person sees the list (new, read, all), the number of new ones in the header, opens an entry
(which marks it read) or marks them all read. Only their own: another person's entry is a 404.
"""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from soliris import outbox
from soliris.models import Notification, NotificationDelivery, NotificationTopic, User
from soliris.permissions import request_cached
from soliris.typography import typeset

SHOWN = {"new": {"read_at__isnull": True}, "read": {"read_at__isnull": False}, "all": {}}
PAGE_SIZE = 30


def record(user, *, kind: str, title: str, url: str = "", topic: str = "", body: str = "", **state) -> Notification:
    """An entry for ``user``: ``title`` in their language, ``url`` the page (kept as its path, so
    that it opens on whatever host serves the site), ``body`` what a digest lists; ``state`` is
    ``digest`` and ``mailed_at`` (``soliris.mail.send``)."""
    parts = urlsplit(url or "")
    page = parts.path + (f"?{parts.query}" if parts.query else "")
    return Notification.objects.create(
        user=user, kind=kind[:100], title=title[:300], path=page[:500], topic=topic, body=body, **state
    )


def unread_count(user) -> int:
    """New entries of ``user`` (once per request: the header and the page share it)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return request_cached(
        ("soliris.notifications.unread", user.pk),
        lambda: Notification.objects.filter(user=user, read_at__isnull=True).count(),
    )


def context(request) -> dict:
    """Template context: ``unread_notifications`` for the header."""
    return {"unread_notifications": unread_count(getattr(request, "user", None))}


@login_required
def notification_list(request):
    shown = request.GET.get("show") if request.GET.get("show") in SHOWN else "new"
    entries = Notification.objects.filter(user=request.user, **SHOWN[shown])
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "soliris/notifications.html",
        {"page": page, "shown": shown, "unread": unread_count(request.user)},
    )


@login_required
def notification_open(request, key):
    """Marks the entry read and opens its page (a plain link: it works from any list, with no
    script)."""
    entry = Notification.objects.filter(user=request.user, key=key).first()
    if entry is None:
        raise Http404
    if entry.read_at is None:
        Notification.objects.filter(pk=entry.pk).update(read_at=timezone.now())
    target = entry.path if url_has_allowed_host_and_scheme(entry.path, allowed_hosts=None) else ""
    return redirect(target or "notifications")


@login_required
@require_POST
def notification_read_all(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notifications")


class DeliveryForm(forms.Form):
    """One choice per topic: how the person is told, besides the entry here."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = user.notification_delivery or {}
        for topic in NotificationTopic:
            self.fields[topic.value] = forms.ChoiceField(
                label=topic.label,
                choices=NotificationDelivery.choices,
                initial=chosen.get(topic.value, NotificationDelivery.IMMEDIATE),
                widget=forms.RadioSelect,
            )


@login_required
def notification_settings(request):
    """How each topic reaches the person. Invitations and what asks for their decision always
    come at once, whatever they choose: the page says so."""
    form = DeliveryForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        request.user.notification_delivery = {
            topic: delivery for topic, delivery in form.cleaned_data.items()
            if delivery != NotificationDelivery.IMMEDIATE
        }
        request.user.save(update_fields=["notification_delivery"])
        messages.success(request, _("Your choices are saved."))
        return redirect("notification_settings")
    return render(request, "soliris/notification_settings.html", {"form": form})


def _unsubscribed(token: str):
    """(user, topics) a one-click link stands for, or a 404 for a forged or stale one."""
    from soliris import mail  # mail writes the entries: imported when used

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
                **{topic: NotificationDelivery.APP for topic in topics},
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
                waiting.select_for_update(skip_locked=True).filter(user_id=user_id).order_by("created_at", "id")
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
    from soliris import mail  # mail writes the entries: imported when used

    language = user.preferred_language or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        listed = entries[:DIGEST_LISTED]
        items = [
            {
                "entry": entry,
                "topic": NotificationTopic(entry.topic).label if entry.topic in NotificationTopic.values else "",
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
        subject = typeset(" ".join(render_to_string("soliris/email/digest_subject.txt", values).split()), language)
        body = typeset(render_to_string("soliris/email/digest.txt", values), language).strip()
        footer = typeset(
            " ".join(
                render_to_string(
                    "soliris/email/digest_footer.txt",
                    {"daily": values["daily"], "settings_url": mail.absolute_url("notification_settings", language=language)},
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
