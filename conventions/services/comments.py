"""Comment threads on the clauses of a draft: opening, replying, resolving."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from conventions import notifications
from conventions.models import Comment, CommentThread, Document, ThreadStatus
from conventions.services.drafts import check_language
from conventions.services.people import require_full_name
from soliris import audit


@transaction.atomic
def thread_open(*, actor, clause, language, body, mentions=()) -> CommentThread:
    """A new thread on ``clause``; the members of the parties it mentions are told, and the
    clause's writers (``notifications.notify_comment``), each once."""
    require_full_name(actor)
    check_language(language)
    if not (body or "").strip():
        raise ValidationError({"body": _("Write your comment.")})
    document = clause.document
    party_ids = set(document.party_organisation_ids())
    if any(m.pk not in party_ids for m in mentions):
        raise ValidationError({"mentions": _("Only the document's parties can be mentioned.")})
    thread = CommentThread.objects.create(
        document=document,
        clause=clause,
        language=language,
        version_number=document.next_number,
        created_by=actor,
    )
    thread.mentions.set(mentions)
    comment = Comment.objects.create(thread=thread, author=actor, language=language, body=body.strip())
    Document.objects.filter(pk=document.pk).update(updated_at=timezone.now())
    told = (
        notifications.notify_mention(thread, list(mentions), actor=actor, comment=comment) if mentions else []
    )
    notifications.notify_comment(comment, already_told=told)
    audit.record("conventions.thread.opened", actor=actor, subject=document, thread=thread.key)
    return thread


@transaction.atomic
def thread_reply(*, actor, thread, language, body) -> Comment:
    """A reply in ``thread``: the clause's writers and the thread's earlier commenters are told."""
    require_full_name(actor)
    check_language(language)
    if not (body or "").strip():
        raise ValidationError({"body": _("Write your comment.")})
    comment = Comment.objects.create(thread=thread, author=actor, language=language, body=body.strip())
    notifications.notify_comment(comment)
    audit.record("conventions.thread.replied", actor=actor, subject=thread.document, thread=thread.key)
    return comment


@transaction.atomic
def thread_resolve(*, actor, thread, resolved: bool) -> CommentThread:
    """Resolve the thread (``resolved``) or open it again."""
    now = timezone.now()
    CommentThread.objects.filter(pk=thread.pk).update(
        status=ThreadStatus.RESOLVED if resolved else ThreadStatus.OPEN,
        resolved_by=actor if resolved else None,
        resolved_at=now if resolved else None,
    )
    audit.record(
        "conventions.thread.resolved" if resolved else "conventions.thread.reopened",
        actor=actor,
        subject=thread.document,
        thread=thread.key,
    )
    thread.refresh_from_db()
    return thread
