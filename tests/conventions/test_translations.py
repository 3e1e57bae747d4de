"""Each clause has an original; translations are flagged when it changes, until updated or confirmed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from conventions import selectors, services
from conventions.models import ClauseText, TranslationState

pytestmark = pytest.mark.django_db


def state(clause, language):
    text = ClauseText.objects.filter(clause=clause, language=language).first()
    return text.state if text else TranslationState.MISSING


def test_editing_the_original_flags_the_other_languages_to_review(cast, document):
    clause = document.clauses.first()
    assert state(clause, "es") == TranslationState.UP_TO_DATE
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="Article 1",
        body="Les parties conviennent ensemble, et par écrit, du point 1.",
        expected_version=1,
    )
    assert state(clause, "es") == TranslationState.TO_REVIEW
    assert state(clause, "fr") == TranslationState.UP_TO_DATE


def test_confirming_a_translation_clears_the_flag(cast, document, as_role):
    clause = document.clauses.first()
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="Article 1",
        body="Nouveau texte original.",
        expected_version=1,
    )
    response = as_role("partner_coordinator").post(
        reverse("conventions:clause_confirm", args=[document.key, clause.key, "es"])
    )
    assert response.status_code == 302
    text = ClauseText.objects.get(clause=clause, language="es")
    assert text.state == TranslationState.UP_TO_DATE
    assert text.source_revision == ClauseText.objects.get(clause=clause, language="fr").revision


def test_updating_a_translation_clears_the_flag_and_keeps_the_original(cast, document):
    clause = document.clauses.first()
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="Article 1",
        body="Nouveau texte original.",
        expected_version=1,
    )
    services.clause_edit(
        actor=cast.user("partner_coordinator"),
        clause=clause,
        language="es",
        heading="Artículo 1",
        body="Nuevo texto original.",
        expected_version=1,
    )
    clause.refresh_from_db()
    assert clause.original_language == "fr"
    assert state(clause, "es") == TranslationState.UP_TO_DATE


def test_a_change_of_substance_in_another_language_makes_it_the_original(cast, document):
    clause = document.clauses.first()
    services.clause_edit(
        actor=cast.user("partner_coordinator"),
        clause=clause,
        language="es",
        heading="Artículo 1",
        body="Las partes acuerdan juntas, por escrito, el punto 1.",
        expected_version=1,
        make_original=True,
    )
    clause.refresh_from_db()
    assert clause.original_language == "es"
    assert state(clause, "fr") == TranslationState.TO_REVIEW
    assert ClauseText.objects.get(clause=clause, language="es").is_original


def test_parity_counts_each_language(cast, document):
    clause = document.clauses.first()
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="",
        body="Changé.",
        expected_version=1,
    )
    parity = {row["language"]: row for row in selectors.parity(document, selectors.draft_clauses(document))}
    assert (parity["fr"]["up_to_date"], parity["fr"]["total"]) == (3, 3)
    assert (parity["es"]["up_to_date"], parity["es"]["to_review"]) == (2, 1)
    assert parity["nl"]["missing"] == 3


def test_a_missing_translation_falls_back_visibly_to_the_original(cast, document, as_role):
    with translation.override("en"):
        url = reverse("conventions:document_detail", args=[document.key]) + "?lang=nl"
    response = as_role("party_viewer").get(url)
    html = response.content.decode()
    assert "Les parties conviennent ensemble du point 1." in html
    assert 'lang="fr"' in html
    assert "Not yet written in Dutch: shown in French, the original language." in html


def test_a_version_cannot_be_proposed_while_an_authentic_text_is_stale(cast, document, as_role):
    clause = document.clauses.first()
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="",
        body="Changé.",
        expected_version=1,
    )
    with pytest.raises(ValidationError):
        services.version_propose(actor=cast.user("party_editor"), document=document)
    with translation.override("en"):
        url = reverse("conventions:version_propose", args=[document.key])
    response = as_role("party_editor").get(url)
    html = response.content.decode()
    assert "Clause 1 in Spanish" in html
    assert '<form method="post" class="form"' not in html
    assert not document.versions.exists()


def test_a_document_from_the_charter_template_has_every_clause_in_four_languages(cast):
    document = services.document_create(
        actor=cast.user("party_editor"),
        partnership=cast.partnership,
        kind="charter",
        title="Charte",
        authentic_languages=["es", "fr"],
        template="operating-charter",
    )
    clauses = selectors.draft_clauses(document)
    assert len(clauses) == 10
    assert all(c.original_language == "fr" for c in clauses)
    parity = {row["language"]: row["up_to_date"] for row in selectors.parity(document, clauses)}
    assert parity == {"fr": 10, "nl": 10, "en": 10, "es": 10}
    assert "Clause de sortie" in [t.heading for c in clauses for t in c.texts.all()]


def test_a_removed_clause_can_be_restored_with_its_texts(cast, document, as_role):
    clause = document.clauses.order_by("position").first()
    client = as_role("party_editor")
    client.post(reverse("conventions:clause_remove", args=[document.key, clause.key]), {"confirmed": "1"})
    assert [c.pk for c in selectors.draft_clauses(document)] == list(
        document.clauses.exclude(pk=clause.pk).order_by("position").values_list("pk", flat=True)
    )
    page = client.get(reverse("conventions:document_detail", args=[document.key])).content.decode()
    assert "Article 1" in page  # listed among the removed clauses
    client.post(reverse("conventions:clause_restore", args=[document.key, clause.key]))
    clauses = selectors.draft_clauses(document)
    assert clauses[-1].pk == clause.pk
    assert ClauseText.objects.filter(clause=clause).count() == 2


def test_changing_the_authentic_languages_changes_what_a_proposal_needs(cast, document, as_role):
    client = as_role("party_editor")
    url = reverse("conventions:document_settings", args=[document.key])
    response = client.post(url, {"title": "", "authentic_languages": [], "version": 1})
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    response = client.post(
        url, {"title": "Convention révisée", "authentic_languages": ["fr", "nl"], "version": 1}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.authentic_languages) == ("Convention révisée", ["fr", "nl"])
    blockers = selectors.proposal_blockers(document, selectors.draft_clauses(document))
    assert {b["language"] for b in blockers} == {"nl"} and len(blockers) == 3


def test_the_list_offers_to_start_a_document_for_my_partnerships(cast, as_role):
    response = as_role("party_editor").get(reverse("conventions:document_list"))
    assert reverse("conventions:document_create", args=[cast.partnership.key]) in response.content.decode()
    response = as_role("party_viewer").get(reverse("conventions:document_list"))
    assert (
        reverse("conventions:document_create", args=[cast.partnership.key]) not in response.content.decode()
    )
