"""What a page may name of a project's or a partnership's parties (reads only)."""

from django import template

from projects.selectors import organisation_name as _organisation_name
from projects.selectors import split_parties

register = template.Library()


@register.simple_tag
def public_parties(parties, user=None):
    """``{"shown": [...], "hidden": n}``: the parties the page names to ``user`` (``None``: the
    public), and how many others it only counts (projects.selectors.split_parties)."""
    shown, hidden = split_parties(parties, user)
    return {"shown": shown, "hidden": hidden}


@register.simple_tag
def organisation_name(organisation, user=None):
    return _organisation_name(organisation, user)
