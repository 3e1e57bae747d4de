"""Filter parts shared by the apps' directories (django-filter)."""

import django_filters
from django_filters import fields

from soliris.countries import country_choices, is_country


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
        for obj in self.queryset.all():
            yield self.choice(obj)


class _ModelChoiceField(fields.ModelChoiceField):
    iterator = _PlainQueryChoiceIterator


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """``django_filters.ModelChoiceFilter`` whose choices are read with one plain query."""

    field_class = _ModelChoiceField


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
