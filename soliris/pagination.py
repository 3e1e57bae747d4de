"""A paginator told its count, for lists whose number is already known (kept in the cache)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CountedPaginator(Paginator):
    """Pages of ``object_list`` whose number of rows is ``count``: one count over every row less
    per page (``make bench``), and the total agrees with the figures shown beside the list."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count
