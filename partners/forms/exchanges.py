"""The forms of an exchange and of its travel legs."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.forms.common import DateInput, working_language_choices
from partners.models import (
    Exchange,
    ExchangeFormat,
    Organisation,
    TravelMode,
)


class ExchangeForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=working_language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Exchange
        fields = [
            "title",
            "kind",
            "date",
            "format",
            "travellers_from",
            "host",
            "participants",
            "languages",
            "interpretation",
            "outcome",
        ]
        widgets = {"date": DateInput(), "outcome": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("travellers_from", "host"):
            self.fields[name].queryset = (
                organisations if organisations is not None else Organisation.objects.none()
            )
            self.fields[name].empty_label = pgettext_lazy("no party", "—")

    def clean(self):
        data = super().clean()
        if data.get("format") == ExchangeFormat.IN_PERSON:
            src, dst = data.get("travellers_from"), data.get("host")
            if src and dst and src == dst:
                self.add_error("host", _("The visitors and the hosts are different parties."))
        return data


class ExchangeEditForm(ExchangeForm):
    """The same form, with the version it was opened on (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class LegForm(forms.Form):
    origin = forms.CharField(label=_("From"), max_length=120)
    destination = forms.CharField(label=_("To"), max_length=120)
    mode = forms.ChoiceField(label=_("Mode"), choices=TravelMode.choices)
    distance_km = forms.IntegerField(label=_("Distance (km)"), min_value=1, max_value=40000)
    travellers = forms.IntegerField(label=_("Travellers"), min_value=1, max_value=500, initial=1)
    round_trip = forms.BooleanField(label=_("Round trip"), required=False, initial=True)

    def has_changed(self):
        """A leg left blank (no place, no distance) is no leg at all."""
        return any(
            (self.data.get(self.add_prefix(name)) or "").strip()
            for name in ("origin", "destination", "distance_km")
        )


LegFormSet = forms.formset_factory(LegForm, extra=2, max_num=10)
