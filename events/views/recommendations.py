from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import selectors, services
from events.filters import RecommendationFilter
from events.forms import (
    AnnualReportForm,
    BookletForm,
    EndorseForm,
    FollowUpForm,
    RecommendationForm,
    SectionForm,
)
from events.models import Event
from events.permissions import (
    coordinated_organisation_ids,
    get_event_for_user,
    get_recommendation_for_user,
    is_organiser,
)
from events.views.naming import has_full_name, name_required_message
from soliris import confirm
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.pagecache import cached_page
from soliris.pagination import CappedPaginator
from soliris.pdf import DocumentUnavailable
from soliris.pdf.services import job_request
from soliris.permissions import has


def event_recommendations(request, slug):
    event = get_event_for_user(request.user, slug, queryset=Event.objects.select_related("previous_edition"))
    filterset = RecommendationFilter(
        request.GET or None, queryset=selectors.recommendations_of(event), event=event
    )
    recommendations = list(filterset.qs)
    organiser = is_organiser(request.user, event)
    return render(
        request,
        "events/event_recommendations.html",
        {
            "event": event,
            "filter": filterset,
            "sections": selectors.sections_with_recommendations(event, recommendations),
            "count": len(recommendations),
            "is_organiser": organiser,
            "booklet_form": BookletForm(initial={"language": request.LANGUAGE_CODE}) if organiser else None,
            "filtered": bool(request.GET),
        },
    )


@cached_page
def recommendation_list(request):
    filterset = RecommendationFilter(request.GET or None, queryset=selectors.published_recommendations())
    page = CappedPaginator(filterset.qs, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/recommendation_list.html",
        {"filter": filterset, "page": page, "query": query.urlencode(), "filtered": bool(request.GET)},
    )


@cached_page
def recommendation_detail(request, key):
    recommendation = get_recommendation_for_user(
        request.user, key, queryset=selectors.recommendations_queryset()
    )
    event = recommendation.section.event
    coordinated = coordinated_organisation_ids(request.user)
    endorsing = {e.organisation_id for e in recommendation.active_endorsements}
    context = {
        "recommendation": recommendation,
        "event": event,
        "notes": recommendation.notes.select_related("author"),
        "is_organiser": is_organiser(request.user, event),
        "endorse_form": EndorseForm(
            user=request.user, organisation_ids=[pk for pk in coordinated if pk not in endorsing]
        )
        if coordinated
        else None,
        "withdrawable": [e for e in recommendation.active_endorsements if e.organisation_id in coordinated],
        "follow_up_form": FollowUpForm(
            initial={"status": recommendation.status, "follow_up_version": recommendation.follow_up_version}
        ),
    }
    return render(request, "events/recommendation_detail.html", context)


