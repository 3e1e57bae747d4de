"""What the services of the events app share: the organiser check and translated fields."""

from django.conf import settings
from django.core.exceptions import PermissionDenied

from events.permissions import is_organiser

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def require_organiser(actor, event) -> None:
    if not is_organiser(actor, event):
        raise PermissionDenied


def set_fields(obj, data: dict) -> None:
    """Copy a form's cleaned fields (``title_fr``, ``starts_at``...) onto the object."""
    for name, value in data.items():
        setattr(obj, name, value)


def has_text(obj, field: str) -> bool:
    """Whether ``field`` is written in at least one language."""
    return any(getattr(obj, f"{field}_{code}") for code in LANGUAGE_CODES)
