"""Filter parts shared by the apps' directories (django-filter)."""

import django_filters
from django_filters import fields

from soliris.countries import country_choices, is_country

# How many choices a filter over a growing list offers at most (``ModelChoiceFilter(shown=)``).
SHOWN_CHOICES = 50


class _PlainQueryChoiceIterator(fields.ModelChoiceIterator):
    """The choices of a model choice field, read with one plain query.

    Django reads them with ``.iterator()``, which on PostgreSQL opens a server-side cursor
    (DECLARE … WITH HOLD, FETCH, CLOSE): for the dozen themes or goals of a filter it cost as
    much as the rest of the filter form (``make bench``).
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        shown = self.field.shown
        rows = list(self.queryset.all() if shown is None else self.queryset.all()[:shown])
        chosen = self.field.chosen
        if shown is not None and chosen and len(rows) == shown:
            key = self.field.to_field_name or "pk"
            if all(str(getattr(obj, key)) != chosen for obj in rows):
                rows += list(self.queryset.filter(**{key: chosen})[:1])  # the one chosen, shown too
        for obj in rows:
            yield self.choice(obj)


class _ModelChoiceField(fields.ModelChoiceField):
    iterator = _PlainQueryChoiceIterator

    def __init__(self, *args, shown=None, **kwargs):
        self.shown = shown
        self.chosen = None
        super().__init__(*args, **kwargs)


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """``django_filters.ModelChoiceFilter`` whose choices are read with one plain query.

    ``shown=N`` offers the first N of them (in the queryset's order) and the one chosen: a
    list that grows with the registry (calls, events) is not a thousand options on each page;
    any of them is accepted by address."""

    field_class = _ModelChoiceField


def show_chosen(filterset) -> None:
    """Each ``shown=N`` choice filter of ``filterset`` also offers the value it was given."""
    for name, declared in filterset.filters.items():
        if isinstance(declared, ModelChoiceFilter) and declared.extra.get("shown") is not None:
            declared.field.chosen = (filterset.data or {}).get(name) or None


class _CountryField(fields.ChoiceField):
    def valid_value(self, value):
        return is_country(value)


class CountryFilter(django_filters.ChoiceFilter):
    """A country, any of them, in the reader's language; validated with one lookup rather than
    by walking its 250 choices — a directory may show fewer (``make bench``)."""

    field_class = _CountryField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", country_choices)
        super().__init__(*args, **kwargs)
