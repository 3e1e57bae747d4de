"""The API over HTTP: constant queries, stable cursor pages, ETag and Last-Modified, CORS, the
rate per address, languages."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django.utils.http import parse_http_date

from opendata.api.pagination import ApiCursorPagination
from partners.models import Organisation
from tests.opendata.test_api_world import (
    API,
    LISTS,
    api_path,
    get_json,
    grow,
    make_organisation,
    make_project,
)

pytestmark = pytest.mark.django_db


def queries_of(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


@pytest.mark.parametrize("name", LISTS)
def test_each_list_reads_as_many_queries_for_two_rows_as_for_twelve(client, make_user, name):
    grow(2, make_user)
    few = queries_of(client, f"{API}{name}/")
    assert len(client.get(f"{API}{name}/").json()["results"]) >= 2
    grow(10, make_user, start=2000)
    many = queries_of(client, f"{API}{name}/")
    assert len(client.get(f"{API}{name}/?page_size=100").json()["results"]) >= (12 if name != "sdgs" else 17)
    assert many == few, (name, few, many)


@pytest.mark.parametrize("name", LISTS[:-1])
def test_each_detail_reads_a_constant_number_of_queries(client, make_user, name):
    grow(1, make_user)
    first = get_json(client, f"{API}{name}/")["results"][0]
    few = queries_of(client, api_path(first["links"]["api"]))
    grow(10, make_user, start=2000)
    assert queries_of(client, api_path(first["links"]["api"])) == few


def walk(client, path) -> list[str]:
    keys, url = [], path
    while url:
        page = get_json(client, url)
        keys += [row["slug"] for row in page["results"]]
        url = page["next"] and api_path(page["next"])
    return keys


def test_cursor_pages_stay_stable_under_inserts(client):
    for n in range(7):
        make_organisation(n)
    before = set(Organisation.objects.values_list("slug", flat=True))
    page = get_json(client, f"{API}organisations/?page_size=3")
    seen = [row["slug"] for row in page["results"]]
    # New organisations, some older than the page read (created before, as a restore would
    # bring them), some newer.
    old = make_organisation(100)
    Organisation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=365))
    make_organisation(101)
    seen += walk(client, api_path(page["next"]))
    pre_existing = [slug for slug in seen if slug in before]
    assert sorted(pre_existing) == sorted(before)  # none missing, none twice
    assert "api-org-100" not in seen  # behind the cursor: not slipped into a later page
    assert "api-org-101" in seen


def test_a_page_holds_at_most_max_page_size_objects(client, monkeypatch):
    for n in range(4):
        make_organisation(n)
    assert len(get_json(client, f"{API}organisations/?page_size=2")["results"]) == 2
    assert ApiCursorPagination.max_page_size == 100
    monkeypatch.setattr(ApiCursorPagination, "max_page_size", 3)
    assert len(get_json(client, f"{API}organisations/?page_size=100000")["results"]) == 3


def test_a_bad_cursor_is_a_json_404(client):
    response = client.get(f"{API}organisations/?cursor=forged")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_an_etag_answers_304_to_a_matching_if_none_match(client):
    make_organisation(1)
    first = client.get(f"{API}organisations/api-org-1/")
    etag = first["ETag"]
    assert etag.strip('W/"')
    again = client.get(f"{API}organisations/api-org-1/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content
    assert again["ETag"] == etag
    head = client.head(f"{API}organisations/api-org-1/")
    assert head.status_code == 200 and head["ETag"] == etag and not head.content
    Organisation.objects.filter(slug="api-org-1").update(locality="Ailleurs")
    changed = client.get(f"{API}organisations/api-org-1/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_last_modified_is_the_newest_change_shown(client, make_user):
    a, b = make_organisation(1), make_organisation(2)
    project = make_project(1, [a, b])
    response = client.get(f"{API}projects/{project.key}/")
    project.refresh_from_db()
    assert parse_http_date(response["Last-Modified"]) == int(project.updated_at.timestamp())
    listed = client.get(f"{API}organisations/")
    newest = max(a.created_at, b.created_at)
    assert parse_http_date(listed["Last-Modified"]) == int(newest.timestamp())


def test_any_site_may_read_it(client):
    response = client.get(f"{API}organisations/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        f"{API}organisations/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_writing_is_refused(client):
    make_organisation(1)
    for method in (client.put, client.patch, client.delete):
        response = method(f"{API}organisations/api-org-1/")
        assert response.status_code == 405
        assert response["Content-Type"].startswith("application/json")
    # An anonymous POST is taken by soliris.rescue (kept for after log-in) before the API
    # sees it: refused all the same.
    assert client.post(f"{API}organisations/api-org-1/").status_code == 405
    assert Organisation.objects.get(slug="api-org-1").locality == "Locality 1"


def test_a_client_over_its_rate_is_answered_429(client, settings):
    cache.clear()
    rates = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    with override_settings(REST_FRAMEWORK=rates):
        answers = [client.get(f"{API}sdgs/").status_code for _ in range(4)]
        other = client.get(f"{API}sdgs/", REMOTE_ADDR="192.0.2.9").status_code
    cache.clear()
    assert answers == [200, 200, 200, 429]
    assert other == 200  # per client address


def test_lang_gives_one_language_with_the_fallback_state(client):
    organisation = make_organisation(1)
    Organisation.objects.filter(pk=organisation.pk).update(description_es="Descripción")
    make_organisation(2)  # described in French only
    es = {row["slug"]: row for row in get_json(client, f"{API}organisations/?lang=es")["results"]}
    assert es["api-org-1"]["description"] == {"text": "Descripción", "language": "es", "state": "written"}
    assert es["api-org-2"]["description"] == {"text": "Description 2", "language": "fr", "state": "fallback"}
    assert es["api-org-1"]["links"]["html"].endswith("/es/organisations/api-org-1/")
    every = get_json(client, f"{API}organisations/api-org-2/")["description"]
    assert set(every) == {"fr", "nl", "en", "es"}
    assert every["fr"]["state"] == "written" and every["nl"]["state"] == "fallback"


@pytest.mark.parametrize("lang", ["xx", "", "FR", "fr-be", "%00"])
def test_an_unknown_language_is_a_json_400(client, lang):
    response = client.get(f"{API}organisations/?lang={lang}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "lang" in response.json()


def test_the_index_lists_every_endpoint(client):
    index = get_json(client, API)
    for name in (*LISTS, "openapi", "docs"):
        assert index[name].startswith("http")
    for name in LISTS:
        assert client.get(api_path(index[name])).status_code == 200
