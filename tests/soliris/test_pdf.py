"""The generic PDF machinery: jobs through the real worker, one job per content, signatures,
and a job whose worker dies mid-way completed once by the next worker."""

import signal
import time
import uuid
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from soliris.models import AuditEntry, RenderJob, RenderJobState
from soliris.pdf import services
from soliris.pdf.rendering import FONTS_DIR, html_to_pdf
from soliris.pdf.signing import sign_pdf, verify_pdf
from tests.conftest import WorkerProcess


def wait_for(job, states=(RenderJobState.DONE, RenderJobState.FAILED), timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in states:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job still {job.state} after {timeout}s")


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_the_fonts_are_shipped_with_their_licence():
    names = {path.name for path in FONTS_DIR.iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSerif.ttf", "LICENSE.txt"} <= names
    assert "Bitstream" in (FONTS_DIR / "LICENSE.txt").read_text()


def test_pdfs_embed_only_the_shipped_fonts():
    data = html_to_pdf(
        "<h1>Journée été — Jornada año — Dag</h1><p>Texte <em>œuvre</em></p>"
        "<p style='font-family: \"Soliris Sans\"'>Sans <b>gras</b></p>"
    )
    fonts = set()
    for page in PdfReader(BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # The families declared by @font-face on the shipped files, never a system font.
    assert fonts and all("Soliris" in name for name in fonts), fonts
    assert any("Sans" in name for name in fonts) and any("Serif" in name for name in fonts)


def test_a_signed_pdf_validates_and_fails_after_a_one_byte_change():
    signed = sign_pdf(html_to_pdf("<p>Charte de partenariat</p>"))
    assert verify_pdf(signed).valid
    tampered = bytearray(signed)
    position = signed.index(b"stream") + 20  # inside the signed content
    tampered[position] ^= 0x01
    result = verify_pdf(bytes(tampered))
    assert not result.valid


def test_an_unsigned_or_unreadable_file_is_not_valid():
    assert not verify_pdf(html_to_pdf("<p>x</p>")).valid
    assert not verify_pdf(b"%PDF-1.7 garbage").valid


@pytest.mark.worker
def test_the_worker_renders_a_job_and_the_same_content_makes_one_job(celery_worker, make_user):
    user = make_user()
    job, created = services.job_request(
        actor=user, kind="testing.slow", parameters={"language": "fr", "text": "Bonjour"}
    )
    again, created_again = services.job_request(
        actor=user, kind="testing.slow", parameters={"language": "fr", "text": "Bonjour"}
    )
    assert created and not created_again and again.pk == job.pk
    assert RenderJob.objects.count() == 1
    wait_for(job)
    assert job.state == RenderJobState.DONE, job.error
    assert job.progress == 100
    with default_storage.open(job.file.name, "rb") as handle:
        assert "Bonjour" in text_of(handle.read())
    other, created_other = services.job_request(
        actor=user, kind="testing.slow", parameters={"language": "fr", "text": "Autre"}
    )
    assert created_other and other.pk != job.pk


@pytest.mark.worker
def test_a_failed_job_records_its_error_and_can_be_retried(celery_worker, make_user):
    user = make_user()
    job, _created = services.job_request(
        actor=user, kind="testing.slow", parameters={"language": "fr", "text": "x", "fail": True}
    )
    wait_for(job)
    assert job.state == RenderJobState.FAILED
    assert "asked to fail" in job.error
    services.job_retry(actor=user, job=job)
    wait_for(job)
    assert job.state == RenderJobState.FAILED  # the same parameters fail again, and say so
    assert job.attempts == 2


@pytest.mark.worker
def test_a_signed_job_from_the_worker_verifies_on_the_public_page(celery_worker, make_user, client):
    job, _created = services.job_request(
        actor=make_user(), kind="testing.signed", parameters={"language": "fr", "text": "Signé"}
    )
    wait_for(job)
    assert job.state == RenderJobState.DONE, job.error
    data = default_storage.open(job.file.name, "rb").read()
    assert verify_pdf(data).valid
    response = client.post("/fr/verify/", {"document": _upload(data)})
    body = response.content.decode()
    assert response.status_code == 200
    assert "message-success" in body and job.content_hash in body
    tampered = bytearray(data)
    tampered[data.index(b"stream") + 20] ^= 0x01
    response = client.post("/fr/verify/", {"document": _upload(bytes(tampered))})
    body = response.content.decode()
    assert "message-error" in body and job.content_hash not in body


def _upload(data: bytes, name="document.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.mark.django_db
def test_the_verification_page_refuses_what_is_not_a_pdf_and_keeps_the_form(client):
    response = client.post("/fr/verify/", {"document": _upload(b"hello", "notes.txt")})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert client.get("/es/verify/").status_code == 200


class OwnQueueWorker(WorkerProcess):
    """A worker on a queue of its own, re-delivering unacknowledged tasks after 3 seconds."""

    def __init__(self, tmp_path, queue):
        super().__init__(tmp_path)
        self.queue = queue

    def env(self):
        return {**super().env(), "CELERY_QUEUE": self.queue, "CELERY_VISIBILITY_TIMEOUT": "3"}

    def start(self, timeout: float = 60):
        from django.conf import settings

        previous = settings.CELERY_TASK_DEFAULT_QUEUE
        settings.CELERY_TASK_DEFAULT_QUEUE = self.queue  # start() listens on the configured queue
        try:
            return super().start(timeout)
        finally:
            settings.CELERY_TASK_DEFAULT_QUEUE = previous


@pytest.mark.worker
def test_a_job_whose_worker_is_killed_mid_way_completes_once_after_a_restart(
    transactional_db, make_user, tmp_path, monkeypatch
):
    from soliris.tasks import render_document

    queue = f"soliris-test-kill-{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr(services, "_enqueue", lambda job_id: None)
    job, _created = services.job_request(
        actor=make_user(),
        kind="testing.slow",
        parameters={"language": "fr", "text": "Survivant", "seconds": 6},
    )
    first = OwnQueueWorker(tmp_path / "first", queue)
    (tmp_path / "first").mkdir()
    first.start()
    try:
        render_document.apply_async((job.pk,), queue=queue)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.state == RenderJobState.RUNNING and job.progress > 0:
                break
            time.sleep(0.1)
        assert job.state == RenderJobState.RUNNING
        first.stop(signal.SIGKILL)
    finally:
        first.stop()
    job.refresh_from_db()
    assert job.state == RenderJobState.RUNNING and job.attempts == 1  # died mid-way
    # The unacknowledged task becomes visible again once the visibility timeout has passed:
    # the next worker takes it back when it starts.
    time.sleep(4)

    second = OwnQueueWorker(tmp_path / "second", queue)
    (tmp_path / "second").mkdir()
    second.start()
    try:
        wait_for(job, timeout=90)
        time.sleep(4)  # a second re-delivery, if any, must find the job done and leave it
    finally:
        second.stop()
    job.refresh_from_db()
    assert job.state == RenderJobState.DONE, job.error
    assert job.attempts == 2
    done = AuditEntry.objects.filter(action="soliris.render_job.done", subject_id=job.pk)
    assert done.count() == 1
    _dirs, files = default_storage.listdir(f"render/{job.key}")
    assert files == [job.file.name.rsplit("/", 1)[-1]]


def test_signing_and_verifying_work_inside_a_running_event_loop():
    import asyncio
    import threading

    results = []

    async def inside():
        signed = sign_pdf(html_to_pdf("<p>Dans une boucle</p>"))
        return verify_pdf(signed)

    # In a thread of its own: this test's thread may already run a browser driver's loop.
    thread = threading.Thread(target=lambda: results.append(asyncio.run(inside())))
    thread.start()
    thread.join(60)
    assert results and results[0].valid
