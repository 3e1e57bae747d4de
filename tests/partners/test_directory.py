import csv
import io
import json

import pytest
from django.urls import reverse

from partners.models import Organisation, PartyStatus, Visibility

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


@pytest.fixture
def directory(make_organisation, make_partnership):
    tarija = make_organisation(
        "Gobierno Autónomo Municipal de Tarija", country="BO", locality="Tarija", slug="tarija"
    )
    brasschaat = make_organisation(
        "Gemeente Brasschaat", country="BE", locality="Brasschaat", slug="brasschaat"
    )
    saint_josse = make_organisation(
        "Commune de Saint-Josse-ten-Noode", country="BE", locality="Saint-Josse-ten-Noode", slug="saint-josse"
    )
    hidden = make_organisation("Cachée Privée", country="BE", public=False, slug="cachee")
    unverified = make_organisation("Pas Encore Vérifiée", country="FR", verified=False, slug="pas-verifiee")
    association = make_organisation("Periferia", kind="association", country="BE", slug="periferia")
    bt = make_partnership("Brasschaat – Tarija", [brasschaat, tarija])
    with_hidden = make_partnership("Secret partnership", [saint_josse, hidden])
    return locals()


def test_the_directory_lists_only_public_verified_organisations(client, directory):
    page = body(client.get("/fr/organisations/"))
    assert "Gemeente Brasschaat" in page and "Periferia" in page
    assert "Cachée Privée" not in page and "Pas Encore Vérifiée" not in page


def test_private_and_unverified_organisations_are_never_searched_exported_or_reachable(client, directory):
    assert "Cachée" not in body(client.get("/fr/organisations/?q=cachee"))
    assert "Vérifiée" not in body(client.get("/fr/organisations/?q=verifiee"))
    for name in ("organisation_export_csv", "organisation_export_json"):
        exported = body(client.get(reverse(f"partners:{name}")))
        assert "Cachée" not in exported and "Vérifiée" not in exported
        assert "Brasschaat" in exported
    assert client.get("/fr/organisations/cachee/").status_code == 404
    assert client.get("/fr/organisations/pas-verifiee/").status_code == 404


def test_a_partnership_with_a_private_party_is_never_public(client, directory):
    assert "Secret partnership" not in body(client.get("/fr/partnerships/"))
    assert "Secret partnership" not in body(client.get(reverse("partners:partnership_export_csv")))
    assert "Secret partnership" not in body(client.get(reverse("partners:partnership_export_json")))
    key = directory["with_hidden"].key
    assert client.get(f"/fr/partnerships/{key}/").status_code == 404


def test_an_invited_party_does_not_make_a_partnership_public(client, make_organisation, make_partnership):
    a = make_organisation("Alpha")
    b = make_organisation("Beta")
    partnership = make_partnership("Alpha alone", [a], invited=[b])
    partnership.parties.filter(organisation=a).update(status=PartyStatus.INVITED)
    assert client.get(f"/fr/partnerships/{partnership.key}/").status_code == 404


@pytest.mark.parametrize(
    "query,expected",
    [
        ("tari", "Gobierno Autónomo Municipal de Tarija"),
        ("TARIJA", "Gobierno Autónomo Municipal de Tarija"),
        ("autonomo", "Gobierno Autónomo Municipal de Tarija"),
        ("saint josse", "Commune de Saint-Josse-ten-Noode"),
        ("Saint-Josse", "Commune de Saint-Josse-ten-Noode"),
        ("bolivie", "Gobierno Autónomo Municipal de Tarija"),
        ("bolivia", "Gobierno Autónomo Municipal de Tarija"),
        ("belgica", "Gemeente Brasschaat"),
    ],
)
def test_search_folds_accents_and_case_and_matches_prefixes(client, directory, query, expected):
    page = body(client.get("/fr/organisations/", {"q": query}))
    assert expected in page


def test_search_leaves_out_what_does_not_match(client, directory):
    page = body(client.get("/fr/organisations/", {"q": "tarija"}))
    assert "Gemeente Brasschaat" not in page


def test_tarija_finds_the_brasschaat_tarija_partnership(client, directory):
    page = body(client.get("/es/partnerships/", {"q": "tarija"}))
    assert "Brasschaat – Tarija" in page
    assert "Brasschaat – Tarija" not in body(client.get("/es/partnerships/", {"q": "herent"}))


