import datetime
import html
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from events import services
from events.models import Registration, RegistrationStatus, WorkshopRegistration
from tests.events.conftest import make_event, make_workshop

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def _in_french():
    """Refusals are read in the default language (an earlier test may have left another active)."""
    from django.utils import translation

    with translation.override("fr"):
        yield


def register(user, event, language="fr"):
    return services.event_register(actor=user, event=event, language=language)


def test_a_person_is_confirmed_while_there_is_room_and_waits_once_the_event_is_full(make_user, cast):
    event = make_event(organisers=[cast.jette], capacity=2)
    first, second, third = make_user(), make_user(), make_user()
    assert register(first, event).status == RegistrationStatus.CONFIRMED
    assert register(second, event).status == RegistrationStatus.CONFIRMED
    assert register(third, event).status == RegistrationStatus.WAITING


def test_the_waiting_list_moves_up_in_order_when_someone_cancels(
    make_user, cast, django_capture_on_commit_callbacks
):
    event = make_event(organisers=[cast.jette], capacity=1)
    first, second, third = make_user(), make_user(language="nl"), make_user()
    confirmed = register(first, event)
    register(second, event)
    register(third, event)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(actor=first, registration=confirmed)
    assert promoted.user == second
    statuses = dict(Registration.objects.filter(event=event).values_list("user__email", "status"))
    assert statuses == {
        first.email: RegistrationStatus.CONFIRMED.replace("confirmed", "cancelled"),
        second.email: RegistrationStatus.CONFIRMED,
        third.email: RegistrationStatus.WAITING,
    }
    assert mail.outbox[-1].to == [second.email]


def test_a_person_cannot_register_twice(make_user, event):
    user = make_user()
    register(user, event)
    with pytest.raises(ValidationError, match="déjà inscrit"):
        register(user, event)


def test_registration_is_refused_after_the_deadline(make_user, cast):
    event = make_event(organisers=[cast.jette], deadline=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="closes"):
        register(make_user(), event)


