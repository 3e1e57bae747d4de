"""The directories' facets as API parameters: the apps' own FilterSets, without what only a
page needs (its sort order: pages follow the cursor; "my projects": the API is anonymous)."""

import django_filters
from django.utils import timezone

from events.filters import RecommendationFilter
from events.models import Event, EventKind
from partners.filters import OrganisationFilter, PartnershipFilter
from projects.filters import ProjectFilter
from soliris.filters import show_chosen


class ApiOrganisationFilter(OrganisationFilter):
    sort = None


class ApiPartnershipFilter(PartnershipFilter):
    sort = None


class ApiProjectFilter(ProjectFilter):
    mine = None

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
