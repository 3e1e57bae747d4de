from celery import shared_task
from django.db import close_old_connections
from django.db.utils import InterfaceError, OperationalError

from soliris import digests, outbox, undo
from soliris.models import User
from soliris.pdf.services import job_run, job_sweep


@shared_task
def ping(marker: str) -> dict:
    """Round trip through the queue: proves the worker runs, reaches the database and answers."""
    return {"marker": marker, "users": User.objects.count()}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=8)
def render_document(self, job_id: int) -> str | None:
    """Render one PDF job (``soliris.pdf.services.job_run``); a finished job is not redone.

    The database out of reach (restarted, failed over): the connection is dropped and the
    task retried with a growing delay, taking its own running job over; past the last
    retry, the job sweep fails it so that the person can try again.
    """
    # A message the broker handed out again (its worker died, or the visibility timeout
    # passed) takes its job over; a mere duplicate leaves a live rendering alone.
    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    try:
        job = job_run(job_id, take_over=redelivered or self.request.retries > 0)
    except (OperationalError, InterfaceError) as error:
        close_old_connections()
        raise self.retry(exc=error, countdown=min(2**self.request.retries, 60)) from error
    return job.state if job is not None else None


@shared_task
def render_job_sweep() -> dict:
    """Queue again the render jobs the queue lost; fail those a dead worker left running."""
    return job_sweep()


@shared_task(acks_late=True)
def outbox_deliver(message_id: int) -> bool:
    """Deliver one outbox message (an email, a task to queue); a failure waits for the sweep."""
    return outbox.deliver(message_id)


@shared_task
def outbox_sweep() -> int:
    """Deliver what is due in the outbox: run by beat every minute."""
    return outbox.sweep()


@shared_task
def undo_sweep() -> int:
    """Forget the removals too old to undo: run by beat every ten minutes."""
    return undo.forget_expired()


@shared_task
def digest_sweep() -> int:
    """Queue the daily and weekly digests that are due: run by beat every ten minutes."""
    return sum(digests.digest_send(frequency) for frequency in ("daily", "weekly"))
