"""The signed charter PDF, rendered by the real worker when the last party signs."""

import time
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from conventions import services
from conventions.charter_pdf import KIND, version_hash
from conventions.models import Version
from soliris.models import RenderJob, RenderJobState
from soliris.pdf.signing import verify_pdf
from tests.conftest import PASSWORD
from tests.conventions.conftest import make_document
from tests.conventions.test_signing_chain import stamps_of

pytestmark = pytest.mark.worker


def wait_for_job(version, worker, timeout=90) -> RenderJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.pdf_job_id:
            job = RenderJob.objects.get(pk=version.pdf_job_id)
            if job.state in (RenderJobState.DONE, RenderJobState.FAILED):
                return job
        time.sleep(0.25)
    raise AssertionError(f"no finished charter job for {version}: {worker.log()[-3000:]}")


def sign_all(cast, document) -> Version:
    services.version_propose(actor=cast.user("party_editor"), document=document, reason="Lecture finale")
    version = document.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    services.version_sign(
        actor=cast.user("party_coordinator"),
        version=version,
        consent=True,
        password=PASSWORD,
        function="Échevine",
    )
    services.version_sign(
        actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
    )
    return version


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def upload(data: bytes):
    return SimpleUploadedFile("charte.pdf", data, content_type="application/pdf")


@pytest.fixture
def charter(cast, celery_worker):
    document = make_document(cast, clauses=4, languages=("fr", "es"), title="Convention Jette – Tarija 2026")
    version = sign_all(cast, document)
    job = wait_for_job(version, celery_worker)
    assert job.state == RenderJobState.DONE, job.error
    return document, version, job


def test_when_the_last_party_signs_the_charter_is_rendered_and_signed_by_the_worker(cast, charter):
    document, version, job = charter
    assert job.kind == KIND and job.signed
    assert job.requested_by == cast.user("partner_coordinator")  # the last signatory
    assert job.parameters == {"document": document.key, "version": 1, "language": "fr"}
    assert RenderJob.objects.filter(kind=KIND).count() == 1
    data = default_storage.open(job.file.name, "rb").read()
    text = " ".join(text_of(data).split())
    assert "Convention Jette – Tarija 2026" in text
    for n in range(1, 5):
        assert f"{n}. Article {n}" in text
        assert f"{n}. Artículo {n}" in text
        assert f"Les parties conviennent ensemble du point {n}." in text
        assert f"Las partes acuerdan juntas el punto {n}." in text
    stamps = " ".join(stamps_of(data).values())  # each party's signature stamp, in its box
    for signature in version.signatures.all():
        assert signature.signer_name in stamps
        assert signature.signer_function in stamps or signature.signer_function == "—"  # none given
        assert signature.organisation_name in stamps and signature.organisation_name in text
    assert "Échevine" in stamps
    assert "Commune de Jette" in text and "Municipio de Tarija" in text  # the parties
    assert version_hash(version.snapshot) in text.replace(" ", "")
    assert "/fr/verify/" in text


def test_asking_again_for_the_charter_finds_the_same_job(charter):
    document, version, job = charter
    again = services.version_pdf_request(version=version)
    assert again.pdf_job_id == job.pk
    assert RenderJob.objects.filter(kind=KIND).count() == 1


def test_the_charter_signature_validates_and_fails_after_a_one_byte_change(client, charter):
    document, version, job = charter
    data = default_storage.open(job.file.name, "rb").read()
    assert verify_pdf(data).valid
    tampered = bytearray(data)
    tampered[data.index(b"stream") + 20] ^= 0x01
    assert not verify_pdf(bytes(tampered)).valid

    response = client.post("/en/verify/", {"document": upload(data)})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Valid signature" in body and "has not been changed" in body
    assert "Convention Jette – Tarija 2026" in body and "Version" in body
    assert version_hash(version.snapshot) in body
    response = client.post("/fr/verify/", {"document": upload(bytes(tampered))})
    body = response.content.decode()
    assert "message-error" in body and "Convention Jette – Tarija 2026" not in body


def test_a_party_downloads_the_charter_and_a_non_party_cannot_until_it_is_published(cast, as_role, charter):
    document, version, job = charter
    download = reverse("pdf:job_download", args=[job.key])
    public = reverse("conventions:document_public_pdf", args=[document.key])
    for role in ("party_viewer", "partner_coordinator"):
        response = as_role(role).get(download)
        assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    for role in ("outsider", "invited_coordinator", "staff"):
        assert as_role(role).get(download).status_code == 404
        assert as_role(role).get(reverse("pdf:job_detail", args=[job.key])).status_code == 404
    assert as_role("anonymous").get(public).status_code == 404

    page = as_role("party_viewer").get(reverse("conventions:version_detail", args=[document.key, 1]))
    assert download in page.content.decode()

    services.document_publish(actor=cast.user("party_coordinator"), document=document)
    services.document_publish(actor=cast.user("partner_coordinator"), document=document)
    assert as_role("outsider").get(download).status_code == 200
    response = as_role("anonymous").get(public)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == default_storage.open(job.file.name, "rb").read()
    page = as_role("anonymous").get(reverse("conventions:document_public", args=[document.key]))
    assert public in page.content.decode()
