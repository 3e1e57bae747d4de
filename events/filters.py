import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Event, RecommendationSection, RecommendationStatus, published_q
from events.selectors import search_recommendations
from partners.models import Theme
from projects.models import Goal
from soliris.filters import SHOWN_CHOICES, ModelChoiceFilter, show_chosen


class RecommendationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", widget=forms.TextInput(attrs={"type": "search"})
    )
    event = ModelChoiceFilter(
        label=_("Event"),
        field_name="section__event",
        to_field_name="slug",
        queryset=Event.objects.none(),
        shown=SHOWN_CHOICES,
    )
    section = ModelChoiceFilter(
        label=_("Section"), to_field_name="key", queryset=RecommendationSection.objects.none()
    )
    theme = ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.none(),
        kept=("partners",),
    )
    sdg = ModelChoiceFilter(
        label=_("Sustainable development goal"),
        field_name="sdg_goals",
        to_field_name="number",
        queryset=Goal.objects.none(),
        kept=("projects",),
    )
    status = django_filters.ChoiceFilter(label=_("Follow-up status"), choices=RecommendationStatus.choices)

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["theme"].queryset = Theme.objects.all()
        self.filters["sdg"].queryset = Goal.objects.order_by("number")
        if event is not None:
            del self.filters["event"]
            self.filters["section"].queryset = RecommendationSection.objects.filter(event=event)
        else:
            del self.filters["section"]
            # The latest events that gathered recommendations first (fifty shown, any accepted).
            with_sections = RecommendationSection.objects.values("event_id")
            self.filters["event"].queryset = (
                Event.objects.filter(published_q()).filter(pk__in=with_sections).order_by("-starts_at", "-id")
            )
            show_chosen(self)

    def filter_search(self, queryset, name, value):
        return search_recommendations(queryset, value)
