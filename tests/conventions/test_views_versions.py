"""The versions' views (``conventions.views.versions``): proposing, approving or asking for
changes, signing and publishing through the client — what is saved, and what the person sees next."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from conventions.models import Approval, Decision, Document, DocumentStatus, Signature, VersionStatus
from partners.models import Membership
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(f"conventions:{name}", args=args)


def page(response) -> str:
    return response.content.decode()


def test_an_editor_proposes_the_draft_as_version_1(cast, as_role, document):
    response = as_role("party_editor").post(
        url("version_propose", document.key), {"reason": "Première lecture"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("version_detail", document.key, 1)
    assert "Version 1 is proposed: each party now approves it." in page(response)
    version = document.versions.get()
    assert version.status == VersionStatus.PROPOSED and version.reason == "Première lecture"


def test_a_coordinator_approves_a_proposed_version(cast, as_role, proposed):
    response = as_role("party_coordinator").post(
        url("version_approve", proposed.key, 1), {"decision": Decision.APPROVED, "comment": ""}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("version_detail", proposed.key, 1)
    assert "Your party&#x27;s decision is recorded." in page(response)
    approval = Approval.objects.get(version__document=proposed)
    assert (approval.organisation, approval.decision) == (cast.jette, Decision.APPROVED)
    assert proposed.versions.get().status == VersionStatus.PROPOSED  # the other party has not decided yet


def test_the_last_approval_makes_the_version_agreed(cast, as_role, proposed):
    for role in ("party_coordinator", "partner_coordinator"):
        as_role(role).post(url("version_approve", proposed.key, 1), {"decision": Decision.APPROVED})
    assert proposed.versions.get().status == VersionStatus.AGREED
    assert Document.objects.get(pk=proposed.pk).status == DocumentStatus.AGREED


def test_a_coordinator_asks_for_changes_with_a_comment(
    cast, as_role, proposed, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("partner_coordinator").post(
            url("version_approve", proposed.key, 1),
            {"decision": Decision.CHANGES_REQUESTED, "comment": "Falta el calendario."},
            follow=True,
        )
    assert "Your party&#x27;s decision is recorded." in page(response)
    approval = Approval.objects.get(version__document=proposed)
    assert (approval.decision, approval.comment) == (Decision.CHANGES_REQUESTED, "Falta el calendario.")
    assert any("Falta el calendario." in message.body for message in mail.outbox)


def test_asking_for_changes_without_saying_which_shows_the_form_again(cast, as_role, proposed):
    response = as_role("partner_coordinator").post(
        url("version_approve", proposed.key, 1), {"decision": Decision.CHANGES_REQUESTED, "comment": ""}
    )
    assert response.status_code == 200 and "Say which changes you ask for." in page(response)
    assert not Approval.objects.filter(version__document=proposed).exists()


def test_a_signatory_signs_the_agreed_version(cast, as_role, agreed):
    response = as_role("party_coordinator").post(
        url("version_sign", agreed.key, 1),
        {"consent": "on", "password": PASSWORD, "function": "Échevine"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url("version_detail", agreed.key, 1)
    assert "Your signature is recorded." in page(response) and "Échevine" in page(response)
    signature = Signature.objects.get(version__document=agreed)
    assert (signature.organisation, signature.signer_function) == (cast.jette, "Échevine")


def test_the_sign_form_starts_with_the_function_the_membership_records(cast, as_role, agreed):
    Membership.objects.filter(user=cast.user("party_coordinator"), organisation=cast.jette).update(
        function="Bourgmestre"
    )
    form = as_role("party_coordinator").get(url("version_sign", agreed.key, 1)).context["form"]
    assert form["function"].value() == "Bourgmestre"
    # What the signatory types instead is what is signed.
    as_role("party_coordinator").post(
        url("version_sign", agreed.key, 1), {"consent": "on", "password": PASSWORD, "function": "Échevine"}
    )
    assert Signature.objects.get(version__document=agreed).signer_function == "Échevine"


def test_the_last_signature_signs_the_version_and_requests_its_pdf(cast, as_role, agreed):
    for role in ("party_coordinator", "partner_coordinator"):
        as_role(role).post(url("version_sign", agreed.key, 1), {"consent": "on", "password": PASSWORD})
    version = agreed.versions.get()
    assert version.status == VersionStatus.SIGNED
    assert version.pdf_job is not None and version.pdf_job.requested_by == cast.user("partner_coordinator")


def test_the_coordinators_publish_the_signed_document(cast, as_role, client, signed):
    response = as_role("party_coordinator").post(url("document_publish", signed.key), follow=True)
    assert response.redirect_chain[-1][0] == url("document_detail", signed.key)
    assert "Your party agrees to publish it. It becomes public when every party agrees." in page(response)
    response = as_role("partner_coordinator").post(url("document_publish", signed.key), follow=True)
    assert "Every party agreed: the signed document is now public." in page(response)
    client.logout()
    assert client.get(url("document_public", signed.key)).status_code == 200


def test_an_approval_is_saved_even_when_the_mail_server_refuses_the_mails(
    cast, as_role, proposed, django_capture_on_commit_callbacks
):
    from unittest import mock

    from soliris.models import OutboxKind, OutboxMessage, OutboxState

    refused = mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("refused"))
    with refused, django_capture_on_commit_callbacks(execute=True):
        response = as_role("party_coordinator").post(
            url("version_approve", proposed.key, 1), {"decision": Decision.APPROVED}
        )
    assert response.status_code == 302  # no error for the person who approved
    assert Approval.objects.filter(version__document=proposed, decision=Decision.APPROVED).exists()
    # The mails about it wait in the outbox, tried once, for the sweep to try again.
    assert OutboxMessage.objects.filter(kind=OutboxKind.MAIL, state=OutboxState.PENDING, attempts=1).exists()
