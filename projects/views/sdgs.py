"""The SDG pages: the 17 goals, one goal with its targets and what is linked to it, the dashboard;
the goals a partnership's parties share."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from projects import forms, sdgs, services
from projects.models import Goal
from projects.permissions import get_partnership_for_user
from soliris.pagecache import cached_page

# The latest projects and partnerships a goal's page shows; the rest are a link away, on the
# lists filtered by the goal (a goal's hundred cards made the page 88 KB and 12 m tall on a phone).
GOAL_PAGE_SHOWN = 20


@cached_page
def goal_list(request):
    return render(request, "projects/goal_list.html", {"goals": sdgs.goals_with_counts()})


@cached_page
def goal_detail(request, number):
    goal = Goal.objects.filter(number=number).first()
    if goal is None:
        raise Http404
    return render(
        request,
        "projects/goal_detail.html",
        {
            "goal": goal,
            "targets": sdgs.goal_targets(goal),
            "projects": sdgs.public_projects_for_goal(goal)[:GOAL_PAGE_SHOWN],
            "partnerships": sdgs.public_partnerships_for_goal(goal, GOAL_PAGE_SHOWN),
            "previous_goal": number - 1 if number > 1 else None,
            "next_goal": number + 1 if number < 17 else None,
        },
    )


def _chart(rows):
    top = max((row["count"] for row in rows), default=0)
    for row in rows:
        row["percent"] = round(row["count"] * 100 / top, 1) if top else 0
    return {"rows": rows, "height": max(len(rows), 1) * 28}


@cached_page
def sdg_dashboard(request):
    figures = sdgs.dashboard_figures()
    return render(
        request,
        "projects/sdg_dashboard.html",
        {
            "total": figures["total"],
            "by_goal": _chart(figures["by_goal"]),
            "by_year": _chart(figures["by_year"]),
            "by_country": _chart(figures["by_country"]),
        },
    )


@login_required
def partnership_goals_edit(request, key):
    partnership = get_partnership_for_user(request.user, key, "projects.partnership:edit_goals")
    form = forms.PartnershipGoalsForm(
        request.POST or None, initial={"goals": [link.goal_id for link in partnership.sdg_goals.all()]}
    )
    if request.method == "POST" and form.is_valid():
        services.partnership_goals_edit(
            actor=request.user, partnership=partnership, goals=form.cleaned_data["goals"]
        )
        messages.success(request, _("The partnership's shared goals were saved."))
        return redirect("projects:partnership_goals_edit", key=partnership.key)
    return render(request, "projects/partnership_sdgs.html", {"partnership": partnership, "form": form})
