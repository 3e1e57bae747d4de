"""Versions are immutable snapshots; approvals belong to one version; all parties agree, then sign."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.test import RequestFactory
from django.urls import reverse

from conventions import services
from conventions.models import Document, DocumentStatus, Version, VersionStatus
from soliris.models import OutboxKind, OutboxMessage
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def edit_first_clause(cast, document, body="Texte changé après la proposition."):
    clause = document.clauses.order_by("position").first()
    text = clause.texts.get(language="fr")
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading=text.heading,
        body=body,
        expected_version=text.revision,
    )


def test_proposing_freezes_every_clause_in_every_language(cast, proposed):
    version = proposed.versions.get()
    assert version.number == 1 and version.status == VersionStatus.PROPOSED
    assert version.proposed_by == cast.user("party_editor") and version.reason == "Première lecture"
    assert [c["texts"]["es"]["body"] for c in version.clauses][0] == "Las partes acuerdan juntas el punto 1."
    assert proposed.status == DocumentStatus.PROPOSED


def test_a_version_is_immutable_in_the_database(proposed):
    version = proposed.versions.get()
    frozen = version.snapshot
    version.snapshot = {"clauses": []}
    with pytest.raises(DatabaseError), transaction.atomic():
        version.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        Version.objects.filter(pk=version.pk).update(reason="réécrit")
    with pytest.raises(DatabaseError), transaction.atomic():
        Version.objects.filter(pk=version.pk).delete()
    assert Version.objects.get(pk=version.pk).snapshot == frozen


def test_editing_the_draft_never_changes_a_proposed_version(cast, proposed):
    version = proposed.versions.get()
    frozen = version.snapshot
    edit_first_clause(cast, proposed)
    clause = proposed.clauses.order_by("position").last()
    services.clause_remove(actor=cast.user("party_editor"), clause=clause)
    version.refresh_from_db()
    assert version.snapshot == frozen
    assert version.status == VersionStatus.SUPERSEDED


def test_no_view_alters_a_version(cast, as_role, proposed):
    version = proposed.versions.get()
    frozen = version.snapshot
    client = as_role("party_coordinator")
    # The version pages only read; posting to them does not touch the snapshot.
    client.post(reverse("conventions:version_detail", args=[proposed.key, 1]), {"snapshot": "{}"})
    client.post(reverse("conventions:version_approve", args=[proposed.key, 1]), {"decision": "bogus"})
    assert Version.objects.get(pk=version.pk).snapshot == frozen


def test_the_admin_is_read_only_for_versions(cast, proposed):
    model_admin = admin.site._registry[Version]
    request = RequestFactory().get("/")
    request.user = cast.user("staff")
    request.user.is_superuser = True
    version = proposed.versions.get()
    assert not model_admin.has_change_permission(request, version)
    assert not model_admin.has_delete_permission(request, version)
    assert not model_admin.has_add_permission(request)


def test_approvals_reset_on_a_new_version(cast, proposed):
    version = proposed.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    edit_first_clause(cast, proposed)
    clause = proposed.clauses.order_by("position").first()
    services.clause_confirm(actor=cast.user("partner_coordinator"), clause=clause, language="es")
    proposed.refresh_from_db()
    assert proposed.status == DocumentStatus.DRAFT
    second = services.version_propose(
        actor=cast.user("party_editor"), document=proposed, reason="Après relecture"
    )
    assert second.number == 2
    assert second.approvals.count() == 0
    assert version.approvals.count() == 1  # kept on the version it was given on
    with pytest.raises(ValidationError):
        services.version_approve(actor=cast.user("partner_coordinator"), version=version)


def test_agreed_needs_every_accepted_party(cast, proposed):
    version = proposed.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    version.refresh_from_db()
    assert version.status == VersionStatus.PROPOSED
    services.version_request_changes(
        actor=cast.user("partner_coordinator"),
        version=version,
        comment="Précisez le calendrier.",
    )
    version.refresh_from_db()
    assert version.status == VersionStatus.PROPOSED
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    version.refresh_from_db()
    assert version.status == VersionStatus.AGREED
    assert Document.objects.get(pk=proposed.pk).status == DocumentStatus.AGREED


def test_asking_for_changes_needs_a_comment(cast, proposed):
    with pytest.raises(ValidationError):
        services.version_request_changes(
            actor=cast.user("party_coordinator"), version=proposed.versions.get(), comment="  "
        )


def test_signing_needs_consent_and_the_password(cast, agreed, as_role):
    url = reverse("conventions:version_sign", args=[agreed.key, 1])
    client = as_role("party_coordinator")
    response = client.post(url, {"password": PASSWORD, "function": "Bourgmestre"})
    assert response.status_code == 200 and b"Bourgmestre" in response.content
    response = client.post(url, {"consent": "on", "password": "wrong", "function": "Bourgmestre"})
    assert response.status_code == 200
    assert not agreed.versions.get().signatures.exists()


def test_when_every_party_signed_the_version_is_locked_and_a_pdf_is_requested(
    cast, agreed, django_capture_on_commit_callbacks
):
    version = agreed.versions.get()
    services.version_sign(
        actor=cast.user("party_coordinator"),
        version=version,
        consent=True,
        password=PASSWORD,
        function="Échevine",
    )
    version.refresh_from_db()
    assert version.status == VersionStatus.AGREED and version.pdf_requested_at is None
    with django_capture_on_commit_callbacks():
        services.version_sign(
            actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
        )
    version.refresh_from_db()
    assert version.status == VersionStatus.SIGNED and version.pdf_requested_at is not None
    signature = version.signatures.get(organisation=cast.jette)
    assert (signature.signer_function, signature.organisation_name) == ("Échevine", "Commune de Jette")
    # One hop: the render job is requested in the signing transaction, its rendering queued
    # through the outbox (after the commit).
    assert version.pdf_job is not None and version.pdf_job.requested_by == cast.user("partner_coordinator")
    assert OutboxMessage.objects.filter(
        kind=OutboxKind.TASK,
        payload__task="soliris.tasks.render_document",
        payload__args=[version.pdf_job_id],
    ).exists()
    # A signed version stays signed: editing the draft starts a new cycle.
    edit_first_clause(cast, agreed)
    version.refresh_from_db()
    assert version.status == VersionStatus.SIGNED
    assert Document.objects.get(pk=agreed.pk).status == DocumentStatus.DRAFT


def test_the_pdf_hook_records_the_job_once(signed):
    version = signed.versions.get()
    services.version_pdf_request(version=version)
    first = Version.objects.get(pk=version.pk).pdf_received_at
    services.version_pdf_request(version=version)
    assert first is not None and Version.objects.get(pk=version.pk).pdf_received_at == first


@pytest.mark.worker
def test_the_worker_receives_the_pdf_job(cast, celery_worker):
    import time

    from tests.conventions.conftest import make_document

    document = make_document(cast)
    services.version_propose(actor=cast.user("party_editor"), document=document)
    version = document.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    services.version_sign(
        actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.pdf_received_at:
            break
        time.sleep(0.3)
    assert version.pdf_received_at is not None, celery_worker.log()[-2000:]


def test_notifications_reach_each_member_in_their_own_language(
    cast, document, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.version_propose(actor=cast.user("party_editor"), document=document)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "cast.user" not in by_recipient
    assert cast.user("party_editor").email not in by_recipient  # the proposer is not told
    assert "coordinador@tarija.test" in by_recipient and "viewer@jette.test" in by_recipient
    assert "coordinator@stadd.test" not in by_recipient  # invited, not a party yet
    spanish = by_recipient["coordinador@tarija.test"]
    assert "/es/conventions/" in spanish.body
    assert spanish.body.startswith("Hola") and "se propone para aprobación" in spanish.subject
    assert by_recipient["viewer@jette.test"].body.startswith("Bonjour")
    assert "/fr/conventions/" in by_recipient["viewer@jette.test"].body


def test_signature_requests_go_to_signatories(cast, proposed, django_capture_on_commit_callbacks):
    version = proposed.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    subjects = [(m.to[0], m.subject) for m in mail.outbox]
    assert len(subjects) > 2
    signature_mails = [
        to
        for to, subject in subjects
        if subject.removeprefix(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX).startswith(
            ("Your signature", "Votre signature", "Se solicita")
        )
    ]
    assert signature_mails and set(signature_mails) <= {"coordinator@jette.test", "coordinador@tarija.test"}


def test_the_parties_publish_a_signed_document_jointly(cast, client, signed):
    url = reverse("conventions:document_public", args=[signed.key])
    assert services.document_publish(actor=cast.user("party_coordinator"), document=signed) is False
    assert client.get(url).status_code == 404
    assert services.document_publish(actor=cast.user("partner_coordinator"), document=signed) is True
    response = client.get(url)
    assert response.status_code == 200
    assert "Las partes acuerdan juntas el punto 1." in client.get(url + "?lang=es").content.decode()


def test_comments_are_tied_to_the_version_they_were_made_on(cast, document, as_role):
    clause = document.clauses.first()
    thread = services.thread_open(
        actor=cast.user("partner_coordinator"),
        clause=clause,
        language="es",
        body="¿Y el calendario?",
        mentions=[cast.jette],
    )
    assert thread.version_number == 1
    services.version_propose(actor=cast.user("party_editor"), document=document)
    from django.utils import translation

    with translation.override("en"):
        url = reverse("conventions:clause_comments", args=[document.key, clause.key])
    html = as_role("party_viewer").get(url).content.decode()
    assert "earlier version" in html and "@Commune de Jette" in html
    detail = as_role("party_viewer").get(reverse("conventions:document_detail", args=[document.key]))
    assert detail.context["open_threads"] == 1
    services.thread_resolve(actor=cast.user("party_viewer"), thread=thread, resolved=True)
    detail = as_role("party_viewer").get(reverse("conventions:document_detail", args=[document.key]))
    assert detail.context["open_threads"] == 0


def test_mentioning_an_organisation_outside_the_parties_is_refused(cast, document):
    with pytest.raises(ValidationError):
        services.thread_open(
            actor=cast.user("party_viewer"),
            clause=document.clauses.first(),
            language="fr",
            body="?",
            mentions=[cast.periferia],
        )


def test_an_addendum_starts_a_new_cycle_and_the_signed_version_stays_readable(cast, as_role, signed):
    client = as_role("party_editor")
    response = client.post(
        reverse("conventions:document_create", args=[cast.partnership.key]),
        {
            "kind": "addendum",
            "title": "Avenant 1",
            "authentic_languages": ["fr"],
            "template": "",
            "amends": "",
        },
    )
    assert response.status_code == 200 and not Document.objects.filter(title="Avenant 1").exists()
    response = client.post(
        reverse("conventions:document_create", args=[cast.partnership.key]),
        {
            "kind": "addendum",
            "title": "Avenant 1",
            "authentic_languages": ["fr"],
            "template": "",
            "amends": signed.key,
        },
    )
    addendum = Document.objects.get(title="Avenant 1")
    assert (
        response.status_code == 302 and addendum.amends == signed and addendum.status == DocumentStatus.DRAFT
    )
    detail = client.get(reverse("conventions:document_detail", args=[signed.key]))
    assert "Avenant 1" in detail.content.decode()
    assert client.get(reverse("conventions:version_detail", args=[signed.key, 1])).status_code == 200


def test_the_history_of_the_document_is_shown(cast, as_role, proposed):
    from django.utils import translation

    with translation.override("en"):
        url = reverse("conventions:document_detail", args=[proposed.key])
    html = as_role("party_viewer").get(url).content.decode()
    assert "proposed a version" in html and "created the document" in html


def test_the_members_of_a_mentioned_party_are_told(cast, document, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_open(
            actor=cast.user("party_editor"),
            clause=document.clauses.first(),
            language="fr",
            body="Qu'en pense Tarija ?",
            mentions=[cast.tarija],
        )
    assert [m.to[0] for m in mail.outbox] == ["coordinador@tarija.test"]
    assert "/es/conventions/" in mail.outbox[0].body and "Municipio de Tarija" in mail.outbox[0].body


def test_a_request_for_changes_reaches_the_parties_with_its_comment(
    cast, proposed, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.version_request_changes(
            actor=cast.user("partner_coordinator"),
            version=proposed.versions.get(),
            comment="Falta el calendario.",
        )
    to_jette = [m for m in mail.outbox if m.to[0] == "coordinator@jette.test"]
    assert to_jette and "Falta el calendario." in to_jette[0].body
    assert "demande des changements" in to_jette[0].subject


def test_the_document_page_shows_who_agreed_to_publish(cast, as_role, signed):
    from django.utils import translation

    services.document_publish(actor=cast.user("party_coordinator"), document=signed)
    with translation.override("en"):
        url = reverse("conventions:document_detail", args=[signed.key])
    html = as_role("party_coordinator").get(url).content.decode()
    assert "Agreed to publish the signed document: Commune de Jette." in html
    assert "Agree to publish the signed document</button>" not in html
    html = as_role("partner_coordinator").get(url).content.decode()
    assert "Agree to publish the signed document</button>" in html
