"""Read pages rendered once, kept until the data changes: the rule and its two halves.

**The rule.** A page marked ``@cached_page`` is kept in the cache, per address (scheme, host, path and query),
language, reader (a visitor, or one account) and day, under the *generation* of the data. Any
write to the database — an ``INSERT``, ``UPDATE`` or ``DELETE`` by the ORM, a queryset's
``update()`` or raw SQL, whatever the app — gives the data a new generation once its
transaction commits, and every kept page is then forgotten at once. Nothing a party reads can
be older than the last committed change; a change made while the cache is out of reach is
bounded by :data:`TIMEOUT`.

- *Writes are seen at the one place they all pass*: an execute wrapper on every database
  connection (:func:`watch_writes`), not signals, which ``update()`` and raw SQL skip. Only
  the sessions table is left out: it changes on log-in and with each flash message, and no
  page shows it.
- *The new generation is drawn after the commit* (``transaction.on_commit``): a reader who
  renders between the write and the commit stores the old data under the old generation,
  which nobody asks for any longer.
- *What is not kept*: anything but a GET answered 200 in HTML; htmx fragments; a request
  with flash messages waiting (they are shown once); staff (their pages depend on a recent
  re-authentication); and the views not marked — forms are never kept.
- *The CSRF token* of a kept page is cut out before it is stored and each response gets its
  own (:func:`_store`), so a kept page never hands one reader's token to another.

Where the cache is out of reach, nothing is kept and every page is rendered (``TolerantRedisCache``).
"""

import functools
import hashlib
import logging
import re
import secrets
import zlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import CSRF_TOKEN_LENGTH, _unmask_cipher_token, get_token
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

TIMEOUT = 300
GENERATION_KEY = "pagecache:generation"
CSRF_MARK = "\x00csrf\x00"
_UNWATCHED_TABLES = ('"django_session"',)
_WRITES = ("INSERT", "UPDATE", "DELETE", "TRUNCA")
_WRITTEN_TABLE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z0-9]+)_', re.I)
_WRITE_IN_CTE = re.compile(r"\)\s*(INSERT|UPDATE|DELETE)\b", re.I)
_TOKEN = re.compile(rf"\b[A-Za-z0-9]{{{CSRF_TOKEN_LENGTH}}}\b")


def enabled() -> bool:
    return getattr(settings, "SOLIRIS_PAGE_CACHE", True)


def figures_enabled() -> bool:
    return getattr(settings, "SOLIRIS_KEPT_FIGURES", True)


def new_generation(apps=None) -> None:
    """Forget every kept page (a new generation: the old keys are never asked for again), and
    the figures kept for ``apps`` (every app's when ``None``)."""
    token = secrets.token_hex(8)
    labels = _app_labels() if apps is None else apps
    cache.set_many({GENERATION_KEY: token, **{f"{GENERATION_KEY}:{label}": token for label in labels}}, None)


def _app_labels() -> list[str]:
    from django.apps import apps

    return [config.label for config in apps.get_app_configs()]


def _generations(keys: list[str]) -> list[str] | None:
    found = cache.get_many(keys)
    if len(found) < len(keys):
        token = secrets.token_hex(8)
        cache.set_many({key: token for key in keys if key not in found}, None)
        found = cache.get_many(keys)
        if len(found) < len(keys):
            return None  # the cache is out of reach
    return [found[key] for key in keys]


def _generation() -> str | None:
    found = _generations([GENERATION_KEY])
    return found[0] if found else None


def kept_figures(name: str, compute, *, apps: tuple[str, ...], timeout: int = TIMEOUT * 12):
    """``compute()`` — figures over many rows (counts, sums) — kept in the cache, in the active
    language, until a write to a table of one of ``apps`` commits (or ``timeout`` seconds);
    computed anyway when the cache is out of reach."""
    labels = [f"{GENERATION_KEY}:{label}" for label in apps]
    generations = _generations(labels) if figures_enabled() else None
    if generations is None:
        return compute()
    key = f"figures:{name}:{translation.get_language()}:{':'.join(generations)}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, timeout=timeout)
    return found


