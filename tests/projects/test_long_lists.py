"""The project list as the registry grows: filters through relations without duplicates, counts
that stop at a cap, filter choices kept until their table changes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Theme
from soliris import pagination
from tests.projects.test_queries import make_projects

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [project.title for project in response.context["page"].object_list]


def test_a_filter_through_the_parties_lists_each_project_once(client, cast):
    make_projects(3, [cast.jette, cast.tarija])  # two communes in each project
    response = client.get("/fr/projects/?kind=commune")
    assert sorted(titles(response)) == ["Projet 0", "Projet 1", "Projet 2"]
    assert response.context["page"].paginator.count == 3
    response = client.get("/fr/projects/?kind=commune&country=BO&goal=6&target=6.1")
    assert len(titles(response)) == 3


@pytest.mark.parametrize(
    "language, said",
    [
        ("fr", "Plus de 2 projets trouvés\u202f: affinez la recherche"),
        ("es", "Más de 2 proyectos encontrados: afine la búsqueda"),
    ],
)
def test_past_the_cap_the_list_says_more_than_and_pages_no_further(client, cast, monkeypatch, language, said):
    monkeypatch.setattr(pagination, "CAP", 2)
    make_projects(3, [cast.jette])
    response = client.get(f"/{language}/projects/?goal=6")
    paginator = response.context["page"].paginator
    assert paginator.capped and paginator.count == 2
    assert said in response.content.decode()
    last = client.get(f"/{language}/projects/?goal=6&page=9")
    assert last.status_code == 200 and last.context["page"].number == paginator.num_pages


def test_under_the_cap_the_count_is_exact(client, cast, monkeypatch):
    monkeypatch.setattr(pagination, "CAP", 3)
    make_projects(3, [cast.jette])
    response = client.get("/fr/projects/?goal=6")
    assert not response.context["page"].paginator.capped
    assert "3 projets trouvés" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_filter_choices_are_kept_until_their_table_is_written(client, cast, settings):
    settings.SOLIRIS_KEPT_FIGURES = True
    cache.clear()
    theme = Theme.objects.create(slug="eau", name_fr="Eau et assainissement", position=1)
    client.get("/fr/projects/?status=running")

    def tables_read():
        with CaptureQueriesContext(connection) as context:
            response = client.get("/fr/projects/?status=running")
        return response, " ".join(query["sql"] for query in context.captured_queries)

    response, sql = tables_read()
    assert '"partners_theme"' not in sql and '"projects_target"' not in sql
    Theme.objects.filter(pk=theme.pk).update(name_fr="Eau et assainissement (renommé)")
    response, sql = tables_read()
    assert '"partners_theme"' in sql
    assert "Eau et assainissement (renommé)" in response.content.decode()
    cache.clear()
