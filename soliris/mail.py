"""The one way an email leaves Soliris.

Every app calls :func:`send`: it renders the mail once per recipient, in the recipient's
stored language (or the one given), with one subject prefix, and records it in the
outbox (``soliris.outbox``) in the caller's transaction. The worker delivers it after the
commit, with retries: no app calls ``send_mail`` itself, and a mail server that is down
never turns a saved change into an error.

A recipient with an account also finds it in the notification centre
(``soliris.notifications``), under the mail's subject, linked to its page. What else they
get depends on the ``topic`` and their choice for it: an e-mail at once (the default), a
line in a daily or weekly digest, or nothing more. A mail that asks for a decision
(``action=True``: invitations, approvals, signatures) and a mail without a topic (the
answer to what the person just did) are always sent at once.

A template ``<app>/email/<name>`` is two files: ``<name>_subject.txt`` (one line) and
``<name>.txt`` (the body). Both get the caller's context plus ``recipient`` (the user, or
``None`` for an address without an account), ``language``, ``site_url`` and ``url`` (the
``link`` reversed in the recipient's language, absolute). Subject and body are typeset in
that language (``soliris.typography``). Every mail gets a footer saying why it came and
how to change it, and an HTML part made from the same text (``soliris/email/base.html``).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from soliris import notifications, outbox
from soliris.models import NotificationDelivery, NotificationTopic
from soliris.typography import typeset

UNSUBSCRIBE_SALT = "soliris.mail.unsubscribe"


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


def unsubscribe_token(user, topic: str) -> str:
    """The secret of a one-click unsubscribe link: ``topic``, or ``"digest"`` for every topic
    the person reads in a digest. Signed, so it cannot be forged for someone else."""
    return signing.dumps({"u": user.pk, "t": topic}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_headers(user, topic: str, language: str) -> dict:
    """``List-Unsubscribe`` with its one-click form (RFC 8058): a mail client offers the
    button, and its POST turns the topic to "in the application only"."""
    url = absolute_url("unsubscribe", unsubscribe_token(user, topic), language=language)
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def delivery_of(user, topic: str | None, action: bool) -> str:
    """How ``user`` is told of a mail of ``topic``."""
    if user is None or topic is None or action:
        return NotificationDelivery.IMMEDIATE
    chosen = (user.notification_delivery or {}).get(topic)
    return chosen if chosen in NotificationDelivery.values else NotificationDelivery.IMMEDIATE


def compose(*, subject: str, body: str, language: str, footer: str, headers=None) -> dict:
    """The outbox's payload of one mail: subject with the prefix, text with its footer, and
    the HTML part rendered from the same text."""
    with translation.override(language):
        html = render_to_string(
            "soliris/email/base.html",
            {"subject": subject, "body": body, "footer": footer, "language": language},
        )
    return {
        "subject": settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        "body": f"{body.rstrip()}\n\n-- \n{footer.strip()}\n",
        "html": html,
        "headers": dict(headers or {}),
    }


def footer(*, user, topic: str | None, action: bool, language: str) -> str:
    """Why the mail came and how to change it, in ``language``."""
    with translation.override(language):
        text = render_to_string(
            "soliris/email/footer.txt",
            {
                "recipient": user,
                "topic": NotificationTopic(topic).label if topic else "",
                "action": action,
                "settings_url": absolute_url("notification_settings", language=language),
                "site_url": settings.SITE_URL,
            },
        )
    return typeset(" ".join(text.split()), language)


def send(
    recipients: Iterable,
    template: str,
    context: dict | None = None,
    *,
    link: tuple | Callable[[], str] | None = None,
    language: str | None = None,
    topic: str | None = None,
    action: bool = False,
    light: tuple | Callable[[], str] | None = None,
) -> int:
    """Queue ``template`` to each recipient once (duplicates by address dropped).

    ``link`` is ``(url_name, arg, ...)`` or a function returning an absolute URL; it is
    built in each recipient's language. ``language`` forces one language for all (a
    registration made in Spanish is confirmed in Spanish). ``topic`` (a
    :class:`~soliris.models.NotificationTopic`) lets each person choose how they are told;
    ``action`` marks a mail that asks for their decision (always sent at once); ``light`` is
    the page where they decide, like ``link``, opened light (``?light=1``: no script, for a
    slow link); a line of the body gives it. Returns how many recipients were told.
    """
    context = context or {}
    seen = set()
    told = 0
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
            if light is not None:
                light_url = light() if callable(light) else absolute_url(light[0], *light[1:]) + "?light=1"
                values["light_url"] = light_url
            subject = " ".join(render_to_string(f"{template}_subject.txt", values).split())
            # The recipient's typography (French spaces before : ; ! ?), addresses untouched.
            subject = typeset(subject, mail_language)
            body = render_to_string(f"{template}.txt", values).strip()
            if light is not None and values["light_url"] not in body:
                body += "\n\n" + render_to_string("soliris/email/light.txt", values).strip()
            body = typeset(body, mail_language)
        delivery = delivery_of(user, topic, action)
        if delivery == NotificationDelivery.IMMEDIATE:
            headers = unsubscribe_headers(user, topic, mail_language) if user and topic and not action else {}
            outbox.enqueue_mail(
                to=[email],
                **compose(
                    subject=subject,
                    body=body,
                    language=mail_language,
                    footer=footer(user=user, topic=topic, action=action, language=mail_language),
                    headers=headers,
                ),
            )
        if user is not None:  # the same event in the notification centre, in the same words
            notifications.record(
                user,
                kind=template,
                title=subject,
                url=values.get("url", ""),
                topic=topic or "",
                body=body,
                digest=delivery
                if delivery in (NotificationDelivery.DAILY, NotificationDelivery.WEEKLY)
                else "",
                mailed_at=timezone.now() if delivery == NotificationDelivery.IMMEDIATE else None,
            )
        told += 1
    return told
