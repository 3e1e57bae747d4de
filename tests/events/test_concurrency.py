"""Two people taking the last place at the same moment: the event row lock decides."""

import threading

import pytest
from django.db import connection

from events import services
from events.models import Registration, RegistrationStatus
from tests.events.conftest import make_event


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_registrations_for_the_last_place_confirm_only_one(make_user, cast):
    event = make_event(organisers=[cast.jette], capacity=1)
    users = [make_user(), make_user()]
    barrier = threading.Barrier(2)
    errors = []

    def register(user):
        try:
            barrier.wait()
            services.event_register(actor=user, event=event, language="fr")
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


@pytest.mark.django_db
def test_the_page_says_when_one_lands_on_the_waiting_list(client, make_user, cast):
    event = make_event(organisers=[cast.jette], capacity=1)
    services.event_register(actor=make_user(), event=event, language="fr")
    client.force_login(make_user())
    response = client.post(f"/fr/events/{event.slug}/register/", {"language": "fr"}, follow=True)
    assert (
        "L'événement est complet\u202f: vous êtes sur la liste d'attente."
        in response.content.decode().replace("&#x27;", "'")
    )
