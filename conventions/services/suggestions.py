"""Suggestions: a change proposed to a clause's text instead of an edit.

An editor of any party proposes it (``suggestion_open``): a comment thread opens on the clause
saying what and why, and the other parties are told as for any thread. An editor of ANOTHER
party accepts it (the text changes through ``clause_edit``, so the other languages go "to
review" when the original changes) or rejects it with a reason; its proposer may withdraw it.
A suggestion based on a text changed since is out of date: it is refused, to be proposed again.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from conventions.diff import normalise, plain_word_diff
from conventions.models import Clause, ClauseText, Suggestion, SuggestionStatus
from conventions.services.comments import thread_open, thread_reply, thread_resolve
from conventions.services.drafts import check_language, clause_edit
from conventions.services.locking import lock_document
from conventions.services.people import require_full_name
from partners.models import Role
from partners.permissions import at_least, roles_by_organisation
from soliris import audit

OUT_OF_DATE = gettext_lazy(
    "This suggestion is out of date: the text changed since it was made. Propose it again."
)


def editor_organisation_ids(user, document) -> list[int]:
    """The document's parties the user edits for (editor or coordinator), in the parties' order."""
    roles = roles_by_organisation(user)
    return [oid for oid in document.party_organisation_ids() if at_least(roles.get(oid), Role.EDITOR)]


def suggests_only(user, document) -> bool:
    """Every party the user edits for has chosen to only suggest changes on this document
    (``suggest_only_parties`` prefetched or not)."""
    mine = editor_organisation_ids(user, document)
    chosen = {organisation.pk for organisation in document.suggest_only_parties.all()}
    return bool(mine) and set(mine) <= chosen


def may_decide(user, suggestion, document) -> bool:
    """An editor of another party than the proposer's accepts or rejects."""
    return any(oid != suggestion.organisation_id for oid in editor_organisation_ids(user, document))


def _open_one(document, suggestion_pk) -> Suggestion:
    suggestion = Suggestion.objects.select_related("clause", "proposed_by", "organisation").get(
        pk=suggestion_pk, document=document
    )
    if suggestion.status != SuggestionStatus.OPEN:
        raise ValidationError(_("This suggestion has already been decided or withdrawn."), code="decided")
    return suggestion


@transaction.atomic
def suggestion_open(*, actor, clause, language, heading, body, reason="") -> Suggestion:
    """Propose ``heading`` and ``body`` as ``language``'s text of ``clause``."""
    require_full_name(actor)
    check_language(language)
    document = lock_document(clause.document)
    clause = Clause.objects.get(pk=clause.pk)
    clause.document = document
    if clause.removed_at:
        raise ValidationError(_("This clause has been removed from the draft."))
    mine = editor_organisation_ids(actor, document)
    if not mine:
        raise PermissionDenied
    heading, body, reason = (heading or "").strip(), normalise(body), (reason or "").strip()
    if not body:
        raise ValidationError({"body": _("Write the text of the clause.")})
    current = ClauseText.objects.filter(clause=clause, language=language).first()
    base_heading, base_body = (current.heading.strip(), normalise(current.body)) if current else ("", "")
    if (heading, body) == (base_heading, base_body):
        raise ValidationError({"body": _("This is the current text: change it to suggest something.")})
    intro = _("I suggest this text:")
    why = _("Why: %(reason)s") % {"reason": reason} if reason else ""
    changes = _("The changes, word by word:")
    message = "\n\n".join(
        part for part in (intro, heading, body, why, f"{changes}\n{plain_word_diff(base_body, body)}") if part
    )
    thread = thread_open(actor=actor, clause=clause, language=language, body=message)
    suggestion = Suggestion(
        document=document,
        clause=clause,
        language=language,
        organisation_id=mine[0],
        proposed_by=actor,
        heading=heading,
        body=body,
        base_revision=current.revision if current else 0,
        base_heading=base_heading,
        base_body=base_body,
        reason=reason,
        thread=thread,
    )
    suggestion.full_clean()
    suggestion.save()
    audit.record(
        "conventions.suggestion.opened",
        actor=actor,
        subject=document,
        clause=clause.key,
        language=language,
        suggestion=suggestion.key,
    )
    return suggestion


