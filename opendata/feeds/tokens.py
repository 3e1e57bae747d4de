"""The secret address of a person's calendar feed: drawn, found again, reset."""

import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy

from opendata.models import PersonalCalendar
from soliris import audit

TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{40,64}")
_SALT = "opendata.feeds.personal_calendar"

audit.register("opendata.calendar.reset", gettext_lazy("drew a new address for their calendar"))


def _token(secret: str) -> str:
    return salted_hmac(_SALT, secret, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest()[:48]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _drawn() -> tuple[str, str]:
    secret = secrets.token_hex(32)
    return secret, _digest(_token(secret))


def token_of(user) -> str:
    """The person's token, drawn the first time it is asked for."""
    calendar = PersonalCalendar.objects.filter(user=user).first()
    if calendar is None:
        secret, digest = _drawn()
        try:
            with transaction.atomic():
                calendar = PersonalCalendar.objects.create(user=user, secret=secret, digest=digest)
        except IntegrityError:  # drawn at the same time by another request of theirs
            calendar = PersonalCalendar.objects.get(user=user)
    return _token(calendar.secret)


def token_reset(*, actor) -> str:
    """A new token for ``actor``: the old address stops answering at once."""
    secret, digest = _drawn()
    with transaction.atomic():
        calendar, created = PersonalCalendar.objects.select_for_update().get_or_create(
            user=actor, defaults={"secret": secret, "digest": digest}
        )
        if not created:
            calendar.secret, calendar.digest, calendar.created_at = secret, digest, timezone.now()
            calendar.save(update_fields=["secret", "digest", "created_at"])
        audit.record("opendata.calendar.reset", actor=actor, subject=calendar)
    return _token(secret)


def user_of(token: str):
    """The person whose token this is, or ``None`` (malformed, reset or unknown)."""
    if not TOKEN_FORMAT.fullmatch(token or ""):
        return None
    calendar = PersonalCalendar.objects.filter(digest=_digest(token)).select_related("user").first()
    if calendar is None or not hmac.compare_digest(_token(calendar.secret), token):
        return None
    if not calendar.user.is_active:
        return None
    return calendar.user
