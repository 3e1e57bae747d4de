"""The one way an email leaves Soliris.

Every app calls :func:`send`: it renders the mail once per recipient, in the recipient's
stored language (or the one given), with one subject prefix, and records it in the
outbox (``soliris.outbox``) in the caller's transaction. The worker delivers it after the
commit, with retries: no app calls ``send_mail`` itself, and a mail server that is down
never turns a saved change into an error. A recipient with an account also finds it in the
notification centre (``soliris.notifications``), under the mail's subject, linked to its page.

A template ``<app>/email/<name>`` is two files: ``<name>_subject.txt`` (one line) and
``<name>.txt`` (the body). Both get the caller's context plus ``recipient`` (the user, or
``None`` for an address without an account), ``language``, ``site_url`` and ``url`` (the
``link`` reversed in the recipient's language, absolute). Subject and body are typeset in
that language (``soliris.typography``).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from soliris import notifications, outbox
from soliris.typography import typeset


@dataclass(frozen=True)
class Address:
    """A recipient without an account (an invitation to an email address)."""

    email: str
    language: str = settings.LANGUAGE_CODE


def _recipient(recipient) -> tuple[str, str, object]:
    """(email, language, user or None) of a user, an :class:`Address` or a bare email."""
    if isinstance(recipient, Address):
        return recipient.email, recipient.language, None
    if isinstance(recipient, str):
        return recipient, settings.LANGUAGE_CODE, None
    return recipient.email, recipient.preferred_language or settings.LANGUAGE_CODE, recipient


def absolute_url(url_name: str, *args, language: str | None = None) -> str:
    """``SITE_URL`` + the path of ``url_name`` in ``language`` (the active one by default)."""
    with translation.override(language or translation.get_language()):
        return settings.SITE_URL + reverse(url_name, args=args)


def send(
    recipients: Iterable,
    template: str,
    context: dict | None = None,
    *,
    link: tuple | Callable[[], str] | None = None,
    language: str | None = None,
) -> int:
    """Queue ``template`` to each recipient once (duplicates by address dropped).

    ``link`` is ``(url_name, arg, ...)`` or a function returning an absolute URL; it is
    built in each recipient's language. ``language`` forces one language for all (a
    registration made in Spanish is confirmed in Spanish). Returns how many were queued.
    """
    context = context or {}
    seen = set()
    queued = 0
    for recipient in recipients:
        email, stored_language, user = _recipient(recipient)
        if not email or email.lower() in seen:
            continue
        seen.add(email.lower())
        mail_language = language or stored_language
        if mail_language not in dict(settings.LANGUAGES):
            mail_language = settings.LANGUAGE_CODE
        with translation.override(mail_language):
            values = {
                **context,
                "recipient": user,
                "language": mail_language,
                "site_url": settings.SITE_URL,
            }
            if link is not None:
                values["url"] = link() if callable(link) else absolute_url(link[0], *link[1:])
            subject = " ".join(render_to_string(f"{template}_subject.txt", values).split())
            # The recipient's typography (French spaces before : ; ! ?), addresses untouched.
            subject = typeset(subject, mail_language)
            body = typeset(render_to_string(f"{template}.txt", values), mail_language)
        outbox.enqueue_mail(to=[email], subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=body)
        if user is not None:  # the same event in the notification centre, in the same words
            notifications.record(user, kind=template, title=subject, url=values.get("url", ""))
        queued += 1
    return queued
