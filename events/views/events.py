from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from events import ics, selectors, services
from events.forms import EventForm, WorkshopForm
from events.models import Event
from events.permissions import (
    get_event_for_user,
    is_organiser,
    may_know_event,
    organisations_organised_by,
)
from soliris import confirm
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.i18n import language_name
from soliris.pagecache import cached_page
from soliris.permissions import has
from soliris.streaming import csv_response

NOT_PUBLISHED_YET = gettext_lazy(
    "The event is saved, not yet published: it will be listed in the agenda and open to "
    "registration once the platform has verified your organisation."
)


@cached_page
def event_list(request):
    upcoming = list(selectors.upcoming_events()[:50])
    past_page = Paginator(selectors.past_events(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": upcoming,
            "past_page": past_page,
            "may_create": has(request.user, "events.event:create"),
        },
    )


@cached_page
def event_detail(request, slug):
    event = get_event_for_user(request.user, slug, queryset=Event.objects.select_related("previous_edition"))
    registration = selectors.registration_of(request.user, event)
    previous = event.previous_edition
    if previous is not None and not may_know_event(request.user, previous):
        previous = None  # an edition not yet published is nobody else's to see
    previous_recommendations = list(selectors.recommendations_of(previous)) if previous else []
    context = {
        "event": event,
        "workshops": list(selectors.workshops_of(event)),
        "registration": registration,
        "bookings": selectors.workshop_bookings_of(registration),
        "is_organiser": is_organiser(request.user, event),
        "confirmed_count": selectors.confirmed_count(event),
        "previous": previous,
        "previous_sections": selectors.sections_with_recommendations(previous, previous_recommendations)
        if previous
        else [],
        "recommendation_count": selectors.recommendations_of(event).count(),
    }
    return render(request, "events/event_detail.html", context)


@login_required
def event_create(request):
    if not has(request.user, "events.event:create"):
        raise PermissionDenied
    organiser_ids = organisations_organised_by(request.user)
    form = EventForm(request.POST or None, user=request.user, organiser_ids=organiser_ids)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                actor=request.user,
                data=form.event_data(),
                organisers=list(form.cleaned_data["organisers"]),
                platform_event=form.cleaned_data.get("platform_event", False),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if event.is_published:
                messages.success(request, _("The event is published in the agenda."))
            else:
                messages.info(request, NOT_PUBLISHED_YET)
            return redirect("events:event_detail", slug=event.slug)
    return render(
        request, "events/event_form.html", {"form": form, "event": None}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def event_cancel(request, slug):
    """Cancel the event: the organiser gives a reason, the page says who will be told, and a
    second button confirms (``soliris.confirm``)."""
    event = get_event_for_user(request.user, slug, "events.event:edit")
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, _("Say why the event is cancelled: the registered people read it."))
        return redirect(reverse("events:event_detail", args=[event.slug]) + "#organisers")
    told = selectors.active_registration_count(event)
    page = confirm.ask(
        request,
        title=_("Cancel “%(title)s”?") % {"title": event.title},
        details=[
            ngettext(
                "%(count)s registered person is told, with your reason.",
                "%(count)s registered people are told, with your reason.",
                told,
            )
            % {"count": told}
            if told
            else _("Nobody is registered yet: nobody needs to be told."),
            _("Your reason: %(reason)s") % {"reason": reason},
            _("The event stays, marked cancelled; nobody can register any more."),
        ],
        action=_("Cancel the event"),
        cancel_url=reverse("events:event_detail", args=[event.slug]),
    )
    if page is not None:
        return page
    try:
        services.event_cancel(actor=request.user, event=event, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event is cancelled. The registered people are told."))
    return redirect("events:event_detail", slug=event.slug)


@login_required
def event_edit(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:edit")
    organiser_ids = set(organisations_organised_by(request.user)) | {o.pk for o in event.organisers.all()}
    form_kwargs = {"user": request.user, "organiser_ids": organiser_ids, "event": event}
    form = EventForm(request.POST or None, **form_kwargs)
    conflict = None
    if request.method == "POST" and form.is_valid():
        mine = set(organisations_organised_by(request.user))
        try:
            services.event_update(
                actor=request.user,
                event=event,
                data=form.event_data(),
                organisers=[org for org in form.cleaned_data["organisers"] if org.pk in mine],
                expected_version=form.cleaned_data.get("version") or event.version,
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(EventForm, request, conflict, **form_kwargs)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The event has been saved."))
            return redirect("events:event_detail", slug=event.slug)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "event": event, "conflict": conflict},
        status=400 if form.errors else 200,
    )


def _workshop_form(request, slug, key=None):
    event = get_event_for_user(request.user, slug, "events.event:edit")
    workshop = None
    if key is not None:
        workshop = selectors.workshop_of(event, key)
        if workshop is None:
            raise Http404
    form_kwargs = {"event": event, "workshop": workshop}
    form = WorkshopForm(request.POST or None, **form_kwargs)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            if workshop is None:
                services.workshop_create(actor=request.user, event=event, data=form.workshop_data())
            else:
                services.workshop_update(
                    actor=request.user,
                    workshop=workshop,
                    data=form.workshop_data(),
                    expected_version=form.cleaned_data.get("version") or workshop.version,
                )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(WorkshopForm, request, conflict, **form_kwargs)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The workshop is in the programme."))
            return redirect("events:event_detail", slug=event.slug)
    return render(
        request,
        "events/workshop_form.html",
        {"form": form, "event": event, "workshop": workshop, "conflict": conflict},
        status=400 if form.errors else 200,
    )


@login_required
def workshop_create(request, slug):
    return _workshop_form(request, slug)


@login_required
def workshop_edit(request, slug, key):
    return _workshop_form(request, slug, key)


def event_calendar(request, slug):
    event = get_event_for_user(request.user, slug)
    registration = selectors.registration_of(request.user, event)
    registered = registration is not None or is_organiser(request.user, event)
    workshops = ics.joined_workshops(registration, event) if registration is not None else []
    response = HttpResponse(
        ics.event_calendar(event, with_link=registered, registration=registration, workshops=workshops),
        content_type=ics.CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@login_required
def attendee_list(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:see_attendees")
    page = Paginator(selectors.attendees(event), 100).get_page(request.GET.get("page"))
    return render(request, "events/attendee_list.html", {"event": event, "page": page})


@login_required
def attendee_csv(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:see_attendees")
    header = [
        _("Name"),
        _("Status"),
        _("Language"),
        _("Accessibility needs"),
        _("Interpretation needed into"),
        _("Workshops"),
        _("Registered on"),
    ]
    rows = (
        [
            registration.user.get_full_name(),
            registration.get_status_display(),
            language_name(registration.language).capitalize(),
            registration.accessibility_needs,
            ", ".join(language_name(code) for code in registration.interpretation_needs),
            "; ".join(booking.workshop.title for booking in registration.active_workshops),
            registration.created_at.isoformat(),
        ]
        for registration in selectors.attendees(event).iterator(chunk_size=500)
    )
    return csv_response(header, rows, f"{event.slug}-attendees.csv")
