"""The demo's showcase: the Brasschaat – Tarija convention, signed and published by both parties
at first start, is read by a visitor from the partnership's public page in every interface
language, in each of its authentic languages; its signed PDF downloads and the verification
page accepts it. While the PDF renders, the public page says so."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from conventions.demo.texts import AGREEMENT, AGREEMENT_TITLE
from conventions.models import Document, PublicationConsent
from partners.models import Partnership
from soliris.models import RenderJobState
from soliris.pdf import services as pdf_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    settings.SOLIRIS_SIGNING_CERT = settings.SOLIRIS_SIGNING_KEY = ""
    # Rendered in the test, never by a worker this session may run (it would take the job).
    monkeypatch.setattr(pdf_services, "_enqueue", lambda job_id: None)
    call_command("seed_demo")
    return Document.objects.select_related("published_version__pdf_job").get(title=AGREEMENT_TITLE)


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def test_both_parties_published_the_signed_convention_at_first_start(demo):
    assert demo.published_version is not None and demo.published_version.status == "signed"
    consents = PublicationConsent.objects.filter(version=demo.published_version)
    assert {c.organisation.slug for c in consents} == {"brasschaat", "tarija"}
    call_command("seed_demo")  # idempotent: published once
    assert PublicationConsent.objects.filter(version=demo.published_version).count() == 2


@pytest.mark.parametrize("language", ["fr", "nl", "en", "es"])
def test_a_visitor_finds_it_on_the_public_partnership_page_and_reads_it_in_three_languages(
    client, demo, language
):
    partnership = Partnership.objects.get(name="Brasschaat – Tarija")
    page = client.get(url("partners:partnership_detail", language, partnership.key)).content.decode()
    public = url("conventions:document_public", language, demo.key)
    assert public in page
    for reading in ("nl", "fr", "es"):
        response = client.get(public, {"lang": reading})
        assert response.status_code == 200
        text = html.unescape(response.content.decode())
        heading, body = AGREEMENT[0][reading]
        assert heading in text and body[:60] in text


def test_the_public_page_says_the_pdf_is_being_prepared_then_offers_it_and_it_verifies(client, demo):
    job = demo.published_version.pdf_job
    assert job is not None and job.state == RenderJobState.QUEUED
    public = url("conventions:document_public", "fr", demo.key)
    page = client.get(public).content.decode()
    assert 'id="pdf-state"' in page and "est en préparation" in page
    assert client.get(url("conventions:document_public_pdf", "fr", demo.key)).status_code == 404

    pdf_services.job_run(job.pk)
    job.refresh_from_db()
    assert job.state == RenderJobState.DONE
    page = client.get(public).content.decode()
    download = url("conventions:document_public_pdf", "fr", demo.key)
    assert download in page and 'id="pdf-state"' not in page
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF")

    for language, valid in (
        ("fr", "Signature valide"),
        ("nl", "Geldige handtekening"),
        ("es", "Firma válida"),
    ):
        verified = client.post(
            url("pdf:verify", language),
            {"document": SimpleUploadedFile("akkoord.pdf", data, content_type="application/pdf")},
        )
        assert verified.status_code == 200
        text = html.unescape(verified.content.decode())
        assert valid in text, language
        assert job.content_hash in text


def test_the_public_page_says_when_the_pdf_could_not_be_prepared(client, demo):
    job = demo.published_version.pdf_job
    type(job).objects.filter(pk=job.pk).update(state=RenderJobState.FAILED)
    page = client.get(url("conventions:document_public", "en", demo.key)).content.decode()
    assert "could not be prepared yet" in page
