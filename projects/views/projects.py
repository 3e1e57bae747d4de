"""Project pages: the list, creation, the project page, its edition, status, history and submission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.views.picker import picker_response
from projects import forms, selectors, services
from projects.filters import ProjectFilter
from projects.models import ProjectPartyStatus, ProjectStatus
from projects.permissions import get_project_for_user
from projects.views.common import PAGE_SIZE, flash_validation_error, project_page_context
from soliris import search
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.pagecache import cached_page
from soliris.pagination import CappedPaginator, CountedPaginator
from soliris.permissions import has


@cached_page
def project_list(request):
    queryset = selectors.visible_projects(request.user)
    query = request.GET.get("q", "").strip()
    queryset = search.filter(queryset, query)
    filterset = ProjectFilter(request.GET or None, queryset=queryset, request=request)
    results = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
    results = selectors.with_list_relations(results.order_by("-created_at", "-id"))
    if request.user.is_authenticated or any(
        value.strip() for name, value in request.GET.items() if name != "page"
    ):
        paginator = CappedPaginator(results, PAGE_SIZE)
    else:  # a visitor's unfiltered list: its number is kept (selectors.public_project_count)
        paginator = CountedPaginator(results, PAGE_SIZE, selectors.public_project_count())
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "projects/project_list.html",
        {
            "filter": filterset,
            "page": page,
            "query": query,
            "params": params.urlencode(),
            # How many filters narrow the list (the folded "Filter" control says it on a phone).
            "active_filters": sum(1 for name, value in params.items() if name != "q" and value.strip()),
        },
    )


@login_required
def project_create(request):
    form = forms.ProjectCreateForm(request.POST or None, user=request.user)
    if not form.fields["proposed_by"].queryset.exists():
        return render(request, "projects/project_create.html", {"form": None}, status=403)
    if (matches := picker_response(request, form)) is not None:
        return matches
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.project_create(
                actor=request.user,
                proposed_by=data["proposed_by"],
                title=data["title"],
                summary=data["summary"],
                description=data["description"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                partners=data["partners"],
                language=translation.get_language(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The project was created as a draft. Link it to its goals, then propose it.")
            )
            return redirect("projects:project_detail", key=project.key)
    return render(request, "projects/project_create.html", {"form": form})


@cached_page
def project_detail(request, key):
    project = get_project_for_user(request.user, key)
    private = has(request.user, "projects.project:view_private", project)
    context = project_page_context(
        request, project, "overview", **selectors.project_detail(project, private=private, user=request.user)
    )
    my_parties = [
        party
        for party in context["parties"]
        if party.status == ProjectPartyStatus.INVITED and has(request.user, "projects.party:answer", party)
    ]
    context["parties_to_answer"] = my_parties
    context["transitions"] = services.MANUAL_TRANSITIONS.get(project.status, [])
    context["transition_labels"] = [
        (status, ProjectStatus(status).label) for status in context["transitions"]
    ]
    context["submission_problems"] = (
        selectors.submission_problems(project)
        if project.status in (ProjectStatus.CONFIRMED, ProjectStatus.DECLINED)
        else []
    )
    return render(request, "projects/project_detail.html", context)


@login_required
def project_edit(request, key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    language = translation.get_language()
    initial = {
        "title": getattr(project, f"title_{language}") or project.title,
        "summary": getattr(project, f"summary_{language}") or "",
        "description": getattr(project, f"description_{language}") or "",
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "version": project.version,
    }
    form = forms.ProjectEditForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.project_edit(
                actor=request.user,
                project=project,
                expected_version=data["version"],
                language=language,
                title=data["title"],
                summary=data["summary"],
                description=data["description"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(forms.ProjectEditForm, request, conflict, initial=initial)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The project was saved."))
            return redirect("projects:project_detail", key=project.key)
    return render(
        request,
        "projects/project_edit.html",
        project_page_context(request, project, "overview", form=form, conflict=conflict, language=language),
    )


@login_required
@require_POST
def project_transition(request, key):
    project = get_project_for_user(request.user, key, "projects.project:decide")
    form = forms.TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.project_transition(
                actor=request.user,
                project=project,
                to_status=form.cleaned_data["to_status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            flash_validation_error(request, error)
        else:
            messages.success(request, _("The project's status was changed."))
    return redirect("projects:project_detail", key=project.key)


@login_required
def project_history(request, key):
    project = get_project_for_user(request.user, key, "projects.project:view_private")
    entries = selectors.project_history(project)
    return render(
        request,
        "projects/project_history.html",
        project_page_context(request, project, "history", entries=entries),
    )


@login_required
def project_submit(request, key):
    project = get_project_for_user(request.user, key, "projects.project:decide")
    calls = selectors.open_calls()
    form = forms.SubmitForm(
        request.POST or None,
        calls=selectors.calls_for_list(),
        open_calls=calls,
        initial={"call": request.GET.get("call")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_submit(
                actor=request.user,
                project=project,
                call=form.cleaned_data["call"],
                requested_amount=form.cleaned_data.get("requested_amount"),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The project was submitted to the call."))
            return redirect("projects:project_detail", key=project.key)
    return render(
        request,
        "projects/project_submit.html",
        project_page_context(
            request,
            project,
            "overview",
            form=form,
            open_calls=calls,
            problems=selectors.submission_problems(project),
        ),
    )
