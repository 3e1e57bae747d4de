from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConventionsConfig(AppConfig):
    name = "conventions"
    verbose_name = _("Conventions and charters")

    def ready(self):
        # The permission names (rules), the audit labels, and the PDF kind of the signed charter.
        from django.db.models.signals import post_save

        from conventions import pdfs, permissions, services  # noqa: F401
        from conventions.services.pdf import pdf_done
        from soliris.models import AuditEntry

        # The worker's "rendered" entry of a signed charter: the parties are told it is ready.
        post_save.connect(pdf_done, sender=AuditEntry, dispatch_uid="conventions.pdf_done")
