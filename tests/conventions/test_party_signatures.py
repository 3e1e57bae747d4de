"""Each party signs the charter with its own key (issue 20): the platform certifies the PDF,
each party signs it in signing order with the certificate the platform's authority issued
it, a real RFC 3161 time-stamping authority on loopback timestamps it; pyHanko validates each
signature, and the verification page lists them — one added outside Soliris included."""

import datetime
from io import BytesIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko_certvalidator import ValidationContext

from conventions import services
from conventions.models import PartyKey
from partners.models import Membership, PartnershipParty, PartyStatus
from soliris.models import RenderJob, RenderJobState
from soliris.pdf import tsa as tsa_server
from soliris.pdf.authority import ca_certificate, key_passphrase, load_certificate
from soliris.pdf.services import job_run
from soliris.pdf.signing import certificate, verify_pdf
from tests.conftest import PASSWORD
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db


def rendered(version) -> bytes:
    """The worker's part, here: render the version's job, certify, sign, timestamp."""
    version.refresh_from_db()
    job = job_run(version.pdf_job_id)
    assert job.state == RenderJobState.DONE, job.error
    return default_storage.open(job.file.name, "rb").read()


def signatures_of(data: bytes):
    return PdfFileReader(BytesIO(data), strict=False).embedded_signatures


def pyhanko_statuses(data: bytes):
    """pyHanko's own validation of each signature, trusting the two published roots only."""
    statuses = []
    for embedded in signatures_of(data):
        context = ValidationContext(trust_roots=[certificate(), ca_certificate()], allow_fetching=False)
        if embedded.sig_object_type == "/DocTimeStamp":
            statuses.append(validate_pdf_timestamp(embedded, validation_context=context))
        else:
            statuses.append(validate_pdf_signature(embedded, context))
    return statuses


def organisation_in(embedded) -> str:
    return embedded.signer_cert.subject.native["organization_name"]


def upload(data: bytes):
    return SimpleUploadedFile("charte.pdf", data, content_type="application/pdf")


def three_party_version(cast, django_capture_on_commit_callbacks):
    """STADD accepted as a third party, its coordinator allowed to sign; all three sign."""
    PartnershipParty.objects.filter(partnership=cast.partnership, organisation=cast.stadd).update(
        status=PartyStatus.ACCEPTED
    )
    Membership.objects.filter(user=cast.user("invited_coordinator")).update(may_sign=True)
    document = make_document(cast, clauses=1, languages=("fr",), title="Charte à trois")
    services.version_propose(actor=cast.user("party_editor"), document=document, reason="Lecture")
    version = document.versions.get()
    signatories = ("invited_coordinator", "party_coordinator", "partner_coordinator")
    for role in signatories:
        services.version_approve(actor=cast.user(role), version=version)
    for role in signatories:
        with django_capture_on_commit_callbacks(execute=False):
            services.version_sign(actor=cast.user(role), version=version, consent=True, password=PASSWORD)
    return version


def test_two_parties_each_sign_with_their_own_key_after_the_certification_and_before_the_timestamp(
    cast, signed, tsa, client
):
    data = rendered(signed.versions.get())
    embedded = signatures_of(data)
    assert [e.field_name for e in embedded] == [
        "Soliris-Certification",
        "Party-cast-jette",
        "Party-cast-tarija",
        "Soliris-Timestamp",
    ]
    assert embedded[0].docmdp_level == fields.MDPPerm.FILL_FORMS  # the certification
    assert [organisation_in(e) for e in embedded[1:3]] == ["Commune de Jette", "Municipio de Tarija"]
    assert embedded[3].sig_object_type == "/DocTimeStamp"
    for status in pyhanko_statuses(data):
        assert status.intact and status.valid and status.trusted, status.summary()
        assert status.modification_level <= ModificationLevel.FORM_FILLING

    result = verify_pdf(data)
    assert result.valid and result.certified and result.timestamp is not None and not result.outside
    assert [(s.kind, s.organisation, s.identifier) for s in result.parties] == [
        ("party", "Commune de Jette", "cast-jette"),
        ("party", "Municipio de Tarija", "cast-tarija"),
    ]
    assert all(s.intact and s.trusted and s.unchanged for s in result.signatures)

    body = client.post("/en/verify/", {"document": upload(data)}).content.decode()
    assert "Valid signature" in body and "Certified by the Soliris platform" in body
    assert "Signed by Commune de Jette" in body and "Signed by Municipio de Tarija" in body
    assert "Timestamp" in body and "Added outside Soliris" not in body

    # One byte changed anywhere: at the start, in a party's revision, in the last trailer.
    for position in (data.index(b"stream") + 20, len(data) // 2, len(data) - 40):
        tampered = bytearray(data)
        tampered[position] ^= 0x01
        assert not verify_pdf(bytes(tampered)).valid, position
    tampered = bytearray(data)
    tampered[data.index(b"stream") + 20] ^= 0x01
    body = client.post("/en/verify/", {"document": upload(bytes(tampered))}).content.decode()
    assert "message-error" in body and "Valid signature" not in body


def test_three_parties_sign_in_signing_order(cast, tsa, django_capture_on_commit_callbacks):
    data = rendered(three_party_version(cast, django_capture_on_commit_callbacks))
    embedded = signatures_of(data)
    assert [organisation_in(e) for e in embedded[1:4]] == ["STADD", "Commune de Jette", "Municipio de Tarija"]
    assert len(embedded) == 5 and embedded[4].sig_object_type == "/DocTimeStamp"
    assert all(s.intact and s.valid and s.trusted for s in pyhanko_statuses(data))
    result = verify_pdf(data)
    assert result.valid and len(result.parties) == 3 and result.timestamp.trusted


def fresh_self_signed():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Mallory Ltd")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return signers.SimpleSigner(
        signing_cert=load_certificate(cert.public_bytes(serialization.Encoding.PEM)),
        signing_key=load_private_key_from_pemder_data(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ),
            passphrase=None,
        ),
        cert_registry=None,
    )


