from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def country_facets(rows, facet_query: str, selected: str | None) -> str:
    """The directory's links per country (``rows`` from ``selectors.*country_counts``), rendered
    in Python: about forty items, each a dozen template nodes (measured with ``make bench``)."""
    prefix = f"?{facet_query}&country=" if facet_query else "?country="
    return format_html_join(
        "\n",
        '<li><a href="{}"{}>{}</a> <span class="badge badge-muted">{}</span></li>',
        (
            (
                prefix + row["code"],
                format_html(' aria-current="{}"', "true") if row["code"] == selected else "",
                row["name"],
                row["count"],
            )
            for row in rows
        ),
    )
