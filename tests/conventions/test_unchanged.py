"""Saving a clause without changing it changes nothing: no state change of the other languages,
no history entry, no new revision — whether the text comes from a browser (``\r\n``) or not."""

import pytest
from django.urls import reverse
from django.utils import translation

from conventions import services
from conventions.models import ClauseText, Document, TranslationState
from soliris import audit
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db

BODY = "Les parties conviennent ensemble.\n\nElles se revoient chaque année.\n\nElles rendent compte."


@pytest.fixture
def clause(cast):
    document = make_document(cast, clauses=0)
    clause = services.clause_add(
        actor=cast.user("party_editor"), document=document, language="fr", heading="Article 1", body=BODY
    )
    services.clause_edit(
        actor=cast.user("partner_coordinator"),
        clause=clause,
        language="es",
        heading="Artículo 1",
        body="Las partes acuerdan juntas.\n\nSe reúnen cada año.\n\nRinden cuentas.",
        expected_version=0,
    )
    return clause


def snapshot_of(clause):
    document = Document.objects.get(pk=clause.document_id)
    texts = {t.language: (t.revision, t.state, t.body) for t in ClauseText.objects.filter(clause=clause)}
    return texts, document.draft_revision, audit.history(document).count()


def test_saving_an_unchanged_multi_paragraph_clause_with_crlf_through_the_service_changes_nothing(
    cast, clause
):
    before = snapshot_of(clause)
    french = ClauseText.objects.get(clause=clause, language="fr")
    posted = "Les parties conviennent ensemble.  \r\n\r\nElles se revoient chaque année.\t\r\n\r\nElles rendent compte.\r\n"
    services.clause_edit(
        actor=cast.user("party_coordinator"),
        clause=clause,
        language="fr",
        heading="Article 1 ",
        body=posted,
        expected_version=french.revision,
    )
    assert snapshot_of(clause) == before
    assert ClauseText.objects.get(clause=clause, language="es").state == TranslationState.UP_TO_DATE


def test_saving_an_unchanged_clause_posted_with_crlf_through_the_client_changes_nothing(
    cast, clause, as_role
):
    before = snapshot_of(clause)
    french = ClauseText.objects.get(clause=clause, language="fr")
    with translation.override("en"):
        url = reverse("conventions:clause_edit", args=[clause.document.key, clause.key, "fr"])
    response = as_role("party_coordinator").post(
        url,
        {
            "heading": "Article 1",
            "body": BODY.replace("\n", "\r\n") + "\r\n",
            "expected_version": french.revision,
        },
    )
    assert response.status_code == 302
    assert snapshot_of(clause) == before
    texts, _revision, _entries = snapshot_of(clause)
    assert texts["es"][1] == TranslationState.UP_TO_DATE  # not flipped to "to review"


def test_a_real_change_still_asks_the_other_languages_to_review(cast, clause):
    french = ClauseText.objects.get(clause=clause, language="fr")
    services.clause_edit(
        actor=cast.user("party_coordinator"),
        clause=clause,
        language="fr",
        heading="Article 1",
        body=BODY.replace("chaque année", "deux fois par an").replace("\n", "\r\n"),
        expected_version=french.revision,
    )
    saved = ClauseText.objects.get(clause=clause, language="fr")
    assert "\r" not in saved.body and saved.revision == french.revision + 1
    assert ClauseText.objects.get(clause=clause, language="es").state == TranslationState.TO_REVIEW
