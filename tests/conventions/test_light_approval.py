"""The light page of a version's approval, which the "proposed" mail links to: no script,
under 20 KB; the party decides there (``?light=1``) and sees its decision recorded."""

import re

import pytest
from django.test import Client

from conventions.models import Approval, Decision
from soliris.models import Notification
from tests.soliris.test_light_pages import assert_light

pytestmark = pytest.mark.django_db


def test_a_version_is_approved_from_its_light_page(cast, proposed, django_capture_on_commit_callbacks):
    path = f"/es/conventions/{proposed.key}/versions/1/approval/?light=1"
    entry = Notification.objects.get(user=cast.user("partner_coordinator"), kind="conventions/email/proposed")
    assert path in entry.body  # the coordinator's mail (and digest) gives the light page
    partner = Client()
    partner.force_login(cast.user("partner_coordinator"))
    html = assert_light(partner.get(path))
    assert "<form" in html and "action=" not in html.split("<form")[1].split(">")[0]  # posts to itself, light
    with django_capture_on_commit_callbacks(execute=True):
        decided = partner.post(
            path, {"decision": Decision.CHANGES_REQUESTED, "comment": "Falta el calendario.", "light": "1"}
        )
    assert decided.status_code == 302 and decided["Location"].endswith("?light=1")
    assert Approval.objects.get(version__document=proposed).comment == "Falta el calendario."
    assert "Falta el calendario." in assert_light(partner.get(path))
    full = partner.get(path.split("?")[0])
    assert full.status_code == 200 and re.search(r"<script", full.content.decode())  # the full page
