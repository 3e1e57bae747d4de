"""A PDF signed by each of its parties (the worker's part, where the private keys are used).

:func:`seal_pdf`, on a freshly rendered document:

1. the platform **certifies** it (its certificate, ``soliris.pdf.signing``; DocMDP
   ``FILL_FORMS``: further signatures allowed, nothing else);
2. each party **signs** it, in signing order, with its own key and the certificate the
   platform's authority issued it (``soliris.pdf.authority``), field ``Party-<identifier>``,
   each an incremental update (PAdES B-B);
3. a **document timestamp** (RFC 3161) from ``SOLIRIS_TSA_URL`` seals the lot; without that
   setting there is none, and the verification page says so.
"""

from dataclasses import dataclass
from io import BytesIO

from soliris.pdf.authority import party_signer, setting
from soliris.pdf.signing import _outside_event_loop, material

CERTIFICATION_FIELD = "Soliris-Certification"
TIMESTAMP_FIELD = "Soliris-Timestamp"
PARTY_FIELD = "Party-{identifier}"


@dataclass(frozen=True)
class PartySigner:
    """What signs for one party: its stored credentials (the key encrypted at rest)."""

    identifier: str  # in the field name: the organisation's slug or opaque code
    private_key_pem: str
    certificate_pem: str
    label: str  # what its passphrase is derived from (``authority.key_passphrase``)
    reason: str = ""


def _sign(data: bytes, metadata, signer, **kwargs) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    writer = IncrementalPdfFileWriter(BytesIO(data))
    return _outside_event_loop(signers.sign_pdf, writer, metadata, signer=signer, **kwargs).getvalue()


def certify(data: bytes, *, reason: str = "", location: str = "") -> bytes:
    """The platform's certification signature: later signatures allowed, nothing else."""
    from pyhanko.sign import fields, signers

    found = material()
    signer = signers.SimpleSigner.load(
        str(found.key_path), str(found.cert_path), key_passphrase=found.passphrase
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=CERTIFICATION_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        reason=reason or None,
        location=location or None,
    )
    return _sign(data, metadata, signer)


def sign_for_party(data: bytes, party: PartySigner) -> bytes:
    from pyhanko.sign import fields, signers

    signer = party_signer(
        private_key_pem=party.private_key_pem, certificate_pem=party.certificate_pem, label=party.label
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=PARTY_FIELD.format(identifier=party.identifier),
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=party.reason or None,
    )
    return _sign(data, metadata, signer)


def timestamp(data: bytes, url: str) -> bytes:
    """A document timestamp (``/DocTimeStamp``) from the TSA at ``url``, as the last revision."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper

    writer = IncrementalPdfFileWriter(BytesIO(data))
    stamper = signers.PdfTimeStamper(RequestsHTTPTimeStamper(url, timeout=10), field_name=TIMESTAMP_FIELD)
    return _outside_event_loop(stamper.timestamp_pdf, writer, "sha256").getvalue()


def seal_pdf(data: bytes, parties: list[PartySigner], *, reason: str = "", location: str = "") -> bytes:
    """``data`` certified by the platform, signed by each of ``parties`` in order, timestamped."""
    data = certify(data, reason=reason, location=location)
    for party in parties:
        data = sign_for_party(data, party)
    url = setting("SOLIRIS_TSA_URL")
    if url:
        data = timestamp(data, url)
    return data
