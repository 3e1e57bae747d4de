from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Organisations, members, partnerships and exchanges")

    def ready(self):
        # Registers the labels of the audit actions (see soliris.audit.register).
        from partners import services  # noqa: F401