def test_facets_filter_by_country_kind_and_language(client, directory):
    directory["tarija"].languages = ["es"]
    directory["tarija"].save()
    page = body(client.get("/fr/organisations/", {"country": "BE", "kind": "association"}))
    assert "Periferia" in page and "Gemeente Brasschaat" not in page
    page = body(client.get("/fr/organisations/", {"language": "es"}))
    assert "Tarija" in page and "Periferia" not in page
    page = body(client.get("/fr/partnerships/", {"country": "BO"}))
    assert "Brasschaat – Tarija" in page


def test_counts_per_country_are_shown(client, directory):
    response = client.get("/fr/organisations/")
    counts = {row["code"]: row["count"] for row in response.context["country_counts"]}
    assert counts == {"BE": 3, "BO": 1}


def test_a_bad_filter_value_keeps_the_page_and_says_so(client, directory):
    response = client.get("/fr/organisations/", {"country": "XX", "q": "tari"})
    assert response.status_code == 200
    page = body(response)
    assert 'value="tari"' in page
    assert "Tarija" in page


def test_the_csv_export_is_streamed_and_has_one_row_per_public_organisation(client, directory):
    response = client.get(reverse("partners:organisation_export_csv"), {"country": "BE"})
    assert response.streaming
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert {row["Nom"] for row in rows} == {
        "Gemeente Brasschaat",
        "Commune de Saint-Josse-ten-Noode",
        "Periferia",
    }


def test_the_json_export_of_partnerships_lists_public_parties(client, directory):
    data = json.loads(body(client.get(reverse("partners:partnership_export_json"))))
    assert [row["name"] for row in data] == ["Brasschaat – Tarija"]
    assert "Gobierno Autónomo Municipal de Tarija" in data[0]["parties"]


def test_pagination_and_sort(client, make_organisation):
    for i in range(25):
        make_organisation(f"Commune {i:02d}")
    first = client.get("/fr/organisations/", {"sort": "-name"})
    assert first.context["page"].object_list[0].name == "Commune 24"
    second = client.get("/fr/organisations/", {"sort": "-name", "page": 2})
    assert len(second.context["page"].object_list) == 5
    assert "page=1" in body(second) or "Page 2" in body(second)


def test_an_empty_directory_says_what_to_do(client, db):
    page = body(client.get("/fr/organisations/"))
    assert "empty-state" in page


def _make_rows(make_organisation, make_partnership, n):
    partner = make_organisation("Partner abroad", country="BO")
    for i in range(n):
        organisation = make_organisation(f"Org {i}", country=["BE", "FR", "SN"][i % 3])
        make_partnership(f"Partnership {i}", [organisation, partner])


