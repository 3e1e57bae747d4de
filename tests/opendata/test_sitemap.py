"""The sitemap: every public page in the four languages with its hreflang alternates, nothing
private; robots.txt points at it by its absolute address."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.models import Organisation, Partnership, Visibility

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = {"fr", "nl", "en", "es"}


def _organisations(count, prefix):
    now = timezone.now()
    Organisation.objects.bulk_create(
        Organisation(
            slug=f"{prefix}-{i}", name=f"{prefix} {i}", kind="association", country="BE", verified_at=now
        )
        for i in range(count)
    )


def _section(client, name):
    response = client.get(f"/sitemap-{name}.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def test_the_index_lists_every_section_and_robots_points_at_it(client):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = {loc.text.rsplit("/", 1)[-1] for loc in index.findall("s:sitemap/s:loc", NS)}
    assert {"sitemap-pages.xml", "sitemap-organisations.xml", "sitemap-projects.xml"} <= sections
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-pages.xml?p=x").status_code == 404


def test_each_public_page_is_there_in_four_languages_with_its_alternates_and_nothing_private(client, cast):
    Partnership.objects.filter(pk=cast.partnership.pk).update(is_listed=True)
    hidden = Organisation.objects.create(
        slug="secrete",
        name="Secrète",
        kind="association",
        country="BE",
        visibility=Visibility.PRIVATE,
        verified_at=timezone.now(),
    )
    unverified = Organisation.objects.create(
        slug="pas-encore", name="Pas encore", kind="association", country="BE"
    )
    root = _section(client, "organisations")
    urls = root.findall("s:url", NS)
    locations = [u.find("s:loc", NS).text for u in urls]
    for language in LANGUAGES:
        assert f"http://testserver/{language}/organisations/{cast.jette.slug}/" in locations
    assert not any(hidden.slug in loc or unverified.slug in loc for loc in locations)
    for url in urls:
        alternates = {link.get("hreflang") for link in url.findall("x:link", NS)}
        assert alternates == LANGUAGES | {"x-default"}

    partnerships = [u.find("s:loc", NS).text for u in _section(client, "partnerships").findall("s:url", NS)]
    assert f"http://testserver/es/partnerships/{cast.partnership.key}/" in partnerships
    pages = [u.find("s:loc", NS).text for u in _section(client, "pages").findall("s:url", NS)]
    assert "http://testserver/nl/open-data/" in pages and "http://testserver/en/verify/certificate/" in pages


def test_a_section_costs_the_same_queries_at_two_sizes(client):
    _organisations(3, "small")
    with CaptureQueriesContext(connection) as small:
        client.get("/sitemap-organisations.xml")
    _organisations(40, "large")
    with CaptureQueriesContext(connection) as large:
        client.get("/sitemap-organisations.xml")
    assert len(large) == len(small)
