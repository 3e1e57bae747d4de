"""Two people save the same clause at once: the second save is detected and both texts are kept."""

import pytest
from django.test import Client
from django.urls import reverse

from conventions.models import ClauseText

pytestmark = pytest.mark.django_db


def test_two_sessions_editing_the_same_clause_keep_both_texts(cast, document):
    clause = document.clauses.first()
    url = reverse("conventions:clause_edit", args=[document.key, clause.key, "fr"])
    first, second = Client(), Client()
    first.force_login(cast.user("party_editor"))
    second.force_login(cast.user("party_coordinator"))
    # Both open the editor on revision 1.
    assert 'name="expected_version" value="1"' in first.get(url).content.decode()
    assert 'name="expected_version" value="1"' in second.get(url).content.decode()

    saved = first.post(
        url, {"heading": "Article 1", "body": "Texte de la première personne.", "expected_version": 1}
    )
    assert saved.status_code == 302

    late = second.post(
        url, {"heading": "Article 1", "body": "Texte de la seconde personne.", "expected_version": 1}
    )
    assert late.status_code == 409
    html = late.content.decode()
    assert "Texte de la première personne." in html  # theirs, shown
    assert "Texte de la seconde personne." in html  # yours, kept in the form
    assert 'name="expected_version" value="2"' in html
    assert ClauseText.objects.get(clause=clause, language="fr").body == "Texte de la première personne."

    merged = second.post(
        url, {"heading": "Article 1", "body": "Texte des deux personnes, fusionné.", "expected_version": 2}
    )
    assert merged.status_code == 302
    text = ClauseText.objects.get(clause=clause, language="fr")
    assert (text.body, text.revision) == ("Texte des deux personnes, fusionné.", 3)


def test_two_first_translations_of_the_same_language_conflict_too(cast, document):
    clause = document.clauses.first()
    url = reverse("conventions:clause_edit", args=[document.key, clause.key, "nl"])
    first, second = Client(), Client()
    first.force_login(cast.user("party_editor"))
    second.force_login(cast.user("party_coordinator"))
    assert (
        first.post(
            url, {"heading": "Artikel 1", "body": "Eerste vertaling.", "expected_version": 0}
        ).status_code
        == 302
    )
    late = second.post(url, {"heading": "Artikel 1", "body": "Tweede vertaling.", "expected_version": 0})
    assert late.status_code == 409
    assert "Eerste vertaling." in late.content.decode() and "Tweede vertaling." in late.content.decode()


def test_bad_input_gets_a_message_and_the_text_back(cast, document, as_role):
    clause = document.clauses.first()
    url = reverse("conventions:clause_edit", args=[document.key, clause.key, "fr"])
    response = as_role("party_editor").post(
        url, {"heading": "Mon titre gardé", "body": "", "expected_version": "x"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mon titre gardé" in html
    assert 'class="error"' in html
