"""No English left on the projects pages in French or Spanish."""

import pytest

from projects.models import Submission
from projects.services import project_submit, submission_decide
from tests.conftest import untranslated_segments
from tests.projects.conftest import make_ready


@pytest.fixture
def selected_project(project, cast, open_call):
    make_ready(project, cast)
    project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    submission_decide(actor=cast.user("outsider"), submission=Submission.objects.get(), select=True)
    return project


def public_paths(project, call):
    return [
        "/sdgs/",
        "/sdgs/6/",
        "/sdgs/dashboard/",
        "/projects/",
        f"/projects/{project.key}/",
        "/calls/",
        f"/calls/{call.key}/",
    ]


def private_paths(project, call, cast):
    key = project.key
    return [
        f"/projects/{key}/edit/",
        f"/projects/{key}/parties/",
        f"/projects/{key}/parties/cast-jette/edit/",
        f"/projects/{key}/sites/",
        f"/projects/{key}/sdgs/",
        f"/projects/{key}/funding/",
        f"/projects/{key}/documents/",
        f"/projects/{key}/history/",
        "/projects/new/",
        f"/partnerships/{cast.partnership.key}/sdgs/",
    ]


# Data on the pages (names, the parties' own texts) reads the same in every language.
ALLOWED = {"Total", "(Togo)", "Co-decides"}  # "Co-decides" belongs to the partners catalogue
DATA = (
    "Protection des sources",
    "Appel à projets solidaires",
    "Commune de Jette",
    "Municipio de Tarija",
    "STADD",
    "Jette – Tarija",
    "Gestion des sources",
    "Équipe technique",
    "Coordination en Belgique",
    "Cofinancement",
    "Formation",
    "Deux formateurs",
    "Tarija",
    "Periferia",
    "Eau potable pour les quartiers",
    "Jette",  # the map panel's places: localities, and a country named alike in every language
    "Lomé",
    "Togo",
)


def untranslated(client, path, allowed):
    return {s for s in untranslated_segments(client, path, allowed=allowed) if not any(d in s for d in DATA)}


def layout(client):
    """What the shared layout leaves untranslated is the project catalogue's business, not ours."""
    return ALLOWED | untranslated_segments(
        client, "/profile/" if client.session.get("_auth_user_id") else "/"
    )


def test_public_pages_are_translated(selected_project, open_call, client):
    allowed = layout(client)
    for path in public_paths(selected_project, open_call):
        left = untranslated(client, path, allowed)
        assert not left, (path, left)


def test_the_parties_pages_are_translated(selected_project, open_call, cast, as_role):
    client = as_role("party_coordinator")
    allowed = layout(client)
    for path in private_paths(selected_project, open_call, cast):
        left = untranslated(client, path, allowed)
        assert not left, (path, left)


def test_the_publishers_pages_are_translated(selected_project, open_call, as_role):
    client = as_role("outsider")
    allowed = layout(client)
    for path in (f"/calls/{open_call.key}/answers/", f"/calls/{open_call.key}/edit/", "/calls/new/"):
        left = untranslated(client, path, allowed)
        assert not left, (path, left)


def test_plural_forms_follow_each_language(client, db):
    spanish = client.get("/es/sdgs/").content.decode()
    assert "0 proyectos" in spanish and "projet" not in spanish
    french = client.get("/fr/sdgs/").content.decode()
    assert "0 projet" in french and "0 projets" not in french
    dutch = client.get("/nl/sdgs/").content.decode()
    assert "0 projecten" in dutch
