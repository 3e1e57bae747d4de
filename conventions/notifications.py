"""Emails to the parties' members about a document, each in the recipient's own language.

Each event is a pair of templates, ``conventions/email/<event>_subject.txt`` and
``<event>.txt`` (sharing ``base.txt``), sent through ``soliris.mail.send``: recorded in the
outbox with the change, delivered after the commit, with retries. Each is also an entry of
the recipient's notification centre, under its topic: the versions, approvals, signatures
and the signed PDF under "conventions", the comments, mentions and translations to review
under "comments". A mail asking the recipient to decide (approve or ask for changes, sign)
is an action: it always leaves at once, whatever their choice for the topic.

Only the active members of the document's parties are ever told (:func:`recipients`): the
people who can still see it.
"""

from django.conf import settings
from django.db.models import Q

from conventions.diff import plain_word_diff
from conventions.models import LANGUAGE_CODES, Clause, ClauseText, Comment
from partners.models import Membership, Role
from soliris import mail
from soliris.models import NotificationTopic

EVENTS = (
    "proposed",
    "approved",
    "changes_requested",
    "agreed",
    "signature_requested",
    "signed",
    "pdf_ready",
    "mentioned",
    "commented",
    "replied",
    "to_review",
)

# The version events that ask their recipients to decide: approving or asking for changes (a
# party's coordinators), signing (those who may sign, the only ones told).
ACTIONS = ("proposed", "signature_requested")


def _memberships(document, organisation_ids=None):
    if organisation_ids is None:
        organisation_ids = document.party_organisation_ids()
    return Membership.objects.filter(
        organisation_id__in=organisation_ids, active_until__isnull=True, user__is_active=True
    ).select_related("user", "organisation")


def recipients(document, *, signatories_only=False, exclude=None, organisation_ids=None) -> list:
    """The active users of the document's parties (or of ``organisation_ids``), once each."""
    memberships = _memberships(document, organisation_ids)
    if signatories_only:
        memberships = memberships.filter(may_sign=True)
    users = {}
    for membership in memberships:
        user = membership.user
        if exclude is None or user.pk != exclude.pk:
            users[user.pk] = user
    return list(users.values())


def _coordinator_ids(document) -> set[int]:
    """The users who decide for a party of ``document`` (approve, ask for changes)."""
    return set(_memberships(document).filter(role=Role.COORDINATOR).values_list("user_id", flat=True))


def notify(document, event: str, version, *, actor=None, signatories_only=False, comment="") -> None:
    """Queue the emails of ``event`` about ``version``; they leave after the transaction commits.

    A version proposed asks the parties' coordinators for their decision (an action, mailed at
    once); the other members are only told, as their choice for the topic says.
    """
    if event not in EVENTS:
        raise ValueError(f"unknown conventions email {event!r}")
    users = recipients(
        document, signatories_only=signatories_only, exclude=None if signatories_only else actor
    )
    context = {
        "title": document.title,
        "number": version.number,
        "actor": actor.get_full_name() if actor else "",
        "comment": comment,
    }
    link = ("conventions:version_detail", document.key, version.number)
    if event == "proposed":
        deciding = _coordinator_ids(document)
        groups = [
            ([u for u in users if u.pk in deciding], True),
            ([u for u in users if u.pk not in deciding], False),
        ]
    else:
        groups = [(users, event in ACTIONS)]
    for group, action in groups:
        if group:
            mail.send(
                group,
                f"conventions/email/{event}",
                context,
                link=link,
                topic=NotificationTopic.CONVENTIONS,
                action=action,
                # Who decides gets the approval's light page too (no script: a slow link).
                light=("conventions:version_approve", document.key, version.number)
                if event == "proposed" and action
                else None,
            )


def notify_pdf_ready(document, version, job) -> int:
    """Every member of the parties: the signed PDF of ``version`` is ready, with its link."""
    return mail.send(
        recipients(document),
        "conventions/email/pdf_ready",
        {"title": document.title, "number": version.number},
        link=("pdf:job_download", job.key),
        topic=NotificationTopic.CONVENTIONS,
    )


# --- Comments ------------------------------------------------------------------------------


def _language_of(user) -> str:
    """The language ``soliris.mail.send`` writes to ``user`` in."""
    code = user.preferred_language or settings.LANGUAGE_CODE
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def clause_number(clause) -> int:
    """The clause's number in the working draft, as its pages show it (1 for the first)."""
    return (
        Clause.objects.filter(document_id=clause.document_id, removed_at__isnull=True)
        .filter(Q(position__lt=clause.position) | Q(position=clause.position, id__lt=clause.pk))
        .count()
        + 1
    )


def _headings(clause) -> dict[str, str]:
    """The clause's heading in each language, the original's where a language has none."""
    texts = {t.language: t for t in ClauseText.objects.filter(clause=clause)}
    original = texts.get(clause.original_language)
    fallback = original.heading if original else next((t.heading for t in texts.values() if t.heading), "")
    return {
        code: (texts[code].heading if code in texts and texts[code].heading else fallback)
        for code in LANGUAGE_CODES
    }


