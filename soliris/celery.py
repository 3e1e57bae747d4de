"""The Celery application: ``celery -A soliris worker``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soliris.settings")

app = Celery("soliris")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
