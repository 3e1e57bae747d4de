"""Proposing a project, answering for a party and deciding on an answer are recorded under a
person's name: refused, with a link to the profile, to someone who gave none."""

from projects.models import Project, ProjectParty, Submission, SubmissionStatus
from tests.projects.conftest import said

NO_NAME = "Ajoutez d’abord votre nom complet à votre profil"


def _nameless(user):
    user.full_name = ""
    user.save(update_fields=["full_name"])
    return user


def test_proposing_a_project_without_a_full_name_is_refused_with_a_link_to_the_profile(cast, client, login):
    login(_nameless(cast.user("party_coordinator")))
    page = client.get("/fr/projects/new/").content.decode()
    assert "Ajoutez votre nom à votre profil" in page
    response = client.post("/fr/projects/new/", {"proposed_by": cast.jette.pk, "title": "Sans nom"})
    assert response.status_code == 200
    assert NO_NAME in response.content.decode()
    assert not Project.objects.filter(title_fr="Sans nom").exists()


def test_confirming_a_party_without_a_full_name_is_refused(project, cast, client, login):
    login(_nameless(cast.user("invited_coordinator")))
    url = f"/fr/projects/{project.key}/parties/{cast.stadd.slug}/answer/"
    assert "Ajoutez votre nom à votre profil" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "answer": "confirm",
            "role": "Formation",
            "contribution": "Formateurs",
            "decision_level": "co_decides",
        },
    )
    assert response.status_code == 200
    assert NO_NAME in response.content.decode()
    assert ProjectParty.objects.get(project=project, organisation=cast.stadd).status == "invited"


def test_deciding_on_an_answer_without_a_full_name_is_refused(objects, cast, client, login):
    login(_nameless(cast.user("outsider")))
    call, submission = objects["call"], objects["submission"]
    response = client.post(
        f"/fr/calls/{call.key}/answers/{submission.key}/decide/", {"decision": "select"}, follow=True
    )
    assert any(NO_NAME in message for message in said(response))
    assert "Ajoutez votre nom à votre profil" in response.content.decode()
    assert Submission.objects.get(pk=submission.pk).status == SubmissionStatus.SUBMITTED
