"""Suggestions per clause: proposed by one party, accepted or rejected by another, withdrawn by
their proposer; out of date once the text changed; open ones keep the draft from being proposed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conventions import services
from conventions.models import ClauseText, CommentThread, SuggestionStatus, ThreadStatus, TranslationState
from soliris import audit

pytestmark = pytest.mark.django_db


def first_clause(document):
    return document.clauses.order_by("position").first()


def suggest(cast, document, *, language="es", body="Las partes acuerdan juntas y por escrito el punto 1."):
    clause = first_clause(document)
    return services.suggestion_open(
        actor=cast.user("partner_coordinator"),
        clause=clause,
        language=language,
        heading="Artículo 1" if language == "es" else "Article 1",
        body=body,
        reason="Más preciso.",
    )


def text(document, language):
    return ClauseText.objects.get(clause=first_clause(document), language=language)


def test_a_spanish_suggestion_accepted_by_the_other_party_changes_the_spanish_text(cast, document):
    suggestion = suggest(cast, document)
    assert suggestion.organisation == cast.tarija and suggestion.base_revision == 1
    thread = suggestion.thread
    assert thread.status == ThreadStatus.OPEN and "Más preciso." in thread.comments.get().body
    services.suggestion_accept(actor=cast.user("party_editor"), suggestion=suggestion)
    spanish = text(document, "es")
    assert spanish.body == "Las partes acuerdan juntas y por escrito el punto 1."
    assert spanish.state == TranslationState.UP_TO_DATE
    assert text(document, "fr").state == TranslationState.UP_TO_DATE
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED and suggestion.decided_by == cast.user(
        "party_editor"
    )
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.RESOLVED and thread.comments.count() == 2
    entry = audit.history(document).filter(action="conventions.suggestion.accepted").get()
    assert entry.actor == cast.user("party_editor")
    assert entry.data["proposed_by"] == cast.user("partner_coordinator").get_full_name()


def test_accepting_a_change_of_the_french_original_sends_the_spanish_text_to_review(cast, document):
    suggestion = suggest(cast, document, language="fr", body="Les parties conviennent par écrit du point 1.")
    services.suggestion_accept(actor=cast.user("party_coordinator"), suggestion=suggestion)
    assert text(document, "fr").body == "Les parties conviennent par écrit du point 1."
    assert text(document, "es").state == TranslationState.TO_REVIEW


def test_the_proposers_own_party_never_accepts_it(cast, as_role, document, make_user):
    suggestion = suggest(cast, document)
    with pytest.raises(PermissionDenied):
        services.suggestion_accept(actor=cast.user("partner_coordinator"), suggestion=suggestion)
    url = reverse("conventions:suggestion_accept", args=[document.key, suggestion.key])
    assert as_role("partner_coordinator").post(url).status_code == 403
    assert as_role("outsider").post(url).status_code == 404
    assert text(document, "es").body == "Las partes acuerdan juntas el punto 1."
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN


def test_a_rejection_needs_a_reason_told_in_the_thread(cast, as_role, document):
    suggestion = suggest(cast, document)
    with pytest.raises(ValidationError):
        services.suggestion_reject(actor=cast.user("party_editor"), suggestion=suggestion, reason="  ")
    client = as_role("party_editor")
    url = reverse("conventions:suggestion_reject", args=[document.key, suggestion.key])
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Dites pourquoi" in response.content.decode() or "Say why" in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN
    client.post(url, {"reason": "Le texte actuel suffit."})
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.REJECTED
    assert suggestion.decision_reason == "Le texte actuel suffit."
    assert "Le texte actuel suffit." in suggestion.thread.comments.last().body
    assert text(document, "es").body == "Las partes acuerdan juntas el punto 1."


def test_only_its_proposer_withdraws_it(cast, as_role, document):
    suggestion = suggest(cast, document)
    url = reverse("conventions:suggestion_withdraw", args=[document.key, suggestion.key])
    assert as_role("party_editor").post(url).status_code == 403
    assert as_role("partner_coordinator").post(url).status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        services.suggestion_accept(actor=cast.user("party_editor"), suggestion=suggestion)


def test_a_suggestion_is_out_of_date_once_the_text_changed(cast, document):
    suggestion = suggest(cast, document)
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=first_clause(document),
        language="es",
        heading="Artículo 1",
        body="Las partes acuerdan el punto 1.",
        expected_version=1,
    )
    with pytest.raises(ValidationError) as error:
        services.suggestion_accept(actor=cast.user("party_coordinator"), suggestion=suggestion)
    assert error.value.code == "out_of_date"
    assert text(document, "es").body == "Las partes acuerdan el punto 1."


def test_open_suggestions_block_proposing_a_version(cast, as_role, document):
    suggestion = suggest(cast, document)
    response = as_role("party_editor").get(reverse("conventions:version_propose", args=[document.key]))
    page = response.content.decode()
    assert f"#suggestion-{suggestion.key}" in page and '<form method="post" class="form"' not in page
    with pytest.raises(ValidationError):
        services.version_propose(actor=cast.user("party_editor"), document=document)
    services.suggestion_withdraw(actor=cast.user("partner_coordinator"), suggestion=suggestion)
    assert services.version_propose(actor=cast.user("party_editor"), document=document).number == 1


def test_the_editor_suggests_instead_of_saving_and_keeps_the_text_on_errors(cast, as_role, document):
    clause = first_clause(document)
    url = reverse("conventions:clause_edit", args=[document.key, clause.key, "es"])
    client = as_role("partner_coordinator")
    same = {"heading": "Artículo 1", "body": "Las partes acuerdan juntas el punto 1.", "expected_version": 1}
    response = client.post(url, {**same, "suggest": "1"})
    assert (
        response.status_code == 200 and "Las partes acuerdan juntas el punto 1." in response.content.decode()
    )
    response = client.post(url, {**same, "body": "Nuevo texto.", "reason": "Claridad", "suggest": "1"})
    assert response.status_code == 302
    assert text(document, "es").body == "Las partes acuerdan juntas el punto 1."
    assert CommentThread.objects.filter(clause=clause, language="es").count() == 1
    page = as_role("party_editor").get(reverse("conventions:document_detail", args=[document.key])).content
    page = page.decode()
    assert "<ins>" in page and "<del>" in page and "Nuevo texto" in page
    assert "Claridad" in page and cast.tarija.name in page
    assert reverse("conventions:suggestion_accept", args=[document.key, clause.suggestions.get().key]) in page


def test_a_coordinator_makes_their_party_suggest_only(cast, as_role, document):
    settings_url = reverse("conventions:document_settings", args=[document.key])
    client = as_role("partner_coordinator")
    response = client.post(settings_url, {"suggest_only_form": "1", f"party_{cast.tarija.pk}": "on"})
    assert response.status_code == 302
    assert list(document.suggest_only_parties.all()) == [cast.tarija]
    assert f"party_{cast.jette.pk}" not in client.get(settings_url).content.decode()
    clause = first_clause(document)
    url = reverse("conventions:clause_edit", args=[document.key, clause.key, "es"])
    page = client.get(url).content.decode()
    assert "Suggest this change" in page or "Suggérer" in page or 'name="suggest"' in page
    assert ">Enregistrer</button>" not in page and ">Save</button>" not in page
    client.post(url, {"heading": "Artículo 1", "body": "Otro texto.", "expected_version": 1})
    assert text(document, "es").body == "Las partes acuerdan juntas el punto 1."
    assert clause.suggestions.get().body == "Otro texto."


def test_an_addendum_suggests_only_by_default(cast, signed):
    addendum = services.document_create(
        actor=cast.user("party_editor"),
        partnership=cast.partnership,
        kind="addendum",
        title="Avenant 1",
        authentic_languages=["fr"],
        amends=signed,
    )
    assert set(addendum.suggest_only_parties.all()) == {cast.jette, cast.tarija}


def test_the_draft_page_makes_as_many_queries_for_1_or_10_suggestions(cast, as_role, document, settings):
    settings.SOLIRIS_PAGE_CACHE = False  # the page is rendered each time, not read from the cache
    clauses = list(document.clauses.order_by("position"))
    client = as_role("party_editor")
    url = reverse("conventions:document_detail", args=[document.key])
    counts = {}
    for n in range(10):
        services.suggestion_open(
            actor=cast.user("partner_coordinator"),
            clause=clauses[n % len(clauses)],
            language="es",
            heading="",
            body=f"Texto sugerido {n}.",
        )
        if n + 1 in (1, 10):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.content.decode().count('class="card suggestion"') == n + 1
            counts[n + 1] = len(queries)
    assert counts[1] == counts[10], counts
