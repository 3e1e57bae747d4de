"""The platform's signature on its PDFs (PAdES baseline B-B, pyHanko) and its verification.

Production gives the certificate and its private key as PEM files by path:

- ``SOLIRIS_SIGNING_CERT``: the platform's signing certificate (PEM);
- ``SOLIRIS_SIGNING_KEY``: its private key (PEM);
- ``SOLIRIS_SIGNING_KEY_PASSPHRASE``: the key's passphrase, if it has one.

Locally, when they are not set, a self-signed certificate and its key are created under
``var/signing/`` on first use. Verification trusts the platform certificate and the
platform's certification authority (``soliris.pdf.authority``), which issues the parties'
certificates: a signed charter is certified by the platform, then signed by each party
(``soliris.pdf.sealing``).
"""

import datetime
import hashlib
import os
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings

from soliris.pdf import validation
from soliris.pdf.authority import ca_certificate, timestamp_roots


def _outside_event_loop(function, *args, **kwargs):
    """Call ``function``, which may use ``asyncio.run`` (pyHanko does), even when the calling
    thread already runs an event loop (an ASGI server, a browser driver): then in a thread."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(function, *args, **kwargs).result()


@dataclass(frozen=True)
class Material:
    cert_path: Path
    key_path: Path
    passphrase: bytes | None


def _local_dir() -> Path:
    return Path(settings.VAR_DIR) / "signing"


def _create_self_signed(directory: Path) -> None:
    """A self-signed certificate for local use, written atomically (a concurrent creator wins)."""
    import tempfile

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Soliris (local development)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Soliris platform signature"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".signing-", dir=directory.parent))
    (staging / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    os.chmod(staging / "key.pem", 0o600)
    (staging / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    try:
        staging.rename(directory)
    except OSError:  # another process created it first: use theirs
        for child in staging.iterdir():
            child.unlink()
        staging.rmdir()


def material() -> Material:
    """The certificate and key paths: from the environment, or the local self-signed pair."""
    from django.conf import settings

    cert = settings.SOLIRIS_SIGNING_CERT
    key = settings.SOLIRIS_SIGNING_KEY
    passphrase = settings.SOLIRIS_SIGNING_KEY_PASSPHRASE
    if cert and key:
        return Material(Path(cert), Path(key), passphrase.encode() if passphrase else None)
    directory = _local_dir()
    if not (directory / "cert.pem").exists():
        _create_self_signed(directory)
    return Material(directory / "cert.pem", directory / "key.pem", None)


def certificate():
    from pyhanko.keys import load_cert_from_pemder

    return load_cert_from_pemder(str(material().cert_path))


def certificate_fingerprint() -> str:
    return hashlib.sha256(certificate().dump()).hexdigest()


@dataclass(frozen=True)
class CertificateFacts:
    """What the certificate page publishes: anyone verifies a PDF offline with it."""

    pem: bytes
    der: bytes
    fingerprint: str  # SHA-256 of the DER, as pairs of hex digits joined by colons
    subject: str
    issuer: str
    valid_from: datetime.datetime
    valid_until: datetime.datetime
    self_issued: bool


def certificate_note() -> dict:
    """For a PDF's signature page (``soliris/pdf/partials/certificate_note.html``): where the
    certificate that signs it is published, in the active language, and its fingerprint."""
    from django.urls import reverse

    return {
        "certificate_url": f"{settings.SITE_URL}{reverse('pdf:certificate')}",
        "certificate_fingerprint": certificate_facts().fingerprint,
    }


def certificate_facts(cert=None) -> CertificateFacts:
    """The names as RFC 4514 strings (``CN=…,O=…,C=BE``): the standard's own spelling, in no
    interface language. Of the platform certificate, or of ``cert`` (the authority's)."""
    from asn1crypto import pem as asn1_pem
    from cryptography import x509

    cert = cert or certificate()
    der = cert.dump()
    names = x509.load_der_x509_certificate(der)
    digest = hashlib.sha256(der).hexdigest().upper()
    return CertificateFacts(
        pem=asn1_pem.armor("CERTIFICATE", der),
        der=der,
        fingerprint=":".join(digest[i : i + 2] for i in range(0, len(digest), 2)),
        subject=names.subject.rfc4514_string(),
        issuer=names.issuer.rfc4514_string(),
        valid_from=cert.not_valid_before,
        valid_until=cert.not_valid_after,
        self_issued=cert.self_issued,
    )


def sign_pdf(data: bytes, *, reason: str = "", location: str = "") -> bytes:
    """``data`` signed by the platform: PAdES baseline B-B (CAdES detached, SHA-256)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    found = material()
    signer = signers.SimpleSigner.load(
        str(found.key_path), str(found.cert_path), key_passphrase=found.passphrase
    )
    writer = IncrementalPdfFileWriter(BytesIO(data))
    metadata = signers.PdfSignatureMetadata(
        field_name="SolirisSignature",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    out = _outside_event_loop(signers.sign_pdf, writer, metadata, signer=signer)
    return out.getvalue()


@dataclass(frozen=True)
class Verification:
    valid: bool  # issued by the platform (and its parties), intact, unchanged since
    signed: bool  # the file carries at least one signature
    intact: bool  # every signature intact
    trusted: bool  # every signature chained to the platform certificate or its authority
    whole_file: bool  # the last signature covers the whole file
    signer: str  # the first signature's (the platform's) subject
    signed_at: datetime.datetime | None  # the last signature's (not the timestamp's) time
    problem: str  # for the log and the curious; the page says it in plain words
    # Each signature, in the file's order (``soliris.pdf.validation.SignatureReport``).
    signatures: tuple = ()

    @property
    def certified(self) -> bool:
        return any(item.kind == validation.CERTIFICATION for item in self.signatures)

    @property
    def timestamp(self):
        return next((item for item in self.signatures if item.kind == validation.TIMESTAMP), None)

    @property
    def parties(self) -> list:
        return [item for item in self.signatures if item.kind == validation.PARTY]

    @property
    def outside(self) -> list:
        return [item for item in self.signatures if item.outside]

    @property
    def changed(self) -> bool:
        """Something other than further signatures was changed after one of the signatures."""
        return any(not (item.intact and item.unchanged) for item in self.signatures)


def verify_pdf(data: bytes) -> Verification:
    """Check each of ``data``'s signatures against the platform certificate and its
    certification authority (``soliris.pdf.validation``); never raises."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    def refused(problem, signed=False):
        return Verification(False, signed, False, False, False, "", None, problem)

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as error:  # unreadable file: not a valid signed document
        return refused(f"unreadable: {type(error).__name__}: {error}")
    if not signatures:
        return refused("no signature")
    try:
        found = _outside_event_loop(
            validation.reports,
            signatures,
            platform=certificate(),
            authority=ca_certificate(),
            timestamp_roots=timestamp_roots(),
        )
    except Exception as error:
        return refused(f"validation error: {type(error).__name__}: {error}", signed=True)
    valid = validation.sound_document(found)
    regular = [item for item in found if item.kind != validation.TIMESTAMP]
    problems = [f"{item.field_name}: {item.problem}" for item in found if item.problem]
    return Verification(
        valid=valid,
        signed=True,
        intact=all(item.intact for item in found),
        trusted=all(item.trusted for item in found),
        whole_file=found[-1].whole_file,
        signer=found[0].signer,
        signed_at=regular[-1].signed_at if regular else None,
        problem="" if valid else ("; ".join(problems) or "not issued by Soliris as it stands"),
        signatures=tuple(found),
    )