def test_the_confirmation_email_is_written_in_the_registrants_language(
    make_user, event, django_capture_on_commit_callbacks
):
    user = make_user(language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        register(user, event, language="nl")
    assert len(mail.outbox) == 1
    assert "Jornada" not in mail.outbox[0].subject
    assert "ingeschreven" in mail.outbox[0].subject.lower() or "inschrijving" in mail.outbox[0].body.lower()


def test_only_the_registrant_cancels_their_registration(make_user, event):
    registration = register(make_user(), event)
    with pytest.raises(PermissionDenied):
        services.registration_cancel(actor=make_user(), registration=registration)


def test_overlapping_workshops_are_refused_with_the_name_of_the_other(make_user, event):
    morning = make_workshop(event, start_hour=10, end_hour=12, title="Atelier du matin")
    overlapping = make_workshop(event, start_hour=11, end_hour=13, title="Atelier chevauchant")
    afternoon = make_workshop(event, start_hour=14, end_hour=16, title="Atelier de l'après-midi")
    user = make_user()
    register(user, event)
    services.workshop_join(actor=user, workshop=morning)
    with pytest.raises(ValidationError, match="Atelier du matin"):
        services.workshop_join(actor=user, workshop=overlapping)
    assert services.workshop_join(actor=user, workshop=afternoon).status == RegistrationStatus.CONFIRMED


def test_workshops_need_a_confirmed_event_registration(make_user, event):
    workshop = make_workshop(event)
    with pytest.raises(ValidationError, match="Inscrivez-vous d.abord"):
        services.workshop_join(actor=make_user(), workshop=workshop)


def test_a_full_workshop_has_a_waiting_list_that_moves_up(make_user, event):
    workshop = make_workshop(event, capacity=1)
    first, second = make_user(), make_user()
    register(first, event)
    register(second, event)
    services.workshop_join(actor=first, workshop=workshop)
    assert services.workshop_join(actor=second, workshop=workshop).status == RegistrationStatus.WAITING
    promoted = services.workshop_leave(actor=first, workshop=workshop)
    assert promoted.registration.user == second
    assert promoted.status == RegistrationStatus.CONFIRMED


def test_cancelling_the_event_registration_frees_the_workshop_places(make_user, event):
    workshop = make_workshop(event, capacity=1)
    first, second = make_user(), make_user()
    registration = register(first, event)
    register(second, event)
    services.workshop_join(actor=first, workshop=workshop)
    services.workshop_join(actor=second, workshop=workshop)
    services.registration_cancel(actor=first, registration=registration)
    assert WorkshopRegistration.objects.get(registration__user=second).status == RegistrationStatus.CONFIRMED


# --- Through the pages: every refusal is a clear message ----------------------------------


def test_registering_through_the_page_asks_for_needs_and_confirms(client, make_user, event):
    user = make_user()
    client.force_login(user)
    page = client.get(f"/fr/events/{event.slug}/register/")
    assert "accessibility_needs" in page.content.decode()
    assert "interpretation_needs" in page.content.decode()
    response = client.post(
        f"/fr/events/{event.slug}/register/",
        {"language": "nl", "accessibility_needs": "Accès sans marche", "interpretation_needs": ["es"]},
        follow=True,
    )
    registration = Registration.objects.get(user=user)
    assert registration.accessibility_needs == "Accès sans marche"
    assert registration.interpretation_needs == ["es"]
    assert "Vous êtes inscrit" in response.content.decode()


def test_the_page_says_clearly_when_registration_is_closed_and_keeps_the_text(client, make_user, cast):
    event = make_event(organisers=[cast.jette], deadline=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(make_user())
    response = client.post(
        f"/fr/events/{event.slug}/register/", {"language": "fr", "accessibility_needs": "Boucle magnétique"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "inscriptions à cet événement sont closes" in body.lower() or "closes" in body
    assert "Boucle magnétique" in body


def test_the_page_names_the_overlapping_workshop(client, make_user, event):
    morning = make_workshop(event, start_hour=10, end_hour=12, title="Atelier du matin")
    other = make_workshop(event, start_hour=11, end_hour=13, title="Atelier chevauchant")
    user = make_user()
    register(user, event)
    client.force_login(user)
    client.post(f"/fr/events/{event.slug}/workshops/{morning.key}/join/")
    response = client.post(f"/fr/events/{event.slug}/workshops/{other.key}/join/", follow=True)
    assert "Atelier du matin" in response.content.decode()
    assert WorkshopRegistration.objects.filter(workshop=other).count() == 0


def test_the_online_link_is_shown_to_registered_people_only(client, make_user, cast):
    event = make_event(organisers=[cast.jette], online_url="https://meet.example.org/secret-room")
    user = make_user()
    client.force_login(user)
    assert "secret-room" not in client.get(f"/fr/events/{event.slug}/").content.decode()
    assert "secret-room" not in client.get(f"/fr/events/{event.slug}/calendar.ics").content.decode()
    register(user, event)
    assert "secret-room" in client.get(f"/fr/events/{event.slug}/").content.decode()
    assert "secret-room" in client.get(f"/fr/events/{event.slug}/calendar.ics").content.decode()


def test_cancelling_through_the_page_frees_the_place(client, make_user, event):
    user = make_user()
    register(user, event)
    client.force_login(user)
    asked = client.post(f"/fr/events/{event.slug}/cancel/")
    assert (
        asked.status_code == 200
        and Registration.objects.get(user=user).status != RegistrationStatus.CANCELLED
    )
    assert 'name="confirmed" value="1"' in asked.content.decode()
    response = client.post(f"/fr/events/{event.slug}/cancel/", {"confirmed": "1"}, follow=True)
    assert "Votre inscription est annulée." in response.content.decode()
    assert Registration.objects.get(user=user).status == RegistrationStatus.CANCELLED


def test_joining_and_leaving_a_workshop_through_the_page(client, make_user, event):
    workshop = make_workshop(event, title="Atelier du matin")
    user = make_user()
    register(user, event)
    client.force_login(user)
    joined = client.post(f"/fr/events/{event.slug}/workshops/{workshop.key}/join/", follow=True)
    assert "Vous avez rejoint l'atelier «\u202fAtelier du matin\u202f»." in html.unescape(
        joined.content.decode()
    )
    assert WorkshopRegistration.objects.get(workshop=workshop).status == RegistrationStatus.CONFIRMED
    left = client.post(
        f"/fr/events/{event.slug}/workshops/{workshop.key}/leave/", {"confirmed": "1"}, follow=True
    )
    assert "Vous avez quitté l'atelier «\u202fAtelier du matin\u202f»." in html.unescape(
        left.content.decode()
    )
    assert WorkshopRegistration.objects.get(workshop=workshop).status == RegistrationStatus.CANCELLED


def test_the_confirmation_mail_links_to_the_event_in_the_registrants_language(
    make_user, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(make_user(language="fr"), event, language="es")
    assert f"/es/events/{event.slug}/" in mail.outbox[0].body


def test_a_mail_server_that_is_down_does_not_undo_or_refuse_the_registration(
    client, make_user, event, django_capture_on_commit_callbacks
):
    user = make_user()
    client.force_login(user)
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("refused")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(f"/fr/events/{event.slug}/register/", {"language": "fr"}, follow=True)
    assert response.status_code == 200
    assert "Vous êtes inscrit" in response.content.decode()
    assert Registration.objects.get(user=user).status == RegistrationStatus.CONFIRMED


def test_leaving_a_workshop_asks_first_in_the_readers_language(client, make_user, event):
    workshop = make_workshop(event, title="Atelier du soir")
    user = make_user()
    register(user, event)
    client.force_login(user)
    client.post(f"/es/events/{event.slug}/workshops/{workshop.key}/join/")
    asked = client.post(f"/es/events/{event.slug}/workshops/{workshop.key}/leave/")
    assert "¿Dejar el taller «Atelier du soir»?" in html.unescape(asked.content.decode())
    assert WorkshopRegistration.objects.get(workshop=workshop).status == RegistrationStatus.CONFIRMED
