"""The SDG pages' reads: the goals with their counts, one goal's projects and partnerships, the
dashboard's figures; and the goal facet the directories filter with."""

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear
from django_countries import countries as country_names

from partners.models import Partnership, PartnershipParty, PartnershipVisibility, PartyStatus
from partners.selectors import public_partnerships as listed_partnerships
from projects.models import (
    PUBLIC_STATUSES,
    Goal,
    PartnershipGoal,
    ProjectParty,
    ProjectPartyStatus,
    SDGLink,
    Site,
)
from projects.selectors import public_project_count, public_projects, with_list_relations
from soliris.pagecache import kept_figures


def goals_with_counts() -> list[Goal]:
    """The 17 goals, each with its number of public projects: counted over every link, so kept
    until a project changes (``kept_figures``)."""

    def count():
        counted = Goal.objects.annotate(
            project_count=Count("project_links", filter=Q(project_links__project__status__in=PUBLIC_STATUSES))
        )
        return {goal.pk: goal.project_count for goal in counted}

    counts = kept_figures("projects:goal-counts", count, apps=("projects",))
    goals = list(Goal.objects.all())
    for goal in goals:
        goal.project_count = counts.get(goal.pk, 0)
    return goals


def goal_targets(goal: Goal):
    return goal.targets.order_by("position")


def public_projects_for_goal(goal: Goal):
    ids = SDGLink.objects.filter(goal=goal).values("project_id")
    return with_list_relations(public_projects().filter(pk__in=ids).order_by("-created_at", "-id"))


def public_partnerships():
    """What a visitor may see: the directory's rule, stored on each partnership (``is_listed``),
    with no join over the parties and no DISTINCT to sort out (``make bench``)."""
    return listed_partnerships()


def partnership_ids_for_goal(goal_number: int):
    """Partnerships with a public project linked to the goal, or sharing it themselves: their
    ids as a sub-query (``pk__in=``), never a list that grows with the registry."""
    through_projects = public_projects().filter(
        sdg_links__goal__number=goal_number, partnership__isnull=False
    )
    shared = PartnershipGoal.objects.filter(goal__number=goal_number)
    return (
        Partnership.objects.filter(
            Q(pk__in=through_projects.values("partnership_id")) | Q(pk__in=shared.values("partnership_id"))
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def organisation_ids_for_goal(goal_number: int):
    """Organisations that are confirmed parties of a public project linked to the goal (their ids
    as a sub-query)."""
    return (
        ProjectParty.objects.filter(
            status=ProjectPartyStatus.CONFIRMED,
            project__status__in=PUBLIC_STATUSES,
            project__sdg_links__goal__number=goal_number,
        )
        .order_by()
        .values_list("organisation_id", flat=True)
        .distinct()
    )


def public_partnerships_for_goal(goal: Goal, shown: int):
    """The ``shown`` partnerships a goal's page names: those that share the goal themselves, and
    those of its latest public projects — read along the projects' newest index, a few hundred
    rows whatever the registry's size. Every partnership linked to the goal is on the
    partnership directory filtered by it (``partnership_ids_for_goal``): sorting them all by
    name cost the goal's page 240 ms at 100,000 organisations (``make bench``)."""
    shared = (
        PartnershipGoal.objects.filter(goal=goal).order_by("-id").values_list("partnership_id", flat=True)
    )
    through_projects = (
        public_projects()
        .filter(pk__in=SDGLink.objects.filter(goal=goal).values("project_id"), partnership__isnull=False)
        .order_by("-created_at", "-id")
        .values_list("partnership_id", flat=True)
    )
    ids = list(dict.fromkeys([*shared[: shown * 5], *through_projects[: shown * 10]]))
    return (
        public_partnerships()
        .filter(pk__in=ids, visibility=PartnershipVisibility.PUBLIC)
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=PartnershipParty.objects.filter(status=PartyStatus.ACCEPTED).select_related(
                    "organisation"
                ),
                to_attr="accepted_parties",
            )
        )
        .order_by("name")[:shown]
    )


def dashboard_figures() -> dict:
    """Public projects per goal, per starting year and per country of their sites: aggregated
    over every project, so kept until a project changes (``kept_figures``)."""
    return kept_figures("projects:dashboard", _dashboard_figures, apps=("projects",))


def _dashboard_figures() -> dict:
    goals = goals_with_counts()
    years = list(
        public_projects()
        .filter(starts_on__isnull=False)
        .annotate(year=ExtractYear("starts_on"))
        .values("year")
        .annotate(count=Count("id"))
        .order_by("year")
    )
    countries = (
        Site.objects.filter(project__status__in=PUBLIC_STATUSES)
        .values("country")
        .annotate(count=Count("project", distinct=True))
        .order_by("-count", "country")
    )
    return {
        "by_goal": [
            {"label": f"{g.number}. {g.short_title}", "count": g.project_count, "colour": g.colour, "goal": g}
            for g in goals
        ],
        "by_year": [{"label": str(row["year"]), "count": row["count"], "colour": "#19486A"} for row in years],
        "by_country": [
            {"label": str(country_names.name(row["country"])), "count": row["count"], "colour": "#00689D"}
            for row in countries
        ],
        "total": public_project_count(),
    }
