"""Who hears of what in projects: an invitation answered, a party's changed part, a project
answering a call (its publisher decides), the call's decision. Each person in their language,
in the notification centre and by e-mail, linked to a page they can open; never the person who
acted, never anyone outside."""

import pytest
from django.core import mail as sent
from django.test import Client
from django.utils import formats, timezone, translation

from partners.models import Membership, Role
from projects import services
from projects.models import ProjectParty
from soliris.models import Notification, NotificationDelivery, NotificationTopic

from .conftest import make_ready

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"


def entries(kind):
    return {
        entry.user.email: entry for entry in Notification.objects.filter(kind=kind).select_related("user")
    }


def mails():
    by_address = {}
    for message in sent.outbox:
        [address] = message.to
        assert address not in by_address, f"{address} got two mails"
        by_address[address] = message
    return by_address


def opens(user, entry) -> None:
    browser = Client()
    browser.force_login(user)
    response = browser.get(entry.path)
    assert response.status_code == 200, (user.email, entry.path, response.status_code)


def proposed(cast, partners):
    coordinator = cast.user("party_coordinator")
    project = services.project_create(
        actor=coordinator, proposed_by=cast.jette, title="Jardins d'eau", partners=partners, language="fr"
    )
    services.project_transition(actor=coordinator, project=project, to_status="proposed")
    return project


def test_the_invitation_asks_for_action_and_the_decision_has_its_topic(
    cast, django_capture_on_commit_callbacks
):
    tarija = cast.user("partner_coordinator")
    tarija.notification_delivery = {NotificationTopic.PROJECTS: NotificationDelivery.APP}
    tarija.save()
    with django_capture_on_commit_callbacks(execute=True):
        project = proposed(cast, [cast.tarija])
    entry = Notification.objects.get(kind="projects/email/invitation")
    assert entry.user == tarija and entry.topic == NotificationTopic.PROJECTS
    assert [m.to for m in sent.outbox] == [[tarija.email]]  # asked to answer: mailed anyway
    assert entry.path == f"/es/projects/{project.key}/"
    opens(tarija, entry)


def test_a_confirmation_reaches_the_other_confirmed_parties(cast, django_capture_on_commit_callbacks):
    project = proposed(cast, [cast.tarija, cast.stadd])
    sent.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.party_confirm(
            actor=cast.user("partner_coordinator"),
            party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
            role="Fuentes",
            contribution="Equipo técnico",
        )
    told = entries("projects/email/party_answered")
    # Jette's coordinator (the confirmed party, who invited); not Tarija's (who answered),
    # not STADD's (invited, not yet a party), not Jette's editor or viewer.
    assert set(told) == {"coordinator@jette.test"}
    [message] = sent.outbox
    assert (
        message.subject
        == f"[Soliris] Municipio de Tarija a confirmé sa participation à «{NNBSP}Jardins d'eau{NNBSP}»"
    )
    assert "Coordinador a confirmé la participation de Municipio de Tarija" in message.body
    assert f"Son rôle{NNBSP}: Fuentes" in message.body
    assert told["coordinator@jette.test"].topic == NotificationTopic.PROJECTS
    opens(cast.user("party_coordinator"), told["coordinator@jette.test"])


def test_a_refusal_says_who_declined_and_why_in_each_language(cast, django_capture_on_commit_callbacks):
    project = proposed(cast, [cast.tarija, cast.stadd])
    services.party_confirm(
        actor=cast.user("partner_coordinator"),
        party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
        role="Fuentes",
        contribution="Equipo",
    )
    sent.outbox.clear()
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.party_decline(
            actor=cast.user("invited_coordinator"),
            party=ProjectParty.objects.get(project=project, organisation=cast.stadd),
            reason="Pas de budget cette année",
        )
    told = entries("projects/email/party_answered")
    assert set(told) == {"coordinator@jette.test", "coordinador@tarija.test"}
    spanish = mails()["coordinador@tarija.test"]
    assert spanish.subject == "[Soliris] STADD rechazó participar en «Jardins d'eau»"
    assert "Coordinator rechazó, en nombre de STADD" in spanish.body
    assert "Motivo: Pas de budget cette année" in spanish.body
    assert told["coordinador@tarija.test"].path == f"/es/projects/{project.key}/"
    assert f"Raison{NNBSP}: Pas de budget" in mails()["coordinator@jette.test"].body
    for role in ("party_coordinator", "partner_coordinator"):
        opens(cast.user(role), told[cast.user(role).email])
    assert not Notification.objects.filter(user=cast.user("invited_coordinator")).exists()


