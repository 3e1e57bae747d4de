"""Absolute links of the API: to an object's public HTML page and to its API answer."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def html_url(name: str, *args, language: str | None = None) -> str:
    """The public page, in ``language`` (the site's default language without one)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse(name, args=args)


def api_url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(f"api:{name}", args=args)


def links(context, html_name: str, api_name: str, *args) -> dict:
    return {
        "html": html_url(html_name, *args, language=context.get("language")),
        "api": api_url(api_name, *args),
    }
