"""The organisation picker: choosing organisations among the registry's, by searching.

A form field (:class:`OrganisationChoiceField`, :class:`OrganisationMultipleChoiceField`)
whose widget never lists the whole registry: a search box, a "Search" button and at most
:data:`LIMIT` matches as radio buttons (check boxes for several), with the chosen ones kept
on top. The field's queryset is the one rule of what may be chosen — the matches are read
from it, and the posted value is validated against it, so a forged id is a form error.

- **Without JavaScript**: the Search button posts the form; a form using
  :class:`PickerFormMixin` then answers with the same form, everything typed kept, no
  error shown, the matches narrowed (a *search step*).
- **With JavaScript**: htmx asks the form's own page (GET ``?picker=<field name>&…``) for
  the matches as one typed; the view answers with :func:`partners.views.picker.picker_response`.

Search is ``soliris.search`` over the organisations' folded search text: accents and case
do not matter ("liege" finds Liège), without any PostgreSQL extension. Two queries at most,
whatever the size of the registry: the chosen ones, and the first matches.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from soliris import search

LIMIT = 20
QUERY_MAX = 200
WORD_MAX = 60
KEY_MAX = 200


def organisation_label(organisation) -> str:
    """ "Municipio de Tarija (Tarija, Bolivia)": the name, and where, to tell namesakes apart."""
    country = organisation.country.name if organisation.country else ""
    place = ", ".join(part for part in (organisation.locality, str(country)) if part)
    return f"{organisation.name} ({place})" if place else organisation.name


def clean_query(text) -> str:
    """The folded words of what was typed, each cut to a reasonable length (no NUL, no
    1000-character word reaches the database)."""
    text = str(text or "")[: QUERY_MAX * 4]
    return " ".join(word[:WORD_MAX] for word in search.words(text))[:QUERY_MAX]


@dataclass
class Results:
    chosen: list
    found: list
    more: bool
    query: str
    options: list = dataclass_field(default_factory=list)

    @property
    def status(self) -> str:
        count = len(self.chosen) + len(self.found)
        if self.query and not self.found:
            return str(_("No organisation matches this search."))
        if self.more:
            return ngettext(
                "The first %(count)s organisation is shown: refine your search to find others.",
                "The first %(count)s organisations are shown: refine your search to find others.",
                LIMIT,
            ) % {"count": LIMIT}
        return ngettext(
            "%(count)s organisation to choose from.", "%(count)s organisations to choose from.", count
        ) % {"count": count}


def _keys(field, values) -> list[str]:
    """The posted values that may be keys of ``field``'s queryset (others are ignored here;
    the field's validation refuses them)."""
    key = field.to_field_name or "pk"
    kept = []
    for value in values:
        value = str(value or "")
        if not value or "\x00" in value or len(value) > KEY_MAX:
            continue
        if key == "pk" and not (value.isdigit() and len(value) < 18):
            continue
        kept.append(value)
    return list(dict.fromkeys(kept))[:LIMIT]


def find(field, text, selected=()) -> Results:
    """The chosen organisations (still choosable) and the first matches of ``text``."""
    queryset = field.queryset
    key = field.to_field_name or "pk"
    keys = _keys(field, selected)
    chosen = list(queryset.filter(**{f"{key}__in": keys}).order_by("name")) if keys else []
    query = clean_query(text)
    found = list(
        search.filter(queryset, query).exclude(**{f"{key}__in": keys}).order_by("name", "pk")[: LIMIT + 1]
    )
    results = Results(chosen=chosen, found=found[:LIMIT], more=len(found) > LIMIT, query=query)
    results.options = [
        {"value": str(field.prepare_value(o)), "label": field.label_from_instance(o), "checked": True}
        for o in chosen
    ] + [
        {"value": str(field.prepare_value(o)), "label": field.label_from_instance(o), "checked": False}
        for o in results.found
    ]
    return results


class OrganisationPicker(forms.Widget):
    template_name = "partners/widgets/organisation_picker.html"
    multiple = False

    def __init__(self, attrs=None, *, multiple=False):
        super().__init__(attrs)
        self.multiple = multiple
        self.query = ""  # what was typed in the search box (set by PickerFormMixin)
        self.searched = False  # its Search button was pressed: the box has the focus again
        self.choices = ()  # set by the field: a ModelChoiceIterator (its .field)

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            getter = getattr(data, "getlist", None)
            return getter(name) if getter else data.get(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False if self.multiple else name not in data

    def id_for_label(self, id_):
        """The field's label names the search box."""
        return f"{id_}__q" if id_ else id_

    def format_value(self, value):
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            value = [value]
        return [str(v) for v in value if v not in (None, "")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field = self.choices.field
        context["widget"].update(
            multiple=self.multiple,
            input_type="checkbox" if self.multiple else "radio",
            results=find(field, self.query, context["widget"]["value"]),
            query=self.query,
            searched=self.searched,
            describedby=context["widget"]["attrs"].get("aria-describedby", ""),
            invalid=context["widget"]["attrs"].get("aria-invalid") in (True, "true"),
        )
        return context


class OrganisationChoiceField(forms.ModelChoiceField):
    widget = OrganisationPicker

    def label_from_instance(self, obj):
        return organisation_label(obj)


class OrganisationMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = OrganisationPicker

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", OrganisationPicker(multiple=True))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return organisation_label(obj)


def picker_fields(form):
    return [name for name, f in form.fields.items() if isinstance(f.widget, OrganisationPicker)]


class PickerFormMixin:
    """A form with organisation pickers: a posted "Search" is a search step, not a
    submission — the form comes back with what was typed and no error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            return
        for name in picker_fields(self):
            widget = self.fields[name].widget
            widget.query = str(self.data.get(f"{self.add_prefix(name)}__q") or "")
            widget.searched = f"{self.add_prefix(name)}__search" in self.data

    @property
    def searching(self) -> bool:
        return self.is_bound and any(
            f"{self.add_prefix(name)}__search" in self.data for name in picker_fields(self)
        )

    def full_clean(self):
        if self.searching:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self):
        return not self.searching and super().is_valid()


def preselect_single(field) -> None:
    """An "acting as" choice with one organisation only: that one is chosen (ticked, for a
    multiple choice), and a required one offers no empty "---------"."""
    candidates = list(field.queryset[:2])
    if len(candidates) != 1:
        return
    if isinstance(field, forms.ModelMultipleChoiceField):
        field.initial = [field.prepare_value(candidates[0])]
    elif field.required:
        field.empty_label = None
        field.initial = field.prepare_value(candidates[0])
