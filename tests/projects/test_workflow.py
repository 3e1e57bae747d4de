from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from projects import services
from projects.models import (
    Goal,
    Project,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatus,
    ProjectStatusChange,
    SDGLink,
    Submission,
    SubmissionStatus,
    Target,
)
from projects.selectors import funding_summary
from soliris import audit, search
from soliris.conflicts import EditConflict
from tests.projects.conftest import make_ready


def test_a_project_is_not_confirmed_while_a_partner_has_not_answered(project):
    assert project.status == ProjectStatus.PROPOSED
    assert ProjectParty.objects.get(project=project, organisation__slug="cast-stadd").status == "invited"


def test_it_refuses_a_submission_before_every_party_confirmed(project, open_call, cast):
    with pytest.raises(ValidationError) as error:
        services.project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    assert any("STADD" in message for message in error.value.messages)
    project.refresh_from_db()
    assert project.status == ProjectStatus.PROPOSED
    assert not Submission.objects.exists()


def test_it_refuses_a_submission_before_every_party_filled_its_role(project, open_call, cast):
    stadd = ProjectParty.objects.get(project=project, organisation=cast.stadd)
    services.party_confirm(
        actor=cast.user("invited_coordinator"), party=stadd, role="Formation", contribution="Deux"
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.CONFIRMED
    with pytest.raises(ValidationError) as error:
        services.project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    assert any("Commune de Jette" in message for message in error.value.messages)


def test_a_ready_project_is_submitted_and_its_history_says_who_and_when(project, open_call, cast):
    make_ready(project, cast)
    submission = services.project_submit(
        actor=cast.user("party_coordinator"), project=project, call=open_call
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.SUBMITTED
    assert submission.status == SubmissionStatus.SUBMITTED
    last = ProjectStatusChange.objects.filter(project=project).last()
    assert (last.from_status, last.to_status, last.actor) == (
        "confirmed",
        "submitted",
        cast.user("party_coordinator"),
    )
    actions = [entry.action for entry in audit.history(project)]
    assert "projects.project.submitted" in actions
    assert "projects.party.confirmed" in actions


def test_the_deadline_is_enforced_and_nothing_is_lost(project, open_call, cast):
    make_ready(project, cast)
    title = project.title_fr
    with pytest.raises(ValidationError) as error, translation.override("en"):
        services.project_submit(
            actor=cast.user("party_coordinator"),
            project=project,
            call=open_call,
            now=open_call.closes_at + timedelta(seconds=1),
        )
    assert "no longer accepts" in error.value.messages[0]
    project.refresh_from_db()
    assert project.status == ProjectStatus.CONFIRMED
    assert project.title_fr == title
    assert not Submission.objects.exists()


def test_a_declined_party_is_removed_from_the_parties_with_the_history_kept(project, cast, client):
    stadd = ProjectParty.objects.get(project=project, organisation=cast.stadd)
    services.party_decline(actor=cast.user("invited_coordinator"), party=stadd, reason="Pas cette année")
    stadd.refresh_from_db()
    assert stadd.status == ProjectPartyStatus.DECLINED
    project.refresh_from_db()
    assert project.status == ProjectStatus.CONFIRMED  # the two remaining parties have confirmed
    entry = next(e for e in audit.history(project) if e.action == "projects.party.declined")
    assert entry.data["organisation"] == "STADD" and entry.data["reason"] == "Pas cette année"
    client.force_login(cast.user("party_viewer"))
    page = client.get(f"/fr/projects/{project.key}/").content.decode()
    parties_section = (
        page.split("<h2>Parties</h2>")[1].split("</table>")[0] if "<h2>Parties</h2>" in page else page
    )
    assert "STADD" not in parties_section
    assert "STADD" in client.get(f"/fr/projects/{project.key}/history/").content.decode()


def test_only_the_calls_publisher_selects(project, open_call, cast):
    make_ready(project, cast)
    submission = services.project_submit(
        actor=cast.user("party_coordinator"), project=project, call=open_call
    )
    for role in ("party_coordinator", "partner_coordinator", "staff"):
        with pytest.raises(ValidationError):
            services.submission_decide(actor=cast.user(role), submission=submission, select=True)
    services.submission_decide(actor=cast.user("outsider"), submission=submission, select=True)
    project.refresh_from_db()
    assert project.status == ProjectStatus.SELECTED
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SELECTED
    assert submission.decided_by == cast.user("outsider")


def test_declining_an_answer_needs_a_reason(project, open_call, cast):
    make_ready(project, cast)
    submission = services.project_submit(
        actor=cast.user("party_coordinator"), project=project, call=open_call
    )
    with pytest.raises(ValidationError):
        services.submission_decide(
            actor=cast.user("outsider"), submission=submission, select=False, reason=" "
        )
    services.submission_decide(
        actor=cast.user("outsider"), submission=submission, select=False, reason="Budget épuisé"
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.DECLINED


def test_exactly_one_goal_is_primary(project, cast):
    coordinator = cast.user("party_coordinator")
    services.sdg_link_save(
        actor=coordinator, project=project, goal=Goal.objects.get(number=13), is_primary=True
    )
    assert list(
        SDGLink.objects.filter(project=project, is_primary=True).values_list("goal__number", flat=True)
    ) == [13]
    services.sdg_link_save(actor=coordinator, project=project, goal=Goal.objects.get(number=15))
    assert SDGLink.objects.filter(project=project, is_primary=True).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        SDGLink.objects.filter(project=project, goal__number=15).update(is_primary=True)


def test_targets_must_belong_to_the_linked_goal(project, cast):
    with pytest.raises(ValidationError):
        services.sdg_link_save(
            actor=cast.user("party_coordinator"),
            project=project,
            goal=Goal.objects.get(number=13),
            targets=Target.objects.filter(code="6.1"),
        )


def test_the_primary_goal_cannot_be_removed_while_others_remain(project, cast):
    coordinator = cast.user("party_coordinator")
    services.sdg_link_save(actor=coordinator, project=project, goal=Goal.objects.get(number=13))
    with pytest.raises(ValidationError):
        services.sdg_link_delete(
            actor=coordinator, link=SDGLink.objects.get(project=project, is_primary=True)
        )


def test_funding_shares_are_computed_per_party(project, cast):
    tarija = ProjectParty.objects.get(project=project, organisation=cast.tarija)
    services.funding_add(
        actor=cast.user("party_coordinator"),
        project=project,
        party=tarija,
        amount=Decimal("2000"),
        currency="EUR",
        kind="in_kind",
    )
    services.funding_add(
        actor=cast.user("party_coordinator"),
        project=project,
        funder_name="Région de Bruxelles-Capitale",
        amount=Decimal("2000"),
        currency="EUR",
        kind="cash",
    )
    (block,) = funding_summary(project.funding_lines.select_related("party__organisation"))
    assert block["total"] == Decimal("10000")
    shares = {row["name"]: row["share"] for row in block["rows"]}
    assert shares == {"Commune de Jette": 60, "Municipio de Tarija": 20, "Région de Bruxelles-Capitale": 20}


def test_a_funding_line_has_exactly_one_source(project, cast):
    with pytest.raises(ValidationError):
        services.funding_add(
            actor=cast.user("party_coordinator"),
            project=project,
            amount=Decimal("1"),
            currency="EUR",
            kind="cash",
        )


def test_a_call_must_close_after_it_opens(cast):
    now = timezone.now()
    with pytest.raises(ValidationError):
        services.call_create(
            actor=cast.user("outsider"),
            publisher=cast.periferia,
            language="fr",
            title="Appel",
            opens_at=now,
            closes_at=now - timedelta(days=1),
        )


def test_a_concurrent_edit_is_refused_and_both_texts_are_kept(project, cast):
    version = project.version
    services.project_edit(
        actor=cast.user("party_editor"),
        project=project,
        expected_version=version,
        language="fr",
        title="Titre de Jette",
    )
    with pytest.raises(EditConflict) as error:
        services.project_edit(
            actor=cast.user("partner_coordinator"),
            project=project,
            expected_version=version,
            language="fr",
            title="Título",
        )
    assert error.value.current.title_fr == "Titre de Jette"


def test_the_search_finds_projects_without_accents(project):
    assert list(search.filter(Project.objects.all(), "PROTEGER les sources")) == [project]
    assert list(search.filter(Project.objects.all(), "bolivia")) == [
        project
    ]  # the site's country, in English
    assert list(search.filter(Project.objects.all(), "guatemala")) == []
    assert list(search.filter(Project.objects.all(), "sources eau tarija")) == [project]
    assert list(search.filter(Project.objects.all(), "municipio")) == [project]


def test_an_unanswered_invitation_can_be_withdrawn_and_the_project_moves_on(project, cast, open_call):
    stadd = ProjectParty.objects.get(project=project, organisation=cast.stadd)
    services.party_withdraw(actor=cast.user("partner_coordinator"), party=stadd)
    stadd.refresh_from_db()
    project.refresh_from_db()
    assert stadd.status == ProjectPartyStatus.WITHDRAWN
    assert project.status == ProjectStatus.CONFIRMED  # the two remaining parties had confirmed
    assert "projects.party.withdrawn" in [entry.action for entry in audit.history(project)]
    with pytest.raises(ValidationError):
        services.party_withdraw(actor=cast.user("partner_coordinator"), party=stadd)
    # The withdrawn organisation can be invited again later.
    services.party_invite(actor=cast.user("party_coordinator"), project=project, organisation=cast.stadd)
    project.refresh_from_db()
    assert project.status == ProjectStatus.PROPOSED
