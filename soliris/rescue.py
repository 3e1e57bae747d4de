"""Typed text survives a lost session.

A form posted by a browser whose session ended (logged out in another tab, expired), or
whose CSRF token was rotated by a log-in elsewhere, would lose everything typed. Instead,
:func:`keep` stores the posted fields on the server (passwords, tokens and files excepted),
bound to the browser by a random cookie, and the person is shown a page that keeps them:
log in again, then send the same form again in one click (``soliris.views.rescued``).
Nothing goes in the URL but a random key that is useless without the cookie.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import timezone

from soliris.models import RescuedForm

COOKIE = "soliris_rescue"
KEPT_FOR = timedelta(days=1)
_NEVER_KEPT = ("csrfmiddlewaretoken", "password", "password1", "password2", "oldpassword", "code", "token")
MAX_FIELDS = 200
MAX_BYTES = 512 * 1024

# Views an anonymous visitor may post to: logging in, signing up, choosing a language,
# verifying a PDF, a mail client's one-click unsubscribe. Any other POST without a session is
# kept and offered back after log-in.
ANONYMOUS_POSTS = {"set_language", "pdf:verify", "unsubscribe"}


def anonymous_may_post(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return True  # a 404 is answered as such
    name = match.view_name or ""
    # The public API reads only: it answers a POST itself, with its JSON 405.
    return name in ANONYMOUS_POSTS or name.startswith(("account_", "mfa_", "api:"))


def _browser_hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def keep(request, response_setter=None) -> RescuedForm | None:
    """Keep what ``request`` posted; returns the record (None when there was nothing)."""
    pairs = []
    size = 0
    for name, values in request.POST.lists():
        if name in _NEVER_KEPT or name.endswith("password"):
            continue
        for value in values:
            size += len(name) + len(value)
            pairs.append([name, value])
    if not pairs or len(pairs) > MAX_FIELDS or size > MAX_BYTES:
        return None
    browser = request.COOKIES.get(COOKIE) or secrets.token_urlsafe(32)
    request._soliris_rescue_cookie = browser
    RescuedForm.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    return RescuedForm.objects.create(
        browser_hash=_browser_hash(browser), path=request.get_full_path()[:2000], fields=pairs
    )


def set_cookie(request, response) -> None:
    browser = getattr(request, "_soliris_rescue_cookie", None)
    if browser:
        response.set_cookie(
            COOKIE,
            browser,
            max_age=int(KEPT_FOR.total_seconds()),
            httponly=True,
            samesite="Lax",
            secure=not settings.DEBUG,
        )


def find(request, key: str) -> RescuedForm | None:
    """The kept form ``key`` if this browser kept it, and it is less than a day old."""
    browser = request.COOKIES.get(COOKIE)
    if not browser:
        return None
    return RescuedForm.objects.filter(
        key=key, browser_hash=_browser_hash(browser), created_at__gte=timezone.now() - KEPT_FOR
    ).first()


def discard(rescued: RescuedForm) -> None:
    rescued.delete()
