"""Only one goal of a project is primary: the page says which one stops being primary, and
nothing changes without the person being told."""

from projects.models import Goal, SDGLink
from tests.projects.conftest import said


def test_the_form_says_which_goal_stops_being_primary(project, as_role):
    page = as_role("party_editor").get(f"/en/projects/{project.key}/sdgs/").content.decode()
    assert 'aria-describedby="primary-help"' in page
    assert "Only one goal is primary, now goal 6" in page
    assert "goal 6 stays linked as a secondary goal" in page


def test_editing_the_primary_goal_says_how_to_change_it(project, as_role, goal6):
    page = as_role("party_editor").get(f"/en/projects/{project.key}/sdgs/?goal={goal6.pk}").content.decode()
    assert "Goal 6 is the primary goal. To change it, link another goal as the primary goal." in page


def test_a_new_primary_goal_says_the_old_one_stays_linked_as_secondary(project, as_role):
    goal13 = Goal.objects.get(number=13)
    response = as_role("party_editor").post(
        f"/en/projects/{project.key}/sdgs/", {"goal": goal13.pk, "is_primary": "on"}, follow=True
    )
    assert "Goal 13 is now the primary goal; goal 6 stays linked as a secondary goal." in said(response)
    links = {link.goal.number: link.is_primary for link in SDGLink.objects.filter(project=project)}
    assert links == {6: False, 13: True}  # nothing lost: goal 6 is still linked


def test_unticking_the_only_primary_goal_is_not_silent(project, as_role, goal6):
    response = as_role("party_editor").post(
        f"/fr/projects/{project.key}/sdgs/", {"goal": goal6.pk, "contribution": "Autre texte"}, follow=True
    )
    assert any("6" in message and "principal" in message for message in said(response))
    assert SDGLink.objects.get(project=project, goal=goal6).is_primary


def test_the_form_is_kept_with_its_message_in_every_language(project, as_role):
    for language, word in (("fr", "principal"), ("nl", "hoofd"), ("es", "principal")):
        page = as_role("party_editor").get(f"/{language}/projects/{project.key}/sdgs/").content.decode()
        assert word in page.split('id="primary-help"')[1].split("</p>")[0].lower(), language


def test_the_party_forms_say_what_a_decision_level_means(project, as_role):
    page = (
        as_role("party_editor").get(f"/nl/projects/{project.key}/parties/cast-jette/edit/").content.decode()
    )
    assert "Hoe uw organisatie deelneemt aan de beslissingen van het project" in page
    funding = as_role("party_editor").get(f"/es/projects/{project.key}/funding/").content.decode()
    assert "En especie: trabajo, bienes o locales" in funding
