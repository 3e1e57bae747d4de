"""What the apps' benchmark builders (``<app>/bench.py``) share to write their data fast.

The builders write hundreds of thousands of rows with ``bulk_create``; these helpers keep that
deterministic (keys derived from a counter instead of ``secrets``), realistic (creation dates
spread over the years instead of all "now") and quick to undo (one DELETE per table).
"""

from contextlib import contextmanager

from django.db import connection

from soliris.keys import ALPHABET

_KEY_SPACE = len(ALPHABET) ** 10  # 32 ** 10 = 2 ** 50
_MULTIPLIER = 0x9E3779B97F4A7C15  # odd: multiplying by it is a bijection modulo 2 ** 50


def key(index: int, salt: int) -> str:
    """A 10-character key that looks like ``soliris.keys.new_key``'s, the same on every build.

    Distinct indexes give distinct keys (an odd multiplier is a bijection modulo 2 ** 50), so a
    table's keys never collide; ``salt`` makes each table's keys look unrelated to the others'."""
    number = ((index + salt * 1_000_003 + 1) * _MULTIPLIER) % _KEY_SPACE
    letters = []
    for _ in range(10):
        number, digit = divmod(number, 32)
        letters.append(ALPHABET[digit])
    return "".join(letters)


@contextmanager
def explicit_dates(model, *names):
    """Let ``bulk_create`` write the given ``auto_now`` / ``auto_now_add`` fields as set.

    A data set created in one minute would have every row "created now": the lists ordered by
    creation date would then not show what years of use look like."""
    fields = [model._meta.get_field(name) for name in names]
    saved = [(field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def raw_delete(queryset) -> int:
    """Delete the rows in one statement, without Django's collector (which would first read
    every row to be deleted, and their relations, into memory: slow at 100,000 organisations).
    The caller deletes the tables in dependency order."""
    return queryset._raw_delete(queryset.db)


def analyze(*models) -> None:
    """Fresh planner statistics on the tables just written (and the visibility map, for index-
    only scans: VACUUM needs autocommit, the smoke test runs inside the test's transaction)."""
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            tables.append(field.remote_field.through._meta.db_table)
    names = ", ".join(connection.ops.quote_name(table) for table in dict.fromkeys(tables))
    with connection.cursor() as cursor:
        cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM ANALYZE'} {names}")
