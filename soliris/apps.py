from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolirisConfig(AppConfig):
    name = "soliris"
    verbose_name = _("Soliris platform")

    def ready(self):
        # The <key:...> and <token:...> URL converters, before any URLconf is read; the
        # Celery app, so that tasks queued from this process go through it.
        from soliris import celery, converters  # noqa: F401
