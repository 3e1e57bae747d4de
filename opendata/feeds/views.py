"""The feeds' answers, and the page of a person's own calendar address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from events import ics
from opendata.feeds import calendars, tokens
from opendata.feeds.feeds import absolute


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_events(request):
    return _calendar_response(calendars.public_calendar(translation.get_language()), "soliris-events.ics")


def personal_calendar(request, token):
    """No sign-in (calendar apps cannot): the secret address is the key. A wrong, reset or
    malformed one answers 404."""
    user = tokens.user_of(token)
    if user is None:
        raise Http404
    response = _calendar_response(
        calendars.personal_calendar(user, translation.get_language()), "my-soliris-calendar.ics"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def my_calendar(request):
    if request.method == "POST":
        tokens.token_reset(actor=request.user)
        messages.success(
            request, _("Your calendar has a new address. The old one no longer works: subscribe again.")
        )
        return redirect("opendata:my_calendar")
    url = absolute("opendata:personal_calendar", tokens.token_of(request.user))
    webcal = "webcal://" + url.split("://", 1)[1]
    response = render(
        request,
        "opendata/feeds/my_calendar.html",
        {"calendar_url": url, "webcal_url": webcal, "public_url": reverse("opendata:calendar_events")},
    )
    response["Cache-Control"] = "private, no-store"
    return response
