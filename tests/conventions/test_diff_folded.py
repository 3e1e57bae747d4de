"""The comparison fits a phone: the changed clauses open and listed first, each run of unchanged
clauses folded under one "N clauses unchanged" (a <details>, no script)."""

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html as lxml_html

from conventions import diff, services
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db

# What the comparison page asked of the database before the unchanged clauses were folded
# (measured with the former template: 13, the session, the reader, the document and its parties,
# the versions and their approvals and signatures): folding works on the snapshots alone.
DIFF_QUERIES = 13


def ten_clauses_one_sentence_changed(cast):
    """Version 1: ten clauses. Version 2: one sentence of clause 5 rewritten in French."""
    document = make_document(cast, clauses=10, languages=("fr",))
    editor = cast.user("party_editor")
    services.version_propose(actor=editor, document=document)
    fifth = document.clauses.order_by("position")[4]
    text = fifth.texts.get(language="fr")
    services.clause_edit(
        actor=editor,
        clause=fifth,
        language="fr",
        heading=text.heading,
        body="Les parties conviennent ensemble, et par écrit, du point 5.",
        expected_version=text.revision,
    )
    services.version_propose(actor=editor, document=document)
    return document, fifth


def compare(client, document, language="en"):
    with translation.override(language):
        url = reverse("conventions:version_diff", args=[document.key]) + "?from=1&to=2&lang=fr"
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def test_one_changed_clause_is_open_and_the_nine_others_are_folded_in_two_runs(cast, as_role):
    document, fifth = ten_clauses_one_sentence_changed(cast)
    page = compare(as_role("party_viewer"), document)
    open_clauses = page.xpath('//ol[@id="diff"]/li[contains(@class, "diff-clause")]')
    assert [li.get("id") for li in open_clauses] == [f"diff-{fifth.key}"]
    assert "par écrit" in open_clauses[0].xpath("string(.//ins)")
    folds = page.xpath('//ol[@id="diff"]/li/details')
    assert [" ".join(d.xpath("string(summary)").split()) for d in folds] == [
        "4 clauses unchanged",
        "5 clauses unchanged",
    ]
    assert [len(d.xpath('.//li[contains(@class, "diff-clause")]')) for d in folds] == [4, 5]
    assert not any(d.get("open") is not None for d in folds)  # folded until someone opens them
    folded_headings = [h.text_content() for h in page.xpath("//details//h3")]
    assert folded_headings == [f"Article {n}" for n in (1, 2, 3, 4, 6, 7, 8, 9, 10)]


def test_the_summary_lists_the_changed_clause_first_then_counts_the_others(cast, as_role):
    document, fifth = ten_clauses_one_sentence_changed(cast)
    page = compare(as_role("party_viewer"), document)
    items = page.xpath('//nav[contains(@class, "diff-summary")]//li')
    first = items[0].xpath(".//a")[0]
    assert first.get("href") == f"#diff-{fifth.key}"
    assert " ".join(items[0].text_content().split()) == "Clause 5 — Article 5 — Changed"
    assert page.xpath(f'//*[@id="diff-{fifth.key}"]')  # the link leads somewhere
    assert [" ".join(li.text_content().split()) for li in items[1:]] == ["9 clauses unchanged"]


def test_the_counts_are_plural_aware_and_translated(cast, as_role):
    document, _fifth = ten_clauses_one_sentence_changed(cast)
    client = as_role("party_viewer")
    french = compare(client, document, "fr")
    summaries = [
        " ".join(s.text_content().split()) for s in french.xpath('//details[@class="diff-fold"]/summary')
    ]
    assert summaries == ["4 clauses inchangées", "5 clauses inchangées"]
    dutch = compare(client, document, "nl")
    assert "9 clausules ongewijzigd" in dutch.xpath('string(//nav[contains(@class, "diff-summary")])')


def test_a_single_unchanged_clause_is_one_clause_unchanged(cast, as_role):
    document = make_document(cast, clauses=2, languages=("fr",))
    editor = cast.user("party_editor")
    services.version_propose(actor=editor, document=document)
    first = document.clauses.order_by("position")[0]
    text = first.texts.get(language="fr")
    services.clause_edit(
        actor=editor,
        clause=first,
        language="fr",
        heading="Article premier",
        body=text.body,
        expected_version=text.revision,
    )
    services.version_propose(actor=editor, document=document)
    page = compare(as_role("party_viewer"), document)
    assert [
        " ".join(s.text_content().split()) for s in page.xpath('//details[@class="diff-fold"]/summary')
    ] == ["1 clause unchanged"]


def test_runs_keep_the_order_and_gather_only_consecutive_unchanged_clauses():
    def clause(key, kind):
        return diff.ClauseDiff(key, [kind], 1, 1)

    diffs = [
        clause("a", diff.UNCHANGED),
        clause("b", diff.ADDED),
        clause("c", diff.UNCHANGED),
        clause("d", diff.UNCHANGED),
        clause("e", diff.MOVED),
        clause("f", diff.REMOVED),
    ]
    shape = [run.changed.key if run.changed else [d.key for d in run.unchanged] for run in diff.runs(diffs)]
    assert shape == [["a"], "b", ["c", "d"], "e", "f"]
    assert [d.key for d in diff.changed_first(diffs)] == ["b", "e", "f"]


def test_folding_asks_the_database_nothing_more(cast, as_role, settings, django_assert_max_num_queries):
    settings.SOLIRIS_PAGE_CACHE = False
    document, _fifth = ten_clauses_one_sentence_changed(cast)
    client = as_role("party_viewer")
    with translation.override("en"):
        url = reverse("conventions:version_diff", args=[document.key]) + "?from=1&to=2&lang=fr"
    with django_assert_max_num_queries(DIFF_QUERIES):
        assert client.get(url).status_code == 200
