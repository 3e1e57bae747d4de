import pytest

from conventions import services
from conventions.models import DocumentKind
from soliris.pdf import tsa as tsa_server


def make_document(cast, *, clauses=3, languages=("fr", "es"), title="Convention Jette – Tarija"):
    """A document between the cast's parties: ``clauses`` clauses written in French, translated in Spanish."""
    author = cast.user("party_editor")
    document = services.document_create(
        actor=author,
        partnership=cast.partnership,
        kind=DocumentKind.CONVENTION,
        title=title,
        authentic_languages=list(languages),
    )
    for n in range(1, clauses + 1):
        clause = services.clause_add(
            actor=author,
            document=document,
            language="fr",
            heading=f"Article {n}",
            body=f"Les parties conviennent ensemble du point {n}.",
        )
        if "es" in languages:
            services.clause_edit(
                actor=cast.user("partner_coordinator"),
                clause=clause,
                language="es",
                heading=f"Artículo {n}",
                body=f"Las partes acuerdan juntas el punto {n}.",
                expected_version=0,
            )
    document.refresh_from_db()
    return document


@pytest.fixture
def document(cast):
    return make_document(cast)


@pytest.fixture
def proposed(cast, document):
    services.version_propose(actor=cast.user("party_editor"), document=document, reason="Première lecture")
    document.refresh_from_db()
    return document


@pytest.fixture
def agreed(cast, proposed):
    version = proposed.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    proposed.refresh_from_db()
    return proposed


@pytest.fixture
def signed(cast, agreed, django_capture_on_commit_callbacks):
    version = agreed.versions.get()
    from tests.conftest import PASSWORD

    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    with django_capture_on_commit_callbacks(execute=False):
        services.version_sign(
            actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
        )
    agreed.refresh_from_db()
    return agreed


def finish_pdf(version):
    """Request the signed PDF and mark its job done with a stand-in file (no worker needed)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from soliris.models import RenderJob, RenderJobState

    version = services.version_pdf_request(version=version)
    name = default_storage.save(f"render/{version.pdf_job.key}/charter.pdf", ContentFile(b"%PDF-1.7 test"))
    RenderJob.objects.filter(pk=version.pdf_job_id).update(state=RenderJobState.DONE, progress=100, file=name)
    version.refresh_from_db()
    return version


@pytest.fixture
def cast_project(cast):
    """A joint project of Jette and Tarija (both confirmed), STADD invited but not yet confirmed."""
    from projects import reference
    from projects import services as project_services
    from projects.models import Goal, ProjectParty

    if not Goal.objects.exists():  # a transactional test flushed the migration's reference data
        reference.load()
    coordinator = cast.user("party_coordinator")
    project = project_services.project_create(
        actor=coordinator,
        proposed_by=cast.jette,
        title="Protection des sources d'eau à Tarija",
        summary="Protéger les sources qui alimentent les quartiers de Tarija.",
        partnership=cast.partnership,
        partners=[cast.tarija, cast.stadd],
        language="fr",
    )
    project_services.project_transition(actor=coordinator, project=project, to_status="proposed")
    project_services.party_confirm(
        actor=cast.user("partner_coordinator"),
        party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
        role="Gestion des sources",
        contribution="Équipe technique municipale",
    )
    project.refresh_from_db()
    return project


def authenticated_at(client, user, at: float) -> None:
    """Record in ``client``'s session that ``user`` authenticated at ``at`` (as allauth's log-in
    and re-authentication do; ``force_login`` records nothing)."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.account.internal.userkit import user_id_to_str

    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "password", "at": at}]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session.save()


@pytest.fixture(autouse=True)
def _logins_are_recent(monkeypatch):
    """A client logged in by ``force_login`` has just logged in, as after allauth's log-in page
    (signing asks for a recent authentication: ``conventions.views.common``)."""
    import time

    from django.test import Client

    force_login = Client.force_login

    def login_now(self, user, backend=None):
        force_login(self, user, backend)
        authenticated_at(self, user, time.time())

    monkeypatch.setattr(Client, "force_login", login_now)


@pytest.fixture
def tsa(settings):
    """The loopback time-stamping authority on a free port, named in the settings."""
    server = tsa_server.start()
    settings.SOLIRIS_TSA_URL = server.url
    yield server
    server.shutdown()
    server.server_close()
