"""Bringing a review packet back (``conventions.packets``): each comment written into a
clause becomes a comment thread on it, each changed text a suggestion that another party
accepts or rejects (or, when the draft has moved on since the version or the uploader does
not edit, a thread proposing it with its word diff), in the packet's language, in the
uploader's name — once each, whatever the number of uploads (``PacketNote``).

Lock order (see ``conventions.services.locking``): the document first.
"""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from conventions import packets, selectors
from conventions.diff import plain_word_diff
from conventions.models import LANGUAGE_CODES, Clause, ClauseText, PacketNote
from conventions.services.comments import thread_open
from conventions.services.locking import lock_document
from conventions.services.people import require_full_name
from conventions.services.suggestions import editor_organisation_ids, suggestion_open
from soliris import audit


@dataclass
class PacketResult:
    comments: int = 0
    proposals: int = 0
    repeated: int = 0  # already brought back by an earlier upload
    unknown: int = 0  # sections of no clause of this version


def _fingerprint(version, language, clause_key, kind, text) -> str:
    raw = "\0".join([str(version.number), language, clause_key, kind, packets.normalise(text)])
    return hashlib.sha256(raw.encode()).hexdigest()


def read_packet(*, document, version, data: bytes) -> packets.Packet:
    """The packet, if it is one of this version; else a ValidationError that says which."""
    try:
        packet = packets.read(data)
    except packets.NotAPacket:
        raise ValidationError(
            {
                "packet": _(
                    "This file is not a Soliris review packet: download the packet of this version, "
                    "annotate it and upload it as an OpenDocument text (.odt)."
                )
            }
        ) from None
    if packet.document_key != document.key:
        raise ValidationError({"packet": _("This packet is of another document.")})
    if packet.version_number != version.number:
        raise ValidationError(
            {
                "packet": _(
                    "This packet is of version %(packet)s, and this page is version %(this)s: "
                    "upload it on the page of version %(packet)s."
                )
                % {"packet": packet.version_number, "this": version.number}
            }
        )
    if packet.language not in LANGUAGE_CODES:
        raise ValidationError({"packet": _("Unknown language.")})
    return packet


@transaction.atomic
def packet_apply(*, actor, document, version, data: bytes) -> PacketResult:
    require_full_name(actor)
    packet = read_packet(document=document, version=version, data=data)
    lock_document(document)
    language = packet.language
    frozen = {clause["key"]: clause for clause in version.clauses}
    clauses = Clause.objects.filter(document=document, key__in=[k for k in packet.clauses if k in frozen])
    clauses = {clause.key: clause for clause in clauses}
    result = PacketResult()
    notes = []  # (clause, kind, text, body)
    with override(language):
        for key, found in packet.clauses.items():
            clause = clauses.get(key)
            if clause is None:
                result.unknown += 1
                continue
            text = selectors.snapshot_text(frozen[key], language)
            for comment in found.comments:
                body = _("From the review packet of version %(number)s:") % {"number": version.number}
                notes.append((clause, "comment", comment, f"{body}\n\n{comment}"))
            expected = packets.expected_text(text)
            if packets.normalise(found.text) != packets.normalise(expected):
                proposed = packets.strip_notes(found.text, text)
                old = text.get("body") or ""
                body = _("Text proposed in the review packet of version %(number)s:") % {
                    "number": version.number
                }
                changes = _("The changes, word by word:")
                notes.append(
                    (
                        clause,
                        "text",
                        proposed,
                        f"{body}\n\n{proposed}\n\n{changes}\n{plain_word_diff(old, proposed)}",
                    )
                )
    fingerprints = {
        id(note): _fingerprint(version, language, note[0].key, note[1], note[2]) for note in notes
    }
    seen = set(
        PacketNote.objects.filter(document=document, fingerprint__in=fingerprints.values()).values_list(
            "fingerprint", flat=True
        )
    )
    # A changed text becomes a suggestion (the other parties accept or reject it) when the
    # uploader edits for a party and the draft still says what the version said; else a thread.
    drafted = {
        text.clause_id: text
        for text in ClauseText.objects.filter(clause__in=list(clauses.values()), language=language)
    }
    may_suggest = bool(editor_organisation_ids(actor, document))
    with override(language):
        for note in notes:
            clause, kind, proposed, body = note
            fingerprint = fingerprints[id(note)]
            if fingerprint in seen:
                result.repeated += 1
                continue
            seen.add(fingerprint)
            current = drafted.get(clause.pk)
            as_of_version = selectors.snapshot_text(frozen[clause.key], language).get("body") or ""
            if (
                kind == "text"
                and may_suggest
                and current is not None
                and packets.normalise(current.body) == packets.normalise(as_of_version)
            ):
                reason = _("From the review packet of version %(number)s.") % {"number": version.number}
                thread = suggestion_open(
                    actor=actor,
                    clause=clause,
                    language=language,
                    heading=current.heading,
                    body=proposed,
                    reason=reason,
                ).thread
            else:
                thread = thread_open(actor=actor, clause=clause, language=language, body=body)
            PacketNote.objects.create(
                document=document, fingerprint=fingerprint, thread=thread, uploaded_by=actor
            )
            if kind == "comment":
                result.comments += 1
            else:
                result.proposals += 1
    audit.record(
        "conventions.packet.applied",
        actor=actor,
        subject=document,
        number=version.number,
        language=language,
        comments=result.comments,
        proposals=result.proposals,
        repeated=result.repeated,
    )
    return result
