"""Benchmark data of the joint projects, and the project and SDG pages it measures.

In proportion to the number of organisations N (built after ``partners.bench``, on its
partnerships): 2 N projects spread over the bench partnerships, each with the partnership's
accepted organisations as its parties, one or two sites, one to three SDG links (exactly one
primary, with targets of its goal), none to three funding lines and the status history the
services would have written; N / 500 calls for projects (at least 3) answered by the projects
that went through a call; shared goals on a third of the partnerships. Bench projects are
those proposed by a bench organisation (slug ``bench-``). The search documents are written as
``projects.services.refresh_search`` writes them.
"""

import random
import time

from django.db import transaction

from partners.models import Organisation, Partnership, PartnershipParty, PartyStatus, Visibility
from projects.bench_rows import build_calls, build_chunk
from projects.models import (
    PUBLIC_STATUSES,
    Call,
    FundingLine,
    Goal,
    PartnershipGoal,
    Project,
    ProjectParty,
    ProjectStatusChange,
    SDGLink,
    Site,
    Submission,
    Target,
)
from projects.selectors import public_projects
from soliris import search
from soliris.benchdata import analyze, raw_delete
from soliris.benchkit import Floor, Page

CHUNK = 5_000  # projects written per round: their parts are built, written and forgotten with them
SEARCHED_WORD = "reboisement"  # in the French title of one project in ten or so
FILTERED_GOAL = 6


