"""The platform's signing certificate in the open: anyone verifies a signed PDF offline with it.

The demo's signed convention is downloaded from its public page, the certificate from the
certificate page; pyHanko's own validation API, and then the command the page prints, run
with that certificate as the only trust root, accept the PDF — and refuse it once one byte
of it is changed.
"""

import html
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from asn1crypto import x509
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from conventions.demo.texts import AGREEMENT_TITLE
from conventions.models import Document
from soliris.pdf import services as pdf_services

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def signed_pdf(settings, tmp_path, monkeypatch, client):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    settings.SOLIRIS_SIGNING_CERT = settings.SOLIRIS_SIGNING_KEY = ""
    monkeypatch.setattr(pdf_services, "_enqueue", lambda job_id: None)  # rendered here
    call_command("seed_demo")
    document = Document.objects.select_related("published_version__pdf_job").get(title=AGREEMENT_TITLE)
    pdf_services.job_run(document.published_version.pdf_job.pk)
    response = client.get(url("conventions:document_public_pdf", "es", document.key))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _validate(data: bytes, *trusted_certificates):
    """Each signature (the platform's certification, then each party's); the last one's status."""
    statuses = []
    for signature in PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures:
        context = ValidationContext(trust_roots=list(trusted_certificates), allow_fetching=False)
        statuses.append(validate_pdf_signature(signature, context))
    assert len(statuses) >= 3  # certified by the platform, signed by each party
    assert all(status.intact and status.valid and status.trusted for status in statuses[:-1])
    return statuses[-1]


def test_the_certificate_page_publishes_what_verifies_a_signed_pdf_offline(client, signed_pdf, tmp_path):
    page = client.get(url("pdf:certificate", "es"))
    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    fingerprint = re.search(r'<code class="fingerprint">([0-9A-F:]{95})</code>', text).group(1)
    assert url("pdf:certificate_pem", "es") in text and url("pdf:certificate_der", "es") in text
    assert url("pdf:certificate", "es") in html.unescape(client.get(url("pdf:verify", "es")).content.decode())

    pem = client.get(url("pdf:certificate_pem", "es"))
    der = client.get(url("pdf:certificate_der", "es"))
    assert pem["Content-Type"] == "application/x-pem-file" and "attachment" in pem["Content-Disposition"]
    assert pem.content.startswith(b"-----BEGIN CERTIFICATE-----")
    certificate_path = tmp_path / "soliris-signing-certificate.pem"
    certificate_path.write_bytes(pem.content)
    certificate = load_cert_from_pemder(str(certificate_path))
    assert x509.Certificate.load(der.content).sha256 == certificate.sha256
    assert certificate.sha256.hex().upper() == fingerprint.replace(":", "")
    authority_pem = client.get(url("pdf:authority_pem", "es"))
    assert authority_pem["Content-Type"] == "application/x-pem-file"
    assert client.get(url("pdf:authority_der", "es"))["Content-Type"] == "application/pkix-cert"
    (tmp_path / "soliris-certification-authority.pem").write_bytes(authority_pem.content)
    authority = load_cert_from_pemder(str(tmp_path / "soliris-certification-authority.pem"))
    assert authority.sha256.hex().upper() in text.replace(":", "")

    # The PDF's own signature page names the certificate that signed it.
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(signed_pdf)).pages)
    assert fingerprint in re.sub(r"\s+", "", pdf_text)

    status = _validate(signed_pdf, certificate, authority)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE

    changed = bytearray(signed_pdf)
    middle = len(changed) // 3  # inside the signed byte range, in the document's body
    changed[middle] = (changed[middle] + 1) % 256
    try:
        tampered = _validate(bytes(changed), certificate, authority)
    except Exception:  # a broken file is refused too  # noqa: S110
        pass
    else:
        assert not (tampered.intact and tampered.valid)

    # The command the page gives, run as a reader would: the certificate as the only root.
    command = html.unescape(re.search(r'<pre class="command"><code>(.*?)</code></pre>', text).group(1))
    assert command.startswith("pyhanko sign validate ")
    pyhanko = shutil.which("pyhanko") or str(Path(sys.executable).with_name("pyhanko"))
    for name, data, accepted in (("original.pdf", signed_pdf, True), ("changed.pdf", bytes(changed), False)):
        (tmp_path / name).write_bytes(data)
        arguments = command.split()[1:-1] + [name]  # the page's document name is a placeholder
        run = subprocess.run([pyhanko, *arguments], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        verdict = run.stdout + run.stderr
        assert ("INTACT:TRUSTED" in verdict and run.returncode == 0) is accepted, verdict
