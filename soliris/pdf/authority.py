"""The platform's certification authority: it issues each signing party's certificate and
the time-stamping authority's.

The design, in short:

- The **platform certificate** (``soliris.pdf.signing``) stays what it was: it signs every
  PDF the platform issues and, on a signed charter, *certifies* it first (DocMDP, further
  signatures allowed). Documents signed before the parties had keys keep verifying.
- The **certification authority** (this module) is a second root, published on the
  certificate page next to the platform certificate. It issues one certificate per signing
  organisation (``O=<name>``, ``OU=<identifier>``, its page as a URI in the SAN), and the
  certificate of the loopback time-stamping authority (``soliris.pdf.tsa``, timeStamping
  EKU) used in development and tests. Production gives ``SOLIRIS_CA_CERT`` and
  ``SOLIRIS_CA_KEY`` (PEM files, ``SOLIRIS_CA_KEY_PASSPHRASE``); unset, the pair is made once
  under ``var/authority/``, written atomically like the local signing material.
- A party's **private key** never leaves the database unencrypted: its PKCS#8 PEM is
  encrypted with a passphrase derived (HKDF-SHA256) from ``SOLIRIS_KEY_SECRET``, or from
  ``SECRET_KEY`` when that is unset. It is only decrypted in the worker, to sign.

An organisation may later bring its own certificate (a Belgian eID, a national CA): it
would sign the PDF locally and upload it, or upload a PKCS#12 whose chain is recorded as
another trust root for that organisation; the verification already names such a
signature "added outside Soliris" until its root is known.
"""

import datetime
import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from soliris.env import env_str

# One name for the authority in the certificates it issues and on the certificate page.
AUTHORITY_NAME = "Soliris certification authority"
TSA_NAME = "Soliris time-stamping authority"


@dataclass(frozen=True)
class Issued:
    """A party's new credentials: the key PEM encrypted at rest, the certificate PEM."""

    private_key_pem: str
    certificate_pem: str
    serial: str  # hexadecimal
    fingerprint: str  # SHA-256 of the DER, hexadecimal


def setting(name: str) -> str:
    """``SOLIRIS_CA_CERT``, ``SOLIRIS_CA_KEY``, ``SOLIRIS_CA_KEY_PASSPHRASE``,
    ``SOLIRIS_KEY_SECRET``, ``SOLIRIS_TSA_URL``, ``SOLIRIS_TSA_ROOTS`` (README,
    "Configuration"): a Django setting
    when one is defined (tests override them), otherwise the environment variable — read
    here, ``soliris/settings.py`` being at its size limit."""
    value = getattr(settings, name, None)
    return env_str(name) if value is None else value


def _local_dir() -> Path:
    return Path(settings.VAR_DIR) / "authority"


def _name(organisation: str, common_name: str, unit: str = ""):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    attributes = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)]
    if unit:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attributes)


def _build(subject, public_key, *, issuer, issuer_key, years: int, ca: bool = False, extensions=()):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
        )
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem_key(key, passphrase: bytes | None = None) -> bytes:
    from cryptography.hazmat.primitives import serialization

    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


def _pem_cert(cert) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return cert.public_bytes(serialization.Encoding.PEM)


