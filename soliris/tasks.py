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
