"""What happens to an event, a workshop or a recommendation is told to the people it concerns:
in the notification centre and by e-mail (``soliris.mail.send``), in their language, with the
page it is about; nobody else, and never the person who made the change."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone, translation

from events import services
from events.models import RecommendationStatus, Registration, RegistrationStatus
from partners.models import Membership, Role
from soliris.models import Notification, NotificationTopic
from tests.events.conftest import make_event, make_recommendations, make_workshop

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def entries(name: str) -> dict:
    """The notification-centre entries of ``events/email/<name>``, by the person's address."""
    found = Notification.objects.filter(kind=f"events/email/{name}").select_related("user")
    return {entry.user.email: entry for entry in found}


def mails(outbox) -> dict:
    return {message.to[0]: message for message in outbox}


def opens(user, path: str) -> int:
    browser = Client()
    browser.force_login(user)
    return browser.get(path).status_code


def hour(value) -> str:
    return timezone.localtime(value, BRUSSELS).strftime("%H:%M")


# --- Moved up from a workshop's waiting list ------------------------------------------------


@pytest.fixture
def full_workshop(make_user, event):
    """A workshop of one place: Pierre has it, Ana (registered in Spanish) waits."""
    pierre = make_user("pierre@example.org", full_name="Pierre Martin")
    ana = make_user("ana@example.org", full_name="Ana Quispe", language="es")
    workshop = make_workshop(event, capacity=1, title="Jumelages")
    workshop.title_es = "Hermanamientos"
    workshop.save()
    for user, language in ((pierre, "fr"), (ana, "es")):
        services.event_register(actor=user, event=event, language=language)
        services.workshop_join(actor=user, workshop=workshop)
    return workshop, pierre, ana


def test_the_person_moved_up_from_a_workshops_waiting_list_is_told_in_their_language(
    full_workshop, event, mailoutbox, django_capture_on_commit_callbacks
):
    workshop, pierre, ana = full_workshop
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.workshop_leave(actor=pierre, workshop=workshop)
    assert promoted.registration.user == ana
    told = entries("workshop_promoted")
    assert set(told) == {ana.email}  # not Pierre, who left
    entry = told[ana.email]
    assert entry.topic == NotificationTopic.EVENTS
    assert entry.path == f"/es/events/{event.slug}/"
    assert "Hermanamientos" in entry.title and "taller" in entry.title
    assert opens(ana, entry.path) == 200
    sent = mails(mailoutbox)
    assert set(sent) == {ana.email}
    assert "Hermanamientos" in sent[ana.email].subject
    assert "lista de espera" in sent[ana.email].body
    assert f"/es/events/{event.slug}/" in sent[ana.email].body
    assert hour(workshop.starts_at) in sent[ana.email].body


def test_a_place_freed_by_cancelling_the_event_registration_is_told_too(
    full_workshop, mailoutbox, django_capture_on_commit_callbacks
):
    workshop, pierre, ana = full_workshop
    registration = Registration.objects.get(event=workshop.event, user=pierre)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=pierre, registration=registration)
    assert set(entries("workshop_promoted")) == {ana.email}
    assert set(mails(mailoutbox)) == {ana.email}


def test_moving_up_the_events_waiting_list_is_of_the_events_topic_a_registration_is_not(
    make_user, cast, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(organisers=[cast.jette], capacity=1, slug="une-place")
    first = make_user("first@example.org")
    second = make_user("second@example.org", language="es")
    services.event_register(actor=first, event=event, language="fr")
    services.event_register(actor=second, event=event, language="es")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=first, registration=Registration.objects.get(user=first))
    promoted = entries("registration_promoted")
    assert set(promoted) == {second.email}
    assert promoted[second.email].topic == NotificationTopic.EVENTS
    assert promoted[second.email].path == "/es/events/une-place/"
    assert entries("registration_confirmed")[first.email].topic == ""  # the answer to one's act
    assert entries("registration_waiting")[second.email].topic == ""


# --- The event changed ----------------------------------------------------------------------


