"""Emails to the parties' members about a document, each in the recipient's own language.

Each event is a pair of templates, ``conventions/email/<event>_subject.txt`` and
``<event>.txt`` (sharing ``base.txt``), sent through ``soliris.mail.send``: recorded in the
outbox with the change, delivered after the commit, with retries.
"""

from partners.models import Membership
from soliris import mail

EVENTS = ("proposed", "approved", "changes_requested", "agreed", "signature_requested", "signed", "mentioned")


def recipients(document, *, signatories_only=False, exclude=None, organisation_ids=None) -> list:
    """The active users of the document's parties (or of ``organisation_ids``), once each."""
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
    """Queue the emails of ``event`` about ``version``; they leave after the transaction commits."""
    if event not in EVENTS:
        raise ValueError(f"unknown conventions email {event!r}")
    users = recipients(
        document, signatories_only=signatories_only, exclude=None if signatories_only else actor
    )
    mail.send(
        users,
        f"conventions/email/{event}",
        {
            "title": document.title,
            "number": version.number,
            "actor": actor.get_full_name() if actor else "",
            "comment": comment,
        },
        link=("conventions:version_detail", document.key, version.number),
    )


def notify_mention(thread, organisations, *, actor) -> None:
    """The members of the parties mentioned in a new comment thread are told, after commit."""
    document = thread.document
    users = recipients(document, exclude=actor, organisation_ids=[o.pk for o in organisations])
    mail.send(
        users,
        "conventions/email/mentioned",
        {
            "title": document.title,
            "actor": actor.get_full_name(),
            "organisations": ", ".join(o.name for o in organisations),
        },
        link=("conventions:clause_comments", document.key, thread.clause.key),
    )
