"""Documents and their working draft: reading, creating, co-editing clauses (comments: comments.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conventions import selectors, services
from conventions.forms import (
    ClauseAddForm,
    ClauseTextForm,
    DocumentForm,
    DocumentSettingsForm,
)
from conventions.models import LANGUAGE_CODES, Clause, DocumentStatus, TranslationState
from conventions.permissions import (
    coordinator_organisation_ids,
    get_document_for_user,
    may_create_for_partnership,
    may_create_for_project,
)
from conventions.services.suggestions import suggests_only
from conventions.views.common import back_to_clause, document_perms, next_action, reading_language
from conventions.views.suggestions import SUGGEST_ONLY_FORM, suggest_only_form, suggestion_rows
from partners.permissions import accepted_party_ids, role_in
from projects.models import ProjectPartyStatus
from projects.permissions import project_role
from projects.selectors import project_with_parties
from soliris import audit, confirm, undo
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.pagecache import cached_page


@login_required
@cached_page
def document_list(request):
    page = Paginator(selectors.documents_for_user(request.user), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "conventions/document_list.html",
        {
            "documents": list(page.object_list),
            "page": page,
            "partnerships": selectors.partnerships_open_to_new_documents(request.user),
            "projects": selectors.projects_open_to_new_documents(request.user),
        },
    )


@login_required
def document_create(request, partnership_key):
    partnership = selectors.partnership_for_new_document(partnership_key)
    if partnership is None or not role_in(request.user, accepted_party_ids(partnership)):
        raise Http404
    if not may_create_for_partnership(request.user, partnership):
        raise PermissionDenied
    if partnership.status == "ended":  # the page offers none: a stale link or a forged post
        messages.error(request, services.ended_partnership_refusal())
        return redirect("partners:partnership_detail", key=partnership.key)
    parties = selectors.accepted_parties(partnership)
    return _create(
        request,
        {"partnership": partnership},
        documents=selectors.partnership_documents(partnership, request.user),
        parties=parties,
    )


@login_required
def document_create_for_project(request, project_key):
    project = project_with_parties(project_key)
    if project is None or project_role(request.user, project) is None:
        raise Http404  # invited parties answer the invitation first: they see no private part
    if not may_create_for_project(request.user, project):
        raise PermissionDenied
    parties = [party for party in project.parties.all() if party.status == ProjectPartyStatus.CONFIRMED]
    return _create(
        request,
        {"project": project},
        documents=selectors.project_documents(project, request.user),
        parties=parties,
    )


def _create(request, owner: dict, *, documents, parties):
    """The creation form, for a partnership or a project (``owner``: one of them, by name)."""
    form = DocumentForm(
        request.POST or None,
        initial={"authentic_languages": [get_language()], "kind": request.GET.get("kind", "")},
        documents=[d for d in documents if d.kind != "addendum"],
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(actor=request.user, **owner, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The document is created. Every party can now edit its draft."))
            return redirect("conventions:document_detail", document.key)
    return render(request, "conventions/document_form.html", {"form": form, "parties": parties, **owner})


@cached_page
def document_detail(request, key):
    document = get_document_for_user(request.user, key)
    language = reading_language(request)
    clauses = selectors.draft_clauses(document)
    rows = []
    for number, clause in enumerate(clauses, start=1):
        texts = selectors.texts_by_language(clause)
        rows.append(
            {
                "clause": clause,
                "number": number,
                "reading": selectors.reading_text(clause, language),
                "states": [
                    {
                        "language": code,
                        "state": texts[code].state if code in texts else TranslationState.MISSING,
                        "original": code == clause.original_language,
                    }
                    for code in LANGUAGE_CODES
                ],
                "first": number == 1,
                "last": number == len(clauses),
                "suggestions": suggestion_rows(request.user, document, clause, texts),
            }
        )
    versions = selectors.versions_of(document)
    current = selectors.current_version(versions)
    consented = selectors.publication_consents(current) if current and current.status == "signed" else []
    my_organisations = set(coordinator_organisation_ids(request.user, document))
    context = {
        "document": document,
        "rows": rows,
        "language": language,
        "languages": LANGUAGE_CODES,
        "parity": selectors.parity(document, clauses),
        "blockers": selectors.proposal_blockers(document, clauses),
        "suggestion_blockers": selectors.suggestion_blockers(clauses),
        "versions": versions,
        "current": current,
        "consented": [consent.organisation.name for consent in consented],
        "i_consented": bool(my_organisations) and my_organisations <= {c.organisation_id for c in consented},
        "next_action": next_action(request.user, document, current, [c.organisation_id for c in consented]),
        "open_threads": sum(clause.open_threads for clause in clauses),
        "parties": document.party_organisations(),
        "history": list(audit.history(document)[:15]),
        "removed": [
            {"clause": clause, "reading": selectors.reading_text(clause, language)}
            for clause in selectors.removed_clauses(document)
        ],
        "addenda": list(document.addenda.order_by("created_at")),
        **document_perms(request.user, document),
    }
    return render(request, "conventions/document_detail.html", context)


def document_settings(request, key):
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    suggest_form, saved = suggest_only_form(request, document)
    if saved:
        return saved
    posted = request.method == "POST" and SUGGEST_ONLY_FORM not in request.POST
    form = DocumentSettingsForm(
        request.POST if posted else None,
        initial={
            "title": document.title,
            "authentic_languages": document.authentic_languages,
            "version": document.version,
        },
    )
    conflict = None
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_update(
                actor=request.user,
                document=document,
                title=data["title"],
                authentic_languages=data["authentic_languages"],
                expected_version=data["version"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(DocumentSettingsForm, request, error)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The document is updated."))
            return redirect("conventions:document_detail", document.key)
    context = {
        "document": document,
        "form": form,
        "conflict": conflict,
        "supersedes": document.status in (DocumentStatus.PROPOSED, DocumentStatus.AGREED),
        "suggest_form": suggest_form,
        "suggest_only_form": SUGGEST_ONLY_FORM,
    }
    return render(request, "conventions/document_settings.html", context, status=409 if conflict else 200)


def _clause(document, clause_key) -> Clause:
    return get_object_or_404(Clause, document=document, key=clause_key, removed_at__isnull=True)


def clause_add(request, key):
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    form = ClauseAddForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            services.clause_add(actor=request.user, document=document, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The clause is added to the draft."))
            return redirect(reverse("conventions:document_detail", args=[document.key]) + "#clauses")
    return render(request, "conventions/clause_add.html", {"document": document, "form": form})


def clause_edit(request, key, clause_key, language):
    """The editor: the original beside the chosen language; a stale save shows both texts."""
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    if language not in LANGUAGE_CODES:
        raise Http404
    clause = _clause(document, clause_key)
    texts = {text.language: text for text in clause.texts.all()}
    current = texts.get(language)
    original = texts.get(clause.original_language)
    conflict = None
    suggest_only = suggests_only(request.user, document)
    if request.method == "POST":
        form = ClauseTextForm(request.POST)
        if form.is_valid() and (suggest_only or "suggest" in request.POST):
            data = form.cleaned_data
            try:
                services.suggestion_open(
                    actor=request.user,
                    clause=clause,
                    language=language,
                    heading=data["heading"],
                    body=data["body"],
                    reason=data["reason"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Your suggestion is sent: another party accepts or rejects it."))
                return redirect(
                    reverse("conventions:document_detail", args=[document.key]) + f"#clause-{clause.key}"
                )
        elif form.is_valid():
            data = form.cleaned_data
            try:
                services.clause_edit(
                    actor=request.user,
                    clause=clause,
                    language=language,
                    heading=data["heading"],
                    body=data["body"],
                    expected_version=data["expected_version"],
                    make_original=data["make_original"],
                )
            except EditConflict as error:
                # Both texts on the page: theirs beside the form, which keeps the user's text
                # and now carries the revision they have seen.
                current = error.current
                conflict = {
                    "theirs": error.current,
                    "yours": {"heading": data["heading"], "body": data["body"]},
                }
                form = form_after_conflict(ClauseTextForm, request, error, version_field="expected_version")
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Your text is saved."))
                return redirect(
                    reverse("conventions:document_detail", args=[document.key]) + f"#clause-{clause.key}"
                )
    else:
        form = ClauseTextForm(
            initial={
                "heading": current.heading if current else "",
                "body": current.body if current else "",
                "expected_version": current.revision if current else 0,
            }
        )
    is_original = language == clause.original_language
    if is_original or suggest_only:
        del form.fields["make_original"]
    for name in ("heading", "body"):
        form.fields[name].widget.attrs["lang"] = language
    context = {
        "document": document,
        "clause": clause,
        "language": language,
        "current": current,
        "original": original,
        "is_original": is_original,
        "form": form,
        "conflict": conflict,
        "to_review": current is not None and current.state == TranslationState.TO_REVIEW,
        "suggest_only": suggest_only,
        "supersedes": document.status in (DocumentStatus.PROPOSED, DocumentStatus.AGREED),
        "languages": LANGUAGE_CODES,
    }
    return render(request, "conventions/clause_edit.html", context, status=409 if conflict else 200)


@require_POST
def clause_confirm(request, key, clause_key, language):
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    clause = _clause(document, clause_key)
    try:
        services.clause_confirm(actor=request.user, clause=clause, language=language)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The translation is confirmed up to date."))
    return back_to_clause(request, document, clause)


@require_POST
def clause_move(request, key, clause_key):
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    clause = _clause(document, clause_key)
    try:
        services.clause_move(actor=request.user, clause=clause, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The clause is moved."))
    return redirect(reverse("conventions:document_detail", args=[document.key]) + f"#clause-{clause.key}")


@require_POST
def clause_remove(request, key, clause_key):
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    clause = _clause(document, clause_key)
    text = selectors.reading_text(clause, get_language())["text"]
    detail, title = reverse("conventions:document_detail", args=[document.key]), _("Remove this clause?")
    shown = [text.heading, Truncator(text.body).chars(300)] if text else []
    if page := confirm.ask(
        request, title=title, details=shown, action=_("Remove"), cancel_url=detail, undo=True
    ):
        return page
    offer = services.clause_remove(actor=request.user, clause=clause)
    tags = undo.message_tags(offer) if offer else ""
    messages.success(
        request, _("The clause is removed from the draft. Earlier versions keep it."), extra_tags=tags
    )
    return redirect(detail + "#clauses")


@require_POST
def clause_restore(request, key, clause_key):
    document = get_document_for_user(request.user, key, "conventions.document:edit")
    clause = get_object_or_404(Clause, document=document, key=clause_key, removed_at__isnull=False)
    services.clause_restore(actor=request.user, clause=clause)
    messages.success(request, _("The clause is back at the end of the draft."))
    return redirect(reverse("conventions:document_detail", args=[document.key]) + f"#clause-{clause.key}")
