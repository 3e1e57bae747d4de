"""The notification centre: what concerns each person, read in the application.

Besides the entry, each person chooses per topic (``NotificationTopic``) an e-mail at once, a
daily or weekly digest (:func:`digest_send`, one e-mail listing them, with a one-click
unsubscribe) or nothing more (``notification_settings``).

``soliris.mail.send`` writes an entry for each recipient who has an account, with the mail it
queues: the mail's subject in the recipient's language and the path of the page it is about.
The person sees the list (new, read, all), the number of new ones in the header, opens an entry
(which marks it read) or marks them all read. Only their own: another person's entry is a 404.
"""

from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from soliris.models import Notification, NotificationDelivery, NotificationTopic
from soliris.permissions import request_cached

SHOWN = {"new": {"read_at__isnull": True}, "read": {"read_at__isnull": False}, "all": {}}
PAGE_SIZE = 30


def record(
    user, *, kind: str, title: str, url: str = "", topic: str = "", body: str = "", **state
) -> Notification:
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
            topic: delivery
            for topic, delivery in form.cleaned_data.items()
            if delivery != NotificationDelivery.IMMEDIATE
        }
        request.user.save(update_fields=["notification_delivery"])
        messages.success(request, _("Your choices are saved."))
        return redirect("notification_settings")
    return render(request, "soliris/notification_settings.html", {"form": form})
