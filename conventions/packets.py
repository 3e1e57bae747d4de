"""The review packet: a version's clauses in one language as an OpenDocument text (.odt), to
read and annotate offline — LibreOffice, Collabora, Word — and bring back.

Each clause is a section named ``soliris-clause-<key>`` (sections survive editing in the
office suites), holding its heading and its text. The document's properties carry a signed
token naming the document, the version and the language, so that a packet brought back to
another version or document is told apart. Reading it back (:func:`read`) gives, per clause,
the comments written into it and its text as it now stands; ``services.packets`` turns them
into comment threads.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import override
from odfdo import Document, Header, Paragraph, Section

SALT = "conventions.review-packet"
PROPERTY = "soliris-packet"
SECTION = "soliris-clause-"
BLANK_LINES = re.compile(r"\n\s*\n")
SPACES = re.compile(r"\s+")


@dataclass
class ClauseNotes:
    key: str
    comments: list[str] = field(default_factory=list)
    text: str = ""  # the clause's body as it stands in the file


@dataclass
class Packet:
    document_key: str
    version_number: int
    language: str
    clauses: dict[str, ClauseNotes]


class NotAPacket(ValueError):
    """Not an OpenDocument text, or without a Soliris packet's token."""


def normalise(text: str) -> str:
    return SPACES.sub(" ", text or "").strip()


def build(*, document, version, language: str, rows) -> bytes:
    """The packet of ``version`` in ``language``; ``rows`` are (number, clause snapshot, text)
    with the text as ``selectors.snapshot_text`` gives it. Headings are the clause's; only the
    paragraphs under them count as its text."""
    odt = Document("text")
    body = odt.body
    body.clear()
    title = version.snapshot.get("title") or document.title
    with override(language):
        odt.meta.set_title(title)
        odt.meta.set_language(language)
        odt.meta.set_user_defined_metadata(
            PROPERTY, signing.dumps({"d": document.key, "v": version.number, "l": language}, salt=SALT)
        )
        body.append(Header(1, title))
        body.append(
            Paragraph(
                _(
                    "Version %(number)s, review packet. Add your comments to the clauses (Insert, "
                    "Comment) or change their text, keeping each clause in its place; then upload "
                    "this file on the version's page in Soliris: each comment becomes a thread on "
                    "its clause, each changed text a proposal to discuss."
                )
                % {"number": version.number}
            )
        )
        for number, clause, text in rows:
            section = Section(name=f"{SECTION}{clause['key']}")
            heading = (text.get("heading") or "").strip()
            section.append(Header(2, f"{number}. {heading}" if heading else f"{number}."))
            for paragraph in _paragraphs(text):
                section.append(Paragraph(paragraph))
            body.append(section)
    out = io.BytesIO()
    odt.save(out)
    return out.getvalue()


def _fallback_note() -> str:
    return _("(No text in this language in this version: the original text follows.)")


def _paragraphs(text: dict) -> list[str]:
    """A clause's paragraphs as the packet writes them (in the active language)."""
    found = [p.strip() for p in BLANK_LINES.split(text.get("body") or "") if p.strip()]
    return [_fallback_note(), *found] if text.get("fallback") else found


def expected_text(text: dict) -> str:
    """What a clause's section holds when nobody changed it (compared with ``normalise``)."""
    return "\n\n".join(_paragraphs(text))


def strip_notes(found: str, text: dict) -> str:
    """The text as brought back, without the packet's own note."""
    if text.get("fallback"):
        return found.replace(_fallback_note(), "", 1).strip()
    return found.strip()


def _plain(element) -> str:
    """An element's text without the comments written in it."""
    copy = element.clone
    for annotation in copy.xpath("descendant::office:annotation"):
        annotation.delete()
    return copy.text_recursive or ""


# What an unpacked packet may weigh: a clause text is a few KB; a file inflating past this is
# not a packet (a "zip bomb" would fill the memory of the web worker that unpacks it).
MAX_UNPACKED = 40 * 1024 * 1024
MAX_PARTS = 500


def _check_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise NotAPacket(str(error)) from error
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED:
        raise NotAPacket("too large once unpacked")


def read(data: bytes) -> Packet:
    """What a packet brought back says. Raises ``NotAPacket``."""
    _check_size(data)
    try:
        odt = Document(io.BytesIO(data))
        token = odt.meta.get_user_defined_metadata_of_name(PROPERTY)
    except Exception as error:  # not a zip, not OpenDocument, damaged
        raise NotAPacket(str(error)) from error
    value = (token or {}).get("value") if isinstance(token, dict) else token
    try:
        facts = signing.loads(str(value or ""), salt=SALT)
    except signing.BadSignature as error:
        raise NotAPacket("no packet token") from error
    clauses = {}
    for section in odt.body.get_sections():
        name = section.name or ""
        if not name.startswith(SECTION):
            continue
        notes = ClauseNotes(name.removeprefix(SECTION))
        for annotation in section.xpath("descendant::office:annotation"):
            lines = annotation.xpath("text:p")
            comment = "\n".join(line.text_recursive or "" for line in lines).strip()
            if comment:
                notes.comments.append(comment)
        paragraphs = [_plain(p).strip() for p in section.xpath("text:p")]
        notes.text = "\n\n".join(p for p in paragraphs if p)
        clauses[notes.key] = notes
    return Packet(str(facts["d"]), int(facts["v"]), str(facts["l"]), clauses)
