from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Joint projects, SDGs and calls for projects")

    def ready(self):
        from projects import permissions, services  # noqa: F401  (rules and audit labels)
