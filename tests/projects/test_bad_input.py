"""Garbage in every form: a clear answer, never a server error."""

import pytest
from django.urls import reverse

from tests.projects.test_permissions import MATRIX

GARBAGE = [
    {},
    {"to_status": "bogus", "note": "x" * 5000},
    {"to_status": "running"},
    {"goal": "abc", "targets": ["zz", "-1"], "is_primary": "maybe", "contribution": "\x00"},
    {"goal": "999999", "targets": ["1"]},
    {"source": "nobody", "amount": "1e40", "currency": "XXX", "kind": "gift"},
    {"source": "outside", "funder_name": "", "amount": "-5", "currency": "EUR", "kind": "cash"},
    {"country": "ZZ", "locality": "", "change": "y"},
    {"organisation": "abc"},
    {"answer": "perhaps", "role": "", "contribution": ""},
    {"decision": "maybe", "reason": ""},
    {"decision": "decline", "reason": ""},
    {"call": "nosuchcall"},
    {"title": "", "opens_at": "yesterday", "closes_at": "2020-13-45T99:99", "budget": "lots", "goals": ["0"]},
    {"goals": ["99", "abc"]},
    {"title": "x" * 500, "version": "abc", "starts_on": "2026-02-30"},
    {"proposed_by": "-1", "title": "T", "partners": ["abc"]},
]


@pytest.mark.parametrize("role", ["party_coordinator", "outsider", "invited_coordinator"])
def test_no_form_answers_with_a_server_error(role, as_role, objects):
    client = as_role(role)
    for name, (_method, args, _data, _expected) in MATRIX.items():
        url = reverse(f"projects:{name}", args=args(objects))
        for data in GARBAGE:
            response = client.post(url, data)
            assert response.status_code < 500, (name, data, response.status_code)


def test_odd_query_strings_do_not_break_the_pages(client, objects):
    for path in ("/fr/projects/", "/fr/calls/", "/fr/sdgs/6/", "/fr/sdgs/dashboard/"):
        response = client.get(
            path, {"page": "-1", "q": "'; drop table --", "goal": "x", "mine": "on", "year": "0"}
        )
        assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/fr/projects/{forged}/",
        "/fr/projects/{project}/sites/{forged}/delete/",
        "/fr/projects/{project}/sdgs/{forged}/delete/",
        "/fr/projects/{project}/funding/{forged}/delete/",
        "/fr/projects/{project}/documents/{forged}/",
        "/fr/calls/{forged}/",
        "/fr/calls/{call}/answers/{forged}/decide/",
        "/fr/partnerships/{forged}/sdgs/",
    ],
)
@pytest.mark.parametrize("forged", ["abc%00def", "a" * 1000, "ABC-déf"])
def test_a_forged_key_answers_not_found(path, forged, as_role, objects):
    client = as_role("party_coordinator")
    url = path.format(forged=forged, project=objects["project"].key, call=objects["call"].key)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
