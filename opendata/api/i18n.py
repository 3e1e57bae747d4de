"""Translated texts in the API: every language with its state, or the one ``?lang=`` asks for."""

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from soliris.i18n import translated_value

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# What a reader of one language is given: the text written in it, another language's text
# (a fallback, ``language`` says which), or nothing in any language.
WRITTEN, FALLBACK, MISSING = "written", "fallback", "missing"

TEXT_SCHEMA = {
    "type": "object",
    "description": (
        "A text in one language: 'written' in that language, a 'fallback' in another"
        " language (named by 'language'), or 'missing' in every language."
    ),
    "properties": {
        "text": {"type": "string", "description": "The text (empty when missing)."},
        "language": {
            "type": "string",
            "nullable": True,
            "enum": [*LANGUAGE_CODES, None],
            "description": "The language the text is actually in (null when missing).",
        },
        "state": {"type": "string", "enum": [WRITTEN, FALLBACK, MISSING]},
    },
    "required": ["text", "language", "state"],
    "additionalProperties": False,
}
TEXT_SET_SCHEMA = {
    "type": "object",
    "description": "The text for each language of the platform (without ?lang=).",
    "properties": dict.fromkeys(LANGUAGE_CODES, TEXT_SCHEMA),
    "required": LANGUAGE_CODES,
    "additionalProperties": False,
}
TRANSLATED_SCHEMA = {"oneOf": [TEXT_SET_SCHEMA, TEXT_SCHEMA]}

LANG_PARAMETER_HELP = (
    "One language of the platform (fr, nl, en, es): each translated text is then given in that"
    " language only, with its state. Without it, every language is given."
)


def requested_language(request) -> str | None:
    """The language ``?lang=`` asks for, None without it; a ValidationError (400) otherwise."""
    language = request.query_params.get("lang")
    if language is None:
        return None
    if language not in LANGUAGE_CODES:
        raise ValidationError({"lang": [f"Unknown language; one of: {', '.join(LANGUAGE_CODES)}."]})
    return language


def text_in(obj, field: str, language: str) -> dict:
    """{text, language, state} of a translated field for a reader of ``language``."""
    own = getattr(obj, f"{field}_{language}", None)
    if own:
        return {"text": own, "language": language, "state": WRITTEN}
    text, shown = translated_value(obj, field, language)
    if text and shown:
        return {"text": text, "language": shown, "state": FALLBACK}
    return {"text": "", "language": None, "state": MISSING}


def translated(obj, field: str, language: str | None):
    if language:
        return text_in(obj, field, language)
    return {code: text_in(obj, field, code) for code in LANGUAGE_CODES}


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """A field translated with modeltranslation (``<field>_fr``…), read from the whole object."""

    def __init__(self, field: str | None = None, **kwargs):
        self.translated_field = field
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.translated_field = self.translated_field or field_name

    def to_representation(self, value):
        return translated(value, self.translated_field, self.context.get("language"))
