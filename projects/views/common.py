"""What the project views share: error display, permission tests, the project page context."""

from django.core.exceptions import ValidationError

PAGE_SIZE = 20


def _errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _can(request, perm, project) -> bool:
    import rules

    return rules.has_perm(perm, request.user, project)


def _project_context(request, project, tab, **extra):
    return {
        "project": project,
        "tab": tab,
        "can_edit": _can(request, "projects.project:edit", project),
        "can_decide": _can(request, "projects.project:decide", project),
        "can_view_private": _can(request, "projects.project:view_private", project),
        **extra,
    }
