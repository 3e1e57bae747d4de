"""What the project views share: error display, permission tests, the project page context."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from soliris.permissions import has

PAGE_SIZE = 20


def flash_validation_error(request, error: ValidationError) -> None:
    """A service's refusal, for a view that redirects instead of showing a form again."""
    for message in error.messages:
        messages.error(request, str(message))


def project_page_context(request, project, tab, **extra):
    return {
        "project": project,
        "tab": tab,
        "can_edit": has(request.user, "projects.project:edit", project),
        "can_decide": has(request.user, "projects.project:decide", project),
        "can_view_private": has(request.user, "projects.project:view_private", project),
        **extra,
    }
