"""Setting a place's point: pick it from the gazetteer that ships with the map (a "Search"
step that works without JavaScript, as the organisation picker's), click it on the map (an
image button: another step) or type its coordinates.

The gazetteer and the map belong to the ``maps`` app, above this one: it registers them here
from its ``AppConfig.ready()`` (``register_gazetteer``, ``register_map_picker``). Without
them, only coordinates can be typed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from partners.models.organisations import PointPrecision

_GAZETTEER = {}
_PICKER = {}


def register_gazetteer(*, search, get) -> None:
    """``search(query) → [(place, matched name)]``, ``get(key) → place | None``; a place has
    ``key``, ``latitude``, ``longitude`` and ``label(matched)``."""
    _GAZETTEER.update(search=search, get=get)


def register_map_picker(*, views, view_for, locate, precision, picture_url, widths, height) -> None:
    """The map to click (``maps.picker``): ``views()`` → [(slug, label)]; ``view_for(lat, lon)``
    the view to show first; ``locate(slug, width, x, y)`` → (lat, lon) | None;
    ``precision(slug)``; ``picture_url(slug, lat, lon)``; ``widths`` {name suffix: pixels};
    ``height(slug, width)`` the picture's height in pixels."""
    _PICKER.update(
        height=height,
        views=views,
        view_for=view_for,
        locate=locate,
        precision=precision,
        picture_url=picture_url,
        widths=widths,
    )


class MapClickInput(forms.Widget):
    """The map as image buttons (one per width, the stylesheet shows one), the view presets as
    buttons, and the view shown (the click is read in its pixels). Posts no value of its own:
    ``PointFormMixin`` reads the click."""

    template_name = "partners/widgets/map_click.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.view = ""
        self.point = (None, None)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        latitude, longitude = self.point
        views = _PICKER["views"]()
        context["widget"].update(
            view=self.view,
            view_label=dict(views).get(self.view, ""),
            views=views,
            images=[
                {
                    "suffix": suffix,
                    "width": width,
                    "height": _PICKER["height"](self.view, width),
                    "src": _PICKER["picture_url"](self.view, latitude, longitude),
                }
                for suffix, width in _PICKER["widths"].items()
            ],
        )
        return context

    def value_from_datadict(self, data, files, name):
        return None


class PlaceSearchInput(forms.TextInput):
    template_name = "partners/widgets/place_search.html"
    input_type = "search"


POINT_FIELDS = ("place_q", "place", "place_map", "latitude", "longitude", "precision")


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
        self._add_map()
        if not _GAZETTEER or not self.fields["place"].choices:
            self.fields["place"].widget = forms.HiddenInput()
        if not _GAZETTEER:
            self.fields["place_q"].widget = forms.HiddenInput()
        names = list(self.fields)
        point_fields = [name for name in POINT_FIELDS if name in names]
        for name in point_fields:
            names.remove(name)
        at = names.index(self.point_after) + 1 if self.point_after in names else len(names)
        self.order_fields(names[:at] + point_fields + names[at:])

    def _add_map(self):
        """The map to click: a click (or a change of view) is a step, as a search is; the
        point clicked fills the coordinates, for the person to check and save."""
        self.clicked = None
        if not _PICKER:
            return
        name = self.add_prefix("place_map")
        self.fields["place_map"] = forms.Field(
            label=_("Or click the place on the map"),
            required=False,
            widget=MapClickInput,
            help_text=_(
                "Zoom in with the buttons, then click where the place is: its coordinates fill "
                "in below, to check and save. With the keyboard, search or type them instead."
            ),
        )
        widget = self.fields["place_map"].widget
        data = self.data if self.is_bound else {}
        views = dict(_PICKER["views"]())
        shown = str(data.get(f"{name}__shown") or "")
        asked = str(data.get(f"{name}__view") or "")
        for suffix, width in _PICKER["widths"].items():
            x, y = data.get(f"{name}{suffix}.x"), data.get(f"{name}{suffix}.y")
            if x is None or y is None or shown not in views:
                continue
            self.clicked = (None, None)
            try:
                px, py = int(x), int(y)
            except (TypeError, ValueError):
                break
            point = _PICKER["locate"](shown, width, px, py) if (px, py) != (0, 0) else None
            if point is not None:
                self.clicked = point
                self.data = data = data.copy()
                data[self.add_prefix("latitude")] = f"{point[0]:.4f}"
                data[self.add_prefix("longitude")] = f"{point[1]:.4f}"
                data[self.add_prefix("precision")] = _PICKER["precision"](shown)
                data.pop(self.add_prefix("place"), None)
            break
        if asked in views:
            widget.view = asked
        elif shown in views and self.clicked is not None:
            widget.view = shown
        else:
            widget.view = _PICKER["view_for"](*self._point(data))
        widget.point = self._point(data)
        if self.clicked == (None, None):
            self.fields["place_map"].help_text = _(
                "That was not a place on the map: click on land or sea, or type the coordinates."
            )
        elif self.clicked:
            self.fields["place_map"].help_text = _(
                "Point set at %(latitude)s, %(longitude)s: check it on the map, then save."
            ) % {"latitude": f"{self.clicked[0]:.4f}", "longitude": f"{self.clicked[1]:.4f}"}

    def _point(self, data):
        """The point the form holds now (posted, else the instance's), or (None, None)."""
        if self.is_bound:
            values = [data.get(self.add_prefix(name)) for name in ("latitude", "longitude")]
        else:
            values = [self.initial.get(name) for name in ("latitude", "longitude")]
        try:
            latitude, longitude = (float(v) for v in values)
        except (TypeError, ValueError):
            return None, None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            return None, None
        return latitude, longitude

    @property
    def searching(self) -> bool:
        """A step of the place search or of the map (search, click, change of view), not a
        submission."""
        if not self.is_bound:
            return False
        name = self.add_prefix("place_map")
        return (
            self.add_prefix("place_q__search") in self.data
            or f"{name}__view" in self.data
            or any(f"{name}{suffix}.x" in self.data for suffix in _PICKER.get("widths", {}))
        )

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
        data.pop("place_map", None)
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
