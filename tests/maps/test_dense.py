"""A dense registry stays readable and light: nearby organisations of one country are one
numbered mark, partnerships between the same two marks one line, a goal's many sites one mark
per country — each leading to the list it stands for, and the tables say the same."""

import gzip
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maps import clusters, render
from maps.selectors import SITE_LIMIT, Actor, Link, goal_sites
from partners import reference as partners_reference
from projects import reference as projects_reference
from projects.models import Project, Site
from projects.selectors import PUBLIC_STATUSES
from tests.maps.test_map import _many

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def actor(slug, country, latitude, longitude, partnerships=1):
    return Actor(slug, slug.title(), "commune", country, slug, latitude, longitude, "locality", partnerships)


def test_organisations_of_one_country_close_together_are_one_group():
    box = render.view_box(render.VIEWS["world"])
    ixelles, jette = actor("ixelles", "BE", 50.83, 4.37, 3), actor("jette", "BE", 50.87, 4.33)
    lille = actor("lille", "FR", 50.63, 3.06)  # as close, but another country: its own mark
    tarija = actor("tarija", "BO", -21.53, -64.73)
    groups = clusters.group_actors([jette, tarija, ixelles, lille], box)
    assert [[a.slug for a in g.actors] for g in groups] == [["ixelles", "jette"], ["lille"], ["tarija"]]
    brussels = groups[0]
    assert brussels.size == 2 and brussels.partnerships == 4 and brussels.place == "ixelles"
    assert brussels.position == pytest.approx((50.85, 4.35))

    # The grid follows the view: in the Belgium view, Brasschaat (north of Antwerp) is its own
    # mark, where the world view gathers it with Brussels.
    brasschaat = actor("brasschaat", "BE", 51.29, 4.49)
    assert len(clusters.group_actors([ixelles, brasschaat], box)) == 1
    belgium = clusters.group_actors([ixelles, brasschaat], render.view_box(render.VIEWS["belgium"]))
    assert [g.size for g in belgium] == [1, 1]


def test_partnerships_between_the_same_two_marks_are_one_line():
    box = render.view_box(render.VIEWS["world"])
    ixelles, jette = actor("ixelles", "BE", 50.83, 4.37), actor("jette", "BE", 50.87, 4.33)
    tarija, potosi = actor("tarija", "BO", -21.53, -64.73), actor("potosi", "BO", -21.6, -64.8)
    groups = clusters.group_actors([ixelles, jette, tarija, potosi], box)
    links = [
        Link("a", "Ixelles–Tarija", "active", [ixelles, tarija]),
        Link("b", "Jette–Potosí", "exploring", [jette, potosi]),
        Link("c", "Ixelles–Jette", "active", [ixelles, jette]),  # inside one mark: no line
    ]
    (bundle,) = clusters.bundle_links(links, groups)
    assert bundle.count == 2 and [link.key for link in bundle.links] == ["a", "b"]
    assert {bundle.ends[0].country, bundle.ends[1].country} == {"BE", "BO"}
    assert sorted(bundle.statuses()) == [("active", 1), ("exploring", 1)]


def test_a_dense_map_draws_marks_and_lines_that_lead_to_their_lists_and_stays_light(client):
    _many(400)  # 100 organisations in each of four countries, at their country's position
    response = client.get(reverse("maps:map").replace("/fr/", "/en/", 1))
    html = response.content.decode()
    assert response.status_code == 200
    svg = html[html.index("<svg class=") : html.index("</svg>", html.index("<svg class=")) + 6]
    root = ElementTree.fromstring(svg)
    marks = [a for a in root.iter(f"{SVG}a") if "organisation" in (a.get("aria-label") or "")]
    assert sorted(a.get("aria-label").split(" organisations")[0] for a in marks) == ["100"] * 4
    organisation_list = reverse("partners:organisation_list").replace("/fr/", "/en/", 1)
    assert {a.get("href") for a in marks} == {
        f"{organisation_list}?country={c}" for c in ("BE", "BO", "TG", "FR")
    }
    lines = [a for a in root.iter(f"{SVG}a") if "partnerships between" in (a.get("aria-label") or "")]
    assert len(lines) == 2 and all(a.get("aria-label").startswith("100 partnerships") for a in lines)
    assert "org-1/" not in html  # no organisation drawn one by one, in the map or its tables
    # The tables list the marks and lines as drawn.
    tables = html[html.index('id="map-organisations"') :]
    assert tables.count(f'<a href="{organisation_list}?country=') == 4  # one row per mark
    assert "100 partnerships between" in html[html.index('id="map-partnerships"') :]
    assert "numbered circle" in html  # the legend says what a mark of several is
    assert len(gzip.compress(response.content)) < 30 * 1024


@pytest.fixture
def many_sites(project):
    Project.objects.filter(pk=project.pk).update(status=sorted(PUBLIC_STATUSES)[0])
    Site.objects.bulk_create(
        Site(project=project, country=("BO", "TG", "BE")[i % 3], locality=f"Lieu {i}") for i in range(70)
    )
    return project


def test_a_goal_with_many_sites_shows_one_mark_per_country_counted_once(many_sites, goal6):
    with CaptureQueriesContext(connection) as queries:
        marks = goal_sites(6)
    assert len(queries) == 2  # the count per country, the first sites (as with few)
    assert len(marks) == 3 and sum(m.count for m in marks) == Site.objects.count() > SITE_LIMIT
    assert {m.country for m in marks} == {"BO", "TG", "BE"} and all(m.goal == 6 for m in marks)
    Site.objects.filter(locality__startswith="Lieu ").delete()
    with CaptureQueriesContext(connection) as queries:
        few = goal_sites(6)
    assert len(queries) == 2 and all(m.count == 1 and m.project_key == many_sites.key for m in few)


@pytest.fixture
def _reference(transactional_db):
    """The goals and themes, gone when an earlier transactional test flushed the tables."""
    partners_reference.load()
    projects_reference.load()


@pytest.mark.django_db(transaction=True)
def test_the_count_per_country_is_kept_until_a_site_is_written(_reference, many_sites, goal6, settings):
    settings.SOLIRIS_KEPT_FIGURES = True
    cache.clear()
    marks = goal_sites(6)
    with CaptureQueriesContext(connection) as queries:
        assert goal_sites(6) == marks
    (rows,) = queries.captured_queries  # the count per country is a kept figure
    assert "GROUP BY" not in rows["sql"]
    Site.objects.create(project=many_sites, country="BO", locality="Lieu de plus")
    bolivia = next(m for m in goal_sites(6) if m.country == "BO")
    assert bolivia.count == next(m for m in marks if m.country == "BO").count + 1
    cache.clear()


def test_the_goal_page_links_each_country_mark_to_the_projects_of_the_goal_there(client, many_sites):
    response = client.get(reverse("projects:goal_detail", args=[6]).replace("/fr/", "/en/", 1))
    html = response.content.decode()
    project_list = reverse("projects:project_list").replace("/fr/", "/en/", 1)
    assert f'href="{project_list}?goal=6&amp;country=BO"' in html
    assert "project sites in Bolivia" in html
    assert "Lieu 1<" not in html  # the sites one by one are not sent
