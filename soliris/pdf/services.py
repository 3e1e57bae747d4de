"""Render jobs: requested in the web process, rendered by a worker, never twice for one content."""

import hashlib
import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from soliris import audit, outbox
from soliris.models import RenderJob, RenderJobState
from soliris.pdf import NotReady, get_kind
from soliris.pdf.rendering import html_to_pdf
from soliris.pdf.signing import sign_pdf

logger = logging.getLogger(__name__)

audit.register("soliris.render_job.requested", _("asked for a document"))
audit.register("soliris.render_job.done", _("the document was rendered"))
audit.register("soliris.render_job.failed", _("the document could not be rendered"))
audit.register("soliris.render_job.retried", _("asked to render the document again"))
audit.register("soliris.render_job.requeued", _("the document was queued again"))
audit.register("soliris.render_job.stalled", _("the rendering stopped (its worker was lost)"))

# A queued job not taken within this delay was lost by the queue: it is queued again. A
# running job with no sign of life for this long lost its worker: it fails, to be retried.
REQUEUE_AFTER = timedelta(minutes=3)
STALLED_AFTER = timedelta(minutes=10)


def content_hash(kind, parameters: dict, inputs: dict) -> str:
    payload = {"kind": kind.name, "version": kind.version, "parameters": parameters, "inputs": inputs}
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def _enqueue(job_id: int) -> None:
    """Queue the rendering through the outbox: recorded with the job, queued after the commit."""
    outbox.enqueue_task("soliris.tasks.render_document", job_id)


