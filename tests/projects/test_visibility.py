"""A private organisation and an unverified one, parties to a public project, are never named
to the public (nor their country, locality, role or contribution): counted instead. A public
party is named."""

from decimal import Decimal

import pytest
from django.utils import timezone

from partners.models import Organisation, Visibility
from projects import services
from projects.forms import InviteForm, ProjectCreateForm
from projects.models import ProjectParty

SECRETS = [
    "Asociación Escondida",
    "(Pérou)",
    "Cusco",
    "Rôle caché",
    "Apport caché",
    "Collectif Nouveau",
    "(Sénégal)",
    "Thiès",
    "Rôle neuf",
]
HIDDEN = "organisations qui n’ont pas rendu leur profil public"


@pytest.fixture
def hidden_parties(project, cast, goal6):
    private = Organisation.objects.create(
        slug="escondida",
        name="Asociación Escondida",
        kind="association",
        country="PE",
        locality="Cusco",
        verified_at=timezone.now(),
        visibility=Visibility.PRIVATE,
    )
    unverified = Organisation.objects.create(
        slug="nouveau", name="Collectif Nouveau", kind="association", country="SN", locality="Thiès"
    )
    for organisation, role, contribution in (
        (private, "Rôle caché", "Apport caché"),
        (unverified, "Rôle neuf", "Apport neuf"),
    ):
        party = ProjectParty.objects.create(
            project=project,
            organisation=organisation,
            status="confirmed",
            role=role,
            contribution=contribution,
        )
        if organisation is private:
            services.funding_add(
                actor=None, project=project, party=party, amount=Decimal(100), currency="EUR", kind="cash"
            )
    project.status = "running"
    project.save()
    services.refresh_search(project)
    return private, unverified


def _public_pages(project):
    return [
        "/fr/projects/",
        f"/fr/projects/{project.key}/",
        "/fr/projects/?q=Escondida",
        "/fr/sdgs/",
        "/fr/sdgs/6/",
        "/fr/sdgs/dashboard/",
        "/fr/calls/",
    ]


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_the_public_pages_count_the_hidden_parties_and_name_the_public_one(
    role, project, hidden_parties, as_role
):
    client = as_role(role)
    for path in _public_pages(project):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        for secret in SECRETS:
            assert secret not in page, (path, secret)
    page = client.get(f"/fr/projects/{project.key}/").content.decode()
    assert "Commune de Jette" in page and "Gestion des sources" in page  # public parties are named
    assert "et 2 " + HIDDEN in page
    assert "2 " + HIDDEN in client.get("/fr/projects/").content.decode()
    assert "Protection des sources" not in client.get("/fr/projects/?q=Escondida").content.decode()
    assert "Protection des sources" in client.get("/fr/projects/?q=Jette").content.decode()


def test_the_projects_own_parties_see_every_party(project, hidden_parties, as_role):
    page = as_role("party_viewer").get(f"/fr/projects/{project.key}/").content.decode()
    assert "Asociación Escondida" in page and "Collectif Nouveau" in page and "Rôle caché" in page


def test_the_forms_offer_neither_a_private_nor_an_unverified_organisation(project, hidden_parties, cast):
    private, unverified = hidden_parties
    ProjectParty.objects.filter(organisation__in=hidden_parties).update(status="withdrawn")
    user = cast.user("party_coordinator")
    for queryset in (
        ProjectCreateForm(user=user).fields["partners"].queryset,
        InviteForm(project=project, user=user).fields["organisation"].queryset,
    ):
        assert private not in queryset and unverified not in queryset
    assert cast.periferia in InviteForm(project=project, user=user).fields["organisation"].queryset


def test_the_search_text_follows_a_partys_verification_and_visibility(project, hidden_parties, make_user):
    """A project's search text copies its publicly named parties: it follows them when the
    registry verifies one, or one turns private (partners tells projects by a signal)."""
    from partners import services as partners_services
    from partners.services.common import refresh_organisation_search_text
    from projects.models import Project
    from soliris import search

    private, unverified = hidden_parties
    found = lambda text: list(search.filter(Project.objects.all(), text))  # noqa: E731
    assert found("Collectif Nouveau") == []
    partners_services.organisation_verify(actor=make_user(staff=True), organisation=unverified)
    assert found("Collectif Nouveau") == [project]

    unverified.visibility = Visibility.PRIVATE
    unverified.save(update_fields=["visibility"])
    refresh_organisation_search_text(unverified)
    assert found("Collectif Nouveau") == []
    assert found("Escondida") == []
