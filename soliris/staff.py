"""The platform's staff: one log-in (allauth's, with its second factor and rate limits, for
the admin too) and no staff page without a second factor.

A staff account reaches the whole registry (the admin, the verification queue, the status
page, the annual report): a stolen password alone must not be enough. A staff member with
no second factor is sent to set one up before any of those pages.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# The pages only staff may open (besides the whole admin site).
STAFF_PAGES = {
    "status",
    "partners:verification_queue",
    "partners:organisation_verify",
    "events:annual_report",
}


def has_second_factor(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def is_staff_page(match) -> bool:
    return match is not None and ("admin" in match.namespaces or match.view_name in STAFF_PAGES)


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return None
        if is_staff_page(request.resolver_match) and not has_second_factor(user):
            messages.warning(
                request,
                _("Staff pages need a second factor: set up an authenticator app first, then go on."),
            )
            return redirect("mfa_activate_totp")
        return None
