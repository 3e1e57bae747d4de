"""A removal can be taken back for a short while.

The service that removes a record calls :func:`offer` in its transaction with what it needs to
put the record back exactly (its fields, its relations, its key): an :class:`UndoOffer` kept
for :data:`KEPT_FOR`. The page that confirms the removal offers "Undo" (a POST to
``soliris:undo``, ``/<lang>/undo/<key>/``), which calls :func:`take_back`: the offer is locked,
refused once used or expired, and handed to the restorer its app registered with
:func:`register` (from the app's services). The restorer checks the rights again — whoever may
remove the record may undo its removal, not only who removed it — and refuses with a
``ValidationError`` what would conflict with what was saved meanwhile (a unique value taken
again, a party that left).
"""

from collections.abc import Callable
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soliris.models import UndoOffer

KEPT_FOR = timedelta(minutes=10)
MESSAGE_TAG = "undo"

_RESTORERS: dict[str, Callable] = {}


def register(kind: str, restore: Callable) -> None:
    """``restore(*, actor, data) -> str``: puts the record back and returns the page to show.
    Raises ``PermissionDenied`` or ``Http404`` for someone without the right, and
    ``ValidationError`` when the record cannot come back as it was."""
    if _RESTORERS.get(kind, restore) is not restore:
        raise ImproperlyConfigured(f"the undo kind {kind!r} is registered twice")
    _RESTORERS[kind] = restore


def offer(*, actor, kind: str, data: dict, next_url: str) -> UndoOffer:
    """Keep what it takes to undo a removal (call it inside the removal's transaction)."""
    if kind not in _RESTORERS:
        raise ImproperlyConfigured(f"no restorer is registered for {kind!r}")
    now = timezone.now()
    forget_expired()
    return UndoOffer.objects.create(
        kind=kind,
        data=data,
        next_url=next_url,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        created_at=now,
        expires_at=now + KEPT_FOR,
    )


def forget_expired() -> int:
    """Delete the offers past their time by more than ``KEPT_FOR`` (after it, a late undo is
    told it is late; later still, what the removed record held is not kept): at each new offer,
    and every few minutes by beat (``soliris.tasks.undo_sweep``), so that nothing removed
    lingers when nobody removes anything else."""
    deleted, _kinds = UndoOffer.objects.filter(expires_at__lt=timezone.now() - KEPT_FOR).delete()
    return deleted


def find(key: str) -> UndoOffer | None:
    return UndoOffer.objects.filter(key=key).first()


@transaction.atomic
def take_back(*, actor, key: str) -> str:
    """Undo the removal kept under ``key``; returns the page to show. ``LookupError`` when
    there is no such offer."""
    undo = UndoOffer.objects.select_for_update().filter(key=key).first()
    if undo is None or undo.kind not in _RESTORERS:
        raise LookupError(key)
    if undo.used_at is not None:
        raise ValidationError(_("This removal was already undone."), code="undo_used")
    if undo.expires_at < timezone.now():
        minutes = int(KEPT_FOR.total_seconds() // 60)
        raise ValidationError(
            _("It is too late to undo this removal: it can be undone for %(minutes)s minutes only.")
            % {"minutes": minutes},
            code="undo_expired",
        )
    next_url = _RESTORERS[undo.kind](actor=actor, data=undo.data)
    undo.used_at = timezone.now()
    undo.save(update_fields=["used_at"])
    return next_url or undo.next_url


def message_tags(undo: UndoOffer) -> str:
    """The ``extra_tags`` of the success message that offers to undo (read by the
    ``undo_button`` template tag)."""
    return f"{MESSAGE_TAG} {MESSAGE_TAG}-{undo.key}"


def key_from_tags(tags: str) -> str | None:
    for tag in (tags or "").split():
        if tag.startswith(f"{MESSAGE_TAG}-"):
            return tag[len(MESSAGE_TAG) + 1 :]
    return None