def _send_about_comment(users, template: str, comment, context: dict) -> None:
    """``template`` to ``users``, grouped by language: the clause's heading in theirs."""
    thread = comment.thread
    clause = thread.clause
    document = thread.document
    headings = _headings(clause)
    groups: dict[str, list] = {}
    for user in users:
        groups.setdefault(_language_of(user), []).append(user)
    base = {
        "title": document.title,
        "actor": comment.author.get_full_name(),
        "clause_number": clause_number(clause),
        "comment": comment.body,
        **context,
    }
    for code, group in groups.items():
        mail.send(
            group,
            template,
            {**base, "heading": headings.get(code, "")},
            link=("conventions:clause_comments", document.key, clause.key),
            topic=NotificationTopic.COMMENTS,
        )


def notify_mention(thread, organisations, *, actor, comment=None) -> list:
    """The members of the parties mentioned in a new comment thread are told, after commit,
    with the comment's text. Returns the users told (the comment's own mail skips them)."""
    document = thread.document
    users = recipients(document, exclude=actor, organisation_ids=[o.pk for o in organisations])
    if comment is None:
        comment = thread.comments.order_by("created_at", "id").first()
    _send_about_comment(
        users,
        "conventions/email/mentioned",
        comment,
        {"organisations": ", ".join(o.name for o in organisations)},
    )
    return users


def notify_comment(comment, *, already_told=()) -> list:
    """A comment on a clause (a new thread, or a reply in one): told are the people who wrote
    the clause's current text (the last editor of its text in each language) and everyone who
    commented before in the thread, if they are still members of a party. Never its author,
    nor those ``already_told`` of it (the mention's mail). Returns the users told."""
    thread = comment.thread
    writers = ClauseText.objects.filter(clause_id=thread.clause_id, updated_by__isnull=False).values_list(
        "updated_by_id", flat=True
    )
    commenters = (
        Comment.objects.filter(thread=thread).exclude(pk=comment.pk).values_list("author_id", flat=True)
    )
    skip = {comment.author_id} | {user.pk for user in already_told}
    wanted = (set(writers) | set(commenters)) - skip
    users = [user for user in recipients(thread.document) if user.pk in wanted]
    if users:
        replied = Comment.objects.filter(thread=thread).exclude(pk=comment.pk).exists()
        template = "conventions/email/replied" if replied else "conventions/email/commented"
        _send_about_comment(users, template, comment, {})
    return users


# --- Translations to review ----------------------------------------------------------------


def translators(document, language: str) -> list:
    """Who is asked to review ``document``'s text in ``language``.

    The parties' members who may edit the draft (editors and coordinators) and who work in
    ``language``: it is their preferred language (the one of their interface and mails), or
    one of the working languages of their membership. When there is none, the coordinators of
    the parties whose organisation lists ``language`` among its working languages: someone
    there will find who translates. Nobody otherwise (viewers cannot edit the text).
    """
    editors = _memberships(document).filter(role__in=[Role.EDITOR, Role.COORDINATOR])
    users = {}
    for membership in editors:
        if membership.user.preferred_language == language or language in (membership.languages or []):
            users[membership.user_id] = membership.user
    if not users:
        for membership in editors.filter(role=Role.COORDINATOR):
            if language in (membership.organisation.languages or []):
                users[membership.user_id] = membership.user
    return list(users.values())


def notify_to_review(clause, *, actor, source, previous: dict, languages) -> int:
    """``source`` (the clause's text just saved, now the original) changed, and its texts in
    ``languages`` became "to review": the people working in those languages are told (not the
    person who made the change), once each for this save — one mail listing every language of
    theirs to review — with the new text, a word diff against ``previous`` (its heading and
    body before the save, empty for a new text) and the link to the editor of the translation.
    Returns the number of people told."""
    document = clause.document
    wanted: dict[int, tuple] = {}
    for code in [c for c in LANGUAGE_CODES if c in set(languages)]:
        for user in translators(document, code):
            if actor is not None and user.pk == actor.pk:
                continue
            wanted.setdefault(user.pk, (user, []))[1].append(code)
    if not wanted:
        return 0

    def joined(heading, body):
        return f"{heading}\n\n{body}" if heading else body

    context = {
        "title": document.title,
        "actor": actor.get_full_name() if actor else "",
        "clause_number": clause_number(clause),
        "document_key": document.key,
        "clause_key": clause.key,
        "source_language": source.language,
        "heading": source.heading,
        "body": source.body,
        "diff": plain_word_diff(
            joined(previous.get("heading", ""), previous.get("body", "")), joined(source.heading, source.body)
        ),
    }
    by_languages: dict[tuple, list] = {}
    for user, codes in wanted.values():
        by_languages.setdefault(tuple(codes), []).append(user)
    told = 0
    for codes, users in by_languages.items():
        told += mail.send(
            users,
            "conventions/email/to_review",
            {**context, "languages": list(codes)},
            link=("conventions:clause_edit", document.key, clause.key, codes[0]),
            topic=NotificationTopic.COMMENTS,
        )
    return told
