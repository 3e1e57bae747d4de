"""Rate limits beyond log-in, on allauth's machinery (its cache, its rates syntax, its
client address behind ``ALLAUTH_TRUSTED_PROXY_COUNT`` proxies).

An action's rates are declared once in ``ACCOUNT_RATE_LIMITS`` (settings), e.g.
``"pdf_verify": "20/m/ip"``; :func:`allow` consumes one use.
"""

from allauth.core import ratelimit
from django.shortcuts import render


def allow(request, action: str, *, key=None) -> bool:
    user = request.user if getattr(request.user, "is_authenticated", False) else None
    return ratelimit.consume(request, action=action, key=key, user=user)


def refused(request):
    """The page that says "too many attempts, wait", in the reader's language (429)."""
    return render(request, "429.html", status=429)