@pytest.fixture
def registered(make_user, cast):
    """An event of three places: the organiser, Ana (Spanish) and Lotte (registered in Dutch)
    are confirmed, Paul waits, Marc cancelled."""
    event = make_event(organisers=[cast.jette], capacity=3, slug="journee-jette")
    organiser = cast.user("party_editor")
    people = {
        "organiser": (organiser, "fr"),
        "ana": (make_user("ana@example.org", full_name="Ana Quispe", language="es"), "es"),
        # Her account is in English; she registered in Dutch, and is written to in Dutch.
        "lotte": (make_user("lotte@example.org", full_name="Lotte Peeters", language="en"), "nl"),
        "paul": (make_user("paul@example.org", full_name="Paul Dupont"), "fr"),
        "marc": (make_user("marc@example.org", full_name="Marc Leroy"), "fr"),
    }
    for user, language in people.values():
        services.event_register(actor=user, event=event, language=language)
    marc = people["marc"][0]
    services.registration_cancel(actor=marc, registration=Registration.objects.get(event=event, user=marc))
    assert Registration.objects.get(event=event, user=people["paul"][0]).status == RegistrationStatus.WAITING
    Notification.objects.all().delete()
    return event, {name: user for name, (user, _language) in people.items()}


def test_a_new_date_and_place_are_told_to_every_registrant_before_and_after(
    registered, cast, mailoutbox, django_capture_on_commit_callbacks
):
    event, people = registered
    old_start = event.starts_at
    new_start = old_start + datetime.timedelta(days=7, minutes=90)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=people["organiser"],
            event=event,
            data={
                "starts_at": new_start,
                "ends_at": new_start + datetime.timedelta(hours=6),
                "place_name": "Maison communale",
                "address": "Place Cardinal Mercier 1\n1090 Jette",
            },
            expected_version=event.version,
        )
    told = entries("event_changed")
    expected = {people[name].email for name in ("ana", "lotte", "paul")}  # confirmed and waiting
    assert set(told) == expected  # not the organiser who changed it, nor Marc who cancelled
    sent = mails(mailoutbox)
    assert set(sent) == expected

    spanish = sent["ana@example.org"]
    assert spanish.subject.endswith("Cambios: Jornada Soliris")
    assert "Rue du Lombard 69, 1000 Bruxelles" in spanish.body  # before
    assert "Maison communale, Place Cardinal Mercier 1, 1090 Jette" in spanish.body  # after
    assert hour(old_start) in spanish.body and hour(new_start) in spanish.body
    # The same day: the end is its hour alone.
    assert f" – {hour(new_start + datetime.timedelta(hours=6))} (Europe/Brussels)" in spanish.body
    assert "Antes:" in spanish.body and "Ahora:" in spanish.body
    assert f"/es/events/{event.slug}/" in spanish.body
    assert "Gewijzigd" in sent["lotte@example.org"].subject  # the language she registered in
    assert f"/nl/events/{event.slug}/" in sent["lotte@example.org"].body
    assert "Changement\u202f: Journée Soliris" in sent["paul@example.org"].subject

    entry = told["ana@example.org"]
    assert entry.topic == NotificationTopic.EVENTS and entry.path == f"/es/events/{event.slug}/"
    for name in ("ana", "lotte", "paul"):
        assert opens(people[name], told[people[name].email].path) == 200


def test_a_new_online_link_goes_to_confirmed_people_only(
    registered, mailoutbox, django_capture_on_commit_callbacks
):
    event, people = registered
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=people["organiser"],
            event=event,
            data={"online_url": "https://meet.example.org/soliris-jette"},
            expected_version=event.version,
        )
    # Paul, waiting, does not have the link (the page shows it to confirmed people only).
    assert set(entries("event_changed")) == {"ana@example.org", "lotte@example.org"}
    body = mails(mailoutbox)["ana@example.org"].body
    assert "https://meet.example.org/soliris-jette" in body
    assert "ninguno" in body  # there was none before
    assert "Rue du Lombard" not in body  # the place did not change


def test_a_change_in_the_description_or_title_tells_nobody(
    registered, mailoutbox, django_capture_on_commit_callbacks
):
    event, people = registered
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=people["organiser"],
            event=event,
            data={
                "description_fr": "Une journée d'échanges, coquille corrigée.",
                "title_fr": "Journée Soliris !",
            },
            expected_version=event.version,
        )
        # Saving the same date again is no change either.
        services.event_update(
            actor=people["organiser"],
            event=event,
            data={"starts_at": event.starts_at.astimezone(BRUSSELS)},
            expected_version=event.version + 1,
        )
    assert Notification.objects.count() == 0
    assert mailoutbox == []


