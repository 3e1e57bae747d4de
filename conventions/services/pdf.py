"""The signed PDF of a version: one render job, requested when the last party signs.

``signatures.version_sign`` calls :func:`pdf_job_record` in its own transaction: the job is
created there and ``soliris.pdf.services.job_request`` queues its rendering through the outbox
once that transaction commits — one hop to the worker. :func:`version_pdf_request` asks again
later (idempotent: the same content finds the same job; a failed one is queued again).

When the worker has rendered it, :func:`pdf_done` tells the parties it is ready, once, with
its link (``notifications.notify_pdf_ready``): the "signed" mail only says it is coming.

Lock order (see ``conventions.services.locking``): document → version → render job.
"""

import logging

from django.db import transaction
from django.utils import timezone

from conventions import notifications
from conventions.charter_pdf import KIND, parameters_for
from conventions.models import Version, VersionStatus
from conventions.services.locking import lock_document, lock_version
from soliris import audit
from soliris.models import RenderJob
from soliris.pdf.services import job_request

logger = logging.getLogger(__name__)

# What the worker records when a render job is done (``soliris.pdf.services.job_run``).
JOB_DONE = "soliris.render_job.done"
PDF_READY = "conventions.version.pdf_ready"


def pdf_job_record(*, actor, document, version) -> Version:
    """Ask for the job rendering the signed ``version`` and record it on the version.

    The caller holds the locks of ``document`` and ``version`` (in that order); the job comes
    last. One PDF holds every authentic language (``conventions.charter_pdf``), requested in the name
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


def pdf_done(sender, instance, created, **kwargs) -> None:
    """Receiver of the audit entries (``post_save``): the one the worker records when it has
    rendered a signed charter, in the transaction that marks the job done, tells the parties
    the PDF is ready — in that transaction, through the outbox. Once per version: a job
    rendered again (its file was lost) says nothing more. A failure here is logged and never
    undoes the rendering."""
    if not created or instance.action != JOB_DONE:
        return
    try:
        with transaction.atomic():
            if instance.subject_type.model_class() is not RenderJob:
                return
            job = RenderJob.objects.filter(pk=instance.subject_id, kind=KIND).first()
            if job is None:
                return
            version = (
                Version.objects.select_related("document")
                .filter(
                    document__key=job.parameters.get("document"),
                    number=job.parameters.get("version"),
                    status=VersionStatus.SIGNED,
                    pdf_job=job,
                )
                .first()
            )
            if version is None:
                return
            document = version.document
            if audit.history(document).filter(action=PDF_READY, data__number=version.number).exists():
                return
            audit.record(PDF_READY, actor=None, subject=document, number=version.number)
            notifications.notify_pdf_ready(document, version, job)
    except Exception:
        logger.exception("the parties could not be told that the PDF of job %s is ready", instance.subject_id)
