"""Map panels for other apps' pages: ``{% load map_tags %}`` and one tag each.

    {% partnership_map partnership %}   the partnership's own arc between its parties
    {% project_map project %}           the project's sites, joined to its public parties
    {% goal_map goal %}                 where the public projects of a goal act
    {% goal_map %}                      where all public projects act (the SDG dashboard)

Each draws the shared map partial with a table of the same places beside it; only publicly
named organisations are placed.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from maps import render, selectors
from partners.visibility import public_q
from projects.models import ProjectPartyStatus

register = template.Library()


def _panel(map_id, title, description, data, sites=(), joins=()) -> str:
    if not data.actors and not sites:
        return ""
    return render_to_string(
        "maps/partials/panel.html",
        {
            "map": render.svg_context(data, "fit", sites=sites, joins=joins),
            "map_id": map_id,
            "title": title,
            "description": description,
            "data": data,
            "sites": sites,
        },
    )


@register.simple_tag
def partnership_map(partnership) -> str:
    data = selectors.partnership_map(partnership)
    return _panel(
        "partnership-map",
        _("Where the parties are"),
        _("The partnership's parties as points, joined by a line; the table below lists them."),
        data,
    )


@register.simple_tag
def project_map(project) -> str:
    sites = selectors.site_points(project.sites.all(), project)
    parties = (
        project.parties.filter(status=ProjectPartyStatus.CONFIRMED)
        .filter(public_q("organisation__"))
        .select_related("organisation")
    )
    actors = [actor for party in parties if (actor := selectors.actor_of(party.organisation))]
    data = selectors.MapData(actors, [])
    joins = [(actor, site) for actor in actors for site in sites]
    return _panel(
        "project-map",
        _("Here and there: the project's sites and parties"),
        _(
            "The project's sites as diamonds, its parties as points, joined by dotted lines; the list of sites says the same."
        ),
        data,
        sites,
        joins,
    )


@register.simple_tag
def goal_map(goal=None) -> str:
    sites = selectors.goal_sites(goal.number if goal is not None else None)
    return _panel(
        "goal-map",
        _("Where the projects act"),
        _("The sites of the public projects as diamonds; the table below lists them."),
        selectors.MapData([], []),
        sites,
    )
