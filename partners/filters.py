import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners import facets
from partners.models import (
    OrganisationKind,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
)
from partners.selectors import themes
from soliris import search
from soliris.filters import CountryFilter
from soliris.permissions import request_cached


def _theme_choices():
    return [(theme.slug, theme.name) for theme in themes()]


def _theme_filter(label, **kwargs):
    """A theme, by its code: the choices from the kept list of themes (``selectors.themes``)."""
    return django_filters.ChoiceFilter(
        label=label, choices=_theme_choices, empty_label=_("All themes"), **kwargs
    )


def _language_choices():
    return list(settings.LANGUAGES)


def _goal_filter(label):
    return django_filters.ChoiceFilter(
        label=label, choices=facets.goal_choices, method="filter_sdg", empty_label=_("All goals")
    )


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")

    def filter_q(self, queryset, name, value):
        return search.filter(queryset, value)

    def queryset_without(self, *names):
        """The queryset with every valid filter applied except ``names`` — the facet counts of a
        filter are those of the others — from this filterset's own form (one form per request)."""
        queryset = self.queryset.all()
        if self.is_bound:
            self.form.is_valid()  # an invalid value is left out of cleaned_data, as in ``qs``
            for name, value in self.form.cleaned_data.items():
                if name not in names:
                    queryset = self.filters[name].filter(queryset, value)
        return queryset

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if facets.goal_facet() is None:  # no app gives the goals: no SDG filter
            self.filters.pop("sdg", None)

    def _ids_for_goal(self, kind: str, value):
        """The ids the registered goal facet gives for a goal — a sub-query, not a list that
        grows with the registry — made once per request: the list and its country counts
        filter with the same facet."""
        number = int(value)
        selector = getattr(facets.goal_facet(), kind)
        return request_cached(("partners.goal_ids", kind, number), lambda: selector(number))


class OrganisationFilter(DirectoryFilter):
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("organisation", "Kind"),
        choices=OrganisationKind.choices,
        empty_label=_("All kinds"),
    )
    country = CountryFilter(label=_("Country"), empty_label=_("All countries"))
    theme = _theme_filter(_("Theme"), field_name="themes__slug")
    language = django_filters.ChoiceFilter(
        label=_("Working language"),
        choices=_language_choices,
        method="filter_language",
        empty_label=_("All languages"),
    )
    sdg = _goal_filter(_("Sustainable development goal of a public project"))
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("country", "country"), ("created_at", "created_at")),
        field_labels={
            "name": _("Name"),
            "-name": _("Name (descending)"),
            "country": _("Country"),
            "-country": _("Country (descending)"),
            "created_at": _("Oldest registered first"),
            "-created_at": _("Newest registered first"),
        },
        empty_label=_("Name"),
    )

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__contains=[value])

    def filter_sdg(self, queryset, name, value):
        return queryset.filter(pk__in=self._ids_for_goal("organisation_ids", value))


class PartnershipFilter(DirectoryFilter):
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("partnership", "Kind"),
        choices=PartnershipKind.choices,
        empty_label=_("All kinds"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PartnershipStatus.choices, empty_label=_("All statuses")
    )
    country = CountryFilter(
        label=_("Country of a party"),
        method="filter_country",
        empty_label=_("All countries"),
    )
    theme = _theme_filter(_("Theme of a party"), method="filter_theme")
    language = django_filters.ChoiceFilter(
        label=_("Working language of a party"),
        choices=_language_choices,
        method="filter_language",
        empty_label=_("All languages"),
    )
    sdg = _goal_filter(_("Sustainable development goal"))
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("started_on", "started_on")),
        field_labels={
            "name": _("Name"),
            "-name": _("Name (descending)"),
            "started_on": _("Oldest first"),
            "-started_on": _("Most recent first"),
        },
        empty_label=_("Name"),
    )

    def _parties(self, queryset, **lookups):
        parties = PartnershipParty.objects.filter(status=PartyStatus.ACCEPTED, **lookups)
        return queryset.filter(pk__in=parties.values("partnership_id"))

    def filter_country(self, queryset, name, value):
        return queryset.filter(countries__contains=[value])

    def filter_theme(self, queryset, name, value):
        return self._parties(queryset, organisation__themes__slug=value)

    def filter_language(self, queryset, name, value):
        return self._parties(queryset, organisation__languages__contains=[value])

    def filter_sdg(self, queryset, name, value):
        return queryset.filter(pk__in=self._ids_for_goal("partnership_ids", value))
