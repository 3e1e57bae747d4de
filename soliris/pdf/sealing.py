"""A PDF signed by each of its parties (the worker's part, where the private keys are used).

:func:`seal_pdf`, on a freshly rendered document:

1. the platform **certifies** it (its certificate, ``soliris.pdf.signing``; DocMDP
   ``FILL_FORMS``: further signatures allowed, nothing else);
2. each party **signs** it, in signing order, with its own key and the certificate the
   platform's authority issued it (``soliris.pdf.authority``), field ``Party-<identifier>``,
   each an incremental update (PAdES B-B);
3. a **document timestamp** (RFC 3161) from ``SOLIRIS_TSA_URL`` seals the lot; without that
   setting there is none, and the verification page says so.

A charter is built the same way one step at a time (``conventions.chain``): :func:`certify`
at agreement, with an empty signature field per party where its page prints that party's box
(:func:`signature_boxes`); :func:`sign_for_party` when that party signs, filling its field
with a visible stamp (who, for whom, when); :func:`timestamp` after the last one.
"""

import os
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings

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


@dataclass(frozen=True)
class FieldBox:
    """An empty signature field: its name, page (from 0) and rectangle (points, from the
    bottom left)."""

    name: str
    page: int
    box: tuple[int, int, int, int]
    label: str = ""  # what a screen reader says of it (the field's /TU)


# The printed box of a party's signature (its CSS, ``conventions/pdf/charter.html``): the
# field covers it below its heading, inside its border.
BOX_WIDTH_MM, BOX_HEIGHT_MM, BOX_HEADING_MM = 79, 32, 9
POINTS_PER_MM = 72 / 25.4
ANCHOR_PREFIX = "signature-field-"


def _page_references(node) -> list:
    found = []
    for kid in node.raw_get("/Kids"):
        page = kid.get_object()
        found += _page_references(page) if page.get("/Type") == "/Pages" else [kid.reference]
    return found


def _named(node) -> list[tuple[str, object]]:
    """The entries of a PDF name tree (ISO 32000 7.9.6), leaves and kids."""
    found = []
    names = node.get("/Names") or []
    for index in range(0, len(names), 2):
        found.append((str(names[index]), names[index + 1]))
    for kid in node.get("/Kids") or []:
        found += _named(kid)
    return found


def signature_boxes(data: bytes) -> list[FieldBox]:
    """A field per element whose id starts with ``ANCHOR_PREFIX`` (WeasyPrint writes each id
    as a named destination: the top left of its box), named after the rest of its id."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(data), strict=False)
    names = reader.root.get("/Names") or {}
    if "/Dests" not in names:
        return []
    pages = _page_references(reader.root["/Pages"])
    width, height = BOX_WIDTH_MM * POINTS_PER_MM, BOX_HEIGHT_MM * POINTS_PER_MM
    heading, inset = BOX_HEADING_MM * POINTS_PER_MM, 2 * POINTS_PER_MM
    boxes = []
    for name, destination in sorted(_named(names["/Dests"])):
        if not name.startswith(ANCHOR_PREFIX):
            continue
        if isinstance(destination, generic.DictionaryObject):
            destination = destination["/D"]
        left, top = float(destination[2]), float(destination[3])
        boxes.append(
            FieldBox(
                name=name.removeprefix(ANCHOR_PREFIX),
                page=pages.index(destination.raw_get(0).reference),
                box=(
                    round(left + inset),
                    round(top - height + inset),
                    round(left + width - inset),
                    round(top - heading),
                ),
            )
        )
    return boxes


def stamp_font() -> Path:
    """The stamps' font: the PDFs' DejaVu Sans at 1000 units per em (pyHanko writes glyph
    widths in the font's own units where PDF expects thousandths: DejaVu's 2048 would space
    every letter twice as wide). Made once under ``VAR_DIR``, written atomically."""
    target = Path(settings.VAR_DIR) / "fonts" / "DejaVuSans-1000upm.ttf"
    if target.exists():
        return target
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(Path(__file__).parent / "fonts" / "DejaVuSans.ttf")
    scale_upem(font, 1000)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(dir=target.parent, suffix=".ttf")
    os.close(handle)
    font.save(staging)
    os.replace(staging, target)
    return target


def _stamp_style():
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    size = 8
    return TextStampStyle(
        stamp_text="%(text)s",
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(stamp_font()), font_size=size),
            font_size=size,
            leading=11,
        ),
        border_width=0,
    )


def _sign(data: bytes, metadata, signer, *, fields=(), text: str = "") -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields as sig_fields
    from pyhanko.sign import signers

    writer = IncrementalPdfFileWriter(BytesIO(data))
    for item in fields:
        sig_fields.append_signature_field(
            writer,
            sig_fields.SigFieldSpec(
                sig_field_name=item.name,
                on_page=item.page,
                box=item.box,
                readable_field_name=item.label or None,
            ),
        )
    if text:
        pdf_signer = signers.PdfSigner(metadata, signer=signer, stamp_style=_stamp_style())
        out = _outside_event_loop(pdf_signer.sign_pdf, writer, appearance_text_params={"text": text})
    else:
        out = _outside_event_loop(signers.sign_pdf, writer, metadata, signer=signer)
    return out.getvalue()


def certify(data: bytes, *, reason: str = "", location: str = "", fields=()) -> bytes:
    """The platform's certification signature: later signatures allowed, nothing else; with
    the empty signature ``fields`` (``FieldBox``) the parties will sign."""
    from pyhanko.sign import fields as sig_fields
    from pyhanko.sign import signers

    found = material()
    signer = signers.SimpleSigner.load(
        str(found.key_path), str(found.cert_path), key_passphrase=found.passphrase
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=CERTIFICATION_FIELD,
        md_algorithm="sha256",
        subfilter=sig_fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=sig_fields.MDPPerm.FILL_FORMS,
        reason=reason or None,
        location=location or None,
    )
    return _sign(data, metadata, signer, fields=fields)


def sign_for_party(data: bytes, party: PartySigner, *, text: str = "") -> bytes:
    """``party``'s signature in its field ``Party-<identifier>`` (the empty one certified
    with the document, or a new invisible one), its stamp saying ``text`` if given."""
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
    return _sign(data, metadata, signer, text=text)


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
