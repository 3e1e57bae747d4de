"""The directories' facets as API parameters: the apps' own FilterSets, without what only a
page needs (its sort order: pages follow the cursor; "my projects": the API is anonymous)."""

import copy

import django_filters
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field

from events.filters import RecommendationFilter
from events.models import Event, EventKind
from partners.filters import OrganisationFilter, PartnershipFilter
from projects.filters import ProjectFilter
from soliris.filters import show_chosen


class TypedMethods:
    """The facets' filter methods with the type of their value, for the schema (their
    choices are the apps' own, computed at each request)."""

    def filter_language(self, queryset, name, value: str):
        return super().filter_language(queryset, name, value)

    def filter_sdg(self, queryset, name, value: str):
        return super().filter_sdg(queryset, name, value)


class ApiOrganisationFilter(TypedMethods, OrganisationFilter):
    sort = None


class ApiPartnershipFilter(TypedMethods, PartnershipFilter):
    sort = None

    def filter_country(self, queryset, name, value: str):
        return super().filter_country(queryset, name, value)

    def filter_theme(self, queryset, name, value: str):
        return super().filter_theme(queryset, name, value)


class ApiProjectFilter(ProjectFilter):
    mine = None
    year = extend_schema_field({"type": "integer", "description": "Year the project starts in."})(
        copy.deepcopy(ProjectFilter.base_filters["year"])
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # ProjectFilter's own set-up for an anonymous reader, which has no "mine" to drop.
        django_filters.FilterSet.__init__(self, data, queryset, request=request, prefix=prefix)
        show_chosen(self)


class ApiRecommendationFilter(RecommendationFilter):
    pass


PERIODS = [("upcoming", "Upcoming (not ended yet)"), ("past", "Past")]


class ApiEventFilter(django_filters.FilterSet):
    """The agenda's choices: upcoming or past events, of one kind."""

    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label="Kind of event")
    period = django_filters.ChoiceFilter(choices=PERIODS, method="filter_period", label="Upcoming or past")

    class Meta:
        model = Event
        fields: list = []

    def filter_period(self, queryset, name, value):
        now = timezone.now()
        return queryset.filter(ends_at__gte=now) if value == "upcoming" else queryset.filter(ends_at__lt=now)