def _create_local(directory: Path) -> None:
    """The authority and the loopback TSA's pair, written atomically (a concurrent creator wins)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Soliris (local development)", AUTHORITY_NAME)
    ca = _build(ca_name, ca_key.public_key(), issuer=ca_name, issuer_key=ca_key, years=20, ca=True)
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's TSA: RSA
    tsa = _build(
        _name("Soliris (local development)", TSA_NAME),
        tsa_key.public_key(),
        issuer=ca_name,
        issuer_key=ca_key,
        years=10,
        extensions=[(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)],
    )
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".authority-", dir=directory.parent))
    for name, data in (
        ("ca-key.pem", _pem_key(ca_key)),
        ("ca-cert.pem", _pem_cert(ca)),
        ("tsa-key.pem", _pem_key(tsa_key)),
        ("tsa-cert.pem", _pem_cert(tsa)),
    ):
        (staging / name).write_bytes(data)
        if name.endswith("key.pem"):
            os.chmod(staging / name, 0o600)
    try:
        staging.rename(directory)
    except OSError:  # another process created it first: use theirs
        for child in staging.iterdir():
            child.unlink()
        staging.rmdir()


def _paths() -> tuple[Path, Path, bytes | None]:
    """(certificate, key, passphrase) of the authority."""
    cert, key = setting("SOLIRIS_CA_CERT"), setting("SOLIRIS_CA_KEY")
    if cert and key:
        return Path(cert), Path(key), setting("SOLIRIS_CA_KEY_PASSPHRASE").encode() or None
    directory = _local_dir()
    if not (directory / "ca-cert.pem").exists():
        _create_local(directory)
    return directory / "ca-cert.pem", directory / "ca-key.pem", None


@lru_cache(maxsize=8)
def _read(path: str, mtime: float) -> bytes:
    return Path(path).read_bytes()


def _file(path: Path) -> bytes:
    return _read(str(path), path.stat().st_mtime)


def ca_certificate():
    """The authority's certificate (asn1crypto), the trust root of every party's."""
    return load_certificate(_file(_paths()[0]))


def timestamp_roots() -> list:
    """The roots trusted for document timestamps besides the authority, which issues the
    loopback TSA's: ``SOLIRIS_TSA_ROOTS``, PEM files separated by commas — a production TSA's
    own root. Trusted for timestamps only, never for a signature."""
    from pyhanko.keys import load_certs_from_pemder_data

    paths = [path.strip() for path in (setting("SOLIRIS_TSA_ROOTS") or "").split(",") if path.strip()]
    return [cert for path in paths for cert in load_certs_from_pemder_data(_file(Path(path)))]


def load_certificate(data: bytes):
    """One certificate (asn1crypto) from its PEM or DER bytes."""
    from pyhanko.keys import load_certs_from_pemder_data

    return next(iter(load_certs_from_pemder_data(data)))


def _ca_pair():
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    cert_path, key_path, passphrase = _paths()
    cert = x509.load_pem_x509_certificate(_file(cert_path))
    return cert, serialization.load_pem_private_key(_file(key_path), password=passphrase)


def key_passphrase(label: str) -> bytes:
    """The passphrase of a party's private key: HKDF-SHA256 of the platform's key secret,
    one per key (``label``: the key's own identifier)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    secret = (setting("SOLIRIS_KEY_SECRET") or settings.SECRET_KEY).encode()
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"soliris party keys", info=label.encode()
    ).derive(secret)
    return derived.hex().encode()


def issue_party(*, organisation: str, identifier: str, uri: str = "", label: str) -> Issued:
    """A new key pair (EC P-256) and its certificate issued by the authority, for the party
    named ``organisation`` (``O``), ``identifier`` in ``OU`` (its slug, or an opaque code
    for an organisation not publicly named), its page as a SAN URI; the key encrypted with
    :func:`key_passphrase` of ``label``."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec

    ca, ca_key = _ca_pair()
    key = ec.generate_private_key(ec.SECP256R1())
    extensions = []
    if uri:
        extensions.append((x509.SubjectAlternativeName([x509.UniformResourceIdentifier(uri)]), False))
    cert = _build(
        _name(organisation[:64], organisation[:64], identifier[:64]),
        key.public_key(),
        issuer=ca.subject,
        issuer_key=ca_key,
        years=5,
        extensions=extensions,
    )
    return Issued(
        private_key_pem=_pem_key(key, key_passphrase(label)).decode(),
        certificate_pem=_pem_cert(cert).decode(),
        serial=format(cert.serial_number, "x"),
        fingerprint=hashlib.sha256(cert.public_bytes(_der())).hexdigest(),
    )


def _der():
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.DER


def party_signer(*, private_key_pem: str, certificate_pem: str, label: str):
    """pyHanko's signer for a party's stored credentials, the authority's certificate in its chain."""
    from pyhanko.keys import load_private_key_from_pemder_data
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    return signers.SimpleSigner(
        signing_cert=load_certificate(certificate_pem.encode()),
        signing_key=load_private_key_from_pemder_data(
            private_key_pem.encode(), passphrase=key_passphrase(label)
        ),
        cert_registry=SimpleCertificateStore.from_certs([ca_certificate()]),
    )


def tsa_stamper():
    """The loopback time-stamping authority's own signer (pyHanko's ``DummyTimeStamper``), with
    its certificate issued by the authority (local material only)."""
    from pyhanko.keys import load_private_key_from_pemder_data
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    _paths()
    directory = _local_dir()
    return DummyTimeStamper(
        tsa_cert=load_certificate(_file(directory / "tsa-cert.pem")),
        tsa_key=load_private_key_from_pemder_data(_file(directory / "tsa-key.pem"), passphrase=None),
        certs_to_embed=[ca_certificate()],
    )
