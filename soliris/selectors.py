"""Reads for the platform's own pages (home, dashboard).

Each app contributes to them without this module knowing its models: an app's
``selectors.home_context()`` / ``selectors.dashboard_context(user)`` add to the context,
and its ``templates/<app>/partials/home.html`` / ``dashboard.html`` render its section
(see the ``app_sections`` template tag).
"""

import importlib

from soliris.models import OutboxMessage, OutboxState, RenderJob, RenderJobState

APPS = ["partners", "projects", "conventions", "events"]


def _collect(function_name: str, *args) -> dict:
    context: dict = {}
    for app in APPS:
        module = importlib.import_module(f"{app}.selectors")
        function = getattr(module, function_name, None)
        if function is not None:
            context.update(function(*args))
    return context


def home_context() -> dict:
    return _collect("home_context")


def dashboard_context(user) -> dict:
    return _collect("dashboard_context", user)


def side_effects_status(limit: int = 20) -> dict:
    """What waits in the outbox (with the last error of each) and the render jobs not finished,
    for the staff's status page: a fault shows here before anyone has to ask."""
    waiting = OutboxMessage.objects.filter(state=OutboxState.PENDING)
    return {
        "outbox_waiting": waiting.count(),
        "outbox_failing": list(waiting.exclude(last_error="").order_by("created_at", "id")[:limit]),
        "jobs_unfinished": list(
            RenderJob.objects.filter(state__in=[RenderJobState.QUEUED, RenderJobState.RUNNING])
            .only("key", "title", "state", "progress", "queued_at", "heartbeat_at", "attempts")
            .order_by("created_at", "id")[:limit]
        ),
    }
