"""Emails to the parties' members about a document, each in the recipient's own language."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partners.models import Membership

SUBJECTS = {
    "proposed": _("Version %(number)s of “%(title)s” is proposed for approval"),
    "approved": _("A party approved version %(number)s of “%(title)s”"),
    "changes_requested": _("A party asks for changes to version %(number)s of “%(title)s”"),
    "agreed": _("Every party agreed version %(number)s of “%(title)s”"),
    "signature_requested": _("Your signature is requested on “%(title)s”"),
    "signed": _("“%(title)s” is signed by every party"),
    "mentioned": _("Your organisation is mentioned in a comment on “%(title)s”"),
}


def recipients(document, *, signatories_only=False, exclude=None, organisation_ids=None) -> list:
    if organisation_ids is None:
        organisation_ids = document.party_organisation_ids()
    memberships = Membership.objects.filter(
        organisation_id__in=organisation_ids, active_until__isnull=True
    ).select_related("user")
    if signatories_only:
        memberships = memberships.filter(may_sign=True)
    users = {}
    for membership in memberships:
        user = membership.user
        if user.is_active and (exclude is None or user.pk != exclude.pk):
            users[user.pk] = user
    return list(users.values())


def notify(document, event: str, version, *, actor=None, signatories_only=False, comment="") -> None:
    """Queue the emails of ``event``; they leave after the transaction commits."""
    users = recipients(
        document, signatories_only=signatories_only, exclude=None if signatories_only else actor
    )
    context = {
        "event": event,
        "title": document.title,
        "number": version.number,
        "actor": actor.get_full_name() if actor else "",
        "key": document.key,
        "comment": comment,
    }

    def send():
        for user in users:
            with translation.override(user.preferred_language):
                path = reverse("conventions:version_detail", args=[document.key, version.number])
                body = render_to_string(
                    "conventions/email/notification.txt",
                    {**context, "user": user, "url": settings.SITE_URL + path},
                )
                subject = str(SUBJECTS[event]) % {"number": version.number, "title": document.title}
                send_mail(subject, body, None, [user.email])

    transaction.on_commit(send)


def notify_mention(thread, organisations, *, actor) -> None:
    """The members of the parties mentioned in a new comment thread are told, after commit."""
    document = thread.document
    users = recipients(document, exclude=actor, organisation_ids=[o.pk for o in organisations])
    context = {
        "event": "mentioned",
        "title": document.title,
        "actor": actor.get_full_name(),
        "organisations": ", ".join(o.name for o in organisations),
    }
    document_key, clause_key = document.key, thread.clause.key

    def send():
        for user in users:
            with translation.override(user.preferred_language):
                path = reverse("conventions:clause_comments", args=[document_key, clause_key])
                body = render_to_string(
                    "conventions/email/notification.txt",
                    {**context, "user": user, "url": settings.SITE_URL + path},
                )
                subject = str(SUBJECTS["mentioned"]) % {"title": document.title}
                send_mail(subject, body, None, [user.email])

    transaction.on_commit(send)