def test_a_signature_added_outside_soliris_is_reported_as_such(cast, signed, settings, client):
    settings.SOLIRIS_TSA_URL = ""  # no timestamp: the page says so
    data = rendered(signed.versions.get())
    assert verify_pdf(data).valid and verify_pdf(data).timestamp is None
    body = client.post("/en/verify/", {"document": upload(data)}).content.decode()
    assert "carries no timestamp" in body

    writer = IncrementalPdfFileWriter(BytesIO(data))
    metadata = signers.PdfSignatureMetadata(field_name="Mallory", subfilter=fields.SigSeedSubFilter.PADES)
    added = signers.sign_pdf(writer, metadata, signer=fresh_self_signed()).getvalue()

    result = verify_pdf(added)
    assert not result.valid
    assert [(s.kind, s.organisation) for s in result.outside] == [("outside", "Mallory Ltd")]
    assert [s.organisation for s in result.parties] == ["Commune de Jette", "Municipio de Tarija"]
    assert all(s.intact for s in result.signatures)
    response = client.post("/en/verify/", {"document": upload(added)})
    body = response.content.decode()
    assert response.status_code == 200 and "message-error" in body
    assert "a signature was added outside Soliris" in body and "Added outside Soliris" in body
    assert "Mallory Ltd" in body and "Signed by Commune de Jette" in body


def test_the_parties_keys_are_stored_encrypted_and_made_once(cast, signed, settings):
    settings.SOLIRIS_TSA_URL = ""
    version = signed.versions.get()
    rendered(version)
    keys = list(PartyKey.objects.order_by("identifier"))
    assert [(k.organisation, k.subject_name) for k in keys] == [
        (cast.jette, "Commune de Jette"),
        (cast.tarija, "Municipio de Tarija"),
    ]
    for key in keys:
        pem = key.private_key_pem.encode()
        assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
        with pytest.raises(TypeError):  # no passphrase: it does not load
            serialization.load_pem_private_key(pem, password=None)
        with pytest.raises(ValueError):
            serialization.load_pem_private_key(pem, password=b"not the passphrase")
        private = serialization.load_pem_private_key(pem, password=key_passphrase(str(key.key)))
        cert = x509.load_pem_x509_certificate(key.certificate_pem.encode())
        assert cert.public_key().public_numbers() == private.public_key().public_numbers()
        assert cert.issuer == x509.load_der_x509_certificate(ca_certificate().dump()).subject
        assert format(cert.serial_number, "x") == key.serial

    # Rendered again (as when its file was lost), the same keys sign: none is made twice.
    RenderJob.objects.filter(pk=version.pdf_job_id).update(state=RenderJobState.QUEUED)
    rendered(version)
    assert PartyKey.objects.count() == 2


def outside_tsa():
    """A time-stamping authority with its own root, as a production TSA has: (stamper, root PEM)."""
    now = datetime.datetime.now(datetime.UTC)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Qualified TSA root")])
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Qualified TSA")]))
        .issuer_name(root_name)
        .public_key(tsa_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    pem = root.public_bytes(serialization.Encoding.PEM)
    stamper = DummyTimeStamper(
        tsa_cert=load_certificate(tsa.public_bytes(serialization.Encoding.PEM)),
        tsa_key=load_private_key_from_pemder_data(
            tsa_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ),
            passphrase=None,
        ),
        certs_to_embed=[load_certificate(pem)],
    )
    return stamper, pem


def test_a_production_tsa_is_trusted_for_timestamps_once_its_root_is_named(
    cast, signed, settings, tmp_path, client
):
    stamper, root_pem = outside_tsa()
    server = tsa_server.start(stamper=stamper)
    settings.SOLIRIS_TSA_URL = server.url
    try:
        data = rendered(signed.versions.get())
    finally:
        server.shutdown()
        server.server_close()
    assert signatures_of(data)[-1].sig_object_type == "/DocTimeStamp"

    # Its root not named: the timestamp reads as added outside Soliris, the document not valid.
    settings.SOLIRIS_TSA_ROOTS = ""
    result = verify_pdf(data)
    assert not result.valid and [s.field_name for s in result.outside] == ["Soliris-Timestamp"]

    # Named: trusted, for timestamps only — the parties' signatures stay as they were.
    root = tmp_path / "tsa-root.pem"
    root.write_bytes(root_pem)
    settings.SOLIRIS_TSA_ROOTS = f"{root}"
    result = verify_pdf(data)
    assert result.valid and result.timestamp is not None and result.timestamp.trusted
    assert [s.organisation for s in result.parties] == ["Commune de Jette", "Municipio de Tarija"]
    body = client.post("/en/verify/", {"document": upload(data)}).content.decode()
    assert "Valid signature" in body and "from a time-stamping authority the platform trusts" in body
