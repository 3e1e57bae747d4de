from django import template

from events import naming
from partners.visibility import is_publicly_named

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def public_names(organisations) -> str:
    """The organisations (or endorsements) as the public may read them: the publicly named
    ones by name, the others counted (``events.naming``)."""
    return naming.public_names_text(organisations)


@register.filter
def publicly_named(endorsements) -> list:
    """The endorsements whose organisation the public may read the name of."""
    return [e for e in endorsements if is_publicly_named(getattr(e, "organisation", e))]


@register.filter
def not_publicly_named(endorsements) -> list:
    """The others: counted on public pages, never named."""
    return [e for e in endorsements if not is_publicly_named(getattr(e, "organisation", e))]