def test_the_other_parties_read_what_changed_in_a_partys_part(cast, django_capture_on_commit_callbacks):
    project = proposed(cast, [cast.tarija])
    services.party_confirm(
        actor=cast.user("partner_coordinator"),
        party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
        role="Fuentes",
        contribution="Equipo",
    )
    sent.outbox.clear()
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.party_edit(
            actor=cast.user("party_editor"),
            party=ProjectParty.objects.get(project=project, organisation=cast.jette),
            role="Coordination en Belgique",
            contribution="",
            decision_level="consulted",
        )
    told = entries("projects/email/party_changed")
    # Tarija's coordinator; not Jette's (the same party), not the editor who changed it.
    assert set(told) == {"coordinador@tarija.test"}
    [message] = sent.outbox
    assert message.subject == "[Soliris] Commune de Jette modificó su parte en «Jardins d'eau»"
    assert "ahora: Coordination en Belgique" in message.body and "antes: (vacío)" in message.body
    assert "antes: Codecide" in message.body and "ahora: Consultada" in message.body
    assert told["coordinador@tarija.test"].path == f"/es/projects/{project.key}/parties/"
    opens(cast.user("partner_coordinator"), told["coordinador@tarija.test"])
    sent.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the same again: nothing changes
        services.party_edit(
            actor=cast.user("party_editor"),
            party=ProjectParty.objects.get(project=project, organisation=cast.jette),
            role="Coordination en Belgique",
            contribution="",
            decision_level="consulted",
        )
    assert sent.outbox == []


def test_a_project_answering_a_call_asks_its_publisher_for_a_decision(
    cast, project, open_call, make_user, django_capture_on_commit_callbacks
):
    make_ready(project, cast)
    periferia = cast.user("outsider")
    dutch = make_user("lotte@periferia.test", language="nl")
    Membership.objects.create(organisation=cast.periferia, user=dutch, role=Role.COORDINATOR)
    viewer = make_user("viewer@periferia.test")
    Membership.objects.create(organisation=cast.periferia, user=viewer, role=Role.VIEWER)
    for user in (periferia, dutch):
        user.notification_delivery = {NotificationTopic.PROJECTS: NotificationDelivery.DAILY}
        user.save()
    sent.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.project_submit(actor=cast.user("party_coordinator"), project=project, call=open_call)
    told = entries("projects/email/submitted")
    assert set(told) == {periferia.email, dutch.email}  # the publisher's coordinators only
    assert set(mails()) == set(told)  # a decision is expected: mailed at once
    french = mails()[periferia.email]
    assert (
        french.subject
        == f"[Soliris] Un projet répond à votre appel «{NNBSP}Appel à projets solidaires 2026{NNBSP}»"
    )
    assert "Protection des sources d'eau à Tarija" in french.body
    assert "au nom de Commune de Jette" in french.body
    with translation.override("fr"):
        assert formats.date_format(timezone.localtime(open_call.closes_at), "DATETIME_FORMAT") in french.body
    assert told[periferia.email].path == f"/fr/calls/{open_call.key}/answers/"
    assert told[dutch.email].path == f"/nl/calls/{open_call.key}/answers/"
    assert "oproep" in mails()[dutch.email].subject
    for user in (periferia, dutch):
        assert told[user.email].topic == NotificationTopic.PROJECTS
        opens(user, told[user.email])


def test_the_decision_reaches_the_submitters_under_projects(
    cast, project, open_call, django_capture_on_commit_callbacks
):
    make_ready(project, cast)
    submission = services.project_submit(
        actor=cast.user("party_coordinator"), project=project, call=open_call
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decide(actor=cast.user("outsider"), submission=submission, select=True)
    told = entries("projects/email/decision")
    assert set(told) == {"coordinator@jette.test", "coordinador@tarija.test", "coordinator@stadd.test"}
    assert {entry.topic for entry in told.values()} == {NotificationTopic.PROJECTS}
    assert told["coordinador@tarija.test"].path == f"/es/projects/{project.key}/"
    opens(cast.user("partner_coordinator"), told["coordinador@tarija.test"])
    assert cast.user("outsider").email not in told