# -- the writes ----------------------------------------------------------------------------------


def _is_write(sql: str) -> bool:
    head = sql.lstrip()[:6].upper()
    if head.startswith("WITH"):
        return bool(_WRITE_IN_CTE.search(sql))  # WITH ... ( ... ) UPDATE / INSERT / DELETE
    return head in _WRITES and not any(table in sql[:80] for table in _UNWATCHED_TABLES)


def _written_app(sql: str) -> str | None:
    """The app label of the table a write names first (``"projects"`` for ``UPDATE
    "projects_site" ...``); None when it cannot be told (then every app's figures go)."""
    match = _WRITTEN_TABLE.match(sql)
    return match.group(1) if match else None


class _Pending:
    """The apps written in a connection's current transaction, drawn anew at its commit."""

    def __init__(self):
        self.apps: set[str] | None = set()

    def __call__(self):
        apps, self.apps = self.apps, set()
        new_generation(apps)


def _after_write(connection, sql: str) -> None:
    pending = connection.__dict__.setdefault("_soliris_pending_generation", _Pending())
    app = _written_app(sql)
    if pending.apps is not None:
        if app is None:
            pending.apps = None  # every app
        else:
            pending.apps.add(app)
    if any(func is pending for _ids, func, *_rest in connection.run_on_commit):
        return  # already drawn at this transaction's commit
    transaction.on_commit(pending, using=connection.alias)


def watch_writes(connection, **_signal) -> None:
    """Installed on each new connection (``connection_created``, ``soliris.apps``)."""

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if _is_write(sql):
            _after_write(connection, sql)
        return result

    connection.execute_wrappers.append(wrapper)


# -- the pages ----------------------------------------------------------------------------------


def _key(request, generation: str) -> str | None:
    user = request.user
    if user.is_authenticated and user.is_staff:
        return None
    # The scheme and host too: a page may carry absolute links (share links, feeds).
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    reader = user.pk if user.is_authenticated else 0
    day = timezone.localdate().isoformat()
    return f"pagecache:{generation}:{translation.get_language()}:{reader}:{day}:{address}"


def _keepable(request) -> bool:
    if request.method != "GET" or getattr(request, "htmx", False):
        return False
    return not len(get_messages(request))


def _cut_tokens(body: str, request) -> str | None:
    """``body`` with this reader's CSRF tokens replaced by a mark; None if one is left."""
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        for candidate in set(_TOKEN.findall(body)):
            if _unmask_cipher_token(candidate) == secret:
                body = body.replace(candidate, CSRF_MARK)
    if "csrfmiddlewaretoken" in body and CSRF_MARK not in body:
        return None
    return body


def _store(key: str, request, response) -> None:
    body = _cut_tokens(response.content.decode(response.charset), request)
    if body is None:
        return  # a token we could not find: not kept
    headers = {
        name: value for name, value in response.headers.items() if name.lower() not in ("set-cookie", "vary")
    }
    # Compressed in the cache (a fifth of the size, a tenth of a millisecond): a crawler going
    # through every filter keeps many pages for TIMEOUT seconds.
    cache.set(key, {"body": zlib.compress(body.encode(), 1), "headers": headers}, timeout=TIMEOUT)


def _answer(kept: dict, request) -> HttpResponse:
    body = zlib.decompress(kept["body"]).decode()
    if CSRF_MARK in body:
        body = body.replace(CSRF_MARK, get_token(request))
    response = HttpResponse(body)
    for name, value in kept["headers"].items():
        response[name] = value
    response["X-Soliris-Kept"] = "1"  # says it was served from the cache (tests, `make bench`)
    return response


def cached_page(view):
    """Keep what ``view`` renders by the rule of this module."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not enabled() or not _keepable(request):
            return view(request, *args, **kwargs)
        generation = _generation()
        key = _key(request, generation) if generation else None
        if key is None:
            return view(request, *args, **kwargs)
        kept = cache.get(key)
        if kept is not None:
            return _answer(kept, request)
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
        ):
            _store(key, request, response)
        return response

    return wrapped
