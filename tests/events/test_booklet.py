"""The recommendation booklet, rendered by the real worker, in each language."""

import re
import time
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from events.models import Endorsement, Recommendation
from soliris.models import RenderJob, RenderJobState
from soliris.pdf import forms as verification_forms
from soliris.pdf.signing import verify_pdf
from tests.events.conftest import make_recommendations

pytestmark = pytest.mark.worker

MARK = {
    "fr": "Pas encore traduit",
    "nl": "Nog niet vertaald",
    "en": "Not yet translated",
    "es": "Aún no traducido",
}


def wait_for(job, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in (RenderJobState.DONE, RenderJobState.FAILED):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job still {job.state}")


def pdf_text(job) -> str:
    data = default_storage.open(job.file.name, "rb").read()
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


@pytest.fixture
def booklet_event(celery_worker, cast, event):
    section, recommendations = make_recommendations(event, 3)
    make_recommendations(event, 2, section=section, languages=("fr",))  # 4 and 5: French only
    Endorsement.objects.create(recommendation=recommendations[0], organisation=cast.tarija)
    return event


@pytest.mark.parametrize("language", ["fr", "nl", "en", "es"])
def test_the_booklet_has_one_entry_per_recommendation_with_missing_translations_marked(
    booklet_event, as_role, language
):
    client = as_role("party_coordinator")
    response = client.post(f"/{language}/events/{booklet_event.slug}/booklet/", {"language": language})
    job = RenderJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/{language}/documents/{job.key}/"
    wait_for(job)
    assert job.state == RenderJobState.DONE, job.error
    text = pdf_text(job)
    entries = re.findall(r"\b1\.(\d)\b", text)
    for number in range(1, 6):
        assert str(number) in entries, (number, text[:2000])
        assert f"Recommandation {number}" in text
    for number in (1, 2, 3):
        assert f"Recommandation {number} ({language})" in text
    for number in (4, 5):
        assert f"Recommandation {number} (fr)" in text
    if language != "fr":
        assert text.count(MARK[language]) >= 2
    assert "Municipio de Tarija" in text
    assert verify_pdf(default_storage.open(job.file.name, "rb").read()).valid


def test_asking_twice_for_the_same_booklet_makes_one_job_and_a_change_makes_a_new_one(booklet_event, as_role):
    client = as_role("party_editor")
    url = f"/es/events/{booklet_event.slug}/booklet/"
    first = client.post(url, {"language": "es"})
    second = client.post(url, {"language": "es"})
    assert first["Location"] == second["Location"]
    assert RenderJob.objects.count() == 1
    job = wait_for(RenderJob.objects.get())
    page = client.get(f"/es/documents/{job.key}/")
    assert f"/es/documents/{job.key}/download/" in page.content.decode()
    download = client.get(f"/es/documents/{job.key}/download/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    Recommendation.objects.filter(number=1).update(text_es="Texto cambiado")
    client.post(url, {"language": "es"})
    assert RenderJob.objects.count() == 2


def test_the_progress_partial_polls_until_the_job_is_done(booklet_event, as_role):
    client = as_role("party_coordinator")
    client.post(f"/fr/events/{booklet_event.slug}/booklet/", {"language": "fr"})
    job = RenderJob.objects.get()
    wait_for(job)
    partial = client.get(f"/fr/documents/{job.key}/progress/").content.decode()
    assert 'hx-trigger="every 1s"' not in partial and "download" in partial
    RenderJob.objects.filter(pk=job.pk).update(state=RenderJobState.RUNNING, progress=40)
    partial = client.get(f"/fr/documents/{job.key}/progress/").content.decode()
    assert 'hx-trigger="every 1s"' in partial and "<progress" in partial and 'value="40"' in partial


@pytest.mark.django_db
def test_the_verification_page_refuses_a_file_that_is_too_large(client, monkeypatch):
    monkeypatch.setattr(verification_forms, "MAX_SIZE", 100)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * 200, content_type="application/pdf")
    response = client.post("/fr/verify/", {"document": upload})
    assert response.status_code == 400
    assert "Le fichier dépasse 20 Mo." in response.content.decode()
