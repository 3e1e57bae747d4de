"""The alignment page: two languages side by side, clause by clause, each text with its state;
the working draft or a version's frozen text; from the draft, a translation to review is
confirmed or edited from here by those who edit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from lxml import html as lxml_html

from conventions import services
from conventions.models import ClauseText, TranslationState
from tests.conftest import untranslated_segments
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db


def align_url(document, query=""):
    with translation.override("en"):
        return reverse("conventions:document_align", args=[document.key]) + query


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content)


def cells(page):
    """[(clause number, [(lang, state badge, text)])] as the page shows them."""
    rows = []
    for row in page.xpath('//li[contains(@class, "align-row")]'):
        shown = []
        for cell in row.xpath('.//div[contains(concat(" ", @class, " "), " align-cell ")]'):
            badge = " ".join(cell.xpath('string(.//span[contains(@class, "badge")])').split())
            body = " ".join(cell.xpath('string(.//div[@class="frozen-body"])').split())
            shown.append((cell.get("lang"), badge, body))
        rows.append((" ".join(row.xpath("string(h2)").split()), shown))
    return rows


def rewrite_original(cast, clause, body="Les parties conviennent ensemble et par écrit du point 1."):
    text = clause.texts.get(language="fr")
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading=text.heading,
        body=body,
        expected_version=text.revision,
    )


def test_it_shows_the_two_authentic_languages_side_by_side_with_their_states(cast, as_role, document):
    first = document.clauses.order_by("position").first()
    rewrite_original(cast, first)
    page = get_page(as_role("party_viewer"), align_url(document))
    rows = cells(page)
    assert [number for number, _cells in rows] == ["Clause 1", "Clause 2", "Clause 3"]
    assert rows[0][1] == [
        ("fr", "original", "Les parties conviennent ensemble et par écrit du point 1."),
        ("es", "to review", "Las partes acuerdan juntas el punto 1."),
    ]
    assert rows[1][1] == [
        ("fr", "original", "Les parties conviennent ensemble du point 2."),
        ("es", "up to date", "Las partes acuerdan juntas el punto 2."),
    ]
    assert page.xpath('//select[@id="align-left"]/option[@selected]/@value') == ["fr"]
    assert page.xpath('//select[@id="align-right"]/option[@selected]/@value') == ["es"]
    assert page.xpath('//label[@for="align-left"]') and page.xpath('//label[@for="align-right"]')
    assert page.xpath('//label[@for="align-version"]')


def test_each_text_says_who_changed_it_last_and_when(cast, as_role, document):
    page = get_page(as_role("party_viewer"), align_url(document))
    spanish = page.xpath('//div[@lang="es"]//p[contains(@class, "align-changed")]')[0]
    partner = cast.user("partner_coordinator").get_full_name()
    assert f"Last changed by {partner} on" in " ".join(spanish.text_content().split())


def test_other_languages_are_picked_and_a_missing_text_says_so(cast, as_role, document):
    page = get_page(as_role("party_viewer"), align_url(document, "?left=es&right=nl"))
    (_number, shown), *_rest = cells(page)
    assert [(lang, badge) for lang, badge, _body in shown] == [("es", "up to date"), ("nl", "missing")]
    missing = page.xpath('//div[@lang="nl"]//p[contains(@class, "fallback-note")]')[0]
    assert missing.get("lang") == "en"  # the note speaks the interface's language
    assert "Not written in Dutch." in missing.text_content()


def test_unknown_languages_are_ignored_and_unknown_versions_are_404(cast, as_role, proposed):
    client = as_role("party_viewer")
    page = get_page(client, align_url(proposed, "?left=xx&right=%00&version="))
    assert [cell[0] for cell in cells(page)[0][1]] == ["fr", "es"]
    page = get_page(client, align_url(proposed, "?right=all"))  # two languages: no "all" to show
    assert [cell[0] for cell in cells(page)[0][1]] == ["fr", "es"]
    single = cells(get_page(client, align_url(proposed, "?version=1&left=es&right=es")))
    assert [cell[0] for cell in single[0][1]] == ["es"]
    for forged in ("2", "0", "-1", "abc", "9" * 30, "1.5"):
        assert client.get(align_url(proposed, f"?version={forged}")).status_code == 404, forged


def test_all_the_languages_of_a_document_that_has_more_than_two(cast, as_role, document):
    clause = document.clauses.order_by("position").first()
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="nl",
        heading="Artikel 1",
        body="De partijen komen samen punt 1 overeen.",
        expected_version=0,
    )
    client = as_role("party_viewer")
    page = get_page(client, align_url(document))
    assert page.xpath('//select[@id="align-right"]/option[@value="all"]')
    page = get_page(client, align_url(document, "?left=es&right=all"))
    rows = cells(page)
    assert [lang for lang, _badge, _body in rows[0][1]] == ["es", "fr", "nl"]
    assert [badge for _lang, badge, _body in rows[1][1]] == ["up to date", "original", "missing"]
    assert page.xpath('//div[contains(@class, "align-cells") and contains(@class, "align-many")]')


def test_a_version_shows_its_frozen_texts_not_the_draft(cast, as_role, proposed):
    first = proposed.clauses.order_by("position").first()
    rewrite_original(cast, first, body="Un texte écrit après la version 1.")
    client = as_role("party_editor")
    page = get_page(client, align_url(proposed, "?version=1"))
    assert cells(page)[0][1][0] == ("fr", "original", "Les parties conviennent ensemble du point 1.")
    assert cells(page)[0][1][1][1] == "up to date"  # as it was when frozen
    assert page.xpath('//select[@id="align-version"]/option[@selected]/@value') == ["1"]
    assert not page.xpath('//div[contains(@class, "align-actions")]')  # a version is not edited
    draft = get_page(client, align_url(proposed))
    assert cells(draft)[0][1][0][2] == "Un texte écrit après la version 1."


def test_an_editor_confirms_a_translation_to_review_and_comes_back_to_the_page(cast, as_role, document):
    first = document.clauses.order_by("position").first()
    rewrite_original(cast, first)
    client = as_role("partner_coordinator")
    url = align_url(document, "?left=es&right=fr")
    page = get_page(client, url)
    forms = page.xpath('//div[@lang="es"]//form')
    assert len(forms) == 1  # only the text to review
    form = forms[0]
    with translation.override("en"):
        confirm = reverse("conventions:clause_confirm", args=[document.key, first.key, "es"])
        edit = reverse("conventions:clause_edit", args=[document.key, first.key, "es"])
    assert form.get("action") == confirm and form.get("method") == "post"
    assert "Confirm this translation" in form.xpath("string(.//button)")
    assert page.xpath(f'//div[@lang="es"]//a[@href="{edit}"]')
    next_url = form.xpath('.//input[@name="next"]/@value')[0]
    response = client.post(confirm, {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == f"{url}#clause-{first.key}"
    assert ClauseText.objects.get(clause=first, language="es").state == TranslationState.UP_TO_DATE
    assert not get_page(client, url).xpath('//div[@lang="es"]//form')


def test_the_confirmation_never_sends_anywhere_else_than_the_document(cast, as_role, document):
    first = document.clauses.order_by("position").first()
    rewrite_original(cast, first)
    client = as_role("partner_coordinator")
    with translation.override("en"):
        confirm = reverse("conventions:clause_confirm", args=[document.key, first.key, "es"])
        detail = reverse("conventions:document_detail", args=[document.key])
    for elsewhere in (
        "https://evil.example/",
        "//evil.example/",
        "/en/dashboard/",
        align_url(document) + "#x",
    ):
        response = client.post(confirm, {"next": elsewhere})
        assert response["Location"] == f"{detail}#clause-{first.key}", elsewhere


def test_a_viewer_reads_the_states_but_gets_no_button(cast, as_role, document):
    rewrite_original(cast, document.clauses.order_by("position").first())
    page = get_page(as_role("party_viewer"), align_url(document))
    assert cells(page)[0][1][1][1] == "to review"
    assert not page.xpath("//main//form[@method='post']")
    assert not page.xpath('//div[contains(@class, "align-actions")]')


def test_a_non_party_learns_nothing(cast, as_role, document):
    for role in ("outsider", "invited_coordinator", "staff", "anonymous"):
        response = as_role(role).get(align_url(document, "?version=1"))
        assert response.status_code == 404
        assert document.title.encode() not in response.content


def test_the_document_and_version_pages_link_to_it(cast, as_role, proposed):
    client = as_role("party_viewer")
    align = align_url(proposed)
    with translation.override("en"):
        detail_url = reverse("conventions:document_detail", args=[proposed.key])
        version_url = reverse("conventions:version_detail", args=[proposed.key, 1])
    detail = get_page(client, detail_url)
    assert detail.xpath(f'//a[@href="{align}"]')
    version = get_page(client, version_url)
    assert version.xpath(f'//a[@href="{align}?version=1"]')


def test_it_is_translated(cast, client, proposed):
    rewrite_original(cast, proposed.clauses.order_by("position").first())
    client.force_login(cast.user("party_editor"))
    chrome = untranslated_segments(client, "/dashboard/")
    names = {proposed.title, "original", cast.user("party_editor").get_full_name()}
    for query in ("", "?version=1", "?left=es&right=nl"):
        path = f"/conventions/{proposed.key}/align/{query}"
        assert untranslated_segments(client, path, allowed=names) - chrome == set(), path


@pytest.mark.parametrize("version", [False, True])
def test_the_number_of_queries_does_not_grow_from_3_to_30_clauses(cast, as_role, settings, version):
    settings.SOLIRIS_PAGE_CACHE = False
    client = as_role("party_editor")

    def count(clauses):
        document = make_document(cast, clauses=clauses, title=f"Convention de {clauses} articles")
        rewrite_original(cast, document.clauses.order_by("position").first())
        query = ""
        if version:
            document.authentic_languages = ["fr"]  # the Spanish to review would block the proposal
            document.save(update_fields=["authentic_languages"])
            services.version_propose(actor=cast.user("party_editor"), document=document)
            query = "?version=1"
        with CaptureQueriesContext(connection) as queries:
            page = get_page(client, align_url(document, query))
        assert len(cells(page)) == clauses
        return len(queries)

    assert count(3) == count(30)


def test_open_suggestions_show_beside_their_language_with_the_same_queries(cast, as_role, settings):
    settings.SOLIRIS_PAGE_CACHE = False
    client = as_role("party_coordinator")

    def count(suggestions):
        document = make_document(cast, clauses=3, title=f"Convention à {suggestions} suggestions")
        for n, clause in enumerate(document.clauses.order_by("position")[:suggestions], start=1):
            services.suggestion_open(
                actor=cast.user("partner_coordinator"),
                clause=clause,
                language="es",
                heading="",
                body=f"Las partes acuerdan por escrito el punto {n}.",
                reason="Por escrito.",
            )
        with CaptureQueriesContext(connection) as queries:
            page = get_page(client, align_url(document, "?left=fr&right=es"))
        cell = '//div[contains(concat(" ", @class, " "), " align-cell ") and @lang="{}"]'
        card = '//article[contains(concat(" ", @class, " "), " suggestion ")]'
        spanish = page.xpath(cell.format("es") + card)
        assert len(spanish) == suggestions and not page.xpath(cell.format("fr") + card)
        if suggestions:
            (back,) = spanish[0].xpath('.//form[contains(@action, "/accept/")]/input[@name="next"]/@value')
            assert back.startswith(align_url(document, ""))  # decided here, back here
        return len(queries)

    assert count(1) == count(3)
