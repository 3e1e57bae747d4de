"""A stress test of the lock order (``conventions.services.locking``) on real PostgreSQL: the last
party signs while the signed PDF's render job of the same version is asked for and while the
parties publish right after the last signature, each in its own thread and connection. Over a
few dozen rounds: no deadlock, no error, no row lost. (Locking the version before the document in
``version_pdf_request`` makes PostgreSQL report a deadlock here within a few rounds.)"""

import contextlib
import threading
import time

from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from conventions import services
from conventions.models import Document, DocumentStatus, PublicationConsent, Signature, Version, VersionStatus
from soliris.models import RenderJob
from tests.conftest import PASSWORD
from tests.conventions.conftest import make_document

ROUNDS = 24
PATIENCE = 20  # seconds a round may take before it counts as stuck


def agreed_version(cast) -> Version:
    """A fresh agreed version that one party has signed: the other's signature is the last."""
    document = make_document(cast, clauses=1)
    version = services.version_propose(actor=cast.user("party_editor"), document=document)
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    return version


def in_thread(errors, start, work):
    """``work`` in a thread of its own, on its own connection, started with the others."""

    def run():
        try:
            start.wait(timeout=PATIENCE)
            work()
        except Exception as error:  # a deadlock, a lost row, anything: the round fails
            errors.append(error)
        finally:
            connection.close()

    return threading.Thread(target=run, daemon=True)


def until(condition, attempt):
    """Call ``attempt`` until ``condition()`` holds (the last signature may not be in yet)."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        with contextlib.suppress(ValidationError):  # not signed yet
            attempt()
        close_old_connections()
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError("the version was never signed")


def one_round(cast, signer, publishers) -> None:
    version = agreed_version(cast)
    errors, start = [], threading.Barrier(4)

    def sign():
        services.version_sign(
            actor=signer, version=Version.objects.get(pk=version.pk), consent=True, password=PASSWORD
        )

    def render():
        until(
            lambda: Version.objects.filter(pk=version.pk, pdf_job__isnull=False).exists(),
            lambda: services.version_pdf_request(version=Version.objects.get(pk=version.pk)),
        )

    def publish(user):
        until(
            lambda: PublicationConsent.objects.filter(version=version, given_by=user).exists(),
            lambda: services.document_publish(
                actor=user, document=Document.objects.get(pk=version.document_id)
            ),
        )

    threads = [
        in_thread(errors, start, sign),
        in_thread(errors, start, render),
        *(in_thread(errors, start, lambda user=user: publish(user)) for user in publishers),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=PATIENCE * 2)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    assert errors == []
    version.refresh_from_db()
    document = Document.objects.get(pk=version.document_id)
    assert version.status == VersionStatus.SIGNED
    assert Signature.objects.filter(version=version).count() == 2
    assert PublicationConsent.objects.filter(version=version).count() == 2
    assert version.pdf_job_id is not None and version.pdf_received_at is not None
    assert RenderJob.objects.filter(pk=version.pdf_job_id).count() == 1
    assert (document.status, document.published_version_id) == (DocumentStatus.SIGNED, version.pk)


def test_the_last_signature_the_render_job_and_publication_never_deadlock(
    transactional_db, cast, monkeypatch
):
    # The queued tasks and mails stay in the outbox: this test is about the database's locks.
    monkeypatch.setattr("soliris.outbox.dispatch", lambda message_id: None)
    signer = cast.user("partner_coordinator")  # Tarija's coordinator signs last, and publishes too
    publishers = [cast.user("party_coordinator"), signer]
    for _round in range(ROUNDS):
        one_round(cast, signer, publishers)
