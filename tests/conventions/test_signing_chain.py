"""Each party's signature is added when its signatory signs, to the very file the parties
agreed (issue 20): the agreed charter is certified with an empty field per party; each
signature is an incremental update of the file before it (byte for byte its start), validated
by pyHanko on its own; the last one is timestamped by a real RFC 3161 authority on loopback."""

import hashlib
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from conventions import chain, services
from conventions.models import Signature
from soliris import pdf
from soliris.models import OutboxMessage, RenderJob, RenderJobState
from soliris.pdf.authority import ca_certificate
from soliris.pdf.services import job_run
from soliris.pdf.signing import certificate, verify_pdf
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def file_of(job) -> bytes:
    job.refresh_from_db()
    assert job.state == RenderJobState.DONE, job.error
    with default_storage.open(job.file.name, "rb") as handle:
        return handle.read()


def fields_of(data: bytes) -> dict:
    """Each party's signature field: its rectangle, page and whether it carries an appearance."""
    reader = PdfReader(BytesIO(data))
    found = {}
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/FT") == "/Sig" and str(annotation["/T"]).startswith("Party-"):
                found[annotation["/T"]] = {
                    "page": number,
                    "rect": [float(v) for v in annotation["/Rect"]],
                    "signed": annotation.get("/V") is not None,
                    "appearance": "/AP" in annotation,
                    "label": str(annotation.get("/TU", "")),
                }
    return found


def stamps_of(data: bytes) -> dict[str, str]:
    """What each party's signature stamp says: the ``/ActualText`` pyHanko wraps its text in,
    read from the field's appearance stream (and the forms it draws)."""

    def texts(xobject) -> list[str]:
        found = []
        for operands, operator in ContentStream(xobject, reader).operations:
            marked = operator == b"BDC" and len(operands) > 1 and isinstance(operands[1], DictionaryObject)
            if marked and "/ActualText" in operands[1]:
                found.append(str(operands[1]["/ActualText"]))
        for inner in ((xobject.get("/Resources") or {}).get("/XObject") or {}).values():
            inner = inner.get_object()
            if inner.get("/Subtype") == "/Form":
                found += texts(inner)
        return found

    reader = PdfReader(BytesIO(data))
    stamps = {}
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/FT") == "/Sig" and "/AP" in annotation:
                stamps[str(annotation["/T"])] = "\n".join(texts(annotation["/AP"]["/N"].get_object()))
    return stamps


def party_statuses(data: bytes):
    context = ValidationContext(trust_roots=[certificate(), ca_certificate()], allow_fetching=False)
    return [
        validate_pdf_signature(embedded, context)
        for embedded in PdfFileReader(BytesIO(data), strict=False).embedded_signatures
        if embedded.sig_object_type != "/DocTimeStamp"
    ]


def test_each_signature_is_added_to_the_agreed_file_when_its_party_signs(cast, agreed, tsa, client):
    version = agreed.versions.get()
    assert version.agreed_job is not None and version.agreed_job.kind == chain.KIND_AGREED
    agreed_pdf = file_of(job_run(version.agreed_job_id))

    # Agreed: certified by the platform, an empty field in each party's printed box.
    result = verify_pdf(agreed_pdf)
    assert result.valid and result.certified and not result.parties, result.problem
    boxes = fields_of(agreed_pdf)
    assert set(boxes) == {"Party-cast-jette", "Party-cast-tarija"}
    pages = len(PdfReader(BytesIO(agreed_pdf)).pages)
    for box in boxes.values():
        left, bottom, right, top = box["rect"]
        assert box["page"] == pages - 1 and not box["signed"]
        assert box["label"].startswith("Signature de ")  # what a screen reader says, in French
        assert 200 < right - left < 230 and 50 < top - bottom < 75  # inside the 79 × 32 mm box

    # Jette signs: its own signature is added to the agreed bytes, Tarija's field stays empty.
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    first = Signature.objects.get(version=version, organisation=cast.jette)
    assert first.seal_job.kind == chain.KIND_SIGNATURE
    assert first.seal_job.inputs["previous"] == str(version.agreed_job.key)
    with_jette = file_of(job_run(first.seal_job_id))
    assert with_jette.startswith(agreed_pdf)
    result = verify_pdf(with_jette)
    assert result.valid and [s.organisation for s in result.parties] == ["Commune de Jette"]
    assert result.timestamp is None
    boxes = fields_of(with_jette)
    assert boxes["Party-cast-jette"]["signed"] and boxes["Party-cast-jette"]["appearance"]
    assert not boxes["Party-cast-tarija"]["signed"]
    stamp = stamps_of(with_jette)["Party-cast-jette"]
    assert stamp == first.seal_job.inputs["stamp"]
    # In the PDF's language (the first authentic one: French).
    assert (
        "Signé électroniquement par" in stamp and "Commune de Jette" in stamp and first.signer_name in stamp
    )
    body = client.post("/en/verify/", {"document": BytesIO(with_jette)}).content.decode()
    assert "Valid signature" in body and "Signed so far by" in body and "Commune de Jette" in body

    # Tarija signs: its signature on Jette's file, then the timestamp on Tarija's.
    services.version_sign(
        actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
    )
    second = Signature.objects.get(version=version, organisation=cast.tarija)
    assert second.seal_job.inputs["previous"] == str(first.seal_job.key)
    version.refresh_from_db()
    assert version.pdf_job.inputs["previous"] == str(second.seal_job.key)
    signed = file_of(job_run(version.pdf_job_id))
    with_both = file_of(second.seal_job)
    assert signed.startswith(with_both) and with_both.startswith(with_jette)
    result = verify_pdf(signed)
    assert result.valid and result.timestamp is not None and result.timestamp.trusted
    assert [s.organisation for s in result.parties] == ["Commune de Jette", "Municipio de Tarija"]
    assert all(field["signed"] for field in fields_of(signed).values())
    for status in party_statuses(signed):
        assert status.intact and status.valid and status.trusted, status.summary()
        assert status.modification_level <= ModificationLevel.FORM_FILLING


