from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConventionsConfig(AppConfig):
    name = "conventions"
    verbose_name = _("Conventions and charters")

    def ready(self):
        from conventions import permissions, services  # noqa: F401  (rules and audit labels)
