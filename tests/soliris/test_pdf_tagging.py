"""Tagged, accessible PDFs (PDF/UA-1): the charter, the booklet and the annual report carry a
structure tree, their language and its changes, their title, and an outline of their clauses
or sections — and the signature still validates once they are tagged."""

import html as html_module
import re
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.utils import translation
from pypdf import PdfReader
from pypdf.generic import Destination

from conventions import services as convention_services
from events.models import RecommendationSection
from events.pdfs import pick_text
from partners.models import CheckInRound
from soliris import pdf
from soliris.models import RenderJobState
from soliris.pdf.rendering import html_to_pdf
from soliris.pdf.services import job_run
from soliris.pdf.signing import sign_pdf, verify_pdf
from tests.conventions.conftest import make_document
from tests.conventions.test_charter_pdf import sign_all
from tests.events.conftest import make_event, make_recommendations
from tests.events.test_annual_report import answer

LANGUAGES = ["fr", "nl", "en", "es"]


def render(kind_name: str, parameters: dict) -> tuple[str, bytes, str]:
    """What the worker does (``job_run``), in this process: the HTML, the signed PDF, its title."""
    kind = pdf.get_kind(kind_name)
    with translation.override(parameters["language"]):
        inputs = kind.content(parameters)
        html = kind.render(inputs, parameters, lambda percent: None)
        data = html_to_pdf(html)
        if kind.sign:
            data = sign_pdf(data, reason="Test", location="Soliris")
        title = str(kind.title(inputs, parameters))
    return html, data, title


def words(text: str) -> str:
    return " ".join(text.split())


def text_of(reader: PdfReader) -> str:
    return words(" ".join(page.extract_text() for page in reader.pages))


def outline(reader: PdfReader) -> list[tuple[str, list[str]]]:
    """The outline's first level, each entry with the titles of its children."""
    entries: list[tuple[str, list[str]]] = []
    for item in reader.outline:
        if isinstance(item, Destination):
            entries.append((words(item.title), []))
        else:  # the children of the entry before
            entries[-1][1].extend(words(child.title) for child in item if isinstance(child, Destination))
    return entries


def languages_in_structure(reader: PdfReader) -> list[tuple[str, str]]:
    """(structure type, /Lang) of every structure element that says its language."""
    found = []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if not hasattr(node, "get"):
            continue
        if "/Lang" in node:
            found.append((str(node.get("/S")), str(node["/Lang"])))
        kids = node.get("/K")
        if kids is not None:
            stack.extend(
                kid for kid in (kids if isinstance(kids, list) else [kids]) if hasattr(kid, "get_object")
            )
    return found


def assert_tagged(reader: PdfReader, *, language: str, title: str) -> None:
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog and catalog["/StructTreeRoot"]["/K"]
    assert catalog["/Lang"] == language
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert words(reader.metadata.title) == words(title)
    assert "/Outlines" in catalog


def headings(html: str, tag: str = "h2") -> list[str]:
    """The text of the HTML's ``tag`` headings, as the outline labels them."""
    return [
        words(html_module.unescape(re.sub(r"<[^>]+>", "", inner)))
        for inner in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S)
    ]


@pytest.mark.django_db
def test_the_signed_charter_is_tagged_with_each_clause_once_in_the_outline_and_still_validates(cast):
    document = make_document(cast, clauses=4, languages=("fr", "es"), title="Convention Jette – Tarija 2026")
    version = sign_all(cast, document)
    version.refresh_from_db()
    job = job_run(version.pdf_job_id)  # the worker's code path: render, tag, then sign
    assert job.state == RenderJobState.DONE, job.error
    data = default_storage.open(job.file.name, "rb").read()

    assert verify_pdf(data).valid  # pyHanko: intact, by the platform, covering the whole file
    reader = PdfReader(BytesIO(data))
    assert_tagged(reader, language="fr", title="Convention Jette – Tarija 2026 — version signée 1")
    entries = outline(reader)
    assert [title for title, _children in entries] == ["Clauses", "Signatures"]
    assert entries[0][1] == [f"{n}. Article {n}" for n in range(1, 5)]  # once, in French
    # The Spanish column and its header say their language; the French ones inherit the
    # document's (no redundant /Lang).
    tagged = languages_in_structure(reader)
    assert tagged.count(("/TD", "es")) == 4 and tagged.count(("/TH", "es")) == 1
    assert {lang for _kind, lang in tagged} == {"es"}
    text = text_of(reader)
    assert "1. Artículo 1" in text and "Las partes acuerdan juntas el punto 4." in text


