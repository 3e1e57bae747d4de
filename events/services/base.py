"""What the services of the events app share: the organiser check and translated fields."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from events.permissions import is_organiser
from soliris import constraints

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)

NAME_REQUIRED = _(
    "Add your full name to your profile first: others see who registered, endorsed or "
    "wrote a follow-up by name, never by email address."
)


def require_full_name(actor) -> None:
    """A person's act others read (registration, endorsement, follow-up) is signed by name."""
    if not (getattr(actor, "full_name", "") or "").strip():
        raise ValidationError(NAME_REQUIRED, code="full_name_required")


def require_organiser(actor, event) -> None:
    if not is_organiser(actor, event):
        raise PermissionDenied


def translated_names(model) -> frozenset[str]:
    """The model's translated fields by their bare names (``title``, ``text``...)."""
    try:
        return frozenset(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return frozenset()


def set_fields(obj, data: dict) -> None:
    """Copy a form's cleaned fields (``title_fr``, ``starts_at``...) onto the object.

    A translated field is written by its language's name (``title_nl``), never by its bare
    name: modeltranslation writes the bare one into the *interface's* language, which would
    overwrite the text typed for that language. A bare name here is a programming error.
    """
    bare = translated_names(type(obj)) & set(data)
    if bare:
        raise ValueError(f"translated fields written by their bare name: {sorted(bare)}")
    for name, value in data.items():
        setattr(obj, name, value)


def has_text(obj, field: str) -> bool:
    """Whether ``field`` is written in at least one language."""
    return any(getattr(obj, f"{field}_{code}") for code in LANGUAGE_CODES)


def full_clean(obj, *, fields: dict[str, str] | None = None, exclude=None) -> None:
    """``obj.full_clean()``, with each constraint's message moved onto the form field it is
    about: ``fields`` maps a constraint's ``violation_error_code`` to that field's name."""
    constraints.full_clean(obj, fields or {}, exclude=exclude)


def _same(saved, posted) -> bool:
    """An empty text is empty whether stored as NULL (a translation never written) or ""."""
    if saved in (None, "") and posted in (None, ""):
        return True
    return saved == posted


def changed_fields(obj, data: dict) -> list[str]:
    """The names in ``data`` whose value differs from the object's: saving unchanged text
    changes nothing (no new version, no history entry)."""
    return sorted(name for name, value in data.items() if not _same(getattr(obj, name), value))


def same_members(saved, posted) -> bool:
    """Whether a many-to-many relation (``saved``, a manager) already holds ``posted``."""
    return {item.pk for item in posted} == set(saved.values_list("pk", flat=True))
