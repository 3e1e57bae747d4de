"""Every signature of a PDF, one by one: who (read from its certificate, never from the
database), when, intact or not, trusted or not (chained to the platform certificate or to
its certification authority), and what changed after it (pyHanko's modification analysis).

``soliris.pdf.signing.verify_pdf`` sums these up; the verification page lists them.
"""

import contextlib
import datetime
from dataclasses import dataclass

CERTIFICATION = "certification"  # the platform's certification signature (DocMDP)
PLATFORM = "platform"  # the platform's plain signature (booklets, reports, older charters)
PARTY = "party"  # a party's, with the certificate the platform's authority issued it
TIMESTAMP = "timestamp"  # a document timestamp (RFC 3161)
OUTSIDE = "outside"  # a signature whose certificate chains to neither: added outside Soliris


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    kind: str  # one of the constants above
    organisation: str  # the certificate's O
    identifier: str  # the certificate's OU (a party's slug or code)
    signer: str  # the certificate's subject, as pyHanko spells it
    signed_at: datetime.datetime | None  # the signer's own claim, or the TSA's time
    intact: bool  # the signed bytes and the cryptographic signature check out
    trusted: bool  # chained to the platform certificate or to its authority
    unchanged: bool  # after it, nothing but what its certification allows (more signatures)
    modification: str  # pyHanko's ModificationLevel, lower case ("none", "form_filling", …)
    whole_file: bool  # it covers the whole file (only the last one can)
    problem: str = ""

    @property
    def outside(self) -> bool:
        return self.kind == OUTSIDE

    @property
    def sound(self) -> bool:
        return self.intact and self.trusted and self.unchanged


def _names(cert) -> tuple[str, str, str]:
    organisation = identifier = signer = ""
    with contextlib.suppress(Exception):  # a missing name is not a failure
        native = cert.subject.native
        organisation = native.get("organization_name") or ""
        identifier = native.get("organizational_unit_name") or ""
        if isinstance(identifier, list):
            identifier = identifier[0]
        signer = cert.subject.human_friendly
    return str(organisation), str(identifier), signer


def _changes(status) -> tuple[bool, str]:
    from pyhanko.sign.diff_analysis import ModificationLevel

    level = getattr(status, "modification_level", None)
    if level is None:
        return False, "unknown"
    ok = level <= ModificationLevel.FORM_FILLING and bool(getattr(status, "docmdp_ok", True))
    return ok, level.name.lower()


def report(embedded, *, platform, authority, timestamp_roots=()) -> SignatureReport:
    """One signature (pyHanko's ``EmbeddedPdfSignature``) checked against the two roots, and a
    document timestamp also against ``timestamp_roots`` (a production TSA's)."""
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    organisation = identifier = signer = ""
    with contextlib.suppress(Exception):
        organisation, identifier, signer = _names(embedded.signer_cert)
    is_timestamp = embedded.sig_object_type == "/DocTimeStamp"
    roots = [platform, authority, *timestamp_roots] if is_timestamp else [platform, authority]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        if is_timestamp:
            status = validate_pdf_timestamp(embedded, validation_context=context)
            signed_at = status.timestamp
        else:
            status = validate_pdf_signature(embedded, context)
            signed_at = getattr(status, "signer_reported_dt", None)
    except Exception as error:
        return SignatureReport(
            embedded.field_name or "", OUTSIDE, organisation, identifier, signer, None,
            False, False, False, "unknown", False, f"{type(error).__name__}: {error}",
        )  # fmt: skip
    trusted = bool(status.trusted)
    if not trusted:
        kind = OUTSIDE
    elif is_timestamp:
        kind = TIMESTAMP
    elif embedded.signer_cert.sha256 == platform.sha256:
        kind = CERTIFICATION if embedded.docmdp_level is not None else PLATFORM
    else:
        kind = PARTY
    unchanged, modification = _changes(status)
    whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    return SignatureReport(
        field_name=embedded.field_name or "",
        kind=kind,
        organisation=organisation,
        identifier=identifier,
        signer=signer,
        signed_at=signed_at,
        intact=bool(status.intact and status.valid),
        trusted=trusted,
        unchanged=unchanged or whole_file,
        modification=modification,
        whole_file=whole_file,
        problem="" if (status.intact and status.valid and trusted) else status.summary(),
    )


def reports(signatures, *, platform, authority, timestamp_roots=()) -> list[SignatureReport]:
    return [
        report(embedded, platform=platform, authority=authority, timestamp_roots=timestamp_roots)
        for embedded in signatures
    ]


def sound_document(found: list[SignatureReport]) -> bool:
    """Issued by Soliris and unchanged since: either the platform's one signature, or its
    certification followed by the party signatures given so far (an agreed charter being
    signed: none yet, some, all) and perhaps a timestamp after them, each sound, the last one
    covering the whole file, none added outside Soliris."""
    if not found or not found[-1].whole_file or not all(item.sound for item in found):
        return False
    first, rest = found[0], found[1:]
    if first.kind == PLATFORM:
        return not rest
    return (
        first.kind == CERTIFICATION
        and all(item.kind in (PARTY, TIMESTAMP) for item in rest)
        and all(item.kind == PARTY for item in rest[:-1])
        and (not rest or rest[-1].kind == PARTY or len(rest) > 1)
    )
