"""Template helpers shared by every app."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import SafeData, mark_safe

from soliris import typography, undo
from soliris.countries import country_name
from soliris.i18n import language_name, translated_value
from soliris.selectors import APPS

register = template.Library()


@register.inclusion_tag("soliris/partials/translated.html", takes_context=False)
def translated(obj, field: str, multiline: bool = False):
    """Render a translated field; a fallback to another language is marked visibly."""
    language = translation.get_language()
    text, code = translated_value(obj, field, language)
    return {
        "text": text,
        "lang": code,
        "is_fallback": bool(text) and code is not None and code != language,
        "language_name": language_name(code) if code else "",
        "multiline": multiline,
    }


@register.simple_tag(takes_context=True)
def url_in_language(context, language: str) -> str:
    """The current page's address in another language (for the language switcher): the view
    already resolved, reversed in that language, with the same query string."""

    request = context.get("request")
    if request is None:
        return f"/{language}/"
    match = getattr(request, "resolver_match", None)
    if match is None:
        return translate_url(request.get_full_path(), language)
    try:
        with translation.override(language):
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return translate_url(request.get_full_path(), language)
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def main_nav(context) -> str:
    """The main menu (``partials/nav.html``): the same for every page of a section, language and
    kind of user, so each process renders each variant once."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    user = context.get("user")
    render = _main_nav.__wrapped__ if settings.DEBUG else _main_nav  # edits show at once in development
    return render(
        translation.get_language(),
        getattr(match, "namespace", "") or "",
        getattr(match, "url_name", "") or "",
        bool(getattr(user, "is_authenticated", False)),
        bool(getattr(user, "is_staff", False)),
    )


@lru_cache(maxsize=1024)
def _main_nav(language, namespace, url_name, is_authenticated, is_staff):

    user = {"is_authenticated": is_authenticated, "is_staff": is_staff}
    with translation.override(language):
        html = render_to_string("partials/nav.html", {"ns": namespace, "name": url_name, "user": user})
    return mark_safe(html)  # a rendered template: escaped by itself


@register.filter(name="country_name")
def country_name_filter(country) -> str:
    """``{{ organisation.country|country_name }}``: ``soliris.countries.country_name``."""

    return country_name(country)


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    """``{{ code|language_name }}``: the language's name in running text ("en français",
    "in het Frans"); ``|capfirst`` where it starts a label."""
    return language_name(code)


@register.simple_tag(takes_context=True)
def app_sections(context, name: str) -> str:
    """Render ``<app>/partials/<name>.html`` of every app that has one, in the page's context."""

    html = []
    for app in APPS:
        try:
            template = get_template(f"{app}/partials/{name}.html")
        except TemplateDoesNotExist:
            continue
        html.append(template.render(context.flatten(), context.get("request")))
    return mark_safe("".join(html))  # rendered templates, escaped by themselves


@register.simple_tag
def select_options(field) -> str:
    """The ``<option>`` elements of a bound choice field, rendered in Python.

    A directory filter has a few hundred options (countries, goals, themes); rendering each
    through a template costs more than the rest of the page (measured with ``make bench``).
    """

    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    selected = {"" if v is None else str(v) for v in values}
    options = (("" if key is None else str(key), label) for key, label in field.field.choices)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((key, mark_safe(" selected") if key in selected else "", label) for key, label in options),
    )


@register.filter(needs_autoescape=True)
def typeset(value, autoescape=True):
    """``{{ text|typeset }}``: :func:`soliris.typography.typeset` in the page's language.

    Text that was not safe is escaped first (under autoescaping), then typeset: the result
    holds only what was escaped plus U+202F, so it is marked safe; without autoescaping,
    safe text stays safe and plain text stays plain.
    """
    language = translation.get_language()
    if isinstance(value, SafeData):
        return mark_safe(typography.typeset(str(value), language))  # was safe; only spaces added
    if autoescape:
        return mark_safe(typography.typeset(conditional_escape(value), language))  # escaped above
    return typography.typeset(str(value), language)


@register.simple_tag
def punctuation(mark: str) -> str:
    """``{% punctuation ":" %}``: a mark glued to a value, with the space the page's language
    puts before it (U+202F in French, none elsewhere): ``{{ name }}{% punctuation ":" %} …``."""
    return typography.typeset("x" + mark, translation.get_language())[1:]


@register.inclusion_tag("soliris/partials/undo_button.html", takes_context=True)
def undo_button(context, message):
    """The "Undo" button of a message that confirms a removal (``soliris.undo``)."""
    return {
        "key": undo.key_from_tags(getattr(message, "extra_tags", "")),
        "csrf_token": context.get("csrf_token"),
    }
