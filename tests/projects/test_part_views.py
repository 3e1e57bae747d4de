"""The parts of a project (projects/views/parts.py) through the client: parties, sites, goals, funding, documents."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.models import ProjectDocument, ProjectParty, SDGLink
from tests.projects.conftest import said


def test_an_editor_links_targets_through_the_form_and_htmx(project, as_role, goal6):
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


def test_changing_a_link_shows_its_targets_checked(project, as_role, goal6):
    page = as_role("party_editor").get(f"/fr/projects/{project.key}/sdgs/?goal={goal6.pk}").content.decode()
    checked = {
        target.code
        for target in goal6.targets.all()
        if f'value="{target.pk}" id="target-{target.pk}" checked' in page
    }
    assert checked == {"6.1", "6.b"}


def test_a_funding_line_needs_a_source_and_then_shows_on_the_project(project, as_role):
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


def test_after_declining_the_invited_coordinator_lands_on_the_list(project, as_role):
    client = as_role("invited_coordinator")
    response = client.post(
        f"/fr/projects/{project.key}/parties/cast-stadd/answer/",
        {"answer": "decline", "reason": "Pas cette année", "decision_level": "co_decides"},
    )
    assert response.status_code == 302 and response["Location"].endswith("/fr/projects/")
    assert client.get(f"/fr/projects/{project.key}/").status_code == 404


def test_a_coordinator_invites_a_partner_and_an_editor_adds_a_site(project, cast, as_role):
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


def test_a_coordinator_withdraws_an_unanswered_invitation(project, cast, as_role):
    client = as_role("party_coordinator")
    asked = client.post(f"/en/projects/{project.key}/parties/cast-stadd/withdraw/")
    assert "Withdraw the invitation of STADD?" in asked.content.decode()
    response = client.post(
        f"/en/projects/{project.key}/parties/cast-stadd/withdraw/", {"confirmed": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith(f"/en/projects/{project.key}/parties/")
    assert said(response) == ["The invitation was withdrawn."]
    assert ProjectParty.objects.get(project=project, organisation=cast.stadd).status == "withdrawn"
    assert "Invitation withdrawn" in response.content.decode()


def test_an_editor_writes_its_organisations_role_and_sees_it_among_the_parties(project, cast, as_role):
    client = as_role("party_editor")
    response = client.post(
        f"/en/projects/{project.key}/parties/cast-jette/edit/",
        {
            "role": "Coordination in Belgium",
            "contribution": "Co-financing",
            "decision_level": "co_decides",
            "version": ProjectParty.objects.get(project=project, organisation=cast.jette).version,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith(f"/en/projects/{project.key}/parties/")
    assert said(response) == ["The role and contribution were saved."]
    assert "Coordination in Belgium" in response.content.decode()


def test_an_editor_removes_a_site_and_it_is_gone_from_the_page(project, as_role):
    site = project.sites.get()
    client = as_role("party_editor")
    response = client.post(
        f"/en/projects/{project.key}/sites/{site.key}/delete/", {"confirmed": "1"}, follow=True
    )
    assert said(response) == ["The site Tarija was removed."]
    assert not project.sites.exists()
    assert site.change not in response.content.decode()


def test_an_editor_removes_the_only_goal_of_the_project(project, as_role):
    link = project.sdg_links.get()
    client = as_role("party_editor")
    response = client.post(
        f"/en/projects/{project.key}/sdgs/{link.key}/delete/", {"confirmed": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith(f"/en/projects/{project.key}/sdgs/")
    assert said(response) == ["Goal 6 was removed from the project."]
    assert not project.sdg_links.exists()


def test_an_editor_removes_a_funding_line_and_the_totals_follow(project, as_role):
    line = project.funding_lines.get()
    client = as_role("party_editor")
    response = client.post(
        f"/en/projects/{project.key}/funding/{line.key}/delete/", {"confirmed": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith(f"/en/projects/{project.key}/funding/")
    assert said(response) == ["The funding line of Commune de Jette (6000.00 EUR) was removed."]
    assert not project.funding_lines.exists()
    page = client.get(f"/en/projects/{project.key}/funding/").content.decode()
    assert "6,000" not in page and "6000" not in page
