from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolirisConfig(AppConfig):
    name = "soliris"
    verbose_name = _("Soliris platform")

    def ready(self):
        # The <key:...> and <token:...> URL converters, before any URLconf is read; the
        # Celery app, so that tasks queued from this process go through it.
        # Every write to the database gives kept pages a new generation (soliris.pagecache).
        from django.db.backends.signals import connection_created

        from soliris import celery, converters  # noqa: F401
        from soliris.pagecache import watch_writes

        connection_created.connect(watch_writes, dispatch_uid="soliris.pagecache.watch_writes")
