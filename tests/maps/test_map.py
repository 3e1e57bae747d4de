import gzip
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partners.models import (
    Organisation,
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartyStatus,
    Visibility,
)
from partners.services import refresh_organisation_search_text, refresh_partnership_search_text

pytestmark = pytest.mark.django_db


def organisation(slug, *, country="BE", kind="commune", public=True, verified=True, **extra):
    row = Organisation.objects.create(
        name=extra.pop("name", slug.title()),
        slug=slug,
        kind=kind,
        country=country,
        visibility=Visibility.PUBLIC if public else Visibility.PRIVATE,
        verified_at=timezone.now() if verified else None,
        **extra,
    )
    refresh_organisation_search_text(row)
    return row


def partnership(name, parties, status="active"):
    row = Partnership.objects.create(
        name=name, kind=PartnershipKind.COMMUNE_TO_COMMUNE, status=status, initiated_by=parties[0]
    )
    for party in parties:
        PartnershipParty.objects.create(partnership=row, organisation=party, status=PartyStatus.ACCEPTED)
    refresh_partnership_search_text(row)
    row.refresh_from_db()
    return row


@pytest.fixture
def world():
    jette = organisation(
        "jette", name="Commune de Jette", latitude=50.8731, longitude=4.3342, precision="locality"
    )
    tarija = organisation("tarija", name="Tarija", country="BO")  # no point: Bolivia's position
    hidden = organisation("hidden", name="Secret Collective", public=False, latitude=48.1, longitude=-1.6)
    waiting = organisation("waiting", name="Waiting Association", verified=False, country="TG")
    link = partnership("Jette–Tarija", [jette, tarija])
    private_link = partnership("With a secret", [jette, hidden])
    return {
        "jette": jette,
        "tarija": tarija,
        "hidden": hidden,
        "waiting": waiting,
        "link": link,
        "private": private_link,
    }


def test_the_map_places_public_organisations_and_their_partnerships_as_links(client, world):
    response = client.get(reverse("maps:map").replace("/fr/", "/en/", 1))  # the labels, in English
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="map"' in html and '<title id="map-title">' in html and "<desc" in html
    assert reverse("partners:organisation_detail", args=["jette"]).replace("/fr/", "/en/") in html
    assert reverse("partners:partnership_detail", args=[world["link"].key]).replace("/fr/", "/en/") in html
    assert 'aria-label="Commune de Jette, Commune, 1 partnership"' in html
    assert 'aria-label="Partnership Jette–Tarija (' in html
    # The same data in a table: the organisation without a point is at its country's position.
    assert "the country&#x27;s position" in html or "the country's position" in html


def test_private_and_unverified_organisations_are_never_placed(client, world):
    for url in (reverse("maps:map"), reverse("maps:geojson")):
        body = client.get(url).content.decode()
        assert "Secret Collective" not in body
        assert "Waiting Association" not in body
        assert world["private"].key not in body


def test_the_facets_and_the_zoom_presets_change_what_is_drawn(client, world):
    organisation("ngo-be", kind="ngo", name="An NGO in Brussels")
    commune_only = client.get(reverse("maps:map"), {"kind": "commune"}).content.decode()
    assert "An NGO in Brussels" not in commune_only and "Commune de Jette" in commune_only
    bolivia = client.get(reverse("maps:map"), {"country": "BO"}).content.decode()
    assert "Tarija" in bolivia and "An NGO in Brussels" not in bolivia
    ended = client.get(reverse("maps:map"), {"status": "ended"}).content.decode()
    assert "Jette–Tarija" not in ended
    world_box = client.get(reverse("maps:map")).content.decode()
    europe = client.get(reverse("maps:map"), {"view": "europe"}).content.decode()
    assert 'viewBox="0 0 2000 973"' in world_box and 'viewBox="0 0 2000 973"' not in europe
    assert 'data-c="AU"' in world_box and 'data-c="AU"' not in europe  # only what the view shows
    assert 'aria-current="true">Europe<' in europe


@pytest.mark.parametrize(
    "query",
    [
        {"view": "mars"},
        {"kind": "dragon"},
        {"sdg": "99"},
        {"country": "ZZ"},
        {"status": "<x>"},
        {"theme": "\x00"},
    ],
)
def test_forged_parameters_are_ignored(client, world, query):
    assert client.get(reverse("maps:map"), query).status_code in (200, 400)
    assert client.get(reverse("maps:geojson"), query).status_code in (200, 400)


def test_the_geojson_export_has_points_and_lines_longitude_first(client, world):
    response = client.get(reverse("maps:geojson"))
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    points = {
        f["properties"]["slug"]: f for f in data["features"] if f["properties"]["type"] == "organisation"
    }
    assert set(points) == {"jette", "tarija"}
    assert points["jette"]["geometry"]["coordinates"] == [4.3342, 50.8731]
    assert points["tarija"]["properties"]["precision"] == "country"
    lines = [f for f in data["features"] if f["properties"]["type"] == "partnership"]
    assert [line["properties"]["key"] for line in lines] == [world["link"].key]
    assert lines[0]["geometry"]["type"] == "MultiLineString"
    page = client.get(reverse("maps:map")).content.decode()
    assert reverse("maps:geojson") in page


def _many(n, start=0):
    rows = [
        organisation(f"org-{i}", country=["BE", "BO", "TG", "FR"][i % 4]) for i in range(start, start + n)
    ]
    for a, b in zip(rows[::2], rows[1::2], strict=False):
        partnership(f"P {a.slug}", [a, b])


@pytest.mark.parametrize("size", [5, 500])
def test_the_map_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries, size):
    _many(size)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("maps:map"), {"theme": "", "kind": "commune"}).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("maps:geojson")).status_code == 200


def test_the_query_count_does_not_grow_from_5_to_500_organisations(client):
    client.get(reverse("maps:map"))  # what a process reads once (the facets' choices)
    counts = []
    for start, size in ((0, 5), (5, 495)):
        _many(size, start)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("maps:map"), {"view": "africa"})
        counts.append(len(queries))
    assert counts[0] == counts[1] > 0


def test_the_demo_world_map_is_light_and_places_the_seed_organisations(client):
    call_command("seed_demo")
    call_command("seed_demo")  # still idempotent with the points
    assert Organisation.objects.get(slug="saint-josse").latitude == pytest.approx(50.8538)
    response = client.get(reverse("maps:map"))
    assert response.status_code == 200
    assert len(gzip.compress(response.content)) < 60 * 1024
    html = response.content.decode()
    for slug in (
        "tarija",
        "nimlahakok",
        "san-jeronimo",
        "stadd",
        "outaouais",
        "brasschaat",
        "herent",
        "edegem",
    ):
        assert reverse("partners:organisation_detail", args=[slug]) in html
    assert "conseil-jette" not in html and "diaspora-bruxelles" not in html  # private, unverified
    for view in ("europe", "belgium", "africa", "latin-america"):
        assert client.get(reverse("maps:map"), {"view": view}).status_code == 200
