"""Permission names, declared once, and what a request computes once about its user.

Every app declares its permission names here through :func:`declare` (in its own
``permissions.py``); asking for a name nobody declared raises :class:`UnknownPermission`
instead of quietly answering yes or no, so a typo fails the first test that reaches it.

:class:`NotKnown` is the 404 of an object the reader may not know exists: a visitor whose
browser opens such a page (a link from a mail) is asked to log in and brought back
(:class:`RequestCacheMiddleware`), whether the object exists or not, so the answer tells a
visitor nothing either; an image, a fragment or a form gets the 404.

:func:`request_cached` keeps a value for the length of one request (the organisations the
user holds a role in, for instance), in a context variable that
:class:`RequestCacheMiddleware` opens and closes: nothing is poked onto the user object,
and outside a request (a task, a test calling a service) nothing is kept at all.
"""

from collections.abc import Callable
from contextvars import ContextVar

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404

_DECLARED: dict[str, object] = {}
_request_cache: ContextVar[dict | None] = ContextVar("soliris_request_cache", default=None)


class UnknownPermission(LookupError):
    """A permission name that no app declared (a typo, or a rule that was removed)."""


def declare(name: str, predicate) -> None:
    """Declare the permission ``name`` (``app.thing:action``) with its ``rules`` predicate."""
    if name in _DECLARED and _DECLARED[name] is not predicate:
        raise ImproperlyConfigured(f"the permission {name!r} is declared twice")
    _DECLARED[name] = predicate
    if not rules.perm_exists(name):
        rules.add_perm(name, predicate)


def require_declared(name: str) -> str:
    if name not in _DECLARED:
        raise UnknownPermission(f"no app declares the permission {name!r}")
    return name


def has(user, name: str, obj=None) -> bool:
    """Whether ``user`` holds the declared permission ``name`` on ``obj``."""
    return rules.has_perm(require_declared(name), user, obj)


def declared() -> frozenset[str]:
    return frozenset(_DECLARED)


# --- Computed once per request ------------------------------------------------------------


def request_cached(key, compute: Callable):
    """``compute()``, kept under ``key`` until the current request ends (not kept outside one)."""
    store = _request_cache.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def forget(key=None) -> None:
    """Drop ``key`` (or everything) from the current request's cache, after a change."""
    store = _request_cache.get()
    if store is not None:
        if key is None:
            store.clear()
        else:
            store.pop(key, None)


class NotKnown(Http404):
    """404: no such object, or one the reader may not know exists (``get_*_for_user``)."""


class RequestCacheMiddleware:
    """Opens the per-request cache of :func:`request_cached` and closes it after the response;
    sends a visitor met by :class:`NotKnown` to log in, then back to the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_cache.set({})
        try:
            return self.get_response(request)
        finally:
            _request_cache.reset(token)

    def process_exception(self, request, exception):
        if (
            isinstance(exception, NotKnown)
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and not getattr(request, "htmx", False)
            and "text/html" in request.headers.get("Accept", "")  # a page opened, not a logo
        ):
            return redirect_to_login(request.get_full_path())
        return None
