"""Template helpers of the projects app (reads only)."""

from django import template

register = template.Library()


@register.simple_tag
def shared_goals(partnership):
    """The goals a partnership's parties share, for ``projects/partials/partnership_sdgs.html``."""
    from projects.selectors import partnership_goals

    return partnership_goals(partnership)