def job_request(*, actor, kind: str, parameters: dict) -> tuple[RenderJob, bool]:
    """The job rendering ``kind`` with ``parameters``: an existing one for the same content.

    Returns (job, created). A failed job for the same content is queued again.
    Raises ``DocumentUnavailable`` when the parameters name nothing renderable.
    """
    document_kind = get_kind(kind)
    language = parameters.get("language")
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the platform's languages."))
    with translation.override(language):
        inputs = document_kind.content(parameters)
        title = str(document_kind.title(inputs, parameters))
    digest = content_hash(document_kind, parameters, inputs)
    with transaction.atomic():
        job, created = RenderJob.objects.get_or_create(
            content_hash=digest,
            defaults={
                "kind": kind,
                "parameters": parameters,
                "inputs": inputs,
                "language": language,
                "title": title[:300],
                "requested_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        if created:
            job.full_clean()
            audit.record(
                "soliris.render_job.requested", actor=actor, subject=job, kind=kind, language=language
            )
            _enqueue(job.pk)
        elif job.state == RenderJobState.FAILED:
            job_retry(actor=actor, job=job)
            job.refresh_from_db()
        elif job.state == RenderJobState.DONE and not job_file_exists(job):
            job_rerender(actor=actor, job=job)
            job.refresh_from_db()
    return job, created


def job_file_exists(job: RenderJob) -> bool:
    return bool(job.file) and default_storage.exists(job.file.name)


def job_rerender(*, actor, job: RenderJob) -> RenderJob:
    """Render a finished job again whose file is gone (a database restored without its
    media): the same content, a new file."""
    with transaction.atomic():
        if RenderJob.objects.filter(pk=job.pk, state=RenderJobState.DONE).update(
            state=RenderJobState.QUEUED, progress=0, error="", finished_at=None, queued_at=timezone.now()
        ):
            audit.record("soliris.render_job.retried", actor=actor, subject=job, reason="file missing")
            _enqueue(job.pk)
    job.refresh_from_db()
    return job


def job_retry(*, actor, job: RenderJob) -> RenderJob:
    """Queue a failed job again."""
    with transaction.atomic():
        updated = RenderJob.objects.filter(pk=job.pk, state=RenderJobState.FAILED).update(
            state=RenderJobState.QUEUED, progress=0, error="", finished_at=None, queued_at=timezone.now()
        )
        if not updated:
            raise ValidationError(_("Only a document that failed can be rendered again."))
        audit.record("soliris.render_job.retried", actor=actor, subject=job)
        _enqueue(job.pk)
    job.refresh_from_db()
    return job


def _claim(job_id: int, *, take_over: bool = False) -> RenderJob | None:
    """Mark the job running for a new attempt; None when there is nothing to do.

    A queued job is taken. A running one is left to its worker (a duplicate message of the
    queue), unless ``take_over`` (the task retrying after losing its database) or its worker
    gave no sign of life for ``STALLED_AFTER``. A finished job is never redone.
    """
    now = timezone.now()
    with transaction.atomic():
        job = RenderJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state in (RenderJobState.DONE, RenderJobState.FAILED):
            return None
        if job.state == RenderJobState.RUNNING and not take_over:
            alive = job.heartbeat_at or job.started_at
            if alive and now - alive < STALLED_AFTER:
                return None
        job.state = RenderJobState.RUNNING
        job.attempts += 1
        job.progress = 0
        job.error = ""
        job.started_at = now
        job.heartbeat_at = now
        job.save(update_fields=["state", "attempts", "progress", "error", "started_at", "heartbeat_at"])
    return job


def _rendered(kind, job: RenderJob, progress) -> bytes:
    """The job's PDF from its kind's HTML, signed as its kind says."""
    html = kind.render(job.inputs, job.parameters, progress)
    progress(60)
    data = html_to_pdf(html)
    progress(85)
    if kind.sign and kind.seal:
        return kind.seal(data, job.inputs, job.parameters)
    if kind.sign:
        return sign_pdf(data, reason=str(_("Issued by the Soliris platform")), location="Soliris")
    return data


def queue_waiting(job: RenderJob) -> int:
    """Queue again the jobs built on ``job`` (``inputs["previous"]``) that wait for it."""
    waiting = list(
        RenderJob.objects.filter(state=RenderJobState.QUEUED, inputs__previous=str(job.key)).values_list(
            "pk", flat=True
        )
    )
    for job_id in waiting:
        _enqueue(job_id)
    return len(waiting)


def job_run(job_id: int, *, take_over: bool = False) -> RenderJob | None:
    """Render a job (the worker's part). Safe to run twice: a finished job is left alone,
    and of two attempts racing on one job only the latest one's file is kept.
    """
    job = _claim(job_id, take_over=take_over)
    if job is None:
        return None
    attempt = job.attempts
    current = RenderJob.objects.filter(pk=job.pk, attempts=attempt, state=RenderJobState.RUNNING)

    def progress(value: int) -> None:
        current.update(progress=max(0, min(99, int(value))), heartbeat_at=timezone.now())

    try:
        kind = get_kind(job.kind)
        with translation.override(job.language):
            data = kind.build(job.inputs, job.parameters, progress) if kind.build else None
            if data is None:
                data = _rendered(kind, job, progress)
            progress(95)
        filename = f"{slugify(job.title)[:80] or 'document'}.pdf"
        name = default_storage.save(f"render/{job.key}/{filename}", ContentFile(data))
        with transaction.atomic():
            done = current.update(
                state=RenderJobState.DONE,
                progress=100,
                file=name,
                file_sha256=hashlib.sha256(data).hexdigest(),
                signed=kind.sign,
                finished_at=timezone.now(),
            )
            if done:
                audit.record("soliris.render_job.done", actor=None, subject=job, attempt=attempt)
                queue_waiting(job)
        if not done:  # a later attempt took the job over: its file is the one kept
            default_storage.delete(name)
    except NotReady as error:
        # Back in the queue, taken again when what it waits for is done (``queue_waiting``),
        # or at once if it is done already. Its row is locked first: the transaction marking
        # it done either commits before (then it is seen done here) or waits for this one
        # (then its ``queue_waiting`` sees this job queued) — never neither.
        logger.info("render job %s waits: %s", job.pk, error)
        with transaction.atomic():
            awaited = RenderJob.objects.select_for_update().filter(key=error.waits_for).first()
            waiting = current.update(state=RenderJobState.QUEUED, progress=0, queued_at=timezone.now())
            if waiting and awaited is not None and awaited.state == RenderJobState.DONE:
                _enqueue(job.pk)
    except Exception as error:
        logger.exception("render job %s failed", job.pk)
        with transaction.atomic():
            if current.update(
                state=RenderJobState.FAILED,
                error=f"{type(error).__name__}: {error}"[:4000],
                finished_at=timezone.now(),
            ):
                audit.record("soliris.render_job.failed", actor=None, subject=job, error=type(error).__name__)
    job.refresh_from_db()
    return job


def job_sweep(*, now=None) -> dict:
    """Heal what faults left behind (beat runs this every minute):

    - a job queued for longer than ``REQUEUE_AFTER`` that no worker took (the broker lost
      the message, or it was never published) is queued again;
    - a job running with no sign of life for ``STALLED_AFTER`` (its worker was killed, or
      lost its database for good) fails, with "Try again" for the person who asked.
    """
    now = now or timezone.now()
    requeued = failed = 0
    for job_id in RenderJob.objects.filter(
        state=RenderJobState.QUEUED, queued_at__lt=now - REQUEUE_AFTER
    ).values_list("pk", flat=True)[:200]:
        with transaction.atomic():
            if RenderJob.objects.filter(pk=job_id, state=RenderJobState.QUEUED).update(queued_at=now):
                _enqueue(job_id)
                requeued += 1
    stalled = RenderJob.objects.filter(state=RenderJobState.RUNNING).filter(
        models.Q(heartbeat_at__lt=now - STALLED_AFTER)
        | models.Q(heartbeat_at__isnull=True, started_at__lt=now - STALLED_AFTER)
    )
    for job in stalled[:200]:
        with transaction.atomic():
            if RenderJob.objects.filter(
                pk=job.pk, state=RenderJobState.RUNNING, attempts=job.attempts
            ).update(
                state=RenderJobState.FAILED,
                error="The worker rendering this document stopped.",
                finished_at=now,
            ):
                audit.record("soliris.render_job.stalled", actor=None, subject=job, attempt=job.attempts)
                failed += 1
    if requeued or failed:
        logger.warning(
            "render jobs healed: %s queued again, %s failed after their worker stopped", requeued, failed
        )
    return {"requeued": requeued, "failed": failed}


def job_for_file(data: bytes) -> RenderJob | None:
    """The job that produced exactly these bytes, if any."""
    digest = hashlib.sha256(data).hexdigest()
    return RenderJob.objects.filter(file_sha256=digest, state=RenderJobState.DONE).first()
