"""The Celery application: ``celery -A soliris worker``."""

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soliris.settings")

app = Celery("soliris")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect(weak=False)
def _fresh_content_types(**_kwargs):
    """A worker lives long: content type ids cached before a database reset (the tests flush
    theirs) are not trusted across tasks."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
