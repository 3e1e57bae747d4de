from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soliris import ratelimit
from soliris.models import RenderJob, RenderJobState
from soliris.pdf import DocumentUnavailable, get_kind
from soliris.pdf.authority import ca_certificate
from soliris.pdf.forms import VerifyForm
from soliris.pdf.services import job_file_exists, job_for_file, job_rerender, job_retry
from soliris.pdf.signing import certificate_facts, verify_pdf
from soliris.permissions import NotKnown


def can_view_job(user, job: RenderJob) -> bool:
    """The document's own rule decides (for a charter: a current member of a party, or
    anyone once published): having asked for it once gives no lasting right to it."""
    if not user.is_authenticated:
        return False
    try:
        return bool(get_kind(job.kind).can_view(user, job.parameters))
    except DocumentUnavailable:
        return False


def get_job_for_user(user, key: str) -> RenderJob:
    """404 for anyone who may not see the job: its existence says something about its content."""
    job = RenderJob.objects.select_related("requested_by").filter(key=key).first()
    if job is None or not can_view_job(user, job):
        raise NotKnown
    return job


@login_required
def job_detail(request, key):
    job = get_job_for_user(request.user, key)
    try:
        kind = get_kind(job.kind)
    except DocumentUnavailable:  # a kind removed since: the job and its file stay readable
        kind = None
    back_url = kind.back_url(job.parameters) if kind and kind.back_url else ""
    return render(request, "soliris/pdf/job_detail.html", {"job": job, "kind": kind, "back_url": back_url})


@login_required
def job_progress(request, key):
    job = get_job_for_user(request.user, key)
    return render(request, "soliris/pdf/partials/job_progress.html", {"job": job})


@login_required
def job_download(request, key):
    job = get_job_for_user(request.user, key)
    if job.state != RenderJobState.DONE or not job.file:
        raise NotKnown
    if not job_file_exists(job):
        # Restored without its files: the same content is rendered again, and the page says so.
        job_rerender(actor=request.user, job=job)
        messages.info(request, _("The file of this document was missing: it is being rendered again."))
        return redirect("pdf:job_detail", key=job.key)
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.file.name.rsplit("/", 1)[-1],
        content_type="application/pdf",
    )


@require_POST
@login_required
def job_retry_view(request, key):
    job = get_job_for_user(request.user, key)
    try:
        job_retry(actor=request.user, job=job)
        messages.success(request, _("The document is queued again."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("pdf:job_detail", key=job.key)


def _describe(job: RenderJob) -> list:
    """What the job's kind says the document is (e.g. which version of which convention)."""
    try:
        kind = get_kind(job.kind)
    except DocumentUnavailable:
        return []
    return list(kind.describe(job)) if kind.describe else []


def verify(request):
    result = job = None
    if request.method == "POST" and not ratelimit.allow(request, "pdf_verify"):
        return ratelimit.refused(request)
    form = VerifyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["document"]
        result = verify_pdf(data)
        job = job_for_file(data) if result.valid else None
    description = _describe(job) if job else []
    status = 200 if request.method == "GET" or form.is_valid() else 400
    return render(
        request,
        "soliris/pdf/verify.html",
        {"form": form, "result": result, "job": job, "description": description},
        status=status,
    )


# The one command the certificate page gives: pyHanko's own validation, offline, trusting
# the two published certificates only (pyhanko-cli; tests/soliris/test_certificate_page.py
# runs it): the platform's, and its certification authority's, which issued each party's.
VERIFY_COMMAND = (
    "pyhanko sign validate --no-revocation-check --trust-replace --trust {certificate}"
    " --trust {authority} {document}"
)
CERTIFICATE_FILE = "soliris-signing-certificate"
AUTHORITY_FILE = "soliris-certification-authority"


def certificate_page(request):
    facts = certificate_facts()
    authority = certificate_facts(ca_certificate())
    command = VERIFY_COMMAND.format(
        certificate=f"{CERTIFICATE_FILE}.pem", authority=f"{AUTHORITY_FILE}.pem", document=_("document.pdf")
    )
    return render(
        request, "soliris/pdf/certificate.html", {"facts": facts, "authority": authority, "command": command}
    )


def _certificate_download(
    data: bytes, content_type: str, suffix: str, name: str = CERTIFICATE_FILE
) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return response


def certificate_pem(request):
    return _certificate_download(certificate_facts().pem, "application/x-pem-file", "pem")


def certificate_der(request):
    return _certificate_download(certificate_facts().der, "application/pkix-cert", "der")


def authority_pem(request):
    facts = certificate_facts(ca_certificate())
    return _certificate_download(facts.pem, "application/x-pem-file", "pem", AUTHORITY_FILE)


def authority_der(request):
    facts = certificate_facts(ca_certificate())
    return _certificate_download(facts.der, "application/pkix-cert", "der", AUTHORITY_FILE)
