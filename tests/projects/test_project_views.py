"""The project pages (projects/views/projects.py) through the client: what a party saves, then sees."""

from datetime import timedelta

from django.utils import timezone

from projects.models import Call, Project, ProjectParty, Submission
from tests.projects.conftest import make_ready, said


def test_a_coordinator_creates_a_draft_with_a_partner_abroad(cast, as_role):
    client = as_role("party_coordinator")
    response = client.post(
        "/fr/projects/new/",
        {
            "proposed_by": cast.jette.pk,
            "title": "Jardins d'eau",
            "summary": "Ici et là-bas",
            "partners": [cast.tarija.pk],
            "starts_on": "2026-09-01",
            "ends_on": "2027-06-30",
        },
    )
    project = Project.objects.get(title_fr="Jardins d'eau")
    assert response.status_code == 302 and response["Location"].endswith(f"/projects/{project.key}/")
    assert project.status == "draft"
    assert dict(ProjectParty.objects.filter(project=project).values_list("organisation__slug", "status")) == {
        "cast-jette": "confirmed",
        "cast-tarija": "invited",
    }


def test_bad_input_gets_a_clear_message_and_the_text_back(cast, as_role):
    client = as_role("party_coordinator")
    response = client.post(
        "/fr/projects/new/",
        {
            "proposed_by": cast.jette.pk,
            "title": "Mon beau projet",
            "starts_on": "2027-01-01",
            "ends_on": "2026-01-01",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mon beau projet" in page
    assert 'class="error"' in page
    assert not Project.objects.filter(title_fr="Mon beau projet").exists()


def test_a_viewer_cannot_propose_for_an_organisation_it_only_views(cast, as_role):
    client = as_role("party_coordinator")
    response = client.post("/fr/projects/new/", {"proposed_by": cast.periferia.pk, "title": "Pas à moi"})
    assert response.status_code == 200
    assert not Project.objects.filter(title_fr="Pas à moi").exists()


def test_a_concurrent_edit_shows_both_texts(project, as_role):
    client = as_role("party_editor")
    version = project.version
    client.post(f"/fr/projects/{project.key}/edit/", {"title": "Version A", "version": version})
    response = client.post(f"/fr/projects/{project.key}/edit/", {"title": "Version B", "version": version})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Version A" in page and "Version B" in page
    assert 'class="card conflict"' in page  # the kernel's screen of what was saved meanwhile
    assert f'name="version" value="{version + 1}"' in page
    # Saving again keeps the user's own text.
    response = client.post(
        f"/fr/projects/{project.key}/edit/", {"title": "Version B", "version": version + 1}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title_fr == "Version B"


def test_after_the_deadline_the_submit_page_refuses_clearly(project, cast, as_role, open_call):
    make_ready(project, cast)
    Call.objects.filter(pk=open_call.pk).update(
        opens_at=timezone.now() - timedelta(days=20), closes_at=timezone.now() - timedelta(minutes=1)
    )
    client = as_role("party_coordinator")
    response = client.post(f"/fr/projects/{project.key}/submit/", {"call": open_call.key})
    assert response.status_code == 200
    assert "accepte plus de projets" in response.content.decode()
    project.refresh_from_db()
    assert project.status == "confirmed"


def test_the_list_narrows_to_my_organisations_projects(project, cast, as_role):
    other = Project.objects.create(
        title_fr="Projet de Periferia", proposed_by=cast.periferia, status="running"
    )
    other.parties.create(organisation=cast.periferia, status="confirmed")
    client = as_role("party_viewer")
    everything = client.get("/fr/projects/").content.decode()
    assert "Projet de Periferia" in everything and "Protection des sources" in everything
    mine = client.get("/fr/projects/?mine=on").content.decode()
    assert "Projet de Periferia" not in mine and "Protection des sources" in mine


def test_the_dashboard_and_home_show_the_projects_sections(project, as_role):
    client = as_role("party_viewer")
    assert "Protection des sources" in client.get("/fr/dashboard/").content.decode()
    assert as_role("anonymous").get("/fr/").status_code == 200


def test_an_editor_saves_the_english_texts_and_sees_the_new_title(project, as_role):
    client = as_role("party_editor")
    response = client.post(
        f"/en/projects/{project.key}/edit/",
        {
            "title": "Protecting Tarija's water sources",
            "summary": "With the neighbourhoods.",
            "version": project.version,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith(f"/en/projects/{project.key}/")
    assert said(response) == ["The project was saved."]
    assert "Protecting Tarija" in response.content.decode()
    project.refresh_from_db()
    assert project.title_en == "Protecting Tarija's water sources"
    assert project.title_fr == "Protection des sources d'eau à Tarija"  # the other languages are kept


def test_a_coordinator_takes_the_proposed_project_back_to_draft(project, as_role):
    client = as_role("party_coordinator")
    response = client.post(
        f"/en/projects/{project.key}/status/", {"to_status": "draft", "note": "More to write"}, follow=True
    )
    assert said(response) == ["The project's status was changed."]
    project.refresh_from_db()
    assert project.status == "draft"
    assert project.status_changes.last().note == "More to write"


def test_a_coordinator_submits_a_ready_project_to_the_open_call(project, cast, as_role, open_call):
    make_ready(project, cast)
    client = as_role("party_coordinator")
    response = client.post(f"/en/projects/{project.key}/submit/", {"call": open_call.key}, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/en/projects/{project.key}/")
    assert said(response) == ["The project was submitted to the call."]
    project.refresh_from_db()
    assert project.status == "submitted"
    assert Submission.objects.get().call == open_call
