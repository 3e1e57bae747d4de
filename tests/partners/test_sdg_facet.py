"""The SDG facet of the public directory: organisations and partnerships of public projects."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners import facets
from projects.models import Goal, Project, ProjectParty, ProjectPartyStatus, ProjectStatus, SDGLink
from tests.conftest import untranslated_segments

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def make_project(
    organisations, goal_number, *, partnership=None, status=ProjectStatus.SUBMITTED, title="Eau"
):
    project = Project.objects.create(
        title=title, proposed_by=organisations[0], partnership=partnership, status=status
    )
    for organisation in organisations:
        ProjectParty.objects.create(
            project=project, organisation=organisation, status=ProjectPartyStatus.CONFIRMED
        )
    SDGLink.objects.create(project=project, goal=Goal.objects.get(number=goal_number), is_primary=True)
    return project


@pytest.fixture
def water(make_organisation, make_partnership):
    """Like the demo: a public project on SDG 6 between Brasschaat and Tarija, in their partnership."""
    tarija = make_organisation("Gobierno Autónomo Municipal de Tarija", country="BO", slug="tarija")
    brasschaat = make_organisation("Gemeente Brasschaat", country="BE", slug="brasschaat")
    herent = make_organisation("Gemeente Herent", country="BE", slug="herent")
    nimlahakok = make_organisation("Nimlaha'kok", country="GT", slug="nimlahakok")
    hidden = make_organisation("Cachée Privée", country="BE", public=False, slug="cachee")
    bt = make_partnership("Brasschaat – Tarija", [brasschaat, tarija])
    hn = make_partnership("Herent – Nimlaha'kok", [herent, nimlahakok])
    make_project([brasschaat, tarija, hidden], 6, partnership=bt, title="Sources de Tarija")
    make_project([herent, nimlahakok], 13, partnership=hn, title="Reforestation")
    make_project([herent, nimlahakok], 6, partnership=hn, status=ProjectStatus.DRAFT, title="Brouillon")
    return locals()


def names(response):
    return {str(item) for item in response.context["page"].object_list}


def test_the_sdg_facet_narrows_the_organisations_to_parties_of_public_projects(client, water):
    response = client.get("/fr/organisations/", {"sdg": "6"})
    assert response.status_code == 200
    assert names(response) == {"Gobierno Autónomo Municipal de Tarija", "Gemeente Brasschaat"}
    assert names(client.get("/fr/organisations/", {"sdg": "13"})) == {"Gemeente Herent", "Nimlaha'kok"}
    assert names(client.get("/fr/organisations/", {"sdg": "1"})) == set()


def test_the_sdg_facet_narrows_the_partnerships(client, water):
    assert names(client.get("/fr/partnerships/", {"sdg": "6"})) == {"Brasschaat – Tarija"}
    assert names(client.get("/fr/partnerships/", {"sdg": "13"})) == {"Herent – Nimlaha'kok"}
    empty = client.get("/fr/partnerships/", {"sdg": "1"})  # no partnership at all: no 500
    assert empty.status_code == 200 and names(empty) == set()
    assert "empty-state" in body(empty)


def test_the_sdg_facet_combines_with_the_other_filters(client, water):
    assert names(client.get("/fr/organisations/", {"sdg": "6", "country": "BE"})) == {"Gemeente Brasschaat"}
    assert names(client.get("/fr/organisations/", {"sdg": "6", "q": "tari"})) == {
        "Gobierno Autónomo Municipal de Tarija"
    }


def test_the_facet_is_a_select_of_the_goals_in_the_readers_language(client, water):
    page_fr = body(client.get("/fr/organisations/"))
    assert 'name="sdg"' in page_fr
    assert "6. Eau propre et assainissement" in page_fr
    page_es = body(client.get("/es/partnerships/"))
    assert 'name="sdg"' in page_es
    assert "6. Agua Limpia y Saneamiento" in page_es
    chosen = body(client.get("/fr/organisations/", {"sdg": "6"}))
    assert '<option value="6" selected>' in chosen


def test_the_facet_is_kept_in_pagination_and_export_links(client, make_organisation, make_partnership):
    partner = make_organisation("Partenaire", country="BO")
    organisations = [make_organisation(f"Commune {i:02d}") for i in range(25)]
    make_project([partner, *organisations], 6)
    page = body(client.get("/fr/organisations/", {"sdg": "6"}))
    assert "sdg=6&amp;page=2" in page
    assert reverse("partners:organisation_export_csv") + "?sdg=6" in page
    assert reverse("partners:organisation_export_json") + "?sdg=6" in page
    page = body(client.get("/fr/partnerships/", {"sdg": "6"}))
    assert reverse("partners:partnership_export_csv") + "?sdg=6" in page


def test_the_exports_apply_the_facet_and_show_only_what_is_public(client, water):
    rows = list(
        csv.DictReader(
            io.StringIO(
                body(client.get(reverse("partners:organisation_export_csv"), {"sdg": "6"})).lstrip("\ufeff")
            )
        )
    )
    assert {row["Nom"] for row in rows} == {"Gobierno Autónomo Municipal de Tarija", "Gemeente Brasschaat"}
    data = json.loads(body(client.get(reverse("partners:partnership_export_json"), {"sdg": "6"})))
    assert [row["name"] for row in data] == ["Brasschaat – Tarija"]


def test_private_unverified_and_draft_never_show_through_the_facet(client, water, make_organisation):
    unverified = make_organisation("Pas Encore Vérifiée", verified=False, slug="pas-verifiee")
    make_project([unverified, water["tarija"]], 6, title="Autre")
    page = body(client.get("/fr/organisations/", {"sdg": "6"}))
    assert "Cachée Privée" not in page
    assert "Pas Encore Vérifiée" not in page
    csv_text = body(client.get(reverse("partners:organisation_export_csv"), {"sdg": "6"}))
    assert "Cachée Privée" not in csv_text and "Pas Encore Vérifiée" not in csv_text
    # The draft project on SDG 6 does not bring Herent in.
    assert "Gemeente Herent" not in page


@pytest.mark.parametrize("value", ["99", "abc", "0", "-1", "6.1", "", "6' OR 1=1", "%00"])
@pytest.mark.parametrize("path", ["/fr/organisations/", "/fr/partnerships/"])
def test_an_invalid_goal_gives_a_clean_page_with_a_message(client, water, path, value):
    response = client.get(path, {"sdg": value, "q": "tari"})
    assert response.status_code == 200
    page = body(response)
    assert 'value="tari"' in page
    if value:
        assert "Sélectionnez un choix valide" in page
    for export in ("partners:organisation_export_csv", "partners:partnership_export_json"):
        assert client.get(reverse(export), {"sdg": value}).status_code == 200


def _rows(make_organisation, make_partnership, n, partner):
    for i in range(n):
        organisation = make_organisation(f"Org {i}", country=["BE", "FR", "SN"][i % 3])
        partnership = make_partnership(f"Partnership {i}", [organisation, partner])
        make_project([organisation, partner], 6, partnership=partnership, title=f"Projet {i}")


@pytest.mark.parametrize(
    "path",
    ["/fr/organisations/?sdg=6", "/fr/partnerships/?sdg=6", "/fr/organisations/?sdg=6&country=BE&q=org"],
)
def test_query_counts_with_the_facet_do_not_grow_with_rows(
    client, make_organisation, make_partnership, django_assert_num_queries, path
):
    partner = make_organisation("Partner abroad", country="BO")
    _rows(make_organisation, make_partnership, 5, partner)
    client.get(path)  # warm up
    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    _rows(make_organisation, make_partnership, 45, partner)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(path).status_code == 200


def test_the_directory_pages_with_the_facet_use_a_fixed_number_of_queries(
    client, make_organisation, make_partnership, django_assert_num_queries
):
    partner = make_organisation("Partner abroad", country="BO")
    _rows(make_organisation, make_partnership, 5, partner)
    client.get("/fr/organisations/?sdg=6")
    counts = {}
    for path in ("/fr/organisations/?sdg=6", "/fr/partnerships/?sdg=6"):
        with CaptureQueriesContext(connection) as small:
            client.get(path)
        counts[path] = len(small.captured_queries)
    _rows(make_organisation, make_partnership, 45, partner)
    for path, count in counts.items():
        with django_assert_num_queries(count):
            response = client.get(path)
        assert response.context["page"].paginator.count >= 50
    # The facet costs one query for organisations and two for partnerships, whatever the rows.
    print("COUNTS", counts)
    assert counts["/fr/organisations/?sdg=6"] <= 7


@pytest.mark.parametrize("path", ["/organisations/?sdg=6", "/partnerships/?sdg=6", "/organisations/?sdg=99"])
def test_no_english_leaks_on_the_directory_with_the_facet(client, water, path):
    allowed = {
        "Gobierno Autónomo Municipal de Tarija",
        "Gemeente Brasschaat",
        "Brasschaat – Tarija",
        "Gemeente Herent",
        "Herent – Nimlaha'kok",
        "Nimlaha'kok",
        "CSV",
        "JSON",
    }
    assert untranslated_segments(client, path, allowed=allowed) == set()


def test_without_a_registered_goal_facet_the_directories_have_no_sdg_filter(client, water, monkeypatch):
    monkeypatch.setattr(facets, "_goal_facet", None)
    for path in ("/fr/organisations/", "/fr/partnerships/"):
        response = client.get(path, {"sdg": "6"})  # ignored, not an error
        assert response.status_code == 200
        assert "sdg" not in response.context["filter"].form.fields
        assert 'name="sdg"' not in body(response)
