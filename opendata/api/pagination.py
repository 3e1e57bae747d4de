"""Cursor pages of the API."""

from rest_framework.pagination import CursorPagination


class ApiCursorPagination(CursorPagination):
    """Pages that stay stable under inserts: ordered on the view's ``cursor_ordering``, an
    immutable column then the primary key."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_size_query_description = "Objects per page (at most 100; 20 by default)."
    cursor_query_description = "The page to read: the 'next' or 'previous' link of another page."

    def get_ordering(self, request, queryset, view):
        return view.cursor_ordering

    def get_paginated_response_schema(self, schema):
        found = super().get_paginated_response_schema(schema)
        found["required"] = ["next", "previous", "results"]
        found["properties"]["next"]["description"] = "The next page's address, null on the last page."
        found["properties"]["previous"]["description"] = "The previous page's address, null on the first."
        found["properties"]["results"]["description"] = "The objects of this page."
        return found
