"""A project between Jette and Tarija (both confirmed) with STADD invited, and an open call of Periferia."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from projects import reference, services
from projects.models import Goal, ProjectParty, Submission, Target


def ensure_sdg_reference():
    """Tests on a transactional database flush every table, the migration's reference data too."""
    if Goal.objects.count() != 17 or Target.objects.count() != 169:
        reference.load()


@pytest.fixture(autouse=True)
def _sdg_reference(request):
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
    else:
        request.getfixturevalue("db")
    ensure_sdg_reference()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded documents go to a fresh directory for each test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def goal6(db):
    return Goal.objects.get(number=6)


@pytest.fixture
def project(cast, goal6):
    coordinator = cast.user("party_coordinator")
    project = services.project_create(
        actor=coordinator,
        proposed_by=cast.jette,
        title="Protection des sources d'eau à Tarija",
        summary="Protéger les sources qui alimentent les quartiers de Tarija.",
        partnership=cast.partnership,
        partners=[cast.tarija, cast.stadd],
        language="fr",
    )
    services.project_transition(actor=coordinator, project=project, to_status="proposed")
    tarija = ProjectParty.objects.get(project=project, organisation=cast.tarija)
    services.party_confirm(
        actor=cast.user("partner_coordinator"),
        party=tarija,
        role="Gestion des sources",
        contribution="Équipe technique municipale",
    )
    services.sdg_link_save(
        actor=coordinator,
        project=project,
        goal=goal6,
        targets=Target.objects.filter(code__in=["6.1", "6.b"]),
        is_primary=True,
        contribution="Eau potable pour les quartiers.",
    )
    services.site_add(
        actor=coordinator, project=project, country="BO", locality="Tarija", change="Sources protégées"
    )
    jette_party = ProjectParty.objects.get(project=project, organisation=cast.jette)
    services.funding_add(
        actor=coordinator,
        project=project,
        party=jette_party,
        amount=Decimal("6000"),
        currency="EUR",
        kind="cash",
    )
    project.refresh_from_db()
    return project


@pytest.fixture
def open_call(cast, staff):
    now = timezone.now()
    return services.call_create(
        actor=cast.user("outsider"),
        publisher=cast.periferia,
        goals=Goal.objects.filter(number__in=[6, 13]),
        language="fr",
        title="Appel à projets solidaires 2026",
        description="Des projets entre partenaires d'ici et de là-bas.",
        criteria="Parité entre les parties.",
        budget=Decimal("20000"),
        currency="EUR",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=10),
    )


def make_ready(project, cast):
    """STADD confirms and Jette fills in its role: the project can be submitted."""
    stadd = ProjectParty.objects.get(project=project, organisation=cast.stadd)
    services.party_confirm(
        actor=cast.user("invited_coordinator"), party=stadd, role="Formation", contribution="Deux formateurs"
    )
    jette = ProjectParty.objects.get(project=project, organisation=cast.jette)
    services.party_edit(
        actor=cast.user("party_editor"),
        party=jette,
        role="Coordination en Belgique",
        contribution="Cofinancement",
        decision_level="co_decides",
    )
    project.refresh_from_db()
    return project


@pytest.fixture
def objects(cast, project, open_call):
    """One of everything an address of the app can name, for the matrix and the garbage tests."""
    coordinator = cast.user("party_coordinator")
    document = services.document_upload(
        actor=coordinator,
        project=project,
        title="Budget",
        upload=SimpleUploadedFile("budget.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
    )
    # A second, public project answering the call: the publisher decides on it.
    other = services.project_create(
        actor=coordinator, proposed_by=cast.jette, title="Autre projet", partners=[cast.tarija], language="fr"
    )
    submission = Submission.objects.create(call=open_call, project=other, submitted_by=coordinator)
    other.status = "submitted"
    other.save()
    return {
        "cast": cast,
        "project": project,
        "site": project.sites.get(),
        "link": project.sdg_links.get(),
        "line": project.funding_lines.get(),
        "document": document,
        "call": open_call,
        "submission": submission,
    }


def said(response) -> list[str]:
    """The messages the page showed the user after a POST (followed to the page it redirected to)."""
    return [str(message) for message in get_messages(response.wsgi_request)]
