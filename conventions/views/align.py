"""The alignment page: a document's texts in two languages (or all of them) side by side, clause
by clause, each with its state — for the working draft, or for a version's frozen snapshot
(``?version=N``). From the draft, whoever edits confirms a translation to review, or opens the
clause's editor, without leaving the page."""

from django.http import Http404
from django.shortcuts import render

from conventions import selectors
from conventions.models import LANGUAGE_CODES, TranslationState
from conventions.permissions import get_document_for_user
from conventions.views.common import document_perms
from conventions.views.suggestions import suggestion_rows
from soliris.pagecache import cached_page

ALL = "all"


def working_languages(authentic, present) -> list[str]:
    """The document's languages: the authentic ones in their order, then those some clause is
    written in, in the platform's order."""
    first = [code for code in authentic if code in LANGUAGE_CODES]
    return list(dict.fromkeys(first + [code for code in LANGUAGE_CODES if code in present]))


def columns(request, working: list[str]) -> tuple[str, str, list[str]]:
    """The languages asked for (``?left=fr&right=es``, ``right=all``: every other language of
    the document), an unknown one replaced by the default: the document's first two."""
    defaults = (working + [code for code in LANGUAGE_CODES if code not in working])[:2]
    left = request.GET.get("left", "")
    left = left if left in LANGUAGE_CODES else defaults[0]
    right = request.GET.get("right", "")
    if right == ALL and len(working) > 2:
        return left, ALL, [left] + [code for code in working if code != left]
    if right not in LANGUAGE_CODES:
        right = next(code for code in defaults + LANGUAGE_CODES if code != left)
    return left, right, list(dict.fromkeys([left, right]))


def _picked_version(request, document):
    """``None`` for the working draft; the version asked for; 404 for a number it never had."""
    asked = request.GET.get("version", "")
    if asked == "":
        return None
    if not asked.isdigit() or not 1 <= int(asked) <= document.last_number:
        raise Http404
    version = selectors.version_by_number(document, int(asked))
    if version is None:
        raise Http404
    return version


def _draft_cell(clause, language: str) -> dict:
    reading = selectors.reading_text(clause, language)
    text = None if reading["fallback"] else reading["text"]
    return {
        "language": language,
        "text": text,
        "state": reading["state"] if text else TranslationState.MISSING,
        "original": language == clause.original_language,
        "changed_by": text.updated_by.get_full_name() if text and text.updated_by else "",
        "changed_at": text.updated_at if text else None,
    }


def _frozen_cell(clause: dict, language: str) -> dict:
    frozen = selectors.snapshot_text(clause, language)
    text = None if frozen["fallback"] else frozen
    return {
        "language": language,
        "text": text,
        "state": frozen["state"] if text else TranslationState.MISSING,
        "original": bool(text and text.get("is_original")),
    }


@cached_page
def document_align(request, key):
    document = get_document_for_user(request.user, key)
    version = _picked_version(request, document)
    if version is None:
        clauses = selectors.aligned_clauses(document)
        authentic = document.authentic_languages
        present = {text.language for clause in clauses for text in clause.texts.all() if text.body}
        cell, clause_key = _draft_cell, (lambda clause: clause.key)
    else:
        clauses = version.clauses
        authentic = version.snapshot.get("authentic_languages", [])
        present = {
            code for clause in clauses for code, text in clause.get("texts", {}).items() if text.get("body")
        }
        cell, clause_key = _frozen_cell, (lambda clause: clause["key"])
    working = working_languages(authentic, present)
    left, right, shown = columns(request, working)
    rows = [
        {"number": number, "key": clause_key(clause), "cells": [cell(clause, code) for code in shown]}
        for number, clause in enumerate(clauses, start=1)
    ]
    if version is None:  # the draft: each language's open suggestions beside its text
        for row, clause in zip(rows, clauses, strict=True):
            texts = {text.language: text for text in clause.texts.all()}
            suggestions = suggestion_rows(request.user, document, clause, texts)
            row["clause"] = clause
            for each in row["cells"]:
                each["suggestions"] = [s for s in suggestions if s["suggestion"].language == each["language"]]
    context = {
        "document": document,
        "version": version,
        "numbers": selectors.version_numbers(document),
        "languages": LANGUAGE_CODES,
        "left": left,
        "right": right,
        "shown": shown,
        "offer_all": len(working) > 2,
        "rows": rows,
        "to_review": TranslationState.TO_REVIEW,
        **document_perms(request.user, document),
    }
    return render(request, "conventions/document_align.html", context)
