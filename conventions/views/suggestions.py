"""Suggestions on the draft's clauses: accepting, rejecting, withdrawing (opened from the
clause editor, ``drafts.clause_edit``), and each party's "suggest only" choice."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conventions import services
from conventions.diff import word_diff
from conventions.forms import SuggestOnlyForm
from conventions.models import Suggestion
from conventions.permissions import coordinator_organisation_ids, get_document_for_user
from conventions.services.suggestions import editor_organisation_ids
from conventions.views.common import back_to_clause


def suggestion_rows(user, document, clause, texts) -> list[dict]:
    """The clause's open suggestions (prefetched by ``selectors.draft_clauses``), each as a word
    diff against the current text in its language, with what the visitor may do with it."""
    mine = editor_organisation_ids(user, document)
    rows = []
    for suggestion in clause.open_suggestions:
        current = texts.get(suggestion.language)
        rows.append(
            {
                "suggestion": suggestion,
                "heading": word_diff(current.heading if current else "", suggestion.heading),
                "body": word_diff(current.body if current else "", suggestion.body),
                "out_of_date": (current.revision if current else 0) != suggestion.base_revision,
                "may_decide": any(oid != suggestion.organisation_id for oid in mine),
                "may_withdraw": suggestion.proposed_by_id == user.pk,
            }
        )
    return rows


def _suggestion(request, key, suggestion_key):
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("clause"), document=document, key=suggestion_key
    )
    suggestion.document = document
    return document, suggestion


@require_POST
def suggestion_accept(request, key, suggestion_key):
    document, suggestion = _suggestion(request, key, suggestion_key)
    try:
        services.suggestion_accept(actor=request.user, suggestion=suggestion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The suggestion is accepted: the clause has its text."))
    return back_to_clause(request, document, suggestion.clause)


@require_POST
def suggestion_reject(request, key, suggestion_key):
    document, suggestion = _suggestion(request, key, suggestion_key)
    try:
        services.suggestion_reject(
            actor=request.user, suggestion=suggestion, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The suggestion is rejected; its proposer reads why in the thread."))
    return back_to_clause(request, document, suggestion.clause)


@require_POST
def suggestion_withdraw(request, key, suggestion_key):
    document, suggestion = _suggestion(request, key, suggestion_key)
    try:
        services.suggestion_withdraw(actor=request.user, suggestion=suggestion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your suggestion is withdrawn."))
    return back_to_clause(request, document, suggestion.clause)


SUGGEST_ONLY_FORM = "suggest_only_form"


def suggest_only_form(request, document):
    """The settings page's second form: (form or None, the redirect once it is saved or None)."""
    ids = set(coordinator_organisation_ids(request.user, document))
    if not ids:
        return None, None
    organisations = [o for o in document.party_organisations() if o.pk in ids]
    chosen = {o.pk for o in document.suggest_only_parties.all()}
    posted = request.method == "POST" and SUGGEST_ONLY_FORM in request.POST
    form = SuggestOnlyForm(request.POST if posted else None, organisations=organisations, chosen=chosen)
    if posted and form.is_valid():
        for organisation_id, on in form.choices().items():
            services.document_suggest_only(
                actor=request.user, document=document, organisation_id=organisation_id, on=on
            )
        messages.success(request, _("Your party's choice is saved."))
        return form, redirect("conventions:document_settings", document.key)
    return form, None
