import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import OrganisationKind, Theme
from partners.permissions import roles_by_organisation
from projects.models import Call, Goal, Project, ProjectParty, ProjectPartyStatus, ProjectStatus, Target
from soliris.filters import (
    SHOWN_CHOICES,
    RelatedChoiceFilter,
    RelatedCountryFilter,
    RelatedModelChoiceFilter,
    show_chosen,
)


def _years():
    this_year = timezone.localdate().year
    return [(year, str(year)) for year in range(this_year + 2, 1999, -1)]


class ProjectFilter(django_filters.FilterSet):
    """The facets of the project list; each one narrows the visible projects."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProjectStatus.choices, empty_label=_("All statuses")
    )
    goal = RelatedModelChoiceFilter(
        label=_("Sustainable development goal"),
        queryset=Goal.objects.all(),
        empty_label=_("All goals"),
        kept=("projects",),
        to_field_name="number",
        field_name="sdg_links__goal",
    )
    target = RelatedModelChoiceFilter(
        label=_("Target"),
        empty_label=_("All targets"),
        queryset=Target.objects.select_related("goal").order_by("goal__number", "position"),
        kept=("projects",),
        to_field_name="code",
        field_name="sdg_links__targets",
    )
    theme = RelatedModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        empty_label=_("All themes"),
        kept=("partners",),
        to_field_name="slug",
        field_name="parties__organisation__themes",
    )
    country = RelatedCountryFilter(
        label=_("Country"), field_name="sites__country", empty_label=_("All countries")
    )
    kind = RelatedChoiceFilter(
        label=_("Kind of organisation"),
        choices=OrganisationKind.choices,
        empty_label=_("All kinds"),
        field_name="parties__organisation__kind",
    )
    call = RelatedModelChoiceFilter(
        label=_("Call for projects"),
        queryset=Call.objects.all(),  # the latest to close first (fifty shown, any accepted)
        empty_label=_("All calls"),
        shown=SHOWN_CHOICES,
        to_field_name="key",
        field_name="submissions__call",
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=_years, field_name="starts_on__year", empty_label=_("All years")
    )

    mine = django_filters.BooleanFilter(
        label=_("Only the projects of my organisations"),
        method="filter_mine",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Project
        fields: list = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not getattr(getattr(self.request, "user", None), "is_authenticated", False):
            self.filters.pop("mine")
        show_chosen(self)

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        user = getattr(self.request, "user", None)
        organisation_ids = list(roles_by_organisation(user)) if user is not None else []
        mine = ProjectParty.objects.filter(
            organisation_id__in=organisation_ids,
            status__in=[ProjectPartyStatus.INVITED, ProjectPartyStatus.CONFIRMED],
        ).values("project_id")
        return queryset.filter(pk__in=mine)
