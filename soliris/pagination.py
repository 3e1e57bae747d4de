"""Paginators for lists that grow with the registry: one told its count (kept in the cache), one
that counts no further than it shows."""

from django.core.paginator import Paginator
from django.utils.formats import number_format
from django.utils.functional import cached_property

# The rows a capped list counts and pages through at most (``CappedPaginator``).
CAP = 1000


class CountedPaginator(Paginator):
    """Pages of ``object_list`` whose number of rows is ``count``: one count over every row less
    per page (``make bench``), and the total agrees with the figures shown beside the list."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class CappedPaginator(Paginator):
    """Pages of a filtered or searched list, counted up to ``cap`` rows.

    An exact count reads every matching row, however many, before the first page can be shown:
    the project list filtered by one goal grew with the registry (``make bench``). Counted up to
    ``cap`` + 1, the count stops early along the list's index; past ``cap`` the page says "more
    than 1,000" (``capped``) and asks to narrow the search, and the last page is the cap's."""

    def __init__(self, object_list, per_page, cap=None):
        super().__init__(object_list, per_page)
        self.cap = CAP if cap is None else cap

    @cached_property
    def _counted(self) -> int:
        rows = self.object_list
        if hasattr(rows, "order_by"):  # unordered, the count needs no sort and no walk of the
            rows = rows.order_by()  # list's index (which recomputed each row's search vector)
        return rows[: self.cap + 1].count()

    @cached_property
    def count(self):
        return min(self._counted, self.cap)

    @property
    def capped(self) -> bool:
        return self._counted > self.cap

    @property
    def cap_display(self) -> str:
        """The cap written in the active language ("1 000", "1.000", "1,000")."""
        return number_format(self.cap, force_grouping=True)
