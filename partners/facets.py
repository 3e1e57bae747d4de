"""Facets that other apps give the directory, without partners importing them.

``partners`` imports no other app: the projects app registers the sustainable development
goals facet from its ``AppConfig.ready()`` with :func:`register_goal_facet`, and the
directory filters (``partners.filters``) show the SDG filter only when it is registered.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import translation


@dataclass(frozen=True)
class GoalFacet:
    choices: Callable[[], list[tuple[str, str]]]  # (value, label) in the active language
    # The ids of the organisations / partnerships for a goal number, as a sub-query (pk__in=).
    organisation_ids: Callable[[int], QuerySet]
    partnership_ids: Callable[[int], QuerySet]


_goal_facet: GoalFacet | None = None
_goal_choices_cache: dict[str, tuple] = {}


def register_goal_facet(*, choices, organisation_ids, partnership_ids) -> None:
    """Called once by the app that knows the goals (``projects``)."""
    global _goal_facet
    _goal_facet = GoalFacet(
        choices=choices, organisation_ids=organisation_ids, partnership_ids=partnership_ids
    )
    _goal_choices_cache.clear()


def goal_facet() -> GoalFacet | None:
    """The registered goal facet, or None (then the directory has no SDG filter)."""
    return _goal_facet


def goal_choices() -> list[tuple[str, str]]:
    """The goals' choices in the reader's language (reference data: read once per language;
    an empty list, e.g. before the goals are loaded, is not kept)."""
    if _goal_facet is None:
        return []
    language = translation.get_language()
    if language not in _goal_choices_cache:
        choices = tuple(_goal_facet.choices())
        if not choices:
            return []
        _goal_choices_cache[language] = choices
    return list(_goal_choices_cache[language])
