"""Two people saving one form: the second sees what the first saved beside their own text,
and saving again from the conflict page keeps theirs."""

from datetime import timedelta

from django.utils import timezone

from projects.models import ProjectParty
from soliris.models import AuditEntry


def _call_post(call, title, version):
    now = timezone.localtime()
    return {
        "title": title,
        "description": "",
        "criteria": "",
        "currency": "EUR",
        "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
        "version": version,
    }


def test_a_concurrent_edit_of_a_call_shows_both_texts_and_keeps_the_users(open_call, as_role):
    client = as_role("outsider")  # a coordinator of Periferia, the publisher
    url = f"/fr/calls/{open_call.key}/edit/"
    version = open_call.version
    assert f'name="version" value="{version}"' in client.get(url).content.decode()
    assert client.post(url, _call_post(open_call, "Appel A", version)).status_code == 302
    response = client.post(url, _call_post(open_call, "Appel B", version))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="card conflict"' in page
    assert "Appel A" in page and "Appel B" in page
    assert f'name="version" value="{version + 1}"' in page
    open_call.refresh_from_db()
    assert open_call.title_fr == "Appel A"
    assert client.post(url, _call_post(open_call, "Appel B", version + 1)).status_code == 302
    open_call.refresh_from_db()
    assert open_call.title_fr == "Appel B"


def _party_post(role, version):
    return {"role": role, "contribution": "Cofinancement", "decision_level": "co_decides", "version": version}


def test_a_concurrent_edit_of_a_partys_role_shows_both_texts_and_keeps_the_users(project, cast, as_role):
    party = ProjectParty.objects.get(project=project, organisation=cast.jette)
    client = as_role("party_editor")
    url = f"/fr/projects/{project.key}/parties/{cast.jette.slug}/edit/"
    version = party.version
    assert f'name="version" value="{version}"' in client.get(url).content.decode()
    assert client.post(url, _party_post("Coordination A", version)).status_code == 302
    response = client.post(url, _party_post("Coordination B", version))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="card conflict"' in page
    assert "Coordination A" in page and "Coordination B" in page
    party.refresh_from_db()
    assert party.role == "Coordination A"
    assert client.post(url, _party_post("Coordination B", version + 1)).status_code == 302
    party.refresh_from_db()
    assert party.role == "Coordination B"


def test_saving_a_partys_unchanged_role_records_nothing(project, cast, as_role):
    party = ProjectParty.objects.get(project=project, organisation=cast.tarija)
    client = as_role("partner_coordinator")
    url = f"/fr/projects/{project.key}/parties/{cast.tarija.slug}/edit/"
    before = AuditEntry.objects.count()
    post = {
        "role": party.role,
        "contribution": party.contribution,
        "decision_level": party.decision_level,
        "version": party.version,
    }
    assert client.post(url, post).status_code == 302
    version = party.version
    party.refresh_from_db()
    assert party.version == version
    assert AuditEntry.objects.count() == before


def test_saving_an_unchanged_project_records_nothing(project, as_role):
    client = as_role("party_editor")
    before = AuditEntry.objects.count()
    post = {
        "title": project.title_fr,
        "summary": project.summary_fr,
        "description": "",
        "version": project.version,
    }
    assert client.post(f"/fr/projects/{project.key}/edit/", post).status_code == 302
    version = project.version
    project.refresh_from_db()
    assert project.version == version
    assert AuditEntry.objects.count() == before


def test_saving_an_unchanged_goal_link_records_nothing(project, goal6, as_role):
    link = project.sdg_links.get()
    client = as_role("party_editor")
    before = AuditEntry.objects.count()
    post = {
        "goal": goal6.pk,
        "targets": [t.pk for t in link.targets.all()],
        "is_primary": "on",
        "contribution": link.contribution,
    }
    assert client.post(f"/fr/projects/{project.key}/sdgs/", post).status_code == 302
    assert AuditEntry.objects.count() == before
    post["contribution"] = "Autre chose"
    assert client.post(f"/fr/projects/{project.key}/sdgs/", post).status_code == 302
    assert AuditEntry.objects.count() == before + 1
