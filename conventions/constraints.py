"""The app's database constraints in the user's language, on the form field they concern.

Each ``CheckConstraint`` and ``UniqueConstraint`` of ``conventions.models`` has a translated
``violation_error_message`` and a ``violation_error_code``. :data:`FIELD_OF` says which form
field each one is about (``None``: the form as a whole). :func:`speaking` wraps a save: a
constraint met by ``full_clean()`` or by the database (``IntegrityError``, two requests racing)
becomes a ``ValidationError`` on that field — no constraint name ever reaches a page.
"""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

# violation_error_code → the field of the forms (clause, decision, signature) it is shown on.
FIELD_OF = {
    "one_owner": None,
    "one_text_per_language": "language",
    "one_version_number": None,
    "one_decision_per_party": "decision",
    "sign_once": "consent",
    "one_consent_per_party": None,
}


def _on_field(constraint) -> ValidationError:
    error = ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
    return ValidationError({FIELD_OF.get(constraint.violation_error_code) or NON_FIELD_ERRORS: [error]})


def from_integrity_error(model, error: IntegrityError) -> ValidationError | None:
    """The ``ValidationError`` of the constraint of ``model`` that ``error`` names, if any."""
    text = str(error)
    for constraint in model._meta.constraints:
        if constraint.name in text:
            return _on_field(constraint)
    return None


def moved_to_fields(error: ValidationError) -> ValidationError:
    """``error`` with each constraint's message moved from the form as a whole to its field."""
    if not hasattr(error, "error_dict"):
        return error
    errors: dict[str, list] = {}
    for field, items in error.error_dict.items():
        for item in items:
            target = field
            if field == NON_FIELD_ERRORS and getattr(item, "code", None) in FIELD_OF:
                target = FIELD_OF[item.code] or NON_FIELD_ERRORS
            errors.setdefault(target, []).append(item)
    return ValidationError(errors)


@contextmanager
def speaking(model):
    """Run a ``full_clean()`` and save of ``model`` so that its constraints speak the user's
    language on the right field (inside a savepoint: the caller's transaction goes on)."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        translated = from_integrity_error(model, error)
        if translated is None:
            raise
        raise translated from error
    except ValidationError as error:
        raise moved_to_fields(error) from None
