from django.core.management import call_command

from projects.models import Call, Project, SDGLink, Submission


def test_the_demo_has_the_seeds_projects_and_an_open_call_with_two_answers(db, client):
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    assert Project.objects.count() == 7
    herent = Project.objects.get(key="herentbos")
    assert herent.title_es == "Reforestación en Nimlaha'kok"
    links = {link.goal.number: link.is_primary for link in SDGLink.objects.filter(project=herent)}
    assert links == {13: True, 15: False, 6: False}
    call = Call.objects.get(key="bruxelles2026")
    assert call.publisher.slug == "ville-de-bruxelles" and call.is_open()
    assert Submission.objects.filter(call=call).count() == 2
    assert client.get("/fr/projects/?q=nimlahakok").content.decode().count("project-card") == 1
    assert client.login(email="solidarite@bruxelles.demo", password="soliris-demo")
    assert client.get(f"/fr/calls/{call.key}/answers/").status_code == 200
