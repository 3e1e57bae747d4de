"""No 500 on any input or forged address."""

import pytest

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    "page=abc",
    "page=99999",
    "sort=bogus",
    "sort=-search_document",
    "country=XX",
    "kind=%00",
    "theme=nope",
    "language=klingon",
    "q=%27%3B+DROP+TABLE",
    "q=" + "a" * 3000,
    "q=%E2%80%94+%26+%7C+%21+%3A*",
    "status=whatever",
]


@pytest.mark.parametrize("path", ["/fr/organisations/", "/fr/partnerships/"])
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_the_directory_answers_odd_queries_without_error(client, cast, path, query):
    assert client.get(f"{path}?{query}").status_code == 200
    export = path + "export.csv"
    response = client.get(f"{export}?{query}")
    assert response.status_code == 200
    b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "path",
    [
        "/fr/partnerships/{key}/check-ins/999/cast-jette/",
        "/fr/partnerships/{key}/parties/no-such-org/edit/",
        "/fr/partnerships/{key}/parties/cast-periferia/edit/",
        "/fr/organisations/cast-jette/members/999999/edit/",
        "/fr/organisations/cast-periferia/members/1/edit/",
        "/fr/partnerships/{key}x/",
        "/fr/invitations/%00/",
        "/fr/partnerships/%00/",
        "/fr/partnerships/{key}%00/edit/",
    ],
)
def test_forged_addresses_answer_404_or_403(as_role, cast, path):
    client = as_role("party_coordinator")
    assert client.get(path.format(key=cast.partnership.key)).status_code in (403, 404)


def test_odd_form_posts_never_fail(as_role, cast):
    client = as_role("party_coordinator")
    key = cast.partnership.key
    for path, data in [
        (f"/fr/partnerships/{key}/edit/", {"version": "x", "name": "\x00"}),
        (f"/fr/partnerships/{key}/status/", {"status": "nope"}),
        (f"/fr/partnerships/{key}/invite/", {"organisation": "abc"}),
        (f"/fr/partnerships/{key}/exchanges/new/", {"format": "in_person", "legs-TOTAL_FORMS": "x"}),
        (f"/fr/partnerships/{key}/check-ins/open/", {"due_on": "31/31/2031"}),
        ("/fr/organisations/cast-jette/members/invite/", {"email": "not-an-email", "role": "emperor"}),
        ("/fr/partnerships/new/", {"organisation": "9999999", "name": ""}),
    ]:
        assert client.post(path, data).status_code in (200, 302), path
