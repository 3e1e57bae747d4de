"""Every constraint of the app speaks the user's language, on the field it is about; its
name never reaches a page."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from projects.models import FundingLine, Goal, PartnershipGoal, ProjectParty, SDGLink, Submission
from projects.services.common import clean


def test_a_project_ending_before_it_starts_is_refused_on_the_end_field_in_dutch(cast, as_role):
    client = as_role("party_coordinator")
    response = client.post(
        "/nl/projects/new/",
        {
            "proposed_by": cast.jette.pk,
            "title": "Omgekeerd",
            "starts_on": "2027-01-01",
            "ends_on": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["Het einde valt vóór het begin."]
    assert "projects_project_ends_after_start" not in response.content.decode()


def test_a_project_edit_ending_before_it_starts_is_refused_on_the_end_field(project, as_role):
    client = as_role("party_editor")
    response = client.post(
        f"/es/projects/{project.key}/edit/",
        {"title": "Al revés", "starts_on": "2027-01-01", "ends_on": "2026-01-01", "version": project.version},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["ends_on"]
    assert "projects_project_ends_after_start" not in response.content.decode()


def test_a_call_closing_before_it_opens_is_refused_on_the_closing_field_in_english(cast, as_role):
    client = as_role("outsider")
    response = client.post(
        "/en/calls/new/",
        {
            "publisher": cast.periferia.slug,
            "title": "Backwards",
            "currency": "EUR",
            "opens_at": "2027-02-01T09:00",
            "closes_at": "2027-01-01T09:00",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"] == ["The call must close after it opens."]
    assert "projects_call_closes_after_opening" not in response.content.decode()


def _errors(instance, language):
    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            clean(instance)
        return {field: [str(m) for m in messages] for field, messages in caught.value.message_dict.items()}


def test_a_second_answer_to_one_call_is_refused_on_the_call_field(project, open_call):
    Submission.objects.create(call=open_call, project=project)
    errors = _errors(Submission(call=open_call, project=project), "fr")
    assert errors["call"] == ["Ce projet a déjà répondu à cet appel."]


def test_a_second_party_for_one_organisation_is_refused_on_the_organisation_field(project, cast):
    errors = _errors(ProjectParty(project=project, organisation=cast.tarija), "nl")
    assert errors["organisation"] == ["Deze organisatie is al partij bij dit project."]


def test_a_second_primary_goal_and_a_goal_linked_twice_are_refused_on_their_fields(project):
    errors = _errors(SDGLink(project=project, goal=Goal.objects.get(number=13), is_primary=True), "es")
    assert errors["is_primary"] == ["El proyecto ya tiene un objetivo principal."]
    errors = _errors(SDGLink(project=project, goal=Goal.objects.get(number=6)), "fr")
    assert errors["goal"] == ["Cet objectif est déjà lié au projet."]


def test_a_funding_line_with_two_sources_or_a_negative_amount_is_refused_on_its_fields(project, cast):
    party = ProjectParty.objects.get(project=project, organisation=cast.jette)
    errors = _errors(FundingLine(project=project, party=party, funder_name="Région", amount=Decimal(1)), "fr")
    assert errors["source"] == ["Choisissez soit une partie, soit un financeur extérieur, pas les deux."]
    errors = _errors(FundingLine(project=project, funder_name="Région", amount=Decimal(-1)), "nl")
    assert list(errors) == ["amount"]  # the field's own validator answers first, on the field
    (not_negative,) = [c for c in FundingLine._meta.constraints if c.name == "projects_funding_not_negative"]
    with translation.override("nl"):
        assert str(not_negative.violation_error_message) == "Het bedrag kan niet negatief zijn."


def test_a_goal_shared_twice_by_a_partnership_is_refused_on_the_goals_field(cast):
    goal = Goal.objects.get(number=6)
    PartnershipGoal.objects.create(partnership=cast.partnership, goal=goal)
    errors = _errors(PartnershipGoal(partnership=cast.partnership, goal=goal), "es")
    assert errors["goals"] == ["La asociación ya comparte este objetivo."]
