"""Kept for migration 0003 only (migrations are never edited): the search text lives in
``partners.search_text``. Import from there."""

from partners.search_text import organisation_document, partnership_document  # noqa: F401
