"""Calls for projects: the public list and page, publishing, reviewing and deciding on answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects import budgets, forms, selectors, services
from projects.permissions import check, get_call_for_user
from projects.views.common import flash_validation_error
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.pagecache import cached_page
from soliris.permissions import has


@cached_page
def call_list(request):
    now = timezone.now()
    calls = selectors.calls_for_list()
    page = Paginator(calls, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/call_list.html",
        {"page": page, "now": now, "can_publish": has(request.user, "projects.call:publish")},
    )


def call_detail(request, key):
    call = get_call_for_user(request.user, key)
    can_manage = has(request.user, "projects.call:manage", call)
    if not call.is_published and not can_manage:
        raise Http404  # prepared by an organisation the platform has not verified yet
    return render(
        request,
        "projects/call_detail.html",
        {
            "call": call,
            "goals": call.goals.all(),
            "is_open": call.is_published and call.is_open(),
            "laureates": selectors.laureates(call),
            "can_manage": can_manage,
        },
    )


def _call_values(data):
    return {
        "title": data["title"],
        "description": data["description"],
        "criteria": data["criteria"],
        "budget": data["budget"],
        "currency": data["currency"],
        "opens_at": data["opens_at"],
        "closes_at": data["closes_at"],
    }


@login_required
def call_create(request):
    check(request.user, "projects.call:publish")
    form = forms.CallForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            call = services.call_create(
                actor=request.user,
                publisher=data["publisher_organisation"],
                goals=data["goals"],
                language=translation.get_language(),
                **_call_values(data),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if call.is_published:
                messages.success(request, _("The call for projects is published."))
            else:
                messages.success(
                    request,
                    _(
                        "The call for projects is saved. It will be published once the platform "
                        "has verified your organisation."
                    ),
                )
            return redirect("projects:call_detail", key=call.key)
    return render(request, "projects/call_form.html", {"form": form, "call": None})


@login_required
def call_edit(request, key):
    call = get_call_for_user(request.user, key, "projects.call:manage")
    language = translation.get_language()
    initial = {
        "title": getattr(call, f"title_{language}") or call.title,
        "description": getattr(call, f"description_{language}") or "",
        "criteria": getattr(call, f"criteria_{language}") or "",
        "budget": call.budget,
        "currency": call.currency,
        "goals": list(call.goals.all()),
        "opens_at": timezone.localtime(call.opens_at),
        "closes_at": timezone.localtime(call.closes_at),
        "version": call.version,
    }
    form = forms.CallForm(request.POST or None, user=request.user, call=call, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.call_edit(
                actor=request.user,
                call=call,
                goals=data["goals"],
                language=language,
                expected_version=data["version"],
                **_call_values(data),
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(
                forms.CallForm, request, conflict, user=request.user, call=call, initial=initial
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The call for projects was saved."))
            return redirect("projects:call_detail", key=call.key)
    return render(request, "projects/call_form.html", {"form": form, "call": call, "conflict": conflict})


@login_required
def call_review(request, key):
    call = get_call_for_user(request.user, key, "projects.call:manage")
    submissions = list(selectors.call_submissions(call))
    return render(
        request,
        "projects/call_review.html",
        {
            "call": call,
            "submissions": submissions,
            "budget": budgets.call_budget_summary(call, submissions),
            "decision_form": forms.DecisionForm(),
        },
    )


@login_required
@require_POST
def submission_decide(request, key, submission_key):
    call = get_call_for_user(request.user, key, "projects.call:manage")
    submission = call.submissions.select_related("project", "call").filter(key=submission_key).first()
    if submission is None:
        raise Http404
    check(request.user, "projects.submission:decide", submission)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.submission_decide(
                actor=request.user,
                submission=submission,
                select=form.cleaned_data["decision"] == "select",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            flash_validation_error(request, error)
        else:
            messages.success(request, _("Your decision was recorded and the parties can see it."))
    else:
        messages.error(request, _("Choose whether to select the project."))
    return redirect("projects:call_review", key=call.key)