def test_a_signature_waits_for_the_agreed_file_rendering_elsewhere_then_is_queued_again(cast, agreed):
    version = agreed.versions.get()
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    step = Signature.objects.get(version=version, organisation=cast.jette).seal_job
    # Another worker is rendering the agreed charter right now.
    now = timezone.now()
    RenderJob.objects.filter(pk=version.agreed_job_id).update(
        state=RenderJobState.RUNNING, started_at=now, heartbeat_at=now
    )
    job_run(step.pk)
    step.refresh_from_db()
    assert step.state == RenderJobState.QUEUED and not step.file

    # That worker finishes: the signature waiting for it is queued again, and then built.
    RenderJob.objects.filter(pk=version.agreed_job_id).update(state=RenderJobState.QUEUED)
    before = OutboxMessage.objects.count()
    job_run(version.agreed_job_id)
    queued = OutboxMessage.objects.order_by("-id")[: OutboxMessage.objects.count() - before]
    assert any(step.pk in (message.payload.get("args") or []) for message in queued)
    data = file_of(job_run(step.pk))
    assert data.startswith(file_of(version.agreed_job))
    assert hashlib.sha256(data).hexdigest() == RenderJob.objects.get(pk=step.pk).file_sha256


def test_the_file_being_signed_is_for_the_parties_only(cast, agreed, client):
    version = agreed.versions.get()
    job_run(version.agreed_job_id)
    client.force_login(cast.user("outsider"))
    assert client.get(f"/en/documents/{version.agreed_job.key}/").status_code == 404
    client.force_login(cast.user("partner_coordinator"))
    assert client.get(f"/en/documents/{version.agreed_job.key}/").status_code == 200


def test_a_signature_whose_awaited_file_was_done_meanwhile_is_queued_again_at_once(cast, agreed, monkeypatch):
    """The job it waited for finished between its check and its return to the queue: it is
    queued again at once, not left for the sweep."""
    version = agreed.versions.get()
    job_run(version.agreed_job_id)  # done
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    step = Signature.objects.get(version=version, organisation=cast.jette).seal_job

    def seen_running(key):
        raise pdf.NotReady(key)  # what it saw an instant before that job was done

    monkeypatch.setattr(chain, "previous_file", seen_running)
    before = OutboxMessage.objects.count()
    job_run(step.pk)
    step.refresh_from_db()
    assert step.state == RenderJobState.QUEUED
    queued = OutboxMessage.objects.order_by("-id")[: OutboxMessage.objects.count() - before]
    assert [message.payload["args"] for message in queued] == [[step.pk]]


def test_a_signature_built_on_a_failed_agreed_file_renders_it_again_first(cast, agreed):
    """The worker rendering the agreed charter died (the sweep failed its job): the signature
    built on it renders it again, then signs it; nobody has to press "Try again" twice."""
    version = agreed.versions.get()
    RenderJob.objects.filter(pk=version.agreed_job_id).update(
        state=RenderJobState.FAILED, error="The worker rendering this document stopped."
    )
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    step = Signature.objects.get(version=version, organisation=cast.jette).seal_job
    data = file_of(job_run(step.pk))
    agreed_job = RenderJob.objects.get(pk=version.agreed_job_id)
    assert agreed_job.state == RenderJobState.DONE and data.startswith(file_of(agreed_job))
    assert [s.organisation for s in verify_pdf(data).parties] == ["Commune de Jette"]
