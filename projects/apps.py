from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Joint projects, SDGs and calls for projects")

    def ready(self):
        from partners import facets
        from partners.signals import organisation_changed
        from projects import permissions, services  # noqa: F401  (rules and audit labels)
        from projects.models import Goal
        from projects.sdgs import organisation_ids_for_goal, partnership_ids_for_goal

        # The directory's SDG facet (partners imports no other app: projects gives it the goals).
        facets.register_goal_facet(
            choices=lambda: [(str(g.number), f"{g.number}. {g.short_title}") for g in Goal.objects.all()],
            organisation_ids=organisation_ids_for_goal,
            partnership_ids=partnership_ids_for_goal,
        )

        # A party's name, locality or visibility changed: the projects' search text follows.
        organisation_changed.connect(_refresh_projects_of, dispatch_uid="projects.refresh_search")


def _refresh_projects_of(sender, organisation, **kwargs):
    from projects.models import Project
    from projects.services.common import refresh_search

    for project in Project.objects.filter(parties__organisation=organisation).distinct():
        refresh_search(project)