def test_correcting_an_event_that_is_over_tells_nobody(
    make_user, cast, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(organisers=[cast.jette], slug="passee", days=-10)
    Registration.objects.create(
        event=event, user=make_user("ancien@example.org"), status=RegistrationStatus.CONFIRMED, language="fr"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=cast.user("party_editor"),
            event=event,
            data={"ends_at": event.ends_at - datetime.timedelta(hours=1)},
            expected_version=event.version,
        )
    assert Notification.objects.count() == 0 and mailoutbox == []


# --- A recommendation one's organisation endorsed changed status --------------------------


@pytest.fixture
def endorsed(cast, event, make_user):
    """Recommendation 1 of Jette's event, endorsed by Jette and Tarija; STADD endorsed it and
    withdrew; a former member of Tarija left the organisation."""
    _section, (recommendation,) = make_recommendations(event, 1)
    for role, organisation in (
        ("party_coordinator", cast.jette),
        ("partner_coordinator", cast.tarija),
        ("invited_coordinator", cast.stadd),
    ):
        services.recommendation_endorse(
            actor=cast.user(role), recommendation=recommendation, organisation=organisation
        )
    services.recommendation_withdraw(
        actor=cast.user("invited_coordinator"), recommendation=recommendation, organisation=cast.stadd
    )
    former = make_user("former@tarija.test", language="es")
    Membership.objects.create(
        organisation=cast.tarija,
        user=former,
        role=Role.COORDINATOR,
        active_from=timezone.localdate() - datetime.timedelta(days=400),
        active_until=timezone.localdate() - datetime.timedelta(days=30),
    )
    return recommendation


def test_the_members_of_endorsing_organisations_are_told_the_old_and_new_status(
    cast, endorsed, mailoutbox, django_capture_on_commit_callbacks
):
    actor = cast.user("party_editor")  # an organiser of the event, and a member of Jette
    with django_capture_on_commit_callbacks(execute=True):
        services.recommendation_follow_up(
            actor=actor,
            recommendation=endorsed,
            status=RecommendationStatus.ADOPTED,
            text="Votée par le conseil.",
        )
    told = entries("recommendation_status")
    expected = {
        cast.user(role).email for role in ("party_viewer", "party_coordinator", "partner_coordinator")
    }
    assert set(told) == expected  # not the actor, nor STADD (withdrawn), nor the former member
    sent = mails(mailoutbox)
    assert set(sent) == expected

    with translation.override("es"):
        proposed, adopted = str(RecommendationStatus.PROPOSED.label), str(RecommendationStatus.ADOPTED.label)
    assert proposed != "Proposed" and adopted != "Adopted"
    spanish = sent["coordinador@tarija.test"]
    assert spanish.subject.endswith(f"Recomendación 1 respaldada por su organización: {adopted}")
    assert f"Antes: {proposed}" in spanish.body and f"Ahora: {adopted}" in spanish.body
    assert "Votée par le conseil." in spanish.body
    assert f"/es/recommendations/{endorsed.key}/" in spanish.body

    entry = told["coordinador@tarija.test"]
    assert entry.topic == NotificationTopic.EVENTS
    assert entry.path == f"/es/recommendations/{endorsed.key}/"
    assert told["viewer@jette.test"].path == f"/fr/recommendations/{endorsed.key}/"
    for role in ("party_viewer", "partner_coordinator"):
        assert opens(cast.user(role), told[cast.user(role).email].path) == 200


def test_a_note_without_a_new_status_tells_nobody(
    cast, endorsed, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.recommendation_follow_up(
            actor=cast.user("party_editor"),
            recommendation=endorsed,
            status=RecommendationStatus.PROPOSED,
            text="Toujours à l'étude.",
        )
    assert entries("recommendation_status") == {}
    assert mailoutbox == []


def test_the_coordinator_who_changes_it_is_not_told_but_the_others_are(
    cast, endorsed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.recommendation_follow_up(
            actor=cast.user("party_coordinator"), recommendation=endorsed, status=RecommendationStatus.CARRIED
        )
    assert set(entries("recommendation_status")) == {
        cast.user(role).email for role in ("party_viewer", "party_editor", "partner_coordinator")
    }
