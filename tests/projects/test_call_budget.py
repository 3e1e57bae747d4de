"""The call's answers page: what each project requests against the call's budget (the amount,
its share of the budget, the total against the budget), asked for when the project answers."""

from decimal import Decimal
from types import SimpleNamespace

from projects.budgets import call_budget_summary
from projects.models import Submission
from tests.projects.conftest import make_ready


def test_a_project_answers_with_the_amount_it_requests_and_the_publisher_sees_its_share(
    project, cast, as_role, open_call
):
    make_ready(project, cast)
    client = as_role("party_coordinator")
    form = client.get(f"/fr/projects/{project.key}/submit/").content.decode()
    assert 'name="requested_amount"' in form
    response = client.post(
        f"/fr/projects/{project.key}/submit/", {"call": open_call.key, "requested_amount": "5000"}
    )
    assert response.status_code == 302
    assert Submission.objects.get().requested_amount == Decimal("5000")
    page = as_role("outsider").get(f"/en/calls/{open_call.key}/answers/").content.decode()
    assert "Requested against the budget" in page
    assert "The answers request 5,000.00 EUR of a budget of 20,000.00 EUR." in page
    assert "That is 25 % of the budget." in page
    assert "Requests 5,000.00 EUR — 25 % of the budget" in page
    assert "15,000.00 EUR of the budget is not requested." in page
    french = as_role("outsider").get(f"/fr/calls/{open_call.key}/answers/").content.decode()
    assert "Demandé au regard du budget" in french and "25\u202f% du budget" in french


def test_answers_that_request_more_than_the_budget_are_flagged(project, cast, as_role, open_call):
    make_ready(project, cast)
    as_role("party_coordinator").post(
        f"/fr/projects/{project.key}/submit/", {"call": open_call.key, "requested_amount": "26000"}
    )
    page = as_role("outsider").get(f"/en/calls/{open_call.key}/answers/").content.decode()
    assert "The answers together request 6,000.00 EUR more than the budget." in page
    assert "130 %" in page


def test_an_answer_without_an_amount_is_counted_apart():
    call = SimpleNamespace(budget=Decimal("50000"), currency="EUR")
    rows = [SimpleNamespace(requested_amount=Decimal("12000")), SimpleNamespace(requested_amount=None)]
    summary = call_budget_summary(call, rows)
    assert summary["requested"] == Decimal("12000") and summary["unstated"] == 1
    assert summary["share"] == Decimal("24") and rows[0].budget_share == Decimal("24")
    assert rows[1].budget_share is None and summary["left"] == Decimal("38000")
    no_budget = call_budget_summary(SimpleNamespace(budget=None, currency="EUR"), rows)
    assert no_budget["share"] is None and no_budget["over"] is None and no_budget["bar"] is None


def test_the_demo_call_shows_its_two_answers_against_its_budget(client):
    from django.core.management import call_command

    from projects.models import Call
    from soliris.models import User

    call_command("seed_demo")
    call = Call.objects.get(key="bruxelles2026")
    client.force_login(User.objects.get(email="solidarite@bruxelles.demo"))
    page = client.get(f"/en/calls/{call.key}/answers/").content.decode()
    assert "The answers request 30,500.00 EUR of a budget of 50,000.00 EUR." in page
    assert "61 % of the budget" in page
