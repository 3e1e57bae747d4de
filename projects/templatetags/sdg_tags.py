"""Template helpers of the projects app (reads only)."""

from django import template

from projects.selectors import partnership_goals

register = template.Library()


@register.simple_tag
def shared_goals(partnership):
    """The goals a partnership's parties share, for ``projects/partials/partnership_sdgs.html``."""
    return partnership_goals(partnership)
