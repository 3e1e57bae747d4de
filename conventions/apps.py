from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConventionsConfig(AppConfig):
    name = "conventions"
    verbose_name = _("Conventions and charters")

    def ready(self):
        # The permission names (rules), the audit labels, and the PDF kind of the signed charter.
        from conventions import pdfs, permissions, services  # noqa: F401
