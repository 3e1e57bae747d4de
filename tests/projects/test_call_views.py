"""Calls for projects (projects/views/calls.py) through the client: publishing, answering, deciding."""

from projects.models import Call, Submission
from projects.services import project_submit
from tests.projects.conftest import make_ready


def test_a_coordinator_publishes_a_call_and_staff_publish_the_platforms(cast, as_role):

    client = as_role("outsider")
    data = {
        "publisher": cast.periferia.slug,
        "title": "Appel 2027",
        "description": "Des projets ici et là-bas",
        "criteria": "Parité",
        "budget": "15000",
        "currency": "EUR",
        "goals": ["6", "13"],
        "opens_at": "2027-01-01T09:00",
        "closes_at": "2027-03-31T18:00",
    }
    response = client.post("/fr/calls/new/", data)
    call = Call.objects.get(title_fr="Appel 2027")
    assert response.status_code == 302 and call.publisher == cast.periferia
    assert sorted(call.goals.values_list("number", flat=True)) == [6, 13]
    # A coordinator cannot publish in the name of another organisation or of the platform.
    for publisher in (cast.jette.slug, "platform"):
        response = client.post("/fr/calls/new/", {**data, "publisher": publisher, "title": "Usurpé"})
        assert response.status_code == 200
    assert not Call.objects.filter(title_fr="Usurpé").exists()
    staff = as_role("staff")
    assert (
        staff.post("/fr/calls/new/", {**data, "publisher": "platform", "title": "Plateforme"}).status_code
        == 302
    )
    assert Call.objects.get(title_fr="Plateforme").publisher is None
    # Closing before opening is refused, with the text kept.
    client = as_role("outsider")
    response = client.post(
        f"/fr/calls/{call.key}/edit/",
        {**data, "title": "Appel 2027 bis", "closes_at": "2026-12-01T09:00", "version": call.version},
    )
    assert response.status_code == 200 and "Appel 2027 bis" in response.content.decode()
    assert (
        "doit clôturer après son ouverture" in response.content.decode()
    )  # the constraint's message, translated
    edited = {**data, "title": "Appel 2027 bis", "version": call.version}
    assert client.post(f"/fr/calls/{call.key}/edit/", edited).status_code == 302
    call.refresh_from_db()
    assert call.title_fr == "Appel 2027 bis"


def test_the_publisher_selects_through_the_review_page_and_the_laureate_is_shown(
    project, cast, as_role, open_call
):
    make_ready(project, cast)
    client = as_role("party_coordinator")
    assert client.post(f"/fr/projects/{project.key}/submit/", {"call": open_call.key}).status_code == 302
    submission = Submission.objects.get()
    publisher = as_role("outsider")
    assert "Protection des sources" in publisher.get(f"/fr/calls/{open_call.key}/answers/").content.decode()
    response = publisher.post(
        f"/fr/calls/{open_call.key}/answers/{submission.key}/decide/", {"decision": "select", "reason": ""}
    )
    assert response.status_code == 302
    page = as_role("anonymous").get(f"/fr/calls/{open_call.key}/").content.decode()
    assert "Protection des sources" in page.split("Laureates")[-1] or "Protection des sources" in page


def test_the_publisher_sees_the_answers_to_review_on_its_dashboard(project, cast, as_role, open_call):
    make_ready(project, cast)
    project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    page = as_role("outsider").get("/en/dashboard/").content.decode()
    assert f"/calls/{open_call.key}/answers/" in page
    assert "1 answer to review" in page
