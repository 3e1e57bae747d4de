from celery import shared_task


@shared_task
def ping(marker: str) -> dict:
    """Round trip through the queue: proves the worker runs, reaches the database and answers."""
    from soliris.models import User

    return {"marker": marker, "users": User.objects.count()}
