from django.conf import settings
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


def document_perms(user, document) -> dict:
    return {
        "can_edit": is_party_editor(user, document),
        "can_decide": bool(coordinator_organisation_ids(user, document)),
        "can_sign": bool(signatory_organisation_ids(user, document)),
    }
