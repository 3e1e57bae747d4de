"""Who acts: a person's act on a document (a comment, a decision, a signature) is recorded and
shown under their full name, so it needs one — never their email address."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FULL_NAME_NEEDED = _(
    "Add your full name to your profile first: the other parties see it with what you do here."
)


def has_full_name(user) -> bool:
    return bool((getattr(user, "full_name", "") or "").strip())


def require_full_name(actor) -> None:
    """Refuse the act of a person who gave no full name (the views link to the profile page)."""
    if not has_full_name(actor):
        raise ValidationError(FULL_NAME_NEEDED, code="full_name_needed")
