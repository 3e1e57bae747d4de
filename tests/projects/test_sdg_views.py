"""The SDG pages (projects/views/sdgs.py) through the client, and a partnership's shared goals."""

from django.template.loader import render_to_string
from django.utils import translation

from projects.models import Goal, PartnershipGoal
from projects.sdgs import organisation_ids_for_goal, partnership_ids_for_goal
from projects.services import partnership_goals_edit, project_submit
from tests.projects.conftest import make_ready


def test_partnership_editors_set_the_shared_goals_and_the_partial_shows_them(cast, as_role):
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


def test_the_directory_facet_finds_the_parties_and_partnerships_of_public_projects_by_goal(
    project, cast, open_call
):
    assert list(organisation_ids_for_goal(6)) == []  # the project is not public yet
    make_ready(project, cast)

    project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    assert set(organisation_ids_for_goal(6)) == {cast.jette.pk, cast.tarija.pk, cast.stadd.pk}
    assert list(partnership_ids_for_goal(6)) == [cast.partnership.pk]
    assert list(partnership_ids_for_goal(2)) == []
    partnership_goals_edit(
        actor=cast.user("party_editor"), partnership=cast.partnership, goals=[project.sdg_links.get().goal]
    )
    assert list(partnership_ids_for_goal(6)) == [cast.partnership.pk]


def test_the_shared_goals_read_once_speak_each_readers_language(cast, as_role):
    as_role("partner_coordinator").post(
        f"/fr/partnerships/{cast.partnership.key}/sdgs/", {"goals": ["13", "6"]}
    )
    for language in ("fr", "es", "nl"):
        with translation.override(language):
            titles = [str(Goal.objects.get(number=n).short_title) for n in (6, 13)]
        page = as_role("anonymous").get(f"/{language}/partnerships/{cast.partnership.key}/").content.decode()
        assert titles[0] in page and titles[1] in page
        assert page.index("/sdgs/6/") < page.index("/sdgs/13/")  # by number
