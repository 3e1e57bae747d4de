"""Versions: proposing, reading, comparing, approving, signing and publishing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conventions import chain, diff, selectors, services
from conventions.forms import DecisionForm, ProposeForm, SignForm
from conventions.models import Decision, DocumentStatus, VersionStatus
from conventions.permissions import (
    coordinator_organisation_ids,
    get_document_for_user,
    signatory_organisation_ids,
)
from conventions.services.signatures import totp_authenticator
from conventions.views.common import (
    LANGUAGE_CODES,
    document_perms,
    needs_full_name,
    reading_language,
    reauthenticate,
    recently_authenticated,
)
from soliris import ratelimit
from soliris.context_processors import is_light
from soliris.forms import apply_validation_error
from soliris.models import RenderJobState
from soliris.pagecache import cached_page


def _version(document, number):
    version = selectors.version_by_number(document, number)
    if version is None:
        raise Http404
    return version


def _frozen_rows(version, language):
    return [
        {"number": i, "clause": clause, "text": selectors.snapshot_text(clause, language)}
        for i, clause in enumerate(version.clauses, start=1)
    ]


def version_propose(request, key):
    document = get_document_for_user(request.user, key, "conventions.version:propose")
    clauses = selectors.draft_clauses(document)
    blockers = selectors.proposal_blockers(document, clauses)
    form = ProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.version_propose(actor=request.user, document=document, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s is proposed: each party now approves it.") % {"number": version.number},
            )
            return redirect("conventions:version_detail", document.key, version.number)
    context = {
        "document": document,
        "form": form,
        "blockers": blockers,
        "suggestion_blockers": selectors.suggestion_blockers(clauses),
        "clause_count": len(clauses),
        "already_proposed": document.status != DocumentStatus.DRAFT,
    }
    return render(request, "conventions/version_propose.html", context)


@cached_page
def version_detail(request, key, number):
    document = get_document_for_user(request.user, key)
    version = _version(document, number)
    language = reading_language(request)
    context = {
        "document": document,
        "version": version,
        "language": language,
        "languages": LANGUAGE_CODES,
        "rows": _frozen_rows(version, language),
        "approvals": selectors.approval_rows(document, version),
        "signatures": selectors.signature_rows(document, version),
        "previous": version.number - 1 if version.number > 1 else None,
        # While the parties sign: the agreed PDF with the signatures given so far.
        "signing_job": chain.last_step(version) if version.status == VersionStatus.AGREED else None,
        **document_perms(request.user, document),
    }
    return render(request, "conventions/version_detail.html", context)


@cached_page
def version_diff(request, key):
    document = get_document_for_user(request.user, key)
    numbers = list(document.versions.order_by("number").values_list("number", flat=True))
    if not numbers:
        raise Http404
    language = reading_language(request)

    def pick(name, default):
        try:
            value = int(request.GET.get(name, default))
        except (TypeError, ValueError):
            value = default
        return value if value in numbers else default

    new_number = pick("to", numbers[-1])
    old_number = pick("from", numbers[-2] if len(numbers) > 1 else numbers[-1])
    old, new = _version(document, old_number), _version(document, new_number)
    diffs = diff.diff_snapshots(old.snapshot, new.snapshot, language)
    changed = diff.changed_first(diffs)
    context = {
        "document": document,
        "old": old,
        "new": new,
        "numbers": numbers,
        "language": language,
        "languages": LANGUAGE_CODES,
        "diffs": diffs,
        "summary": diff.summary(diffs),
        "changed": changed,
        "unchanged_count": len(diffs) - len(changed),
        "runs": diff.runs(diffs),  # each run of unchanged clauses folded: a phone shows the changes
    }
    return render(request, "conventions/version_diff.html", context)


def version_approve(request, key, number):
    """The approval page: the party's decision on a proposed version (approve, or ask for changes)."""
    document = get_document_for_user(request.user, key, "conventions.version:approve")
    version = _version(document, number)
    form = DecisionForm(request.POST or None)
    no_name = needs_full_name(request)
    light = is_light(request)  # the page the "proposed" mail links to (no script: a slow link)
    if (
        request.method == "POST"
        and version.status == VersionStatus.PROPOSED
        and not no_name
        and form.is_valid()
    ):
        decide = (
            services.version_approve
            if form.cleaned_data["decision"] == Decision.APPROVED
            else services.version_request_changes
        )
        try:
            decide(actor=request.user, version=version, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your party's decision is recorded."))
            if light:  # its own light page, which says the decision is recorded
                return redirect("conventions:version_approve", document.key, version.number)
            return redirect("conventions:version_detail", document.key, version.number)
    my_ids = set(coordinator_organisation_ids(request.user, document))
    context = {
        "document": document,
        "version": version,
        "form": form,
        "approvals": selectors.approval_rows(document, version),
        "my_organisations": [o for o in document.party_organisations() if o.pk in my_ids],
        "open": version.status == VersionStatus.PROPOSED,
        "needs_full_name": no_name,
    }
    refused = no_name and request.method == "POST"
    return render(request, "conventions/version_approve.html", context, status=403 if refused else 200)


def version_sign(request, key, number):
    document = get_document_for_user(request.user, key, "conventions.version:sign")
    version = _version(document, number)
    if version.status == VersionStatus.AGREED and not recently_authenticated(request):
        # Signing binds an organisation: whoever signs logged in (or confirmed it is them) lately.
        return reauthenticate(
            request, reverse("conventions:version_sign", args=[document.key, version.number])
        )
    my_ids = set(signatory_organisation_ids(request.user, document))
    already = {s.organisation_id for s in version.signatures.all() if s.user_id == request.user.pk}
    form = SignForm(
        request.POST or None,
        second_factor=totp_authenticator(request.user) is not None,
        initial={"function": selectors.signing_function(request.user, my_ids - already)},
    )
    no_name = needs_full_name(request)
    # Each attempt counts, per person and per version, before any password is checked.
    signing = request.method == "POST" and version.status == VersionStatus.AGREED and not no_name
    if signing and not ratelimit.allow(request, "convention_sign", key=f"version:{version.pk}"):
        return ratelimit.refused(request)
    if signing and form.is_valid():
        try:
            services.version_sign(actor=request.user, version=version, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your signature is recorded."))
            return redirect("conventions:version_detail", document.key, version.number)
    context = {
        "document": document,
        "version": version,
        "form": form,
        "signatures": selectors.signature_rows(document, version),
        "my_organisations": [o for o in document.party_organisations() if o.pk in my_ids],
        "open": version.status == VersionStatus.AGREED and bool(my_ids - already),
        "needs_full_name": no_name,
    }
    refused = no_name and request.method == "POST"
    return render(request, "conventions/version_sign.html", context, status=403 if refused else 200)


@require_POST
def document_publish(request, key):
    document = get_document_for_user(request.user, key, "conventions.document:publish")
    try:
        published = services.document_publish(actor=request.user, document=document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if published:
            messages.success(request, _("Every party agreed: the signed document is now public."))
        else:
            messages.success(
                request, _("Your party agrees to publish it. It becomes public when every party agrees.")
            )
    return redirect("conventions:document_detail", document.key)


def document_public(request, key):
    """The public page of a signed document its parties jointly published."""
    document = selectors.published_document(key)
    if document is None:
        raise Http404
    version = document.published_version
    language = reading_language(request)
    context = {
        "document": document,
        "version": version,
        "language": language,
        "languages": LANGUAGE_CODES,
        "rows": _frozen_rows(version, language),
        "signatures": selectors.public_signature_rows(version),
    }
    return render(request, "conventions/document_public.html", context)


def document_public_pdf(request, key):
    """The signed PDF of a published document, for anyone (the parties see it before, on the job page)."""
    document = selectors.published_document(key)
    if document is None:
        raise Http404
    job = document.published_version.pdf_job
    if job is None or job.state != RenderJobState.DONE or not job.file:
        raise Http404
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.file.name.rsplit("/", 1)[-1],
        content_type="application/pdf",
    )
