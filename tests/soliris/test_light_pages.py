"""The light pages the decision mails link to: no script, under 20 KB, in the reader's
language; the decision is taken there and the page says so. A slow or intermittent link is
enough to accept an invitation or approve a version."""

import re

import pytest
from django.test import Client

from partners.models import PartyStatus
from soliris.models import Notification

pytestmark = pytest.mark.django_db

LIGHT = 20_000


def assert_light(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in html and len(response.content) < LIGHT
    return html


def test_an_invitation_is_answered_from_its_light_page(
    cast, invited, mailoutbox, django_capture_on_commit_callbacks
):
    partner = cast.user("partner_coordinator")
    path = f"/es/partnerships/{invited.key}/parties/{cast.tarija.slug}/respond/"
    entry = Notification.objects.get(user=partner)
    assert path in entry.body  # the mail (and the digest) carry the light page's address
    browser = Client()
    browser.force_login(partner)
    html = assert_light(browser.get(path))
    assert invited.name in html and 'value="accept"' in html and 'lang="es"' in html
    with django_capture_on_commit_callbacks(execute=True):
        answered = browser.post(path, {"answer": "accept", "light": "1"})
    assert answered.status_code == 302 and answered["Location"] == path
    assert invited.parties.get(organisation=cast.tarija).status == PartyStatus.ACCEPTED
    after = assert_light(browser.get(path))
    assert 'value="accept"' not in after and "aceptada" in after.lower()


def test_the_light_page_of_an_invitation_keeps_the_rights_of_the_full_one(cast, invited):
    path = f"/fr/partnerships/{invited.key}/parties/{cast.tarija.slug}/respond/"
    member = Client()
    member.force_login(cast.user("party_viewer"))  # of another party: reads it, cannot answer for Tarija
    html = assert_light(member.get(path))
    assert 'value="accept"' not in html
    stranger = Client()
    stranger.force_login(cast.user("outsider"))
    assert stranger.get(path).status_code == 404
    visitor = Client().get(path, HTTP_ACCEPT="text/html")
    assert visitor.status_code == 302 and "/accounts/login/" in visitor["Location"]


def light_link(body: str) -> str:
    """The path of the light page a mail's body gives."""
    [url] = re.findall(r"http://127\.0\.0\.1:8000(/\S+\?light=1)", body)
    return url


def test_a_project_invitation_is_answered_from_its_light_page(cast, django_capture_on_commit_callbacks):
    from projects import services as projects
    from projects.models import ProjectParty, ProjectPartyStatus

    coordinator = cast.user("party_coordinator")
    project = projects.project_create(
        actor=coordinator,
        proposed_by=cast.jette,
        title="Jardins d'eau",
        partners=[cast.tarija],
        language="fr",
    )
    projects.project_transition(actor=coordinator, project=project, to_status="proposed")
    partner = cast.user("partner_coordinator")
    path = light_link(Notification.objects.get(user=partner, kind="projects/email/invitation").body)
    assert path.startswith(f"/es/projects/{project.key}/parties/{cast.tarija.slug}/answer/")
    browser = Client()
    browser.force_login(partner)
    html = assert_light(browser.get(path))
    assert 'name="answer"' in html and "<form" in html
    with django_capture_on_commit_callbacks(execute=True):
        answered = browser.post(
            path,
            {
                "answer": "confirm",
                "role": "Acoge el proyecto",
                "contribution": "La sala municipal",
                "decision_level": "co_decides",
            },
        )
    assert answered.status_code == 302, re.findall(
        r'class="[^"]*error[^"]*"[^<]*<[^<]*', answered.content.decode()
    )
    assert "light=1" in answered["Location"]  # back to a light page
    assert (
        ProjectParty.objects.get(project=project, organisation=cast.tarija).status
        == ProjectPartyStatus.CONFIRMED
    )
    assert_light(browser.get(answered["Location"]))


def test_a_check_in_round_is_answered_from_its_light_page(cast, django_capture_on_commit_callbacks):
    from partners.services import checkin_open

    checkin_open(actor=cast.user("party_coordinator"), partnership=cast.partnership)
    partner = cast.user("partner_coordinator")
    path = light_link(Notification.objects.get(user=partner, kind="partners/email/checkin_opened").body)
    browser = Client()
    browser.force_login(partner)
    assert "<textarea" in assert_light(browser.get(path))


def test_a_member_invitation_gives_its_light_page(cast):
    from partners.models import Role
    from partners.services import member_invite
    from soliris.models import OutboxMessage

    member_invite(
        actor=cast.user("party_coordinator"),
        organisation=cast.jette,
        email="new@jette.test",
        role=Role.EDITOR,
    )
    path = light_link(OutboxMessage.objects.get(payload__to=["new@jette.test"]).payload["body"])
    assert "invitations/" in path
    assert_light(Client().get(path))  # readable before logging in


def test_a_full_page_is_full_and_the_light_one_is_not(cast, invited):
    browser = Client()
    browser.force_login(cast.user("party_coordinator"))
    full = browser.get(f"/fr/partnerships/{invited.key}/").content.decode()
    assert "<script" in full and 'class="main-nav"' in full
    light = browser.get(
        f"/fr/partnerships/{invited.key}/parties/{cast.tarija.slug}/respond/?light=1"
    ).content.decode()
    assert "<script" not in light and 'class="main-nav"' not in light
