"""The pages' query counts do not grow with the number of clauses or documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conventions import services
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow(cast, document, clauses):
    editor = cast.user("party_editor")
    for n in range(document.clauses.count(), clauses):
        clause = services.clause_add(
            actor=editor, document=document, language="fr", heading=f"A{n}", body=f"Texte {n}."
        )
        services.thread_open(actor=editor, clause=clause, language="fr", body="Une remarque.")


@pytest.mark.parametrize(
    "name",
    [
        "document_detail",
        "version_detail",
        "version_diff",
        "version_approve",
        "version_sign",
        "version_propose",
        "clause_edit",
        "document_list",
    ],
)
def test_pages_make_the_same_number_of_queries_for_5_and_50_clauses(
    cast, as_role, name, django_assert_num_queries
):
    document = make_document(cast, clauses=2)
    client = as_role("party_coordinator")

    def url():
        latest = document.last_number
        args = {
            "document_list": [],
            "version_detail": [document.key, latest],
            "version_approve": [document.key, latest],
            "version_sign": [document.key, latest],
            "clause_edit": [document.key, document.clauses.order_by("position").first().key, "es"],
        }
        return reverse(f"conventions:{name}", args=args.get(name, [document.key]))

    def snapshot(clauses):
        grow(cast, document, clauses)
        document.refresh_from_db()
        if document.status == "draft":
            # Spanish is authentic in the cast's document: proposals need it, so drop it.
            document.authentic_languages = ["fr"]
            document.save(update_fields=["authentic_languages"])
            services.version_propose(actor=cast.user("party_editor"), document=document)
        make_document(cast, clauses=1, title=f"Autre {clauses}")

    snapshot(5)
    small = count_queries(client, url())
    services.clause_add(
        actor=cast.user("party_editor"), document=document, language="fr", heading="x", body="y"
    )
    snapshot(50)
    assert document.last_number == 2 and len(document.versions.get(number=2).clauses) == 50
    address = url()
    with django_assert_num_queries(small):
        client.get(address)


def test_the_comments_page_makes_the_same_number_of_queries_for_2_and_20_threads(cast, as_role, document):
    clause = document.clauses.first()
    client = as_role("party_viewer")
    url = reverse("conventions:clause_comments", args=[document.key, clause.key])

    def threads(n):
        for i in range(clause.threads.count(), n):
            thread = services.thread_open(
                actor=cast.user("party_editor"),
                clause=clause,
                language="fr",
                body=f"Remarque {i}",
                mentions=[cast.jette],
            )
            services.thread_reply(
                actor=cast.user("partner_coordinator"), thread=thread, language="es", body="Sí."
            )

    threads(2)
    small = count_queries(client, url)
    threads(20)
    assert count_queries(client, url) == small
