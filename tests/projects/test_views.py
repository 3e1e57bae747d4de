from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from projects.models import Call, PartnershipGoal, Project, ProjectDocument, ProjectParty, SDGLink, Submission
from tests.projects.conftest import make_ready


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


def test_linking_targets_through_the_form_and_htmx(project, as_role, goal6):
    client = as_role("party_editor")
    fragment = client.get(f"/fr/projects/{project.key}/sdgs/?goal={goal6.pk}", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert "<html" not in fragment.content.decode() and "6.a" in fragment.content.decode()
    goal13 = SDGLink._meta.get_field("goal").related_model.objects.get(number=13)
    target = goal13.targets.get(code="13.1")
    response = client.post(
        f"/fr/projects/{project.key}/sdgs/",
        {"goal": goal13.pk, "targets": [target.pk], "is_primary": "on", "contribution": "Climat"},
    )
    assert response.status_code == 302
    assert SDGLink.objects.get(project=project, is_primary=True).goal.number == 13


def test_a_target_of_another_goal_is_refused_with_a_message(project, as_role, goal6):
    client = as_role("party_editor")
    other = SDGLink._meta.get_field("goal").related_model.objects.get(number=13).targets.first()
    response = client.post(f"/fr/projects/{project.key}/sdgs/", {"goal": goal6.pk, "targets": [other.pk]})
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()


def test_funding_needs_a_source(project, as_role):
    client = as_role("party_editor")
    response = client.post(
        f"/fr/projects/{project.key}/funding/",
        {"source": "outside", "amount": "100", "currency": "EUR", "kind": "cash"},
    )
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    response = client.post(
        f"/fr/projects/{project.key}/funding/",
        {
            "source": "cast-tarija",
            "amount": "1500.50",
            "currency": "BOB",
            "kind": "in_kind",
            "label": "Équipe",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/fr/projects/{project.key}/").content.decode()
    assert "Co-financing in BOB" in page or "BOB" in page


def test_documents_are_validated_and_streamed_to_the_parties_only(project, as_role):
    client = as_role("party_editor")
    response = client.post(
        f"/fr/projects/{project.key}/documents/",
        {
            "title": "Script",
            "file": SimpleUploadedFile("virus.exe", b"MZ....", content_type="application/octet-stream"),
        },
    )
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    response = client.post(
        f"/fr/projects/{project.key}/documents/",
        {
            "title": "Faux PDF",
            "file": SimpleUploadedFile("faux.pdf", b"not a pdf", content_type="application/pdf"),
        },
    )
    assert response.status_code == 200 and "Faux PDF" in response.content.decode()
    response = client.post(
        f"/fr/projects/{project.key}/documents/",
        {
            "title": "Budget",
            "file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    document = ProjectDocument.objects.get()
    download = client.get(reverse("projects:document_download", args=[project.key, document.key]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 budget"
    assert download["Content-Disposition"].startswith("attachment")
    outsider = as_role("outsider")
    assert (
        outsider.get(reverse("projects:document_download", args=[project.key, document.key])).status_code
        == 404
    )


def test_the_partner_confirms_in_spanish_and_fills_its_role(project, cast, as_role):
    client = as_role("invited_coordinator")
    page = client.get(f"/es/projects/{project.key}/parties/cast-stadd/answer/")
    assert page.status_code == 200
    response = client.post(
        f"/es/projects/{project.key}/parties/cast-stadd/answer/",
        {"answer": "confirm", "role": "", "contribution": "", "decision_level": "co_decides"},
    )
    assert response.status_code == 200  # role and contribution are required to confirm
    response = client.post(
        f"/es/projects/{project.key}/parties/cast-stadd/answer/",
        {
            "answer": "confirm",
            "role": "Formación",
            "contribution": "Dos formadores",
            "decision_level": "co_decides",
        },
    )
    assert response.status_code == 302
    party = ProjectParty.objects.get(project=project, organisation=cast.stadd)
    assert (party.status, party.role) == ("confirmed", "Formación")
    project.refresh_from_db()
    assert project.status == "confirmed"


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


def test_a_concurrent_edit_shows_both_texts(project, as_role):
    client = as_role("party_editor")
    version = project.version
    client.post(f"/fr/projects/{project.key}/edit/", {"title": "Version A", "version": version})
    response = client.post(f"/fr/projects/{project.key}/edit/", {"title": "Version B", "version": version})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Version A" in page and "Version B" in page


def test_partnership_editors_set_the_shared_goals_and_the_partial_shows_them(cast, as_role):
    from django.template.loader import render_to_string

    client = as_role("partner_coordinator")
    response = client.post(f"/fr/partnerships/{cast.partnership.key}/sdgs/", {"goals": ["6", "13"]})
    assert response.status_code == 302
    assert sorted(PartnershipGoal.objects.values_list("goal__number", flat=True)) == [6, 13]
    html = render_to_string(
        "projects/partials/partnership_sdgs.html",
        {"partnership": cast.partnership, "user": cast.user("party_editor")},
    )
    assert "/sdgs/13/" in html and f"/partnerships/{cast.partnership.key}/sdgs/" in html
    html = render_to_string(
        "projects/partials/partnership_sdgs.html",
        {"partnership": cast.partnership, "user": cast.user("outsider")},
    )
    assert "/sdgs/6/" in html and f"/partnerships/{cast.partnership.key}/sdgs/" not in html


def test_the_selectors_for_the_directory_facet(project, cast, open_call):
    from projects.selectors import organisation_ids_for_goal, partnership_ids_for_goal
    from projects.services import partnership_goals_edit

    assert organisation_ids_for_goal(6) == []  # the project is not public yet
    make_ready(project, cast)
    from projects.services import project_submit

    project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    assert set(organisation_ids_for_goal(6)) == {cast.jette.pk, cast.tarija.pk, cast.stadd.pk}
    assert partnership_ids_for_goal(6) == [cast.partnership.pk]
    assert partnership_ids_for_goal(2) == []
    partnership_goals_edit(
        actor=cast.user("party_editor"), partnership=cast.partnership, goals=[project.sdg_links.get().goal]
    )
    assert partnership_ids_for_goal(6) == [cast.partnership.pk]


def test_the_dashboard_and_home_sections_render(project, as_role):
    client = as_role("party_viewer")
    assert "Protection des sources" in client.get("/fr/dashboard/").content.decode()
    assert as_role("anonymous").get("/fr/").status_code == 200


def test_changing_a_link_shows_its_targets_checked(project, as_role, goal6):
    page = as_role("party_editor").get(f"/fr/projects/{project.key}/sdgs/?goal={goal6.pk}").content.decode()
    checked = {
        target.code
        for target in goal6.targets.all()
        if f'value="{target.pk}" id="target-{target.pk}" checked' in page
    }
    assert checked == {"6.1", "6.b"}


def test_the_publisher_sees_the_answers_to_review_on_its_dashboard(project, cast, as_role, open_call):
    from projects.services import project_submit

    make_ready(project, cast)
    project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    page = as_role("outsider").get("/en/dashboard/").content.decode()
    assert f"/calls/{open_call.key}/answers/" in page
    assert "1 answer to review" in page


def test_the_list_narrows_to_my_organisations_projects(project, cast, as_role):
    from projects.models import Project

    other = Project.objects.create(
        title_fr="Projet de Periferia", proposed_by=cast.periferia, status="running"
    )
    other.parties.create(organisation=cast.periferia, status="confirmed")
    client = as_role("party_viewer")
    everything = client.get("/fr/projects/").content.decode()
    assert "Projet de Periferia" in everything and "Protection des sources" in everything
    mine = client.get("/fr/projects/?mine=on").content.decode()
    assert "Projet de Periferia" not in mine and "Protection des sources" in mine


def test_a_coordinator_publishes_a_call_and_staff_publish_the_platforms(cast, as_role):
    from projects.models import Call

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
        f"/fr/calls/{call.key}/edit/", {**data, "title": "Appel 2027 bis", "closes_at": "2026-12-01T09:00"}
    )
    assert response.status_code == 200 and "Appel 2027 bis" in response.content.decode()
    assert client.post(f"/fr/calls/{call.key}/edit/", {**data, "title": "Appel 2027 bis"}).status_code == 302
    call.refresh_from_db()
    assert call.title_fr == "Appel 2027 bis"


def test_inviting_a_partner_and_adding_a_site_through_the_pages(project, cast, as_role):
    client = as_role("party_coordinator")
    response = client.post(f"/fr/projects/{project.key}/parties/", {"organisation": cast.periferia.pk})
    assert response.status_code == 302
    assert ProjectParty.objects.get(project=project, organisation=cast.periferia).status == "invited"
    again = client.post(f"/fr/projects/{project.key}/parties/", {"organisation": cast.periferia.pk})
    assert again.status_code == 200  # already a party: the choice is refused
    editor = as_role("party_editor")
    assert (
        editor.post(f"/fr/projects/{project.key}/parties/", {"organisation": cast.periferia.pk}).status_code
        == 403
    )
    response = editor.post(
        f"/fr/projects/{project.key}/sites/", {"country": "BE", "locality": "Jette", "change": "Un jardin"}
    )
    assert response.status_code == 302
    page = editor.get(f"/fr/projects/{project.key}/").content.decode()
    assert "territoire de" in page and "Commune de Jette" in page


def test_after_declining_the_invited_coordinator_lands_on_the_list(project, as_role):
    client = as_role("invited_coordinator")
    response = client.post(
        f"/fr/projects/{project.key}/parties/cast-stadd/answer/",
        {"answer": "decline", "reason": "Pas cette année", "decision_level": "co_decides"},
    )
    assert response.status_code == 302 and response["Location"].endswith("/fr/projects/")
    assert client.get(f"/fr/projects/{project.key}/").status_code == 404


def test_the_shared_goals_read_once_speak_each_readers_language(cast, as_role):
    from django.utils import translation

    from projects.models import Goal

    as_role("partner_coordinator").post(
        f"/fr/partnerships/{cast.partnership.key}/sdgs/", {"goals": ["13", "6"]}
    )
    for language in ("fr", "es", "nl"):
        with translation.override(language):
            titles = [str(Goal.objects.get(number=n).short_title) for n in (6, 13)]
        page = as_role("anonymous").get(f"/{language}/partnerships/{cast.partnership.key}/").content.decode()
        assert titles[0] in page and titles[1] in page
        assert page.index("/sdgs/6/") < page.index("/sdgs/13/")  # by number
