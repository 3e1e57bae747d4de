"""One lock order (``conventions.services.locking``): document, then version, then the rows
that reference the version, then the render job. Each service that locks both takes the
document first, so two of them can never wait for each other (the old PDF hook locked the
version first and deadlocked with publication)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conventions import services
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED_TABLE = re.compile(r'FROM "(\w+)".* FOR (?:NO KEY )?UPDATE')


def locked_tables(run) -> list[str]:
    """The tables locked with ``SELECT … FOR UPDATE`` by ``run()``, in order, each once."""
    with CaptureQueriesContext(connection) as queries:
        run()
    tables = []
    for query in queries.captured_queries:
        match = LOCKED_TABLE.search(query["sql"])
        if match and match.group(1) not in tables:
            tables.append(match.group(1))
    return tables


def test_approving_locks_the_document_then_the_version(cast, proposed):
    version = proposed.versions.get()
    tables = locked_tables(
        lambda: services.version_approve(actor=cast.user("party_coordinator"), version=version)
    )
    assert tables[:2] == ["conventions_document", "conventions_version"]


def test_signing_locks_the_document_then_the_version(cast, agreed):
    version = agreed.versions.get()
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    tables = locked_tables(
        lambda: services.version_sign(
            actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
        )
    )
    assert tables[:2] == ["conventions_document", "conventions_version"]
    version.refresh_from_db()
    assert version.pdf_job_id is not None  # the render job, requested last in the same transaction


def test_asking_again_for_the_pdf_locks_the_document_before_the_version(signed):
    version = signed.versions.get()
    tables = locked_tables(lambda: services.version_pdf_request(version=version))
    assert tables[:2] == ["conventions_document", "conventions_version"]


def test_publishing_locks_the_document_then_the_version(cast, signed):
    tables = locked_tables(
        lambda: services.document_publish(actor=cast.user("party_coordinator"), document=signed)
    )
    assert tables[:2] == ["conventions_document", "conventions_version"]
