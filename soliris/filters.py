"""Filter parts shared by the apps' directories (django-filter)."""

from hashlib import sha256

import django_filters
from django.core.exceptions import EmptyResultSet
from django_filters import fields
from django_filters.constants import EMPTY_VALUES

from soliris.countries import country_choices, is_country
from soliris.pagecache import kept_figures

# How many choices a filter over a growing list offers at most (``ModelChoiceFilter(shown=)``).
SHOWN_CHOICES = 50


class _PlainQueryChoiceIterator(fields.ModelChoiceIterator):
    """The choices of a model choice field, read with one plain query — or none (``kept=``).

    Django reads them with ``.iterator()``, which on PostgreSQL opens a server-side cursor
    (DECLARE … WITH HOLD, FETCH, CLOSE): for the dozen themes or goals of a filter it cost as
    much as the rest of the filter form (``make bench``).
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        yield from self._choices()

    def _read(self) -> list:
        shown = self.field.shown
        rows = self.queryset.all() if shown is None else self.queryset.all()[:shown]
        return [self.choice(obj) for obj in rows]

    def _choices(self) -> list:
        if self.field.kept:
            try:
                sql = str(self.queryset.query)
            except EmptyResultSet:
                return []
            name = f"choices:{self.queryset.model._meta.label_lower}:{sha256(sql.encode()).hexdigest()[:16]}"
            choices = kept_figures(
                name,
                lambda: [(str(value), str(label)) for value, label in self._read()],
                apps=self.field.kept,
            )
        else:
            choices = self._read()
        shown, chosen = self.field.shown, self.field.chosen
        if (
            shown is not None
            and chosen
            and len(choices) == shown
            and all(str(value) != chosen for value, _label in choices)
        ):
            key = self.field.to_field_name or "pk"
            choices = [*choices, *(self.choice(obj) for obj in self.queryset.filter(**{key: chosen})[:1])]
        return choices


class _ModelChoiceField(fields.ModelChoiceField):
    iterator = _PlainQueryChoiceIterator

    def __init__(self, *args, shown=None, kept=(), **kwargs):
        self.shown = shown
        self.kept = tuple(kept)
        self.chosen = None
        super().__init__(*args, **kwargs)


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """``django_filters.ModelChoiceFilter`` whose choices are read with one plain query.

    ``shown=N`` offers the first N of them (in the queryset's order) and the one chosen: a
    list that grows with the registry (calls, events) is not a thousand options on each page;
    any of them is accepted by address.

    ``kept=("projects",)``: reference rows (goals, targets, themes) whose choices, in each
    language, are kept until a table of those apps is written (``kept_figures``) rather than
    read and built into model instances on each page — the 169 targets were a third of the
    project list's time (``make bench``)."""

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


class ThroughRelation:
    """Mixin: a filter through a to-many relation (``field_name="sdg_links__goal"``) kept as
    ``pk IN (sub-query)``.

    ``distinct=True`` over a join sorts out every matching row before the first page can be cut
    and counted; the sub-query neither multiplies rows nor needs DISTINCT, so the list is read
    along its index and stops at the page (``make bench``)."""

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        lookup = f"{self.field_name}__{self.lookup_expr}"
        return qs.filter(pk__in=qs.model._base_manager.filter(**{lookup: value}).values("pk"))


class RelatedChoiceFilter(ThroughRelation, django_filters.ChoiceFilter):
    """A choice read through a to-many relation (``ThroughRelation``)."""


class RelatedModelChoiceFilter(ThroughRelation, ModelChoiceFilter):
    """A model choice read through a to-many relation (``ThroughRelation``)."""


class RelatedCountryFilter(ThroughRelation, CountryFilter):
    """A country read through a to-many relation (``ThroughRelation``)."""
