"""Reading translated content: which text a reader sees, and in which language it is."""

from django.conf import settings
from django.utils import translation


def fallback_order(language: str) -> list[str]:
    """``language`` first, then the configured fallbacks (modeltranslation's order)."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    return [language, *fallbacks.get(language, fallbacks["default"])]


def translated_value(obj, field: str, language: str | None = None):
    """(text, language it is in) of a translated field, falling back in the configured order.

    The language is the one of the text actually shown, so that a page, a mail or a PDF
    can say when it is not the reader's language.
    """
    language = language or translation.get_language()
    for code in dict.fromkeys(fallback_order(language)):
        text = getattr(obj, f"{field}_{code}", None)
        if text:
            return text, code
    text = getattr(obj, field, "")
    return text, None


# Languages whose orthography writes a language's name in lower case inside a sentence
# ("en français", "en español"); Dutch and English capitalise it ("in het Frans", "in French").
LOWER_CASE_LANGUAGE_NAMES = ("fr", "es")


def language_name(code: str, language: str | None = None) -> str:
    """The name of ``code`` in ``language`` (the active one), as written inside a sentence.

    A label that starts a line or a cell takes ``|capfirst`` in the template.
    """
    if code not in dict(settings.LANGUAGES):
        return code
    language = language or translation.get_language()
    with translation.override(language):
        name = str(translation.get_language_info(code)["name_translated"])
    return name.lower() if language in LOWER_CASE_LANGUAGE_NAMES else name
