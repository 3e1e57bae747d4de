"""Diff of two versions: per clause (added, removed, moved, changed), per language, word by word."""

import pytest
from django.urls import reverse
from django.utils import translation

from conventions import diff, services
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db


def test_word_diff_marks_inserted_and_deleted_words():
    assert diff.word_diff("les parties conviennent", "les deux parties conviennent") == [
        ("equal", "les "),
        ("insert", "deux "),
        ("equal", "parties conviennent"),
    ]
    assert diff.word_diff("un texte", "un autre") == [
        ("equal", "un "),
        ("delete", "texte"),
        ("insert", "autre"),
    ]


@pytest.fixture
def two_versions(cast):
    return build_two_versions(cast)


def build_two_versions(cast):
    """Version 1: clauses 1, 2, 3, 4. Version 2: clause 2 removed, clause 4 moved first,
    clause 1 changed in French and Spanish, a new clause added."""
    document = make_document(cast, clauses=4)
    editor, partner = cast.user("party_editor"), cast.user("partner_coordinator")
    services.version_propose(actor=editor, document=document)
    c1, c2, c3, c4 = document.clauses.order_by("position")
    services.clause_remove(actor=editor, clause=c2)
    services.clause_move(actor=editor, clause=c4, direction="up")
    services.clause_move(actor=editor, clause=c4, direction="up")
    fr = c1.texts.get(language="fr")
    services.clause_edit(
        actor=editor,
        clause=c1,
        language="fr",
        heading="Article 1",
        body="Les parties conviennent ensemble et par écrit du point 1.",
        expected_version=fr.revision,
    )
    es = c1.texts.get(language="es")
    services.clause_edit(
        actor=partner,
        clause=c1,
        language="es",
        heading="Artículo 1",
        body="Las partes acuerdan juntas y por escrito el punto 1.",
        expected_version=es.revision,
    )
    added = services.clause_add(
        actor=editor, document=document, language="es", heading="Artículo nuevo", body="Texto nuevo."
    )
    services.clause_edit(
        actor=editor,
        clause=added,
        language="fr",
        heading="Article nouveau",
        body="Texte nouveau.",
        expected_version=0,
    )
    services.version_propose(actor=editor, document=document)
    return document, (c1, c2, c3, c4, added)


def test_diff_finds_added_removed_moved_and_changed_clauses(two_versions):
    document, (c1, c2, c3, c4, added) = two_versions
    old, new = document.versions.get(number=1), document.versions.get(number=2)
    for language, inserted in (("fr", "et par écrit "), ("es", "y por escrito ")):
        diffs = {d.key: d for d in diff.diff_snapshots(old.snapshot, new.snapshot, language)}
        assert diffs[c2.key].kinds == ["removed"]
        assert diffs[added.key].kinds == ["added"]
        assert diffs[c4.key].kinds == ["moved"]
        assert diffs[c3.key].kinds == ["unchanged"]
        assert diffs[c1.key].kinds == ["changed"]
        assert ("insert", inserted) in diffs[c1.key].body
        assert diff.summary(list(diffs.values())) == {"added": 1, "removed": 1, "moved": 1, "changed": 1}


def test_the_diff_page_is_readable_without_colour(two_versions, as_role):
    document, (c1, *_rest) = two_versions
    with translation.override("en"):
        url = reverse("conventions:version_diff", args=[document.key]) + "?from=1&to=2&lang=es"
    response = as_role("party_viewer").get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<ins><span class="visually-hidden">added: </span>y por escrito </ins>' in html
    assert "Moved from position 4 to 1" in html
    assert "Removed" in html and "Added" in html
    assert "1 added, 1 removed, 1 moved, 1 changed." in html


def test_a_clause_changed_only_in_another_language_is_marked_changed(cast):
    document = make_document(cast, clauses=1)
    services.version_propose(actor=cast.user("party_editor"), document=document)
    clause = document.clauses.get()
    es = clause.texts.get(language="es")
    services.clause_edit(
        actor=cast.user("partner_coordinator"),
        clause=clause,
        language="es",
        heading=es.heading,
        body="Las partes acuerdan juntas, por escrito, el punto 1.",
        expected_version=es.revision,
    )
    services.version_propose(actor=cast.user("party_editor"), document=document)
    old, new = document.versions.get(number=1), document.versions.get(number=2)
    (d,) = diff.diff_snapshots(old.snapshot, new.snapshot, "fr")
    assert d.kinds == ["changed"] and d.languages_changed == ["es"]
    assert all(op == "equal" for op, _text in d.body)  # the French text itself did not change


def test_word_diff_ignores_whitespace_only_differences_between_paragraphs():
    old = "Les parties conviennent.\n\nElles se revoient chaque année."
    for new in (
        "Les parties conviennent.\n\n\nElles se revoient chaque année.",
        "Les parties conviennent. \nElles se revoient  chaque année.",
        "Les parties conviennent. Elles se revoient chaque année.",
    ):
        ops = diff.word_diff(old, new)
        assert [op for op, _text in ops] == ["equal"], ops
        assert ops[0][1] == new  # shown in the new text's layout


def test_word_diff_of_a_changed_paragraph_inserts_no_phantom_full_stop():
    old = "Premier point.\n\nDeuxième point."
    new = "Premier point.\n\nDeuxième point, revu."
    assert diff.word_diff(old, new) == [
        ("equal", "Premier point.\n\nDeuxième point"),
        ("insert", ", revu"),
        ("equal", "."),
    ]
    # The old text had the paragraphs on one line: still only the new words are marked.
    assert [op for op, _text in diff.word_diff("Premier point. Deuxième point.", new)] == [
        "equal",
        "insert",
        "equal",
    ]
