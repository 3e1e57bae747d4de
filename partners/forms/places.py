"""Setting a place's point: pick it from the gazetteer that ships with the map (a "Search"
step that works without JavaScript, as the organisation picker's) or type its coordinates.

The gazetteer belongs to the ``maps`` app, above this one: it registers its search here from
its ``AppConfig.ready()`` (``register_gazetteer``). Without it, only coordinates can be typed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from partners.models.organisations import PointPrecision

_GAZETTEER = {}


def register_gazetteer(*, search, get) -> None:
    """``search(query) → [(place, matched name)]``, ``get(key) → place | None``; a place has
    ``key``, ``latitude``, ``longitude`` and ``label(matched)``."""
    _GAZETTEER.update(search=search, get=get)


class PlaceSearchInput(forms.TextInput):
    template_name = "partners/widgets/place_search.html"
    input_type = "search"


POINT_FIELDS = ("place_q", "place", "latitude", "longitude", "precision")


class PointFormMixin:
    """For a form with ``latitude``, ``longitude`` and ``precision`` (the model's ``Placed``):
    adds the place search (``place_q``, its "Search" button ``place_q__search``) and the places
    found (``place``); a chosen place sets the coordinates, at the locality's precision."""

    point_after = "locality"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place_q"] = forms.CharField(
            label=_("Find the place in the gazetteer"),
            required=False,
            max_length=100,
            widget=PlaceSearchInput,
            help_text=_("A town or a commune, in any language and with or without accents; then Search."),
        )
        self.fields["place"] = forms.ChoiceField(
            label=_("Places found"), required=False, widget=forms.RadioSelect, choices=[]
        )
        self.fields["precision"].required = False
        if self.is_bound and _GAZETTEER:
            query = str(self.data.get(self.add_prefix("place_q")) or "")[:100]
            found = _GAZETTEER["search"](query) if query.strip() else []
            choices = [(place.key, place.label(matched)) for place, matched in found]
            chosen = str(self.data.get(self.add_prefix("place")) or "")
            if chosen and chosen not in dict(choices) and (place := _GAZETTEER["get"](chosen)):
                choices.insert(0, (place.key, place.label()))
            self.fields["place"].choices = choices
            if self.searching and not choices:
                self.fields["place"].help_text = _(
                    "No place of that name in the gazetteer: type the coordinates."
                )
        if not _GAZETTEER or not self.fields["place"].choices:
            self.fields["place"].widget = forms.HiddenInput()
        if not _GAZETTEER:
            self.fields["place_q"].widget = forms.HiddenInput()
        names = list(self.fields)
        for name in POINT_FIELDS:
            names.remove(name)
        at = names.index(self.point_after) + 1 if self.point_after in names else len(names)
        self.order_fields(names[:at] + list(POINT_FIELDS) + names[at:])

    @property
    def searching(self) -> bool:
        return self.is_bound and self.add_prefix("place_q__search") in self.data

    def full_clean(self):
        if self.searching:  # a search step, not a submission: no error shown
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self):
        return not self.searching and super().is_valid()

    def clean(self):
        data = super().clean()
        key = data.pop("place", "")
        data.pop("place_q", None)
        if key and _GAZETTEER and (place := _GAZETTEER["get"](key)):
            data["latitude"], data["longitude"] = place.latitude, place.longitude
            data["precision"] = PointPrecision.LOCALITY
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None) and "latitude" not in self.errors:
            raise ValidationError(_("Give both the latitude and the longitude, or neither."))
        if latitude is None and longitude is None:
            data["precision"] = ""
        elif not data.get("precision"):
            data["precision"] = PointPrecision.LOCALITY
        return data
