"""SDG links of recommendations (pages, filter, booklet) and projects by SDG in the annual report."""

import re

import pytest
from django.utils import timezone, translation

from events import annual_report, pdfs, services
from projects.models import Goal
from tests.events.conftest import make_recommendations, projects_of_the_year

pytestmark = pytest.mark.django_db


def test_an_organiser_links_a_recommendation_to_sdgs_and_the_pages_show_them(as_role, event):
    section, _items = make_recommendations(event, 1)
    client = as_role("party_editor")
    response = client.post(
        f"/fr/events/{event.slug}/recommendations/new/",
        {
            "section": section.key,
            "original_language": "fr",
            "text_fr": "Mutualiser les expertises entre diasporas.",
            "sdg_goals": ["13", "17"],
        },
    )
    assert response.status_code == 302
    recommendation = section.recommendations.get(number=2)
    assert sorted(recommendation.sdg_goals.values_list("number", flat=True)) == [13, 17]

    climate = Goal.objects.get(number=13)
    body = client.get(f"/fr/recommendations/{recommendation.key}/").content.decode()
    assert "ODD 13" in body and "ODD 17" in body
    assert f"sdg-goal-{climate.number}" in body  # the goal's colour, as a class of projects/sdg.css
    page = client.get(f"/es/events/{event.slug}/recommendations/").content.decode()
    assert "ODS 13" in page


def test_the_sdg_filter_narrows_the_event_page_and_the_list_of_all_recommendations(client, event):
    _section, items = make_recommendations(event, 3)
    items[0].sdg_goals.add(Goal.objects.get(number=4))
    items[1].sdg_goals.add(Goal.objects.get(number=4), Goal.objects.get(number=10))
    event_url = f"/fr/events/{event.slug}/recommendations/"
    assert client.get(event_url, {"sdg": 4}).context["count"] == 2
    assert client.get(event_url, {"sdg": 10}).context["count"] == 1
    assert client.get(event_url, {"sdg": 1}).context["count"] == 0
    assert client.get("/fr/recommendations/", {"sdg": 4}).context["page"].paginator.count == 2
    for forged in ("99", "abc", "-1"):
        response = client.get(event_url, {"sdg": forged})
        assert response.status_code == 200
        assert "Sélectionnez un choix valide" in response.content.decode()


def test_a_recommendations_sdgs_are_kept_when_its_text_is_edited(as_role, event):
    _section, (recommendation,) = make_recommendations(event, 1)
    recommendation.sdg_goals.add(Goal.objects.get(number=16))
    services.recommendation_update(
        actor=_organiser(event),
        recommendation=recommendation,
        data={"text_fr": "Nouveau texte."},
        expected_version=recommendation.version,
    )
    assert list(recommendation.sdg_goals.values_list("number", flat=True)) == [16]


def _organiser(event):
    from partners.models import Membership

    return Membership.objects.filter(organisation__in=event.organisers.all(), role="editor").first().user


def test_the_booklet_shows_each_recommendations_sdgs_in_the_goals_colours(event):
    _section, items = make_recommendations(event, 2)
    items[0].sdg_goals.add(Goal.objects.get(number=6))
    inputs = pdfs.booklet_content({"event": event.slug})
    sdgs = [r["sdgs"] for s in inputs["sections"] for r in s["recommendations"]]
    water = Goal.objects.get(number=6)
    assert sdgs[0] == [{"number": 6, "colour": water.colour, "text_colour": water.text_colour}]
    assert sdgs[1] == []
    with translation.override("es"):
        html = pdfs.render_booklet(inputs, {"event": event.slug, "language": "es"}, lambda p: None)
    assert html.count("ODS 6") == 1


def test_the_annual_report_counts_public_projects_by_sdg_in_the_goals_colours(cast):
    year = timezone.now().year - 1
    projects_of_the_year(cast, year)
    parameters = {"year": year, "language": "fr"}
    inputs = annual_report.report_content(parameters)
    goals = {g["number"]: g for g in inputs["projects"]["goals"]}
    assert inputs["projects"]["total"] == 3
    assert len(goals) == 17
    assert (goals[13]["count"], goals[13]["primary"]) == (3, 1)
    assert (goals[6]["count"], goals[6]["primary"]) == (1, 1)
    assert (goals[2]["count"], goals[11]["count"], goals[1]["count"]) == (1, 1, 0)
    with translation.override("fr"):
        html = annual_report.render_report(inputs, parameters, lambda p: None)
    for number in (2, 6, 13):
        goal = Goal.objects.get(number=number)
        assert f'fill="{goal.colour}"' in html
    climate = Goal.objects.get(number=13)
    row = re.search(
        r"13\. <span>"
        + re.escape(climate.short_title_fr)
        + r"</span></td><td class=\"n\">(\d+)</td><td class=\"n\">(\d+)</td>",
        html,
    )
    assert row and row.groups() == ("3", "1")
