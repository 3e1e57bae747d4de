"""The PDFs speak their language: what is in another one is marked, nothing is left in English
(rendered here, without the worker)."""

import pytest
from django.utils import timezone, translation

from events import annual_report
from events.forms import translated_fields
from events.models import FollowUpNote, RecommendationStatus
from events.pdfs import booklet_content, render_booklet
from tests.events.conftest import make_recommendations
from tests.events.test_annual_report import exchanges_and_checkins
from tests.soliris.test_extraction import english_messages

pytestmark = pytest.mark.django_db


def booklet_html(event, language):
    parameters = {"event": event.slug, "language": language}
    with translation.override(language):
        return render_booklet(booklet_content(parameters), parameters, lambda percent: None)


def test_a_section_title_shown_in_another_language_is_marked_in_the_contents_and_the_heading(event):
    make_recommendations(event, 1)  # the section's title exists in French and Spanish only
    html = booklet_html(event, "nl")
    mark = (
        '<span lang="fr">Les enjeux du partenariat</span> <span class="fallback-mark">(in het Frans)</span>'
    )
    assert html.count(mark) == 2  # the table of contents and the section's heading
    assert "(en " not in booklet_html(event, "es")  # a title in the booklet's language: no mark


def test_a_follow_up_note_says_the_language_it_is_written_in(event, make_user):
    _section, (recommendation,) = make_recommendations(event, 1)
    author = make_user(language="es")
    FollowUpNote.objects.create(
        recommendation=recommendation,
        status=RecommendationStatus.values[-1],
        text="El comité se reunió en marzo.",
        author=author,
    )
    html = booklet_html(event, "fr")
    assert (
        '<p class="note" lang="es"><span class="fallback-mark" lang="fr">Écrit en espagnol\u202f:</span> '
        "El comité se reunió en marzo.</p>"
    ) in html
    assert '<p class="note">El comité' in booklet_html(event, "es")


def test_a_field_per_language_names_its_language_in_the_pages_language():
    fields = translated_fields("title", "Title")
    with translation.override("es"):
        assert str(fields["title_fr"].label) == "Title (francés)"
    with translation.override("nl"):
        assert str(fields["title_fr"].label) == "Title (Frans)"


@pytest.mark.parametrize("language", ["fr", "nl", "es"])
def test_the_pdfs_contexts_and_templates_leave_no_english_in_another_language(cast, event, language):
    _section, (recommendation,) = make_recommendations(event, 1)
    FollowUpNote.objects.create(
        recommendation=recommendation, status=RecommendationStatus.values[-1], text="Suivi.", author=None
    )
    year = timezone.now().year
    exchanges_and_checkins(cast, cast.partnership, year)
    parameters = {"year": year, "language": language}
    with translation.override(language):
        report = annual_report.render_report(
            annual_report.report_content(parameters), parameters, lambda p: None
        )
    for html in (booklet_html(event, language), report):
        english = sorted(msgid for msgid in english_messages() if msgid in html)
        assert not english, english
