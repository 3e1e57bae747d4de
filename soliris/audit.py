"""The audit trail: every service records what it changed, on the object's history.

Apps register a human label for each action code they write::

    audit.register("partners.partnership.ended", _("ended the partnership"))

and call ``audit.record(...)`` inside their service's transaction.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from soliris.models import AuditEntry

_LABELS: dict[str, str] = {}


def register(action: str, label) -> None:
    _LABELS[action] = label


def record(action: str, *, actor, subject: models.Model, **data):
    return AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        data=data,
    )


def history(subject: models.Model):
    """The history of ``subject``, newest first, with the actors loaded."""
    return AuditEntry.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).select_related("actor")


def describe(entry) -> str:
    return str(_LABELS.get(entry.action, entry.action))
