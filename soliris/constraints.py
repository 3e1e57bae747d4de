"""A model's constraints in the user's language, on the form field they are about.

Every ``CheckConstraint`` / ``UniqueConstraint`` of the apps has a translated
``violation_error_message`` and a ``violation_error_code``. Each app keeps one map from those
codes to the form field a message belongs on (``None``: the form as a whole); the functions
here do the moving, for every app alike — a constraint's name never reaches a page.
"""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

FieldMap = dict[str, str | None]


def on_fields(error: ValidationError, fields: FieldMap) -> ValidationError:
    """``error`` with each constraint's message moved from the form as a whole onto the field
    ``fields`` names for its code (messages already on a field stay there)."""
    if not hasattr(error, "error_dict"):
        return error
    moved: dict[str, list] = {}
    for field, items in error.error_dict.items():
        for item in items:
            target = field
            code = getattr(item, "code", None)
            if field == NON_FIELD_ERRORS and code in fields:
                target = fields[code] or NON_FIELD_ERRORS
            moved.setdefault(target, []).append(item)
    return ValidationError(moved)


def full_clean(instance, fields: FieldMap, **kwargs) -> None:
    """``instance.full_clean(**kwargs)``; a broken constraint speaks on its field."""
    try:
        instance.full_clean(**kwargs)
    except ValidationError as error:
        raise on_fields(error, fields) from None


def from_integrity_error(model, error: IntegrityError, fields: FieldMap) -> ValidationError | None:
    """The ``ValidationError`` of the constraint of ``model`` that the database's ``error``
    names (two requests racing past ``full_clean``), or ``None`` when it names none."""
    text = str(error)
    for constraint in model._meta.constraints:
        if constraint.name in text:
            message = ValidationError(
                constraint.get_violation_error_message(), code=constraint.violation_error_code
            )
            return on_fields(ValidationError({NON_FIELD_ERRORS: [message]}), fields)
    return None


@contextmanager
def speaking(model, fields: FieldMap):
    """Run a ``full_clean()`` and save of ``model`` so that its constraints speak the user's
    language on the right field, whether ``full_clean`` or the database found the breach
    (inside a savepoint: the caller's transaction goes on)."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        translated = from_integrity_error(model, error, fields)
        if translated is None:
            raise
        raise translated from error
    except ValidationError as error:
        raise on_fields(error, fields) from None