def _decided(suggestion, *, actor, status, reason="") -> None:
    now = timezone.now()
    Suggestion.objects.filter(pk=suggestion.pk).update(
        status=status, decided_by=actor, decided_at=now, decision_reason=reason
    )
    suggestion.status, suggestion.decided_by, suggestion.decided_at = status, actor, now
    suggestion.decision_reason = reason


def _audit(action, suggestion, *, actor, document, **data) -> None:
    audit.record(
        action,
        actor=actor,
        subject=document,
        clause=suggestion.clause.key,
        language=suggestion.language,
        suggestion=suggestion.key,
        proposed_by=suggestion.proposed_by.get_full_name(),
        organisation=suggestion.organisation.name,
        **data,
    )


@transaction.atomic
def suggestion_accept(*, actor, suggestion) -> ClauseText:
    """The suggested text becomes the clause's text in its language, as by an edit of the
    person who accepts it."""
    require_full_name(actor)
    document = lock_document(suggestion.document)
    suggestion = _open_one(document, suggestion.pk)
    if not may_decide(actor, suggestion, document):
        raise PermissionDenied
    current = ClauseText.objects.filter(clause=suggestion.clause, language=suggestion.language).first()
    if (current.revision if current else 0) != suggestion.base_revision:
        raise ValidationError(OUT_OF_DATE, code="out_of_date")
    suggestion.clause.document = document
    text = clause_edit(
        actor=actor,
        clause=suggestion.clause,
        language=suggestion.language,
        heading=suggestion.heading,
        body=suggestion.body,
        expected_version=suggestion.base_revision,
    )
    _decided(suggestion, actor=actor, status=SuggestionStatus.ACCEPTED)
    if suggestion.thread_id:
        thread = suggestion.thread
        thread_reply(
            actor=actor,
            thread=thread,
            language=suggestion.language,
            body=_("Accepted: the clause now has this text."),
        )
        thread_resolve(actor=actor, thread=thread, resolved=True)
    _audit("conventions.suggestion.accepted", suggestion, actor=actor, document=document)
    return text


@transaction.atomic
def suggestion_reject(*, actor, suggestion, reason) -> Suggestion:
    """Refused, with a reason the proposer reads in the thread."""
    require_full_name(actor)
    document = lock_document(suggestion.document)
    suggestion = _open_one(document, suggestion.pk)
    if not may_decide(actor, suggestion, document):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why you reject this suggestion.")})
    _decided(suggestion, actor=actor, status=SuggestionStatus.REJECTED, reason=reason)
    if suggestion.thread_id:
        thread_reply(
            actor=actor,
            thread=suggestion.thread,
            language=suggestion.language,
            body=_("Rejected: %(reason)s") % {"reason": reason},
        )
        thread_resolve(actor=actor, thread=suggestion.thread, resolved=True)
    _audit("conventions.suggestion.rejected", suggestion, actor=actor, document=document, reason=reason)
    return suggestion


@transaction.atomic
def suggestion_withdraw(*, actor, suggestion) -> Suggestion:
    """Only its proposer withdraws it."""
    document = lock_document(suggestion.document)
    suggestion = _open_one(document, suggestion.pk)
    if suggestion.proposed_by_id != actor.pk:
        raise PermissionDenied
    _decided(suggestion, actor=actor, status=SuggestionStatus.WITHDRAWN)
    if suggestion.thread_id:
        thread_resolve(actor=actor, thread=suggestion.thread, resolved=True)
    _audit("conventions.suggestion.withdrawn", suggestion, actor=actor, document=document)
    return suggestion


@transaction.atomic
def document_suggest_only(*, actor, document, organisation_id: int, on: bool) -> None:
    """A party's coordinators choose whether its editors only suggest changes on ``document``."""
    lock_document(document)
    roles = roles_by_organisation(actor)
    if (
        organisation_id not in document.party_organisation_ids()
        or roles.get(organisation_id) != Role.COORDINATOR
    ):
        raise PermissionDenied
    if on:
        document.suggest_only_parties.add(organisation_id)
    else:
        document.suggest_only_parties.remove(organisation_id)
    audit.record(
        "conventions.document.suggest_only",
        actor=actor,
        subject=document,
        organisation=organisation_id,
        on=on,
    )
