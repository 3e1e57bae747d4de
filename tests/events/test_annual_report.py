"""The annual report, rendered by the real worker: its numbers are the database's."""

import datetime
import re
import time
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from pypdf import PdfReader

from events import services
from partners.models import Organisation, Partnership, PartnershipParty, PartyStatus
from soliris.models import RenderJob, RenderJobState
from soliris.pdf.signing import verify_pdf
from tests.events.conftest import make_event, make_recommendations

pytestmark = pytest.mark.worker


def number(pattern, text):
    found = re.search(pattern, text)
    assert found, (pattern, text[:3000])
    return int(found.group(1))


def test_the_annual_report_numbers_equal_the_databases(celery_worker, cast, as_role):
    year = timezone.now().year
    today = timezone.localdate()
    ended = Partnership.objects.create(
        name="Herent – Nimlaha'kok",
        kind="commune_to_commune",
        status="ended",
        started_on=datetime.date(year, 1, 1),
        ended_on=today,
        end_reason="Fin du financement, la fraternité demeure.",
        initiated_by=cast.jette,
    )
    PartnershipParty.objects.create(partnership=ended, organisation=cast.jette, status=PartyStatus.ACCEPTED)
    event = make_event(organisers=[cast.jette], slug="journee-annee", days=0)
    _section, items = make_recommendations(event, 4)
    services.recommendation_follow_up(
        actor=cast.user("party_editor"), recommendation=items[0], status="adopted", text=""
    )

    client = as_role("staff")
    response = client.post("/fr/events/annual-report/", {"year": year, "language": "fr"})
    assert response.status_code == 302
    job = RenderJob.objects.get(kind="events.annual_report")
    deadline = time.monotonic() + 90
    while job.state not in (RenderJobState.DONE, RenderJobState.FAILED) and time.monotonic() < deadline:
        time.sleep(0.3)
        job.refresh_from_db()
    assert job.state == RenderJobState.DONE, job.error
    data = default_storage.open(job.file.name, "rb").read()
    assert verify_pdf(data).valid
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)

    public_members = Organisation.objects.filter(visibility="public", verified_at__isnull=False)
    assert number(r"(\d+)\s*organisations\s+membres", text) == public_members.count()
    assert number(r"(\d+)\s*nouveaux\s+partenariats", text) == 1
    assert number(r"(\d+)\s*partenariats\s+terminés", text) == 1
    assert number(r"(\d+)\s*partenariats\s+actifs", text) == 1  # the cast's Jette – Tarija
    assert number(r"(\d+)\s*recommandations", text) == 4
    assert number(r"Commune\s+(\d+)", text) == public_members.filter(kind="commune").count()
    assert number(r"Belgique\s+(\d+)", text) == public_members.filter(country="BE").count()
    assert number(r"Proposée\s+(\d+)", text) == 3
    assert number(r"Adoptée\s+(\d+)", text) == 1
    assert "Fin du financement, la fraternité demeure." in text


@pytest.mark.django_db
def test_the_annual_report_form_refuses_a_future_year(as_role):
    response = as_role("staff").post(
        "/fr/events/annual-report/", {"year": timezone.now().year + 1, "language": "fr"}
    )
    assert response.status_code == 400
    assert not RenderJob.objects.exists()