@pytest.mark.parametrize(
    "path", ["/fr/organisations/", "/fr/partnerships/", "/fr/organisations/?q=org&country=BE"]
)
def test_directory_query_count_does_not_grow_with_rows(
    client, make_organisation, make_partnership, django_assert_num_queries, path
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _make_rows(make_organisation, make_partnership, 5)
    client.get(path)  # warm up (content types, sessions)
    cache.clear()  # the landing page's country counts are cached: measure without them
    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    _make_rows(make_organisation, make_partnership, 45)
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(path).status_code == 200


def test_partnership_landing_counts_are_cached_until_a_listing_changes(
    client, make_organisation, make_partnership, django_assert_num_queries
):
    _make_rows(make_organisation, make_partnership, 5)
    client.get("/fr/partnerships/")  # warm up, and fill the cache
    with django_assert_num_queries(2):  # the rows and their parties: counts and number are kept
        response = client.get("/fr/partnerships/")
    assert response.context["page"].paginator.count == 5  # each in two countries
    assert [(row["code"], row["count"]) for row in response.context["country_counts"]] == [
        ("BO", 5),
        ("BE", 2),
        ("FR", 2),
        ("SN", 1),
    ]
    make_partnership(
        "Ziguinchor – Tarija",
        [make_organisation("Ziguinchor", country="SN"), make_organisation("Cochabamba", country="BO")],
    )
    response = client.get("/fr/partnerships/")
    counts = {row["code"]: row["count"] for row in response.context["country_counts"]}
    assert counts["SN"] == 2 and counts["BO"] == 6
    assert response.context["page"].paginator.count == 6
    # A filtered page counts its own rows, never the cached landing counts.
    assert client.get("/fr/partnerships/?status=paused").context["country_counts"] == []


def test_directory_list_uses_a_fixed_number_of_queries(
    client, make_organisation, make_partnership, django_assert_num_queries
):
    _make_rows(make_organisation, make_partnership, 5)
    client.get("/fr/organisations/")  # warm up: the goals of the SDG facet are read once per process
    # The rows of the page and their themes; the landing page's counts per country (and so the
    # number of results) and the themes of the filter come from the cache.
    with django_assert_num_queries(2):
        client.get("/fr/organisations/")
    _make_rows(make_organisation, make_partnership, 45)
    with django_assert_num_queries(3):  # new organisations: the counts are made again, once
        response = client.get("/fr/organisations/")
    assert sum(row["count"] for row in response.context["country_counts"]) == 52
    assert response.context["page"].paginator.count == 52
    with django_assert_num_queries(2):
        client.get("/fr/organisations/")
    with django_assert_num_queries(3):  # a filtered page counts its own rows
        response = client.get("/fr/organisations/?kind=commune")
    assert (
        response.context["page"].paginator.count
        == Organisation.objects.filter(kind="commune", visibility="public", verified_at__isnull=False).count()
    )


def test_members_only_organisations_are_seen_by_signed_in_users_but_not_listed(
    client, make_organisation, make_user
):
    organisation = make_organisation("Members Only")
    Organisation.objects.filter(pk=organisation.pk).update(visibility=Visibility.MEMBERS)
    assert client.get(f"/fr/organisations/{organisation.slug}/").status_code == 404
    client.force_login(make_user())
    assert client.get(f"/fr/organisations/{organisation.slug}/").status_code == 200
    assert "Members Only" not in body(client.get("/fr/organisations/"))


def test_the_country_links_keep_the_other_filters_and_mark_the_chosen_country(
    client, make_organisation, make_partnership
):
    _make_rows(make_organisation, make_partnership, 3)
    page = client.get(
        "/fr/organisations/", {"kind": "commune", "country": "BE", "page": "1"}
    ).content.decode()
    assert '<a href="?kind=commune&amp;country=BE" aria-current="true">Belgique</a>' in page
    assert '<a href="?kind=commune&amp;country=FR">France</a>' in page
    landing = client.get("/fr/organisations/").content.decode()
    assert '<a href="?country=BO">Bolivie</a> <span class="badge badge-muted">1</span>' in landing


def test_the_directory_and_its_changes_work_with_the_cache_out_of_reach(
    client, settings, caplog, make_organisation, make_partnership
):
    """Redis down: the landing counts are counted on each request, and saving still works."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    _make_rows(make_organisation, make_partnership, 2)  # services.refresh_* forget the counts
    response = client.get("/fr/partnerships/")
    assert response.status_code == 200
    assert {row["code"]: row["count"] for row in response.context["country_counts"]}["BO"] == 2
    assert client.get("/fr/organisations/").status_code == 200
    assert "the cache is out of reach" in caplog.text
    from partners.models import Theme

    Theme.objects.create(slug="eau", name_fr="Eau", position=1)  # its list is forgotten: logged
    assert '<option value="eau">Eau</option>' in body(client.get("/fr/organisations/"))
    assert "themes: the cache is out of reach" in caplog.text


def test_the_counts_per_country_follow_the_other_filters_not_the_chosen_country(client, directory):
    response = client.get("/fr/organisations/", {"kind": "commune", "country": "BO"})
    counts = {row["code"]: row["count"] for row in response.context["country_counts"]}
    assert counts == {"BE": 2, "BO": 1}  # communes, in every country: the association is left out
    assert [o.name for o in response.context["page"].object_list] == ["Gobierno Autónomo Municipal de Tarija"]
    page = body(response)
    assert '<option value="BO" selected>Bolivie (1)</option>' in page


def test_a_chosen_country_without_results_stays_selected_with_zero(client, directory):
    page = body(client.get("/fr/organisations/", {"kind": "association", "country": "BO"}))
    assert '<option value="BO" selected>Bolivie (0)</option>' in page
    assert "Aucune organisation ne correspond" in page
    unknown = client.get("/fr/organisations/", {"country": "XX"})
    assert unknown.status_code == 200
    assert unknown.context["filter"].form.errors["country"]
    assert 'value="XX"' not in body(unknown)


@pytest.mark.parametrize("path", ["/fr/organisations/", "/fr/partnerships/"])
def test_the_filter_choices_are_read_without_a_server_side_cursor(client, directory, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partners.models import Theme

    Theme.objects.create(slug="eau-potable", name_fr="Eau potable", name_en="Drinking water", position=1)
    with CaptureQueriesContext(connection) as captured:
        page = body(client.get(path))
    assert not [q for q in captured.captured_queries if q["sql"].startswith("DECLARE")]
    assert '<option value="eau-potable">Eau potable</option>' in page


def test_the_cards_show_the_themes_and_the_parties_with_their_countries_escaped(
    client, make_organisation, make_partnership
):
    from partners.models import Theme

    water = Theme.objects.create(slug="eau", name_fr="Eau & assainissement", name_en="Water", position=1)
    tarija = make_organisation("Tarija <b>", country="BO", slug="tarija")
    tarija.themes.add(water)
    make_partnership("Brasschaat – Tarija", [make_organisation("Brasschaat", slug="brasschaat"), tarija])
    organisations = body(client.get("/fr/organisations/"))
    assert '<span class="badge badge-muted">Eau &amp; assainissement</span>' in organisations
    assert "Tarija &lt;b&gt;" in organisations and "Tarija <b>" not in organisations
    partnerships = body(client.get("/es/partnerships/"))
    assert "<p>Brasschaat (Bélgica) · Tarija &lt;b&gt; (Bolivia)</p>" in partnerships


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"country": "BO"},
        {"country": "XX"},
        {"kind": "commune", "country": "BE"},
        {"kind": "association", "country": "BO"},
        {"q": "tari"},
        {"q": "tari", "country": "BE"},
        {"language": "es"},
    ],
)
@pytest.mark.parametrize("path", ["/fr/organisations/", "/fr/partnerships/"])
def test_the_number_of_results_is_the_number_of_rows(client, directory, path, query):
    """The count comes from the counts per country when it can: it must be the rows' number."""
    directory["tarija"].languages = ["es"]
    directory["tarija"].save()
    response = client.get(path, query)
    page = response.context["page"]
    counted = page.paginator.count
    assert counted == response.context["filter"].qs.count()
    assert len(page.object_list) == min(counted, 20)


def test_the_themes_of_the_filters_are_kept_until_a_theme_changes(
    client, directory, django_assert_num_queries
):
    from partners.models import Theme

    water = Theme.objects.create(slug="eau", name_fr="Eau", name_es="Agua", position=1)
    directory["tarija"].themes.add(water)
    client.get("/fr/organisations/")
    with django_assert_num_queries(2):  # rows, their themes, no list of themes for the filter
        page = body(client.get("/fr/organisations/"))
    assert '<option value="eau">Eau</option>' in page
    assert '<option value="eau">Agua</option>' in body(client.get("/es/organisations/"))
    water.name_fr = "Eau et assainissement"
    water.save()
    assert '<option value="eau">Eau et assainissement</option>' in body(client.get("/fr/organisations/"))
    page = body(client.get("/fr/organisations/", {"theme": "eau"}))
    assert "Gobierno Autónomo Municipal de Tarija" in page and "Periferia" not in page
    assert "Brasschaat – Tarija" in body(client.get("/fr/partnerships/", {"theme": "eau"}))
    Theme.objects.create(slug="climat", name_fr="Climat", position=2)
    assert '<option value="climat">Climat</option>' in body(client.get("/fr/organisations/"))
    water.delete()
    page = body(client.get("/fr/organisations/", {"theme": "eau"}))
    assert '<option value="eau"' not in page
    assert "Sélectionnez un choix valide" in page  # a theme that is gone: said, not a 500


def test_the_csv_export_speaks_the_readers_language_and_the_json_keeps_its_codes(client, directory):
    rows = list(csv.DictReader(io.StringIO(body(client.get("/es/partnerships/export.csv")).lstrip("\ufeff"))))
    assert list(rows[0]) == [
        "Identificador",
        "Nombre",
        "Tipo",
        "Estado",
        "Inicio",
        "Fin",
        "Partes",
        "Países",
        "Página en Soliris",
    ]
    assert rows[0]["Países"] == "Bélgica, Bolivia"
    data = json.loads(body(client.get("/es/partnerships/export.json")))
    assert {"key", "name", "kind", "status", "countries"} <= set(data[0])
    assert data[0]["countries"] == "BE BO"
