from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language

from conventions.permissions import (
    coordinator_organisation_ids,
    is_party_editor,
    signatory_organisation_ids,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def reading_language(request) -> str:
    """The language the reader picked (``?lang=``), else the interface's."""
    language = request.GET.get("lang", "")
    return language if language in LANGUAGE_CODES else get_language()


def add_errors(form, error: ValidationError) -> None:
    """Put a service's validation errors on the form, next to their field when it exists."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def document_perms(user, document) -> dict:
    return {
        "can_edit": is_party_editor(user, document),
        "can_decide": bool(coordinator_organisation_ids(user, document)),
        "can_sign": bool(signatory_organisation_ids(user, document)),
    }
