"""Reads: querysets with their related objects loaded, search, facets."""
