from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Organisations, members, partnerships and exchanges")

    def ready(self):
        # Imported here, not at the top: models may only be imported once the app registry is
        # ready. ``permissions`` declares the app's permission names, ``services`` registers
        # the labels of the audit actions (see soliris.audit.register).
        from partners import permissions, services  # noqa: F401
        from partners.models import Theme
        from partners.selectors import forget_themes

        # The directories' list of themes is kept in the cache until a theme changes.
        post_save.connect(forget_themes, sender=Theme, dispatch_uid="partners.forget_themes.save")
        post_delete.connect(forget_themes, sender=Theme, dispatch_uid="partners.forget_themes.delete")
