import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from events import ics, selectors, services
from events.forms import EventForm, WorkshopForm
from events.models import Event, Workshop
from events.permissions import get_event_for_user, is_organiser, organisations_organised_by


def _form_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for e in errors:
                form.add_error(field if field in form.fields else None, e)
    else:
        for message in error.messages:
            form.add_error(None, message)


def event_list(request):
    upcoming = list(selectors.upcoming_events()[:50])
    past_page = Paginator(selectors.past_events(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": upcoming,
            "past_page": past_page,
            "may_create": request.user.has_perm("events.event:create"),
        },
    )


def event_detail(request, slug):
    event = get_event_for_user(request.user, slug, queryset=Event.objects.select_related("previous_edition"))
    registration = selectors.registration_of(request.user, event)
    previous = event.previous_edition
    previous_recommendations = list(selectors.recommendations_of(previous)) if previous else []
    context = {
        "event": event,
        "workshops": list(selectors.workshops_of(event)),
        "registration": registration,
        "bookings": selectors.workshop_bookings_of(registration),
        "is_organiser": is_organiser(request.user, event),
        "confirmed_count": event.registrations.filter(status="confirmed").count(),
        "previous": previous,
        "previous_sections": selectors.sections_with_recommendations(previous, previous_recommendations)
        if previous
        else [],
        "recommendation_count": selectors.recommendations_of(event).count(),
    }
    return render(request, "events/event_detail.html", context)


@login_required
def event_create(request):
    if not request.user.has_perm("events.event:create"):
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
            _form_errors(form, error)
        else:
            messages.success(request, _("The event is published in the agenda."))
            return redirect("events:event_detail", slug=event.slug)
    return render(
        request, "events/event_form.html", {"form": form, "event": None}, status=400 if form.errors else 200
    )


@login_required
def event_edit(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:edit")
    organiser_ids = set(organisations_organised_by(request.user)) | {o.pk for o in event.organisers.all()}
    form = EventForm(request.POST or None, user=request.user, organiser_ids=organiser_ids, event=event)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.event_data()
        try:
            mine = set(organisations_organised_by(request.user))
            services.event_update(
                actor=request.user,
                event=event,
                data=data,
                organisers=[org for org in form.cleaned_data["organisers"] if org.pk in mine],
                expected_version=form.cleaned_data.get("version") or event.version,
            )
        except ValidationError as error:
            _form_errors(form, error)
            current = Event.objects.get(pk=event.pk)
            if current.version != (form.cleaned_data.get("version") or event.version):
                conflict = current
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
        workshop = Workshop.objects.filter(event=event, key=key).select_related("theme").first()
        if workshop is None:
            raise Http404
    form = WorkshopForm(request.POST or None, event=event, workshop=workshop)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_save(
                actor=request.user, event=event, data=form.workshop_data(), workshop=workshop
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The workshop is in the programme."))
            return redirect("events:event_detail", slug=event.slug)
    return render(
        request,
        "events/workshop_form.html",
        {"form": form, "event": event, "workshop": workshop},
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
    registered = selectors.registration_of(request.user, event) is not None or is_organiser(
        request.user, event
    )
    response = HttpResponse(
        ics.event_calendar(request, event, with_link=registered), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@login_required
def attendee_list(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:see_attendees")
    page = Paginator(selectors.attendees(event), 100).get_page(request.GET.get("page"))
    return render(request, "events/attendee_list.html", {"event": event, "page": page})


class _Echo:
    def write(self, value):
        return value


@login_required
def attendee_csv(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:see_attendees")
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff"
        yield writer.writerow(
            [
                _("Name"),
                _("Email"),
                _("Status"),
                _("Language"),
                _("Accessibility needs"),
                _("Interpretation needed into"),
                _("Workshops"),
                _("Registered on"),
            ]
        )
        for registration in selectors.attendees(event).iterator(chunk_size=500):
            yield writer.writerow(
                [
                    registration.user.full_name,
                    registration.user.email,
                    registration.get_status_display(),
                    registration.language,
                    registration.accessibility_needs,
                    " ".join(registration.interpretation_needs),
                    "; ".join(booking.workshop.title for booking in registration.active_workshops),
                    registration.created_at.isoformat(),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-attendees.csv"'
    return response