@login_required
def section_create(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:record_recommendations")
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_create(actor=request.user, event=event, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The section is added."))
            return redirect("events:event_recommendations", slug=event.slug)
    return render(
        request,
        "events/section_form.html",
        {"form": form, "event": event},
        status=400 if form.errors else 200,
    )


@login_required
def recommendation_create(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:record_recommendations")
    if not event.recommendation_sections.exists():
        messages.info(request, _("Add a section first: recommendations are numbered within their section."))
        return redirect("events:section_create", slug=event.slug)
    form = RecommendationForm(
        request.POST or None, event=event, initial={"original_language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = services.recommendation_create(
                actor=request.user,
                section=form.cleaned_data["section"],
                data=form.recommendation_data(),
                themes=form.cleaned_data["themes"],
                sdg_goals=form.cleaned_data["sdg_goals"],
                workshop=form.cleaned_data.get("workshop"),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("Recommendation %(number)s is recorded.") % {"number": recommendation.number}
            )
            if "add_another" in request.POST:
                return redirect("events:recommendation_create", slug=event.slug)
            return redirect("events:event_recommendations", slug=event.slug)
    return render(
        request,
        "events/recommendation_form.html",
        {"form": form, "event": event, "recommendation": None},
        status=400 if form.errors else 200,
    )


@login_required
def recommendation_edit(request, key):
    recommendation = get_recommendation_for_user(request.user, key, "events.recommendation:edit")
    event = recommendation.section.event
    form_kwargs = {"event": event, "recommendation": recommendation}
    form = RecommendationForm(request.POST or None, **form_kwargs)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_update(
                actor=request.user,
                recommendation=recommendation,
                data=form.recommendation_data(),
                themes=form.cleaned_data["themes"],
                sdg_goals=form.cleaned_data["sdg_goals"],
                expected_version=form.cleaned_data.get("version") or recommendation.version,
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(RecommendationForm, request, conflict, **form_kwargs)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The recommendation has been saved."))
            return redirect("events:recommendation_detail", key=recommendation.key)
    return render(
        request,
        "events/recommendation_form.html",
        {"form": form, "event": event, "recommendation": recommendation, "conflict": conflict},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def recommendation_endorse(request, key):
    recommendation = get_recommendation_for_user(request.user, key, "events.recommendation:endorse")
    if not has_full_name(request.user):
        messages.error(request, name_required_message())
        return redirect("events:recommendation_detail", key=recommendation.key)
    form = EndorseForm(
        request.POST, user=request.user, organisation_ids=coordinated_organisation_ids(request.user)
    )
    if not form.is_valid():
        messages.error(request, _("Choose an organisation you coordinate."))
    else:
        organisation = form.cleaned_data["organisation"]
        try:
            services.recommendation_endorse(
                actor=request.user, recommendation=recommendation, organisation=organisation
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(organisation)s endorses this recommendation.") % {"organisation": organisation.name},
            )
    return redirect("events:recommendation_detail", key=recommendation.key)


@require_POST
@login_required
def recommendation_withdraw(request, key):
    recommendation = get_recommendation_for_user(request.user, key, "events.recommendation:withdraw")
    form = EndorseForm(
        request.POST, user=request.user, organisation_ids=coordinated_organisation_ids(request.user)
    )
    if not form.is_valid():
        messages.error(request, _("Choose an organisation you coordinate."))
    else:
        organisation = form.cleaned_data["organisation"]
        page = confirm.ask(
            request,
            title=_("Withdraw the endorsement of %(organisation)s?") % {"organisation": organisation.name},
            details=[str(recommendation)],
            action=_("Withdraw the endorsement"),
            cancel_url=reverse("events:recommendation_detail", args=[recommendation.key]),
        )
        if page is not None:
            return page
        try:
            services.recommendation_withdraw(
                actor=request.user, recommendation=recommendation, organisation=organisation
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(organisation)s no longer endorses this recommendation.")
                % {"organisation": organisation.name},
            )
    return redirect("events:recommendation_detail", key=recommendation.key)


@login_required
def recommendation_follow_up(request, key):
    recommendation = get_recommendation_for_user(request.user, key, "events.recommendation:follow_up")
    initial = {"status": recommendation.status, "follow_up_version": recommendation.follow_up_version}
    form = FollowUpForm(request.POST or None, initial=initial)
    conflict = None
    named = has_full_name(request.user)
    if not named and form.is_bound:
        form.is_valid()  # what was typed stays on the page, with the refusal above it
        form.add_error(None, name_required_message())
    elif not named:
        messages.error(request, name_required_message())
    if request.method == "POST" and named and form.is_valid():
        try:
            services.recommendation_follow_up(
                actor=request.user,
                recommendation=recommendation,
                status=form.cleaned_data["status"],
                text=form.cleaned_data["text"],
                expected_version=form.cleaned_data.get("follow_up_version")
                or recommendation.follow_up_version,
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(
                FollowUpForm, request, conflict, version_field="follow_up_version", initial=initial
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The follow-up is recorded."))
            return redirect("events:recommendation_detail", key=recommendation.key)
    return render(
        request,
        "events/follow_up_form.html",
        {
            "form": form,
            "recommendation": recommendation,
            "event": recommendation.section.event,
            "conflict": conflict,
            "notes": recommendation.notes.select_related("author") if conflict else (),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


@require_POST
@login_required
def booklet_request(request, slug):
    event = get_event_for_user(request.user, slug, "events.event:export")
    form = BookletForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the booklet's language."))
        return redirect("events:event_recommendations", slug=event.slug)
    try:
        job, created = job_request(
            actor=request.user,
            kind="events.booklet",
            parameters={"event": event.slug, "language": form.cleaned_data["language"]},
        )
    except (DocumentUnavailable, ValidationError) as error:
        messages.error(request, str(error))
        return redirect("events:event_recommendations", slug=event.slug)
    if not created:
        messages.info(request, _("This booklet was already asked for with the same content: here it is."))
    return redirect("pdf:job_detail", key=job.key)


@login_required
def annual_report(request):
    """The platform's staff export the annual report of a year, in a language."""
    if not has(request.user, "events.annual_report:request"):
        raise PermissionDenied
    form = AnnualReportForm(
        request.POST or None, initial={"year": timezone.now().year - 1, "language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        try:
            job, _created = job_request(
                actor=request.user,
                kind="events.annual_report",
                parameters={"year": form.cleaned_data["year"], "language": form.cleaned_data["language"]},
            )
        except (DocumentUnavailable, ValidationError) as error:
            form.add_error(None, str(error))
        else:
            return redirect("pdf:job_detail", key=job.key)
    return render(
        request, "events/annual_report_form.html", {"form": form}, status=400 if form.errors else 200
    )
