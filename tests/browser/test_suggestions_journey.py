"""Suggestions: the Spanish partner, on her phone, suggests a change to the French original
instead of editing it; the French-speaking coordinator reads it as a word diff in the draft and
accepts it; the Spanish translation then turns "to review"."""

import re

import pytest

from conventions import services
from conventions.models import ClauseText, Suggestion, SuggestionStatus, TranslationState
from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.browser

NEW_TEXT = "Les parties conviennent ensemble et par écrit du point 1."


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_partner_suggests_a_change_that_the_other_party_accepts(new_page, transactional_db, cast):
    document = make_document(cast, clauses=2)
    key = document.key
    clause = document.clauses.order_by("position").first()

    # The Spanish partner, at 360 px, suggests a change to the French original.
    partner = new_page(locale="es-BO", width=360, height=780)
    log_in(partner, cast.user("partner_coordinator").email, PASSWORD)
    partner.wait_for_url(re.compile(r"/dashboard/$"))
    partner.goto(f"/es/conventions/{key}/clauses/{clause.key}/edit/fr/")
    assert partner.locator("main button[name=suggest]").count() == 1
    assert no_sideways_scroll(partner)
    assert_accessible(partner, context="the clause editor with its suggestion button, at 360 px")
    partner.fill("#id_body", NEW_TEXT)
    partner.fill("#id_reason", "Conviene decir que el acuerdo es por escrito.")
    partner.locator("main button[name=suggest]").click()
    partner.wait_for_url(re.compile(rf"/es/conventions/{key}/#clause-{clause.key}$"))
    suggestion = Suggestion.objects.get(clause=clause)
    assert suggestion.status == SuggestionStatus.OPEN and suggestion.organisation == cast.tarija
    assert ClauseText.objects.get(clause=clause, language="fr").body != NEW_TEXT
    card = partner.locator(f"#suggestion-{suggestion.key}")
    assert "par écrit" in " ".join(card.locator("ins").all_inner_texts())
    assert card.locator("button", has_text=re.compile("Accept|Acept")).count() == 0  # not her own party
    assert no_sideways_scroll(partner)
    assert_accessible(partner, context="the draft with a suggestion, at 360 px")

    # The French coordinator reads it in the draft, with its reason and party, and accepts it.
    belgian = new_page(locale="fr-BE")
    log_in(belgian, cast.user("party_coordinator").email, PASSWORD)
    belgian.wait_for_url(re.compile(r"/dashboard/$"))
    belgian.goto(f"/fr/conventions/{key}/")
    card = belgian.locator(f"#suggestion-{suggestion.key}")
    assert cast.tarija.name in card.inner_text()
    assert "par écrit" in card.inner_text() and "Conviene decir" in card.inner_text()
    assert_accessible(belgian, context="the draft, as the other party sees the suggestion")
    card.locator(f"form[action$='/suggestions/{suggestion.key}/accept/'] button").click()
    belgian.wait_for_url(re.compile(rf"/fr/conventions/{key}/#clause-{clause.key}$"))
    assert belgian.locator(f"#suggestion-{suggestion.key}").count() == 0
    assert ClauseText.objects.get(clause=clause, language="fr").body == NEW_TEXT
    assert ClauseText.objects.get(clause=clause, language="es").state == TranslationState.TO_REVIEW
    flagged = belgian.locator(f"#clause-{clause.key} .language-states li", has=belgian.locator(".badge-warn"))
    assert flagged.count() == 1 and "/edit/es/" in flagged.locator("a").get_attribute("href")
    assert "par écrit" in belgian.locator(f"#clause-{clause.key}").inner_text()


def test_the_coordinator_accepts_a_spanish_suggestion_beside_the_french_text(
    new_page, transactional_db, cast
):
    """The issue's journey: a clause written in Spanish and translated into French; the
    Spanish partner suggests a change in Spanish; the French coordinator reads it in the
    alignment view beside the French text, accepts it there, and the French turns "to review"."""
    document = make_document(cast, clauses=1)
    clause = services.clause_add(
        actor=cast.user("partner_coordinator"),
        document=document,
        language="es",
        heading="Artículo del agua",
        body="Las partes cuidan juntas las fuentes de agua.",
    )
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="Article de l’eau",
        body="Les parties prennent soin ensemble des sources d’eau.",
        expected_version=0,
    )
    suggested = "Las partes cuidan juntas y con la comunidad las fuentes de agua."

    partner = new_page(locale="es-BO", width=360, height=780)
    log_in(partner, cast.user("partner_coordinator").email, PASSWORD)
    partner.wait_for_url(re.compile(r"/dashboard/$"))
    partner.goto(f"/es/conventions/{document.key}/clauses/{clause.key}/edit/es/")
    partner.fill("#id_body", suggested)
    partner.fill("#id_reason", "La comunidad participa.")
    partner.locator("main button[name=suggest]").click()
    partner.wait_for_url(re.compile(rf"/es/conventions/{document.key}/#clause-{clause.key}$"))
    suggestion = Suggestion.objects.get(clause=clause)

    belgian = new_page(locale="fr-BE", width=1280)
    log_in(belgian, cast.user("party_coordinator").email, PASSWORD)
    belgian.wait_for_url(re.compile(r"/dashboard/$"))
    belgian.goto(f"/fr/conventions/{document.key}/align/?left=fr&right=es")
    row = belgian.locator(f"#clause-{clause.key}")
    french, spanish = row.locator('.align-cell[lang="fr"]'), row.locator('.align-cell[lang="es"]')
    assert "sources d’eau" in french.inner_text()
    card = spanish.locator(f"#suggestion-{suggestion.key}")
    assert "con la comunidad" in " ".join(card.locator("ins").all_inner_texts())
    assert "La comunidad participa." in card.inner_text()
    assert_accessible(belgian, context="the alignment view with a suggestion beside the French text")
    card.locator("form[action$='/accept/'] button").click()
    belgian.wait_for_url(
        re.compile(rf"/fr/conventions/{document.key}/align/\?left=fr&right=es#clause-{clause.key}$")
    )
    assert ClauseText.objects.get(clause=clause, language="es").body == suggested
    assert ClauseText.objects.get(clause=clause, language="fr").state == TranslationState.TO_REVIEW
    french = belgian.locator(f"#clause-{clause.key} .align-cell[lang='fr']")
    assert french.locator(".badge-warn").count() == 1  # "to review", with its confirm button
    assert french.get_by_role("button", name=re.compile("Confirmer cette traduction")).count() == 1
    assert belgian.locator(f"#suggestion-{suggestion.key}").count() == 0