def sizes_for(organisations: int) -> dict:
    return {"projects": organisations * 2, "calls": max(3, organisations // 500)}


def _bench_projects():
    return Project.objects.filter(proposed_by__slug__startswith="bench-")


def _data_exists(sizes) -> bool:
    return (
        _bench_projects().count() == sizes["projects"]
        and Call.objects.filter(title_fr__startswith="⟨bench⟩").count() == sizes["calls"]
    )


def clear(log=print) -> None:
    """Remove the bench projects, calls and shared goals (before partners rebuilds its data, whose
    organisations they keep from being deleted; or before building another size)."""

    projects = _bench_projects()
    calls = Call.objects.filter(title_fr__startswith="⟨bench⟩")
    raw_delete(Submission.objects.filter(call__in=calls))
    raw_delete(Submission.objects.filter(project__in=projects))
    raw_delete(Call.goals.through.objects.filter(call__in=calls))
    raw_delete(calls)
    raw_delete(FundingLine.objects.filter(project__in=projects))
    raw_delete(SDGLink.targets.through.objects.filter(sdglink__project__in=projects))
    raw_delete(SDGLink.objects.filter(project__in=projects))
    raw_delete(Site.objects.filter(project__in=projects))
    raw_delete(ProjectStatusChange.objects.filter(project__in=projects))
    raw_delete(ProjectParty.objects.filter(project__in=projects))
    deleted = raw_delete(projects)
    raw_delete(PartnershipGoal.objects.filter(partnership__name__startswith="⟨bench⟩"))
    if deleted:
        log(f"projects: {deleted} bench projects removed")


def build(organisations: int = 10_000, log=print) -> None:
    """Build the projects of ``organisations`` (once: a second call with the same size does nothing)."""

    sizes = sizes_for(organisations)
    if _data_exists(sizes):
        log(f"projects: synthetic data set ({organisations} organisations) already there")
        return
    started = time.perf_counter()
    rng = random.Random(20261202)  # noqa: S311 — deterministic synthetic data, not secrets
    with transaction.atomic():
        clear(log)
        organisation_rows = {
            pk: (name, locality, str(country), visibility == Visibility.PUBLIC and verified_at is not None)
            for pk, name, locality, country, visibility, verified_at in Organisation.objects.filter(
                slug__startswith="bench-"
            ).values_list("pk", "name", "locality", "country", "visibility", "verified_at")
        }
        partnerships = list(
            Partnership.objects.filter(name__startswith="⟨bench⟩")
            .order_by("pk")
            .values_list("pk", "started_on")
        )
        members: dict[int, list[int]] = {}
        for partnership_id, organisation_id in (
            PartnershipParty.objects.filter(
                partnership__name__startswith="⟨bench⟩", status=PartyStatus.ACCEPTED
            )
            .order_by("partnership_id", "pk")
            .values_list("partnership_id", "organisation_id")
        ):
            members.setdefault(partnership_id, []).append(organisation_id)
        partnerships = [(pk, started) for pk, started in partnerships if len(members.get(pk, [])) >= 2]
        if not partnerships:
            raise RuntimeError("projects: no bench partnership to build on; build partners' data first")
        goals = dict(Goal.objects.values_list("number", "pk"))
        targets: dict[int, list[int]] = {}
        for target_pk, goal_pk in Target.objects.order_by("goal__number", "position").values_list(
            "pk", "goal_id"
        ):
            targets.setdefault(goal_pk, []).append(target_pk)

        calls = build_calls(sizes["calls"], rng, goals, list(organisation_rows))
        log(f"projects: {len(calls)} calls for projects")

        counters = {
            "parties": 0,
            "sites": 0,
            "links": 0,
            "targets": 0,
            "funding": 0,
            "changes": 0,
            "answers": 0,
        }
        for first in range(0, sizes["projects"], CHUNK):
            count = min(CHUNK, sizes["projects"] - first)
            build_chunk(
                first, count, rng, partnerships, members, organisation_rows, goals, targets, calls, counters
            )
        log(
            f"projects: {sizes['projects']} projects, {counters['parties']} parties, {counters['sites']} sites,"
            f" {counters['links']} SDG links ({counters['targets']} targets), {counters['funding']} funding"
            f" lines, {counters['changes']} status changes, {counters['answers']} answers to calls"
        )

        shared = [
            PartnershipGoal(partnership_id=pk, goal_id=goals[number])
            for pk, _started in partnerships
            if rng.random() < 0.35
            for number in rng.sample(sorted(goals), rng.choice([1, 1, 2]))
        ]
        PartnershipGoal.objects.bulk_create(shared, batch_size=2000)
        log(f"projects: {len(shared)} goals shared by partnerships")

    analyze(
        Project,
        ProjectParty,
        ProjectStatusChange,
        Site,
        SDGLink,
        FundingLine,
        Call,
        Submission,
        PartnershipGoal,
    )
    log(f"projects: data set built in {time.perf_counter() - started:.1f} s")


def pages() -> list:
    """The project and SDG pages, read by a visitor, and their floors."""

    listed = public_projects().order_by("-created_at", "-id")
    card = ("title", "key", "status", "proposed_by__name")
    with_goal = listed.filter(pk__in=SDGLink.objects.filter(goal__number=FILTERED_GOAL).values("project_id"))
    # A project with the most to show: several parties, sites, goals and funding lines.
    project = (
        _bench_projects()
        .filter(status__in=PUBLIC_STATUSES, sdg_links__goal__number=FILTERED_GOAL)
        .order_by("pk")
        .first()
        or public_projects().order_by("pk").first()
    )
    goals = Goal.objects.order_by("number")
    goal_card = ("number", "short_title", "colour")
    return [
        Page("projects", "project list", "/fr/projects/", Floor(listed[:20], card)),
        Page(
            "projects",
            f"project list filtered (goal {FILTERED_GOAL})",
            f"/fr/projects/?goal={FILTERED_GOAL}",
            Floor(with_goal[:20], card),
        ),
        Page(
            "projects",
            f"project list searched (q={SEARCHED_WORD})",
            f"/fr/projects/?q={SEARCHED_WORD}",
            Floor(search.filter(listed, SEARCHED_WORD)[:20], card),
        ),
        Page(
            "projects",
            "project page",
            f"/fr/projects/{project.key}/",
            Floor(
                ProjectParty.objects.filter(project=project).order_by("invited_at", "id"),
                ("organisation__name", "organisation__country", "status", "role"),
            ),
        ),
        Page("projects", "SDG list", "/fr/sdgs/", Floor(goals, goal_card)),
        Page(
            "projects",
            f"SDG goal page (goal {FILTERED_GOAL})",
            f"/fr/sdgs/{FILTERED_GOAL}/",
            Floor(with_goal[:20], card),
        ),
        Page("projects", "SDG dashboard", "/fr/sdgs/dashboard/", Floor(goals, goal_card)),
    ]
