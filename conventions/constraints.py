"""The app's database constraints in the user's language, on the form field they concern.

Each ``CheckConstraint`` and ``UniqueConstraint`` of ``conventions.models`` has a translated
``violation_error_message`` and a ``violation_error_code``. :data:`FIELD_OF` says which form
field each one is about (``None``: the form as a whole). :func:`speaking` wraps a save: a
constraint met by ``full_clean()`` or by the database (``IntegrityError``, two requests racing)
becomes a ``ValidationError`` on that field — no constraint name ever reaches a page.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from soliris import constraints

# violation_error_code → the field of the forms (clause, decision, signature) it is shown on.
FIELD_OF = {
    "one_owner": None,
    "one_text_per_language": "language",
    "one_version_number": None,
    "one_decision_per_party": "decision",
    "sign_once": "consent",
    "one_consent_per_party": None,
}


def from_integrity_error(model, error: IntegrityError) -> ValidationError | None:
    """The ``ValidationError`` of the constraint of ``model`` that ``error`` names, if any."""
    return constraints.from_integrity_error(model, error, FIELD_OF)


def moved_to_fields(error: ValidationError) -> ValidationError:
    """``error`` with each constraint's message moved from the form as a whole to its field."""
    return constraints.on_fields(error, FIELD_OF)


def speaking(model):
    """Run a ``full_clean()`` and save of ``model`` so that its constraints speak the user's
    language on the right field (inside a savepoint: the caller's transaction goes on)."""
    return constraints.speaking(model, FIELD_OF)
