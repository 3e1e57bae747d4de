"""The project list and the SDG pages make the same number of queries at 5 and at 50 rows."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Organisation
from projects.models import FundingLine, Goal, Project, ProjectParty, SDGLink, Site, Submission, Target
from projects.services import refresh_search


def make_projects(count, organisations):
    goal6, goal13 = Goal.objects.get(number=6), Goal.objects.get(number=13)
    targets = list(Target.objects.filter(code__in=["6.1", "6.b"]))
    for index in range(count):
        project = Project.objects.create(
            title_fr=f"Projet {index}", summary_fr="Résumé", proposed_by=organisations[0], status="running"
        )
        for organisation in organisations:
            party = ProjectParty.objects.create(
                project=project, organisation=organisation, status="confirmed", role="r", contribution="c"
            )
        FundingLine.objects.create(project=project, party=party, amount=Decimal(100), currency="EUR")
        link = SDGLink.objects.create(project=project, goal=goal6, is_primary=True)
        link.targets.set(targets)
        SDGLink.objects.create(project=project, goal=goal13)
        Site.objects.create(project=project, country="BO", locality="Tarija")
        refresh_search(project)


def count_queries(client, path):
    client.get(path)  # warm the per-process caches (content types, sessions)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.mark.parametrize(
    "path",
    [
        "/fr/projects/",
        "/fr/projects/?goal=6&country=BO&status=running",
        "/fr/projects/?q=projet",
        "/fr/sdgs/",
        "/fr/sdgs/6/",
        "/fr/sdgs/dashboard/",
        "/fr/calls/",
    ],
)
def test_query_count_is_the_same_at_5_and_50_rows(path, cast, as_role):
    client = as_role("party_editor")
    organisations = [cast.jette, cast.tarija]
    make_projects(5, organisations)
    small, _ = count_queries(client, path)
    make_projects(45, organisations)
    large, response = count_queries(client, path)
    assert small == large, (path, small, large)
    if path.startswith("/fr/projects/"):
        assert "Projet" in response.content.decode()


def test_the_project_list_is_paginated(cast, client):
    make_projects(25, [cast.jette, cast.tarija])
    first = client.get("/fr/projects/").content.decode()
    assert first.count('class="card project-card"') == 20
    second = client.get("/fr/projects/?page=2").content.decode()
    assert second.count('class="card project-card"') == 5


def test_the_goal_detail_lists_public_projects_only(cast, client):
    make_projects(2, [cast.jette, cast.tarija])
    Project.objects.filter(title_fr="Projet 1").update(status="draft")
    page = client.get("/fr/sdgs/6/").content.decode()
    assert "Projet 0" in page and "Projet 1" not in page


def test_query_count_of_the_project_page_does_not_grow_with_its_parts(cast, as_role):
    make_projects(1, [cast.jette, cast.tarija])
    project = Project.objects.get()
    client = as_role("party_editor")
    small, _ = count_queries(client, f"/fr/projects/{project.key}/")
    extra = Organisation.objects.create(
        name="Extra", slug="extra", kind="ngo", country="TG", verified_at=project.created_at
    )
    party = ProjectParty.objects.create(
        project=project, organisation=extra, status="confirmed", role="r", contribution="c"
    )
    for _index in range(10):
        FundingLine.objects.create(project=project, party=party, amount=Decimal(5), currency="XOF")
        Site.objects.create(project=project, country="TG", locality="Lomé")
    large, _ = count_queries(client, f"/fr/projects/{project.key}/")
    assert small == large


def answer_call(call, count_before):
    for project in Project.objects.filter(submissions__isnull=True):
        Submission.objects.create(call=call, project=project, status="selected")


@pytest.mark.parametrize("page", ["detail", "answers"])
def test_the_call_pages_make_the_same_number_of_queries_at_5_and_50_answers(page, cast, as_role, open_call):
    client = as_role("outsider")  # Periferia's coordinator publishes the call
    path = f"/fr/calls/{open_call.key}/" + ("answers/" if page == "answers" else "")
    make_projects(5, [cast.jette, cast.tarija])
    answer_call(open_call, 0)
    small, _ = count_queries(client, path)
    make_projects(45, [cast.jette, cast.tarija])
    answer_call(open_call, 5)
    large, response = count_queries(client, path)
    assert small == large
    assert response.content.decode().count("Projet ") >= 50
