"""Every URL name of the projects app × every role of the shared cast, with the expected status."""

import pytest
from django.test import Client
from django.urls import reverse

from projects.permissions import check, get_project_for_user
from projects.urls import urlpatterns
from soliris.permissions import UnknownPermission
from tests.conftest import ROLES

A, O, V, E, C, P, I, S = ROLES  # noqa: E741 — the columns of the matrix
ALL = dict.fromkeys(ROLES, 200)


def row(anonymous, outsider, viewer, editor, coordinator, partner, invited, staff):
    return dict(
        zip(ROLES, (anonymous, outsider, viewer, editor, coordinator, partner, invited, staff), strict=True)
    )


EDIT = row(302, 404, 403, 200, 200, 200, 403, 404)
EDIT_POST = row(302, 404, 403, 302, 302, 302, 403, 404)
PRIVATE = row(302, 404, 200, 200, 200, 200, 403, 404)
DECIDE = row(302, 404, 403, 403, 200, 200, 403, 404)
CONFIRMED = {"confirmed": "1"}  # a removal confirmed (the first post asks)
MANAGE_CALL = row(302, 200, 403, 403, 403, 403, 403, 403)

# url name: (method, args builder, POST data, expected status per role)
MATRIX = {
    "goal_list": ("get", lambda o: [], None, ALL),
    "goal_detail": ("get", lambda o: [6], None, ALL),
    "sdg_dashboard": ("get", lambda o: [], None, ALL),
    "project_list": ("get", lambda o: [], None, ALL),
    "project_create": ("get", lambda o: [], None, row(302, 200, 403, 200, 200, 200, 200, 403)),
    "project_detail": (
        "get",
        lambda o: [o["project"].key],
        None,
        row(404, 404, 200, 200, 200, 200, 200, 404),
    ),
    "project_edit": ("get", lambda o: [o["project"].key], None, EDIT),
    "project_transition": (
        "post",
        lambda o: [o["project"].key],
        {"to_status": "draft"},
        row(302, 404, 403, 403, 302, 302, 403, 404),
    ),
    "project_parties": ("get", lambda o: [o["project"].key], None, EDIT),
    "party_answer": (
        "get",
        lambda o: [o["project"].key, "cast-stadd"],
        None,
        row(302, 404, 403, 403, 403, 403, 200, 404),
    ),
    "party_withdraw": (
        "post",
        lambda o: [o["project"].key, "cast-stadd"],
        CONFIRMED,
        row(302, 404, 403, 403, 302, 302, 403, 404),
    ),
    "party_edit": (
        "get",
        lambda o: [o["project"].key, "cast-jette"],
        None,
        row(302, 404, 403, 200, 200, 403, 403, 404),
    ),
    "project_sites": ("get", lambda o: [o["project"].key], None, EDIT),
    "site_delete": ("post", lambda o: [o["project"].key, o["site"].key], CONFIRMED, EDIT_POST),
    "project_sdgs": ("get", lambda o: [o["project"].key], None, EDIT),
    "sdg_link_delete": ("post", lambda o: [o["project"].key, o["link"].key], CONFIRMED, EDIT_POST),
    "project_funding": ("get", lambda o: [o["project"].key], None, EDIT),
    "funding_delete": ("post", lambda o: [o["project"].key, o["line"].key], CONFIRMED, EDIT_POST),
    "project_documents": ("get", lambda o: [o["project"].key], None, PRIVATE),
    "document_download": ("get", lambda o: [o["project"].key, o["document"].key], None, PRIVATE),
    "project_history": ("get", lambda o: [o["project"].key], None, PRIVATE),
    "project_submit": ("get", lambda o: [o["project"].key], None, DECIDE),
    "call_list": ("get", lambda o: [], None, ALL),
    "call_create": ("get", lambda o: [], None, row(302, 200, 403, 403, 200, 200, 200, 200)),
    "call_detail": ("get", lambda o: [o["call"].key], None, ALL),
    "call_edit": ("get", lambda o: [o["call"].key], None, MANAGE_CALL),
    "call_review": ("get", lambda o: [o["call"].key], None, MANAGE_CALL),
    "submission_decide": (
        "post",
        lambda o: [o["call"].key, o["submission"].key],
        {"decision": "select"},
        row(302, 302, 403, 403, 403, 403, 403, 403),
    ),
    "partnership_goals_edit": (
        "get",
        lambda o: [o["cast"].partnership.key],
        None,
        row(302, 403, 403, 200, 200, 200, 403, 403),
    ),
}


def test_every_url_name_is_in_the_matrix():
    names = {pattern.name for pattern in urlpatterns}
    assert names == set(MATRIX), names ^ set(MATRIX)


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer(name, role, objects, as_role):
    method, args, data, expected = MATRIX[name]
    client = as_role(role)
    url = reverse(f"projects:{name}", args=args(objects))
    response = client.post(url, data) if method == "post" else client.get(url)
    assert response.status_code == expected[role], (name, role, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/fr/sdgs/0/",
        "/fr/sdgs/18/",
        "/fr/projects/nosuchkey/",
        "/fr/projects/nosuchkey/history/",
        "/fr/calls/nosuchkey/",
        "/fr/partnerships/nosuchkey/sdgs/",
    ],
)
def test_forged_addresses_answer_404(path, as_role):
    assert as_role("party_coordinator").get(path).status_code == 404


def test_forged_filters_do_not_break_the_list(client, db):
    response = client.get("/fr/projects/?goal=99&year=abc&target=zz&page=999&status=<script>&q=%00")
    assert response.status_code == 200


def test_post_without_csrf_token_is_refused(objects, cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.user("party_coordinator"))
    response = client.post(
        reverse("projects:project_transition", args=[objects["project"].key]), {"to_status": "draft"}
    )
    assert response.status_code == 403


def test_an_undeclared_permission_name_is_refused_never_granted(objects, cast):
    with pytest.raises(UnknownPermission):
        check(cast.user("staff"), "projects.project:edti", objects["project"])
    with pytest.raises(UnknownPermission):
        get_project_for_user(cast.user("party_coordinator"), objects["project"].key, "projects.project:fly")
