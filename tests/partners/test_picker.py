"""The organisation picker: search without accents, without JavaScript (a search step) and
through htmx (the form's page answers the matches), only what one may choose, in a fixed
number of queries at 10,000 organisations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.forms.picker import LIMIT, clean_query
from partners.models import Organisation, PartyStatus, Visibility
from partners.search_text import organisation_document
from partners.services import refresh_organisation_search_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(cast, make_organisation):
    for organisation in (cast.jette, cast.tarija, cast.stadd, cast.periferia):
        refresh_organisation_search_text(organisation)
    return {
        "liege": make_organisation("Ville de Liège", locality="Liège", slug="liege"),
        "sao": make_organisation("Prefeitura de São Paulo", country="BR", locality="São Paulo", slug="sao"),
        "secret": make_organisation("Association Secrète", public=False, slug="secrete"),
        "unverified": make_organisation("Collectif Non Vérifié", verified=False, slug="nonverifie"),
    }


def invite_url(cast):
    return f"/fr/partnerships/{cast.partnership.key}/invite/"


def matches(client, url, text, **extra):
    response = client.get(
        url, {"picker": "organisation", "organisation__q": text, **extra}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    return response.content.decode()


def test_search_ignores_accents_and_case(as_role, cast, registry):
    client = as_role("party_coordinator")
    html = matches(client, invite_url(cast), "liege")
    assert "Ville de Liège" in html and "São Paulo" not in html
    html = matches(client, invite_url(cast), "SAO")
    assert "Prefeitura de São Paulo (São Paulo, Brésil)" in html and "Liège" not in html
    # the status is announced (out of band, into the live region)
    assert 'hx-swap-oob="innerHTML:#id_organisation-status"' in html


def test_hidden_and_unverified_names_and_parties_never_come_back(as_role, cast, registry):
    client = as_role("party_coordinator")
    for text in ("secrete", "association", "verifie", "collectif", ""):
        html = matches(client, invite_url(cast), text)
        assert "Secrète" not in html and "Non Vérifié" not in html
    # the partnership's accepted and invited parties are not offered again
    html = matches(client, invite_url(cast), "")
    assert "Municipio de Tarija" not in html and "STADD" not in html
    assert "Periferia" in html


def test_a_chosen_one_it_may_not_choose_is_not_shown_back(as_role, cast, registry):
    client = as_role("party_coordinator")
    html = matches(client, invite_url(cast), "", organisation=str(registry["secret"].pk))
    assert "Secrète" not in html
    html = matches(client, invite_url(cast), "zzz", organisation=str(registry["liege"].pk))
    assert f'value="{registry["liege"].pk}" id="id_organisation_0" checked' in html


@pytest.mark.parametrize("role, statuses", [("outsider", (403, 404)), ("anonymous", (302,))])
def test_who_may_not_invite_gets_no_names(as_role, cast, registry, role, statuses):
    response = as_role(role).get(invite_url(cast), {"picker": "organisation", "organisation__q": "liege"})
    assert response.status_code in statuses
    assert "Liège" not in response.content.decode()


def test_the_search_text_is_folded_and_bounded():
    assert clean_query("Liège\x00 São") == "liege sao"
    assert len(clean_query("é" * 1000)) <= 200
    assert clean_query("\x00\x00") == ""


@pytest.mark.parametrize(
    "params",
    [
        {"organisation__q": "\x00"},
        {"organisation__q": "a\x00b"},
        {"organisation__q": "x" * 1000},
        {"organisation__q": "中" * 1000},
        {"organisation__q": "é " * 500},
        {"organisation__q": "' & | ! :* <> ()"},
        {"organisation__q": "tari", "organisation": ["\x00", "abc", "9" * 40, "-1", "1.5", ""]},
    ],
)
def test_the_matches_never_fail_on_odd_input(as_role, cast, registry, params):
    client = as_role("party_coordinator")
    response = client.get(invite_url(cast), {"picker": "organisation", **params})
    assert response.status_code == 200


@pytest.mark.parametrize("picker", ["nope", "\x00", "organisation__q", "x" * 1000])
def test_an_unknown_picker_is_not_found(as_role, cast, picker):
    response = as_role("party_coordinator").get(invite_url(cast), {"picker": picker})
    assert response.status_code == 404


def test_without_javascript_a_search_step_then_a_choice(as_role, cast, registry):
    client = as_role("party_coordinator")
    url = invite_url(cast)
    page = client.get(url).content.decode()
    assert 'name="organisation__search"' in page and "formnovalidate" in page
    assert "autofocus" not in page
    response = client.post(url, {"organisation__q": "liège", "organisation__search": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="liège"' in html and "autofocus" in html
    assert "Ville de Liège" in html and "Periferia" not in html
    assert 'class="error"' not in html  # a search step is not a failed submission
    assert not cast.partnership.parties.filter(organisation=registry["liege"]).exists()
    response = client.post(url, {"organisation__q": "liège", "organisation": registry["liege"].pk})
    assert response.status_code == 302
    party = cast.partnership.parties.get(organisation=registry["liege"])
    assert party.status == PartyStatus.INVITED


@pytest.mark.parametrize("which", ["secret", "unverified"])
def test_a_forged_choice_is_a_form_error(as_role, cast, registry, which):
    client = as_role("party_coordinator")
    response = client.post(invite_url(cast), {"organisation": registry[which].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error"' in html
    assert "Secrète" not in html and "Non Vérifié" not in html
    assert not cast.partnership.parties.filter(organisation=registry[which]).exists()


def test_the_project_invitation_uses_the_picker(as_role, cast, registry):
    from projects import services

    project = services.project_create(
        actor=cast.user("party_coordinator"),
        proposed_by=cast.jette,
        title="Eau potable",
        summary="",
        description="",
        starts_on=None,
        ends_on=None,
        partners=[],
        language="fr",
    )
    client = as_role("party_coordinator")
    url = f"/fr/projects/{project.key}/parties/"
    html = matches(client, url, "sao")
    assert "São Paulo" in html and "Commune de Jette" not in html
    response = client.post(url, {"organisation__q": "sao", "organisation__search": "1"})
    assert response.status_code == 200 and "Prefeitura de São Paulo" in response.content.decode()
    assert not project.parties.filter(organisation=registry["sao"]).exists()
    response = client.post(url, {"organisation": registry["secret"].pk})
    assert (
        response.status_code == 200 and not project.parties.filter(organisation=registry["secret"]).exists()
    )
    response = client.post(url, {"organisation": registry["sao"].pk})
    assert response.status_code == 302
    assert project.parties.filter(organisation=registry["sao"]).exists()


def test_the_project_form_search_step_keeps_what_was_typed_and_ticked(as_role, cast, registry):
    client = as_role("party_editor")
    data = {
        "proposed_by": cast.jette.pk,
        "title": "Eau potable pour Tarija",
        "summary": "Un résumé",
        "partners": [str(cast.tarija.pk)],
        "partners__q": "liege",
        "partners__search": "1",
    }
    response = client.post("/fr/projects/new/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Eau potable pour Tarija"' in html and "Un résumé" in html
    assert f'value="{cast.tarija.pk}" id="id_partners_0" checked' in html
    assert "Ville de Liège" in html
    assert 'class="error"' not in html
    data.pop("partners__search")
    data["partners"] = [str(cast.tarija.pk), str(registry["liege"].pk)]
    response = client.post("/fr/projects/new/", data)
    assert response.status_code == 302
    from projects.models import Project

    project = Project.objects.get(title="Eau potable pour Tarija")
    assert set(project.parties.values_list("organisation__slug", flat=True)) >= {"liege", "cast-tarija"}
    # a hidden organisation slipped in among the partners is refused
    data["title"] = "Autre"
    data["partners"] = [str(registry["secret"].pk)]
    response = client.post("/fr/projects/new/", data)
    assert response.status_code == 200 and not Project.objects.filter(title="Autre").exists()


def _bulk(count, prefix="Commune"):
    now = timezone.now()
    organisations = [
        Organisation(
            name=f"{prefix} {i:05d} Liège",
            slug=f"bulk-{prefix.lower()}-{i}",
            kind="commune",
            country="BE",
            locality="Liège",
            visibility=Visibility.PUBLIC,
            verified_at=now,
        )
        for i in range(count)
    ]
    for organisation in organisations:
        organisation.search_document = organisation_document(organisation)
    Organisation.objects.bulk_create(organisations, batch_size=2000)


def _queries(client, *args, **kwargs):
    with CaptureQueriesContext(connection) as context:
        response = client.get(*args, **kwargs)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def test_the_picker_answers_in_a_fixed_number_of_queries_at_10000_organisations(
    as_role, cast, registry, django_assert_num_queries
):
    client = as_role("party_coordinator")
    url = invite_url(cast)
    params = {"picker": "organisation", "organisation__q": "liege", "organisation": str(registry["sao"].pk)}
    client.get(url)  # the session, the permissions' caches: warm
    small_page, _html = _queries(client, url)
    small_matches, _html = _queries(client, url, params)
    assert small_page <= 20 and small_matches <= 20
    _bulk(10_000)
    with django_assert_num_queries(small_page):
        response = client.get(url)
    html = response.content.decode()
    assert html.count('name="organisation" value=') == LIMIT
    assert "affinez votre recherche" in html
    with django_assert_num_queries(small_matches):
        response = client.get(url, params)
    html = response.content.decode()
    assert html.count('name="organisation" value=') == LIMIT + 1  # the chosen one, kept on top
    assert "checked" in html and "São Paulo" in html
    assert "affinez votre recherche" in html
    with django_assert_num_queries(small_page):
        response = client.post(url, {"organisation__q": "commune 0999", "organisation__search": "1"})
    html = response.content.decode()
    assert html.count('name="organisation" value=') == 10  # 09990 … 09999
    assert "affinez" not in html


def test_the_project_form_answers_in_a_fixed_number_of_queries_at_10000_organisations(
    as_role, cast, registry, django_assert_num_queries
):
    client = as_role("party_editor")
    url = "/fr/projects/new/"
    params = {"picker": "partners", "partners__q": "commune", "partners": [str(cast.tarija.pk)]}
    client.get(url)
    small_page, _html = _queries(client, url)
    small_matches, _html = _queries(client, url, params)
    assert small_page <= 20 and small_matches <= 20
    _bulk(10_000)
    with django_assert_num_queries(small_page):
        html = client.get(url).content.decode()
    assert html.count('name="partners" value=') == LIMIT and "affinez votre recherche" in html
    with django_assert_num_queries(small_matches):
        html = client.get(url, params).content.decode()
    assert html.count('name="partners" value=') == LIMIT + 1 and "affinez votre recherche" in html
