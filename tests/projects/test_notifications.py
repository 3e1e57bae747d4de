"""Invitations and call decisions reach the coordinators by email, in their language, once.

The services queue them in the outbox with the change; the tests' settings deliver them right
after the commit, so these tests commit (``transactional_db``).
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone

from projects import services
from projects.models import Goal, ProjectParty, Submission
from soliris import outbox
from soliris.models import OutboxMessage, OutboxState


def mails_to(mailoutbox, address):
    return [message for message in mailoutbox if address in message.to]


def test_the_invited_partner_gets_one_email_in_its_language(transactional_db, cast, mailoutbox):
    coordinator = cast.user("party_coordinator")
    project = services.project_create(
        actor=coordinator,
        proposed_by=cast.jette,
        title="Jardins d'eau",
        partners=[cast.tarija],
        language="fr",
    )
    [message] = mails_to(mailoutbox, "coordinador@tarija.test")
    assert message.subject == "[Soliris] Se propone un proyecto conjunto a Municipio de Tarija"
    assert f"/es/projects/{project.key}/" in message.body
    assert "Como coordinador/a, puede confirmar" in message.body  # Spanish, the coordinator's language
    assert "Jardins d'eau" in message.body
    party = ProjectParty.objects.get(project=project, organisation=cast.tarija)
    assert party.notified_at is not None
    # Answering the invitation sends nothing more.
    services.project_transition(actor=coordinator, project=project, to_status="proposed")
    services.party_confirm(
        actor=cast.user("partner_coordinator"), party=party, role="Agua", contribution="Equipo"
    )
    assert len(mails_to(mailoutbox, "coordinador@tarija.test")) == 1


def test_an_invitation_rolled_back_sends_nothing(transactional_db, cast, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.project_create(
            actor=cast.user("party_coordinator"),
            proposed_by=cast.jette,
            title="Jardins d'eau",
            partners=[cast.tarija],
            language="fr",
        )
        raise RuntimeError
    assert mailoutbox == []
    assert not OutboxMessage.objects.exists()


def test_the_parties_hear_of_the_calls_decision_once_each(transactional_db, cast, open_call, mailoutbox):
    coordinator = cast.user("party_coordinator")
    project = services.project_create(
        actor=coordinator, proposed_by=cast.jette, title="Sources", partners=[cast.tarija], language="fr"
    )
    services.project_transition(actor=coordinator, project=project, to_status="proposed")
    services.party_confirm(
        actor=cast.user("partner_coordinator"),
        party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
        role="Fuentes",
        contribution="Equipo",
    )
    services.sdg_link_save(actor=coordinator, project=project, goal=Goal.objects.get(number=6))
    make_ready_without_stadd(project, cast)
    submission = services.project_submit(actor=coordinator, project=project, call=open_call)
    mailoutbox.clear()
    services.submission_decide(
        actor=cast.user("outsider"), submission=submission, select=False, reason="Budget épuisé"
    )
    # The decision to Jette's coordinator and to Tarija's, each in their language.
    assert sorted(address for message in mailoutbox for address in message.to) == sorted(
        [coordinator.email, "coordinador@tarija.test"]
    )
    [french] = mails_to(mailoutbox, coordinator.email)
    assert french.subject == "[Soliris] Décision sur votre projet «\u202fSources\u202f»"
    assert "Budget épuisé" in french.body and f"/fr/projects/{project.key}/" in french.body
    [spanish] = mails_to(mailoutbox, "coordinador@tarija.test")
    assert "Budget épuisé" in spanish.body and f"/es/projects/{project.key}/" in spanish.body
    assert Submission.objects.get().notified_at is not None


def make_ready_without_stadd(project, cast):
    services.party_edit(
        actor=cast.user("party_editor"),
        party=ProjectParty.objects.get(project=project, organisation=cast.jette),
        role="Coordination",
        contribution="Cofinancement",
        decision_level="co_decides",
    )


def test_a_mail_server_that_is_down_does_not_stop_an_invitation(transactional_db, cast, as_role, mailoutbox):
    project = services.project_create(
        actor=cast.user("party_coordinator"), proposed_by=cast.jette, title="Jardins", language="fr"
    )
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("refused")):
        response = as_role("party_coordinator").post(
            f"/fr/projects/{project.key}/parties/", {"organisation": cast.tarija.pk}
        )
    assert response.status_code == 302
    assert ProjectParty.objects.get(project=project, organisation=cast.tarija).status == "invited"
    message = OutboxMessage.objects.get()
    assert message.state == OutboxState.PENDING and "refused" in message.last_error
    assert outbox.sweep(now=timezone.now() + timedelta(minutes=2)) == 1  # delivered once it is back
    assert [m.to for m in mailoutbox] == [["coordinador@tarija.test"]]
