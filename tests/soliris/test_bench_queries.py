"""Every page `make bench` measures makes as many queries at twice the data: none grows with it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from soliris import benchkit

pytestmark = pytest.mark.django_db


def query_counts(size: int) -> dict[str, int]:
    benchkit.build(size, log=lambda _message: None)
    counts = {}
    clients: dict = {}
    with override_settings(ROOT_URLCONF="soliris.bench_urls"):
        benchkit.forget_registry()
        for page in benchkit.all_pages():
            client = benchkit.client_for(page.user, clients)
            benchkit.timed_get(client, page.path)  # what a first request fills (kept counts, themes)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(page.path, secure=True)
            assert response.status_code == 200, page.path
            counts[page.name] = len(captured.captured_queries)
    benchkit.forget_registry()
    return counts


def test_no_benchmarked_page_makes_more_queries_with_more_data():
    small, large = query_counts(80), query_counts(240)
    assert len(small) >= 6  # every app's pages, not an empty list
    assert small == large
