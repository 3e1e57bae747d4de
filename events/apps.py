from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events, registrations and recommendations")

    def ready(self):
        # The app's PDF kinds register themselves with soliris.pdf when imported (they use
        # the models, hence here rather than at the top).
        from events import annual_report, pdfs  # noqa: F401
