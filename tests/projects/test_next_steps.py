"""A project's states and actions: a completed or evaluated project takes no new party (the
page does not offer it; a posted invitation is refused with a message); a draft's next step,
proposing it to the partners, is its filled button."""

import pytest

from projects import services
from projects.models import Project, ProjectParty

pytestmark = pytest.mark.django_db


def test_a_completed_project_offers_and_takes_no_new_party(project, cast, as_role):
    Project.objects.filter(pk=project.pk).update(status="completed")
    client = as_role("party_coordinator")
    page = client.get(f"/en/projects/{project.key}/parties/").content.decode()
    assert "This project is completed: it takes no new party." in page
    assert "Invite a partner organisation" not in page
    response = client.post(
        f"/en/projects/{project.key}/parties/", {"organisation": cast.periferia.pk}, follow=True
    )
    assert response.status_code == 200 and "it takes no new party" in response.content.decode()
    assert not ProjectParty.objects.filter(project=project, organisation=cast.periferia).exists()
    with pytest.raises(Exception, match="no new party"):
        services.party_invite(
            actor=cast.user("party_coordinator"),
            project=Project.objects.get(pk=project.pk),
            organisation=cast.periferia,
        )


def test_a_running_project_still_takes_a_new_party(project, cast, as_role):
    Project.objects.filter(pk=project.pk).update(status="running")
    page = as_role("party_coordinator").get(f"/en/projects/{project.key}/parties/").content.decode()
    assert "Invite a partner organisation" in page


def test_a_drafts_next_step_proposing_it_is_its_filled_button(cast, as_role):
    draft = services.project_create(
        actor=cast.user("party_coordinator"),
        proposed_by=cast.jette,
        title="Bibliothèque partagée",
        summary="Des livres ici et là-bas.",
        partnership=cast.partnership,
        partners=[cast.tarija],
        language="fr",
    )
    page = as_role("party_coordinator").get(f"/en/projects/{draft.key}/").content.decode()
    assert '<button type="submit">Move to “Proposed to partners”</button>' in page
