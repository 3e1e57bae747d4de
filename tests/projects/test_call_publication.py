"""An organisation the platform has not verified yet prepares its call; the call is published
(listed, open to answers) once the organisation is verified."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from partners.models import Membership, Organisation, Role
from projects import services
from projects.models import Call
from tests.projects.conftest import make_ready, said


@pytest.fixture
def newcomer(make_user):
    organisation = Organisation.objects.create(
        slug="nouvelle-commune", name="Nouvelle Commune", kind="commune", country="BE", locality="Namur"
    )
    user = make_user("coordinatrice@nouvelle.test", full_name="Nora Nouvelle")
    Membership.objects.create(organisation=organisation, user=user, role=Role.COORDINATOR)
    return organisation, user


def test_a_just_registered_organisations_call_waits_for_its_verification(newcomer, client, login):
    organisation, user = newcomer
    login(user)
    now = timezone.localtime()
    response = client.post(
        "/fr/calls/new/",
        {
            "publisher": organisation.slug,
            "title": "Appel de la nouvelle commune",
            "currency": "EUR",
            "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
        },
        follow=True,
    )
    call = Call.objects.get(title_fr="Appel de la nouvelle commune")
    assert "publié dès que la plateforme aura vérifié votre organisation" in said(response)[0]
    assert "dès que la plateforme aura vérifié votre organisation" in response.content.decode()
    public = Client()
    assert "Appel de la nouvelle commune" not in public.get("/fr/calls/").content.decode()
    assert public.get(f"/fr/calls/{call.key}/").status_code == 404
    assert "Appel de la nouvelle commune" not in public.get("/fr/").content.decode()
    Organisation.objects.filter(pk=organisation.pk).update(verified_at=timezone.now())
    assert "Appel de la nouvelle commune" in public.get("/fr/calls/").content.decode()
    page = public.get(f"/fr/calls/{call.key}/").content.decode()
    assert "vérifié votre organisation" not in page


def test_a_project_cannot_answer_a_call_not_yet_published(newcomer, project, cast):
    organisation, user = newcomer
    now = timezone.now()
    call = services.call_create(
        actor=user,
        publisher=organisation,
        language="fr",
        title="Pas encore publié",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=10),
    )
    make_ready(project, cast)
    with pytest.raises(Exception, match="pas encore publié|not published"):
        services.project_submit(actor=cast.user("party_coordinator"), project=project, call=call)
