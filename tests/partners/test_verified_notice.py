"""When the platform verifies an organisation, its members are told, each in their language, in
the notification centre and by e-mail, with a link to the organisation's page."""

import pytest
from django.core import mail as sent

from partners.models import Membership, Organisation, Role
from partners.services import organisation_verify
from soliris.models import Notification

pytestmark = pytest.mark.django_db


def test_the_members_of_a_verified_organisation_are_told_in_their_language(
    cast, make_user, django_capture_on_commit_callbacks
):
    organisation = Organisation.objects.create(
        slug="forest", name="Commune de Forest", kind="commune", country="BE"
    )
    dutch = make_user("lotte@forest.test", language="nl")
    spanish = make_user("ana@forest.test", language="es")
    Membership.objects.create(organisation=organisation, user=dutch, role=Role.COORDINATOR)
    Membership.objects.create(organisation=organisation, user=spanish, role=Role.VIEWER)
    with django_capture_on_commit_callbacks(execute=True):
        organisation_verify(actor=cast.user("staff"), organisation=organisation)
        organisation_verify(actor=cast.user("staff"), organisation=organisation)  # once only
    by_address = {message.to[0]: message for message in sent.outbox}
    assert set(by_address) == {"lotte@forest.test", "ana@forest.test"}
    assert "geverifieerd" in by_address["lotte@forest.test"].subject
    assert "/nl/organisations/forest/" in by_address["lotte@forest.test"].body
    assert "verificada" in by_address["ana@forest.test"].subject
    entry = Notification.objects.get(user=spanish)
    assert entry.kind == "partners/email/verified" and entry.path == "/es/organisations/forest/"
    assert Notification.objects.filter(user=cast.user("staff")).count() == 0
