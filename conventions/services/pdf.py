"""The signed PDF of a version: one render job, requested when the last party signs.

``signatures.version_sign`` calls :func:`pdf_job_record` in its own transaction: the job is
created there and ``soliris.pdf.services.job_request`` queues its rendering through the outbox
once that transaction commits — one hop to the worker. :func:`version_pdf_request` asks again
later (idempotent: the same content finds the same job; a failed one is queued again).

Lock order (see ``conventions.services.locking``): document → version → render job.
"""

from django.db import transaction
from django.utils import timezone

from conventions.models import Version, VersionStatus
from conventions.pdfs import KIND, parameters_for
from conventions.services.locking import lock_document, lock_version
from soliris import audit
from soliris.pdf.services import job_request


def pdf_job_record(*, actor, document, version) -> Version:
    """Ask for the job rendering the signed ``version`` and record it on the version.

    The caller holds the locks of ``document`` and ``version`` (in that order); the job comes
    last. One PDF holds every authentic language (``conventions.pdfs``), requested in the name
    of ``actor`` (the last signatory).
    """
    job, _created = job_request(actor=actor, kind=KIND, parameters=parameters_for(version))
    changes = {}
    if version.pdf_job_id != job.pk:
        changes["pdf_job"] = job
    if version.pdf_received_at is None:
        changes["pdf_received_at"] = timezone.now()
    if changes:
        Version.objects.filter(pk=version.pk).update(**changes)
        audit.record("conventions.version.pdf_received", actor=None, subject=document, number=version.number)
    return Version.objects.select_related("document", "pdf_job").get(pk=version.pk)


@transaction.atomic
def version_pdf_request(*, version, actor=None) -> Version:
    """Ask again for the signed PDF of a signed version (idempotent); in the name of ``actor``,
    or of the last signatory. A version that is not signed is returned unchanged."""
    document = lock_document(version.document)
    version = lock_version(version)
    if version.status != VersionStatus.SIGNED:
        return version
    if actor is None:
        last = version.signatures.select_related("user").order_by("-signed_at", "-id").first()
        actor = last.user if last else None
    return pdf_job_record(actor=actor, document=document, version=version)
