from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import selectors, services
from events.forms import RegistrationForm
from events.models import RegistrationStatus
from events.permissions import get_event_for_user
from events.views.naming import has_full_name, name_required_message
from soliris import confirm
from soliris.forms import apply_validation_error


@login_required
def event_register(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:register")
    registration = selectors.registration_of(request.user, event)
    if registration is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:event_detail", slug=event.slug)
    if request.method == "GET" and not event.is_published:
        messages.error(request, services.registrations.NOT_PUBLISHED)
        return redirect("events:event_detail", slug=event.slug)
    if request.method == "GET" and not event.registration_open:
        messages.error(request, _("Registration for this event is closed."))
        return redirect("events:event_detail", slug=event.slug)
    form = RegistrationForm(
        request.POST or None, initial={"language": request.user.preferred_language or get_language()}
    )
    named = has_full_name(request.user)
    if not named and form.is_bound:
        form.is_valid()  # what was typed stays on the page, with the refusal above it
        form.add_error(None, name_required_message())
    elif not named:
        messages.error(request, name_required_message())
    if request.method == "POST" and named and form.is_valid():
        try:
            registration = services.event_register(
                actor=request.user,
                event=event,
                language=form.cleaned_data["language"],
                accessibility_needs=form.cleaned_data["accessibility_needs"],
                interpretation_needs=form.cleaned_data["interpretation_needs"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(
                    request, _("You are registered. A confirmation is on its way to your mailbox.")
                )
            else:
                messages.warning(
                    request,
                    _(
                        "The event is full: you are on the waiting list. We will write to you if a place frees up."
                    ),
                )
            return redirect("events:event_detail", slug=event.slug)
    return render(
        request,
        "events/registration_form.html",
        {"form": form, "event": event},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@require_POST
@login_required
def registration_cancel(request, slug):
    """Cancel one's own registration for the event (the waiting list moves up)."""
    event = get_event_for_user(request.user, slug, "events.event:register")
    registration = selectors.registration_of(request.user, event)
    if registration is None:
        messages.error(request, _("You are not registered for this event."))
    else:
        page = confirm.ask(
            request,
            title=_("Cancel your registration for “%(event)s”?") % {"event": event},
            details=[_("Your place goes to the next person on the waiting list, if there is one.")],
            action=_("Cancel my registration"),
            cancel_url=reverse("events:event_detail", args=[event.slug]),
        )
        if page is not None:
            return page
        services.registration_cancel(actor=request.user, registration=registration)
        messages.success(request, _("Your registration is cancelled."))
    return redirect("events:event_detail", slug=event.slug)


def _workshop(request, slug, key):
    event = get_event_for_user(request.user, slug, "events.event:register")
    workshop = selectors.workshop_of(event, key)
    if workshop is None:
        raise Http404
    return event, workshop


@require_POST
@login_required
def workshop_join(request, slug, key):
    event, workshop = _workshop(request, slug, key)
    try:
        booking = services.workshop_join(actor=request.user, workshop=workshop)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if booking.status == RegistrationStatus.CONFIRMED:
            messages.success(
                request, _("You have joined the workshop “%(title)s”.") % {"title": workshop.title}
            )
        else:
            messages.warning(request, _("The workshop is full: you are on its waiting list."))
    return redirect(_workshop_anchor(event, workshop))


@require_POST
@login_required
def workshop_leave(request, slug, key):
    event, workshop = _workshop(request, slug, key)
    page = confirm.ask(
        request,
        title=_("Leave the workshop “%(title)s”?") % {"title": workshop.title},
        details=[_("Your place goes to the next person on the waiting list, if there is one.")],
        action=_("Leave the workshop"),
        cancel_url=_workshop_anchor(event, workshop),
    )
    if page is not None:
        return page
    try:
        services.workshop_leave(actor=request.user, workshop=workshop)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You have left the workshop “%(title)s”.") % {"title": workshop.title})
    return redirect(_workshop_anchor(event, workshop))


def _workshop_anchor(event, workshop) -> str:
    return f"{reverse('events:event_detail', args=[event.slug])}#workshop-{workshop.key}"
