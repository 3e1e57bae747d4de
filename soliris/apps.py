from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolirisConfig(AppConfig):
    name = "soliris"
    verbose_name = _("Soliris platform")
