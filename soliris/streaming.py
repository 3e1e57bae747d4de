"""Exports streamed row by row: memory stays flat whatever the size of the registry."""

import csv
import json
from collections.abc import Iterable

from django.http import StreamingHttpResponse


class _Echo:
    """A file-like object whose ``write`` hands the line back, for ``csv.writer``."""

    def write(self, value):
        return value


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(header: Iterable, rows: Iterable[Iterable], filename: str) -> StreamingHttpResponse:
    """A CSV download (UTF-8 with a byte-order mark, so that spreadsheets read accents)."""
    writer = csv.writer(_Echo())

    def generate():
        yield "\ufeff" + writer.writerow([str(cell) for cell in header])
        for row in rows:
            yield writer.writerow(row)

    return _attachment(StreamingHttpResponse(generate(), content_type="text/csv; charset=utf-8"), filename)


def json_response(rows: Iterable, filename: str) -> StreamingHttpResponse:
    """A JSON array download, written one element at a time."""

    def generate():
        yield "["
        first = True
        for row in rows:
            yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False, default=str)
            first = False
        yield "]\n"

    return _attachment(
        StreamingHttpResponse(generate(), content_type="application/json; charset=utf-8"), filename
    )
