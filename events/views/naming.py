"""The refusal shown to a person without a full name, with the way to their profile."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from events.services.base import NAME_REQUIRED


def has_full_name(user) -> bool:
    return bool((getattr(user, "full_name", "") or "").strip())


def name_required_message() -> str:
    """The message, with a link to the profile page (safe HTML)."""
    return format_html(
        '{} <a href="{}">{}</a>', NAME_REQUIRED, reverse("profile"), _("Add my name to my profile")
    )
