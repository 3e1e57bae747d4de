"""Who hears of what in partners: invitations and their answers, a party's changed side,
check-in rounds opened and revealed. Each person in their language, in the notification
centre and by e-mail (or their digest), linked to a page they can open; never the person who
acted, never anyone outside."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail as sent
from django.test import Client

from partners.models import Invitation, Membership, Partnership, PartnershipParty, PartyStatus, Role
from partners.services import (
    checkin_answer,
    checkin_open,
    invitation_accept,
    member_end,
    member_invite,
    organisation_create,
    organisation_verify,
    party_edit,
    party_invite,
    party_respond,
)
from soliris.models import Notification, NotificationDelivery, NotificationTopic

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"


def entries(kind):
    """{user email: entry} of the notifications of ``kind``."""
    return {
        entry.user.email: entry for entry in Notification.objects.filter(kind=kind).select_related("user")
    }


def mails():
    """{address: message} of the mails sent (each recipient once)."""
    by_address = {}
    for message in sent.outbox:
        [address] = message.to
        assert address not in by_address, f"{address} got two mails"
        by_address[address] = message
    return by_address


def opens(user, entry) -> None:
    """The person the entry is for opens its page."""
    browser = Client()
    browser.force_login(user)
    response = browser.get(entry.path)
    assert response.status_code == 200, (user.email, entry.path, response.status_code)


def prefer(user, topic, delivery):
    user.notification_delivery = {**(user.notification_delivery or {}), topic: delivery}
    user.save(update_fields=["notification_delivery"])


# --- Topics of the mails that were there -----------------------------------------------------


def test_every_mail_of_partners_has_its_topic_and_invitations_ask_for_action(
    cast, make_user, django_capture_on_commit_callbacks
):
    jette = cast.user("party_coordinator")
    spanish = cast.user("partner_coordinator")
    staff = cast.user("staff")
    # Both chose "in the application only": what asks for their decision still comes by e-mail.
    prefer(spanish, NotificationTopic.PARTNERSHIPS, NotificationDelivery.APP)
    prefer(staff, NotificationTopic.ORGANISATIONS, NotificationDelivery.APP)
    with django_capture_on_commit_callbacks(execute=True):
        party_invite(actor=jette, partnership=_exploring(cast), organisation=cast.tarija)
        founder = make_user("founder@forest.test", full_name="Fanny Founder")
        forest = organisation_create(
            actor=founder, data={"name": "Commune de Forest", "kind": "commune", "country": "BE"}
        )
        member_invite(actor=jette, organisation=cast.jette, email="new@jette.test", role=Role.EDITOR)
    invited = Notification.objects.get(kind="partners/email/party_invited")
    assert invited.user == spanish and invited.topic == NotificationTopic.PARTNERSHIPS
    verify = Notification.objects.get(kind="partners/email/verify", user=staff)
    assert verify.topic == NotificationTopic.ORGANISATIONS
    assert set(mails()) == {spanish.email, staff.email, "new@jette.test"}  # all at once
    sent.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_verify(actor=staff, organisation=forest)
    assert Notification.objects.get(kind="partners/email/verified").topic == NotificationTopic.ORGANISATIONS
    # The last member leaves: the other parties' coordinators are told, under "partnerships";
    # one who reads that topic in the application only gets no e-mail.
    sent.outbox.clear()
    PartnershipParty.objects.create(partnership=cast.partnership, organisation=forest, status="accepted")
    with django_capture_on_commit_callbacks(execute=True):
        member_end(actor=founder, membership=Membership.objects.get(user=founder))
    told = entries("partners/email/no_active_member")
    assert {jette.email, spanish.email} <= set(told)
    assert {entry.topic for entry in told.values()} == {NotificationTopic.PARTNERSHIPS}
    assert jette.email in mails() and spanish.email not in mails()


def _exploring(cast):
    partnership = Partnership.objects.create(
        name="Jette – Tarija 2", kind="commune_to_commune", status="exploring", initiated_by=cast.jette
    )
    partnership.parties.create(organisation=cast.jette, status="accepted")
    return partnership


# --- A member invitation accepted -----------------------------------------------------------


def test_the_inviter_hears_that_the_invited_person_joined(
    cast, make_user, django_capture_on_commit_callbacks
):
    inviter = cast.user("party_coordinator")
    invitation = member_invite(
        actor=inviter, organisation=cast.jette, email="nora@jette.test", role=Role.EDITOR
    )
    nora = make_user("nora@jette.test", full_name="Nora Nieuw", language="nl")
    sent.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invitation_accept(actor=nora, invitation=Invitation.objects.get(pk=invitation.pk))
    [entry] = entries("partners/email/member_joined").values()
    assert entry.user == inviter and entry.topic == NotificationTopic.ORGANISATIONS
    assert entry.path == f"/fr/organisations/{cast.jette.slug}/"
    [message] = sent.outbox
    assert message.to == [inviter.email]
    assert "Nora Nieuw" in message.subject and "Commune de Jette" in message.subject
    assert f"Rôle{NNBSP}: Éditeur·rice" in message.body
    assert "nora@jette.test" in message.body
    opens(inviter, entry)
    assert not Notification.objects.filter(user=nora).exists()  # the one who joined knows


# --- A partnership invitation answered ------------------------------------------------------


def test_an_accepted_invitation_reaches_the_other_parties_coordinators_in_their_language(
    cast, django_capture_on_commit_callbacks
):
    jette, tarija, periferia = (
        cast.user("party_coordinator"),
        cast.user("partner_coordinator"),
        cast.user("outsider"),
    )
    party = party_invite(actor=jette, partnership=cast.partnership, organisation=cast.periferia)
    sent.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        party_respond(actor=periferia, party=party, accept=True)
    told = entries("partners/email/party_answered")
    assert set(told) == {jette.email, tarija.email}  # not the one who answered, not STADD (invited)
    by_address = mails()
    assert set(by_address) == {jette.email, tarija.email}
    spanish = by_address[tarija.email]
    assert "Periferia se unió a la alianza Jette – Tarija" in spanish.subject
    assert "Outsider aceptó, en nombre de Periferia" in spanish.body
    assert told[tarija.email].path == f"/es/partnerships/{cast.partnership.key}/"
    assert f"/es/partnerships/{cast.partnership.key}/" in spanish.body
    assert "Periferia a rejoint le partenariat" in by_address[jette.email].subject
    for user in (jette, tarija):
        assert told[user.email].topic == NotificationTopic.PARTNERSHIPS
        opens(user, told[user.email])


def test_a_declined_invitation_says_who_declined(cast, django_capture_on_commit_callbacks):
    stadd = cast.user("invited_coordinator")
    party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.stadd)
    with django_capture_on_commit_callbacks(execute=True):
        party_respond(actor=stadd, party=party, accept=False)
    told = entries("partners/email/party_answered")
    assert set(told) == {"coordinator@jette.test", "coordinador@tarija.test"}
    spanish = mails()["coordinador@tarija.test"]
    assert "STADD rechazó la alianza" in spanish.subject
    assert "Coordinator rechazó, en nombre de STADD" in spanish.body
    assert not Notification.objects.filter(user=stadd).exists()


def test_the_inviter_hears_the_answer_even_as_an_editor_now(cast, django_capture_on_commit_callbacks):
    jette = cast.user("party_coordinator")
    party = party_invite(actor=jette, partnership=cast.partnership, organisation=cast.periferia)
    Membership.objects.filter(user=jette).update(role=Role.EDITOR)  # no longer a coordinator
    with django_capture_on_commit_callbacks(execute=True):
        party_respond(actor=cast.user("outsider"), party=party, accept=False)
    assert set(entries("partners/email/party_answered")) == {jette.email, "coordinador@tarija.test"}


# --- A party's side changed -----------------------------------------------------------------


def test_the_other_parties_read_what_changed_in_a_partys_side(
    cast, make_user, django_capture_on_commit_callbacks
):
    tarija = cast.user("partner_coordinator")
    second = make_user("segunda@tarija.test", language="es")
    Membership.objects.create(organisation=cast.tarija, user=second, role=Role.COORDINATOR)
    party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.tarija)
    party.financial_share = Decimal("40")
    party.save()
    with django_capture_on_commit_callbacks(execute=True):
        party_edit(
            actor=tarija,
            party=party,
            data={
                "role": "Gestión del agua",
                "decision_level": "consulted",
                "financial_share": Decimal("12.50"),
                "expectations": "",
            },
            expected_version=party.version,
        )
    told = entries("partners/email/party_changed")
    # Jette's coordinator: the other party. Not Tarija's (their own side), not the viewer.
    assert set(told) == {"coordinator@jette.test"}
    [message] = sent.outbox
    assert "Municipio de Tarija a modifié sa part du partenariat Jette – Tarija" in message.subject
    body = message.body
    assert f"Rôle dans le partenariat{NNBSP}:" in body and "Gestion" not in body
    assert f"avant{NNBSP}: (vide)" in body and f"désormais{NNBSP}: Gestión del agua" in body
    assert f"avant{NNBSP}: Codécide" in body and f"désormais{NNBSP}: Consultée" in body
    assert f"avant{NNBSP}: 40" in body and f"désormais{NNBSP}: 12,5" in body
    assert "Attentes" not in body  # unchanged (empty over empty)
    opens(cast.user("party_coordinator"), told["coordinator@jette.test"])
    assert not Notification.objects.filter(user__in=[tarija, second]).exists()
    # Saving the same again tells nobody.
    sent.outbox.clear()
    party.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        party_edit(
            actor=tarija, party=party, data={"role": "Gestión del agua"}, expected_version=party.version
        )
    assert sent.outbox == []


def test_a_change_by_jette_is_read_by_tarija_in_spanish(cast, django_capture_on_commit_callbacks):
    party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.jette)
    with django_capture_on_commit_callbacks(execute=True):
        party_edit(
            actor=cast.user("party_editor"),
            party=party,
            data={"contribution_technical": "Deux ingénieurs", "decision_level": "informed"},
            expected_version=party.version,
        )
    told = entries("partners/email/party_changed")
    # Tarija's coordinator; Jette's coordinator is of the same party; STADD is only invited.
    assert set(told) == {"coordinador@tarija.test"}
    [message] = sent.outbox
    assert "Aporte técnico:" in message.body and "ahora: Deux ingénieurs" in message.body
    assert "antes: Codecide" in message.body and "ahora: Informada" in message.body
    assert told["coordinador@tarija.test"].path == f"/es/partnerships/{cast.partnership.key}/"
    opens(cast.user("partner_coordinator"), told["coordinador@tarija.test"])


# --- Check-in rounds ------------------------------------------------------------------------


def test_an_opened_round_asks_each_partys_coordinators_for_their_answer(
    cast, django_capture_on_commit_callbacks
):
    jette, tarija = cast.user("party_coordinator"), cast.user("partner_coordinator")
    prefer(tarija, NotificationTopic.PARTNERSHIPS, NotificationDelivery.WEEKLY)  # asked: at once anyway
    with django_capture_on_commit_callbacks(execute=True):
        checkin_open(actor=jette, partnership=cast.partnership, due_on=date(2031, 3, 15))
    told = entries("partners/email/checkin_opened")
    assert set(told) == {tarija.email}  # not the one who opened it, not editors, not STADD (invited)
    entry = told[tarija.email]
    assert entry.topic == NotificationTopic.PARTNERSHIPS and entry.digest == ""
    assert entry.path == f"/es/partnerships/{cast.partnership.key}/check-ins/1/{cast.tarija.slug}/"
    [message] = sent.outbox
    assert message.to == [tarija.email]
    assert "Ronda 1 de fotos mentales de la alianza Jette – Tarija" in message.subject
    assert "15 de marzo de 2031" in message.body
    opens(tarija, entry)


def test_each_party_is_linked_to_its_own_answer(cast, make_user, django_capture_on_commit_callbacks):
    second = make_user("second@jette.test", full_name="Second Coordinator")
    Membership.objects.create(organisation=cast.jette, user=second, role=Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        checkin_open(actor=cast.user("party_coordinator"), partnership=cast.partnership)
    told = entries("partners/email/checkin_opened")
    assert set(told) == {second.email, "coordinador@tarija.test"}
    assert told[second.email].path.endswith(f"/check-ins/1/{cast.jette.slug}/")
    assert "attendues" not in mails()[second.email].body  # no deadline given
    opens(second, told[second.email])


def answers(**overrides):
    return {
        "equality": 4,
        "trust": 4,
        "transparency": 3,
        "mutual_learning": 5,
        "ownership": 4,
        "where_we_stand": "",
        "change_wanted": "",
        "language": "fr",
        **overrides,
    }


def test_everyone_on_the_parties_hears_when_the_answers_are_revealed(
    cast, django_capture_on_commit_callbacks
):
    checkin_round = checkin_open(actor=cast.user("party_coordinator"), partnership=cast.partnership)
    jette_party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.jette)
    tarija_party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=cast.tarija)
    with django_capture_on_commit_callbacks(execute=True):
        checkin_answer(
            actor=cast.user("party_editor"), checkin_round=checkin_round, party=jette_party, data=answers()
        )
    assert not Notification.objects.filter(kind="partners/email/checkin_revealed").exists()  # one is missing
    sent.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        checkin_answer(
            actor=cast.user("partner_coordinator"),
            checkin_round=checkin_round,
            party=tarija_party,
            data=answers(language="es"),
        )
    told = entries("partners/email/checkin_revealed")
    # Every member of the accepted parties (they all read the answers), not the last to answer,
    # not STADD (invited), not the outsider.
    assert set(told) == {"viewer@jette.test", "editor@jette.test", "coordinator@jette.test"}
    assert set(mails()) == set(told)
    message = mails()["viewer@jette.test"]
    assert "peuvent être lues" in message.subject
    assert f"/fr/partnerships/{cast.partnership.key}/" in message.body
    for role in ("party_viewer", "party_editor", "party_coordinator"):
        user = cast.user(role)
        assert told[user.email].topic == NotificationTopic.PARTNERSHIPS
        opens(user, told[user.email])


def test_a_round_stays_hidden_while_a_party_is_missing(cast, django_capture_on_commit_callbacks):
    PartnershipParty.objects.filter(partnership=cast.partnership, organisation=cast.stadd).update(
        status=PartyStatus.ACCEPTED
    )
    checkin_round = checkin_open(actor=cast.user("party_coordinator"), partnership=cast.partnership)
    for role, organisation in (("party_editor", cast.jette), ("partner_coordinator", cast.tarija)):
        party = PartnershipParty.objects.get(partnership=cast.partnership, organisation=organisation)
        with django_capture_on_commit_callbacks(execute=True):
            checkin_answer(actor=cast.user(role), checkin_round=checkin_round, party=party, data=answers())
    assert not Notification.objects.filter(kind="partners/email/checkin_revealed").exists()
