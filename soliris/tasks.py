from celery import shared_task


@shared_task
def ping(marker: str) -> dict:
    """Round trip through the queue: proves the worker runs, reaches the database and answers."""
    from soliris.models import User

    return {"marker": marker, "users": User.objects.count()}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_document(job_id: int) -> str | None:
    """Render one PDF job (``soliris.pdf.services.job_run``); a finished job is not redone."""
    from django.contrib.contenttypes.models import ContentType

    from soliris.pdf.services import job_run

    # A worker lives long: never trust content type ids cached before a database reset.
    ContentType.objects.clear_cache()
    job = job_run(job_id)
    return job.state if job is not None else None


@shared_task(acks_late=True)
def outbox_deliver(message_id: int) -> bool:
    """Deliver one outbox message (an email, a task to queue); a failure waits for the sweep."""
    from soliris import outbox

    return outbox.deliver(message_id)


@shared_task
def outbox_sweep() -> int:
    """Deliver what is due in the outbox: run by beat every minute."""
    from soliris import outbox

    return outbox.sweep()
