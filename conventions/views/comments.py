"""Comments on a draft's clauses: threads, replies, resolving."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conventions import selectors, services
from conventions.forms import ReplyForm, ThreadForm
from conventions.models import Clause, CommentThread
from conventions.permissions import get_document_for_user
from conventions.services.people import FULL_NAME_NEEDED
from conventions.views.common import needs_full_name, reading_language
from soliris.forms import apply_validation_error
from soliris.permissions import has


def clause_comments(request, key, clause_key):
    document = get_document_for_user(request.user, key)
    clause = get_object_or_404(Clause, document=document, key=clause_key)
    language = reading_language(request)
    parties = document.party_organisations()
    form = ThreadForm(request.POST or None, organisations=parties)
    no_name = needs_full_name(request)
    if request.method == "POST":
        if not has(request.user, "conventions.document:comment", document):
            raise PermissionDenied
        if not no_name and form.is_valid():
            try:
                services.thread_open(
                    actor=request.user,
                    clause=clause,
                    language=get_language(),
                    body=form.cleaned_data["body"],
                    mentions=form.mentioned(),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Your comment is posted."))
                return redirect("conventions:clause_comments", document.key, clause.key)
    clauses = selectors.draft_clauses(document)
    number = next((i for i, c in enumerate(clauses, start=1) if c.pk == clause.pk), None)
    clause_with_texts = next((c for c in clauses if c.pk == clause.pk), clause)
    context = {
        "document": document,
        "clause": clause,
        "number": number,
        "reading": selectors.reading_text(clause_with_texts, language),
        "threads": selectors.threads_of_clause(clause),
        "form": form,
        "reply_form": ReplyForm(),
        "language": language,
        "needs_full_name": no_name,
    }
    refused = no_name and request.method == "POST"
    return render(request, "conventions/clause_comments.html", context, status=403 if refused else 200)


def _thread(document, thread_key) -> CommentThread:
    return get_object_or_404(
        CommentThread.objects.select_related("clause", "document"), document=document, key=thread_key
    )


@require_POST
def thread_reply(request, key, thread_key):
    document = get_document_for_user(request.user, key, "conventions.document:comment")
    thread = _thread(document, thread_key)
    form = ReplyForm(request.POST)
    if needs_full_name(request):
        messages.error(request, FULL_NAME_NEEDED)
    elif form.is_valid():
        services.thread_reply(
            actor=request.user, thread=thread, language=get_language(), body=form.cleaned_data["body"]
        )
        messages.success(request, _("Your reply is posted."))
    else:
        messages.error(request, _("Write your reply before sending it."))
    return redirect(
        reverse("conventions:clause_comments", args=[document.key, thread.clause.key])
        + f"#thread-{thread.key}"
    )


@require_POST
def thread_resolve(request, key, thread_key):
    document = get_document_for_user(request.user, key, "conventions.document:comment")
    thread = _thread(document, thread_key)
    resolved = request.POST.get("resolved") == "1"
    services.thread_resolve(actor=request.user, thread=thread, resolved=resolved)
    messages.success(request, _("The thread is resolved.") if resolved else _("The thread is open again."))
    return redirect(
        reverse("conventions:clause_comments", args=[document.key, thread.clause.key])
        + f"#thread-{thread.key}"
    )