@pytest.mark.django_db
def test_a_charter_in_three_languages_lists_its_parts_and_its_clauses_in_the_readers_language(cast):
    document = make_document(cast, clauses=3, languages=("fr", "nl", "en"), title="Convention à trois")
    for clause in document.clauses.order_by("position"):
        for language, heading in (("nl", "Artikel"), ("en", "Article (en)")):
            convention_services.clause_edit(
                actor=cast.user("party_editor"),
                clause=clause,
                language=language,
                heading=f"{heading} {clause.position}",
                body=f"Text {language} {clause.position}.",
                expected_version=0,
            )
    sign_all(cast, document)

    _html, data, _title = render(
        "conventions.charter", {"document": document.key, "version": 1, "language": "nl"}
    )
    assert verify_pdf(data).valid
    reader = PdfReader(BytesIO(data))
    assert_tagged(reader, language="nl", title="Convention à trois — ondertekende versie 1")
    entries = outline(reader)
    assert [title for title, _children in entries] == ["Français", "Nederlands", "English", "Handtekeningen"]
    positions = list(document.clauses.order_by("position").values_list("position", flat=True))
    assert entries[1][1] == [f"{n}. Artikel {p}" for n, p in enumerate(positions, start=1)]
    assert entries[0][1] == entries[2][1] == entries[3][1] == []
    # Each part in another language than the reader's says so, once, on its section.
    assert sorted(languages_in_structure(reader)) == [("/Sect", "en"), ("/Sect", "fr")]


@pytest.fixture
def booklet_event(cast):
    event = make_event(organisers=[cast.jette], slug="journee-balisee")
    section, _items = make_recommendations(event, 3)
    make_recommendations(event, 2, section=section, languages=("fr",))  # 4 and 5: French only
    second = RecommendationSection.objects.create(
        event=event,
        title_fr="Suivre ensemble",
        title_nl="Samen opvolgen",
        title_en="Following up together",
        title_es="Seguir juntos",
        position=2,
    )
    make_recommendations(event, 1, section=second)
    return event


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_is_tagged_with_one_bookmark_per_section_in_each_language(booklet_event, language):
    html, data, title = render("events.booklet", {"event": booklet_event.slug, "language": language})
    assert verify_pdf(data).valid
    reader = PdfReader(BytesIO(data))
    assert_tagged(reader, language=language, title=title)  # "Recommendation booklet — <event>"

    sections = [h for h in headings(html) if re.match(r"\d+\. ", h)]
    assert len(sections) == 2
    entries = outline(reader)
    assert [title for title, _children in entries][1:] == sections  # after the introduction
    assert len(entries) == 3
    for position, section in enumerate(booklet_event.recommendation_sections.order_by("position"), start=1):
        picked = pick_text({code: getattr(section, f"title_{code}") or "" for code in LANGUAGES}, language)
        assert entries[position][0].startswith(f"{position}. {picked['text']}")

    text = text_of(reader)
    for n in (1, 2, 3):
        assert f"Recommandation {n} ({language}) co-construite" in text
    assert "Recommandation 4 (fr) co-construite" in text and "Recommandation 5 (fr) co-construite" in text
    assert f"Recommandation 1 ({language}) co-construite" in text  # the second section's

    tagged = languages_in_structure(reader)
    if language == "fr":
        assert tagged == []  # everything is in the booklet's language
    else:
        # recommendations 4 and 5 shown in French, each with its mark in the booklet's language
        assert tagged.count(("/Div", "fr")) >= 2
        assert sum(1 for kind, lang in tagged if lang == language) >= 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_annual_report_is_tagged_with_one_bookmark_per_section_in_each_language(cast, language):
    event = make_event(organisers=[cast.jette], slug="journee-du-rapport", days=0)
    make_recommendations(event, 2)
    year = event.starts_at.year
    jette, tarija = (cast.partnership.parties.get(organisation=o) for o in (cast.jette, cast.tarija))
    checkin = CheckInRound.objects.create(
        partnership=cast.partnership, number=1, opened_on=event.starts_at.date()
    )
    answer(checkin, jette, cast.user("party_editor"), "Une relation qui mûrit.", "Décider ensemble.")
    answer(
        checkin, tarija, cast.user("partner_coordinator"), "Queremos decidir más.", "Un presupuesto común."
    )

    html, data, title = render("events.annual_report", {"year": year, "language": language})
    assert verify_pdf(data).valid
    reader = PdfReader(BytesIO(data))
    assert_tagged(reader, language=language, title=title)  # "Annual report <year>"

    entries = outline(reader)
    assert [title for title, _children in entries] == headings(html)  # one entry per section
    assert len(entries) >= 5
    assert "Jette – Tarija" in [child for _title, children in entries for child in children]

    text = text_of(reader)
    event_title = pick_text({"fr": "Journée Soliris", "es": "Jornada Soliris"}, language)["text"]
    assert event_title in text
    assert "Une relation qui mûrit." in text and "Queremos decidir más." in text
    # The recommendations the report lists (by section, in the report's language) are in its text.
    recommendations = [f"Recommandation {n} ({language}) co-construite" for n in (1, 2)]
    assert [r for r in recommendations if r in html] == [r for r in recommendations if r in text]

    tagged = {lang for _kind, lang in languages_in_structure(reader)}
    assert tagged == {"fr", "es"} - {language}  # the answers written in another language
