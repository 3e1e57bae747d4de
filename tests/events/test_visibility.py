"""A private organisation and one the platform has not verified, endorsing a public
recommendation and co-organising its event, are never named on the public pages, feeds or
PDFs: counted. A public one is named."""

import datetime
from io import BytesIO

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from events.annual_report import render_report, report_content
from events.models import Endorsement
from events.pdfs import booklet_content, render_booklet
from partners.models import Membership, Organisation, Role
from soliris.pdf.rendering import html_to_pdf
from tests.events.conftest import make_event, make_recommendations

pytestmark = pytest.mark.django_db

HIDDEN = ["Cercle Discret de Wavre", "Wavre-sur-Dyle", "Collectif Pas Encore Vérifié", "Ottignies-Village"]


@pytest.fixture
def hidden_orgs(db):
    private = Organisation.objects.create(
        slug="cercle-discret",
        name="Cercle Discret de Wavre",
        kind="association",
        country="BE",
        locality="Wavre-sur-Dyle",
        visibility="private",
        verified_at=timezone.now(),
    )
    unverified = Organisation.objects.create(
        slug="pas-encore-verifie",
        name="Collectif Pas Encore Vérifié",
        kind="diaspora",
        country="BE",
        locality="Ottignies-Village",
    )
    return private, unverified


@pytest.fixture
def endorsed(cast, hidden_orgs):
    event = make_event(organisers=[cast.jette, *hidden_orgs], slug="journee-visible", days=-2)
    _section, (recommendation,) = make_recommendations(event, 1)
    for organisation in (cast.tarija, *hidden_orgs):
        Endorsement.objects.create(recommendation=recommendation, organisation=organisation)
    return event, recommendation


def assert_hidden(text: str):
    for word in HIDDEN:
        assert word not in text


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize("role", ["anonymous", "outsider", "party_viewer"])
def test_the_public_pages_name_the_public_endorser_and_count_the_others(as_role, endorsed, role):
    event, recommendation = endorsed
    client = as_role(role)
    for url in (
        "/fr/recommendations/",
        f"/fr/recommendations/{recommendation.key}/",
        f"/fr/events/{event.slug}/recommendations/",
    ):
        body = page(client, url)
        assert_hidden(body)
        assert "Municipio de Tarija" in body
        assert "2 organisations qui n’ont pas rendu leur profil public" in body, url
    for url in ("/fr/events/", f"/fr/events/{event.slug}/", f"/fr/events/{event.slug}/calendar.ics"):
        body = page(client, url)
        assert_hidden(body)
        assert "Commune de Jette" in body or url.endswith(".ics")


def pdf_text(html: str) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(html_to_pdf(html))).pages)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_booklet_names_the_public_endorser_and_counts_the_others(endorsed, language):
    event, _recommendation = endorsed
    parameters = {"event": event.slug, "language": language}
    with translation.override(language):
        text = pdf_text(render_booklet(booklet_content(parameters), parameters, lambda _n: None))
    assert_hidden(text)
    assert "Municipio de Tarija" in text and "Commune de Jette" in text
    counted = {"fr": "2 organisations qui n'ont pas rendu", "en": "2 organisations that have not made"}
    assert counted[language] in " ".join(text.replace("’", "'").split())


def test_the_annual_report_never_names_a_private_or_unverified_organisation(endorsed):
    event, _recommendation = endorsed
    parameters = {"year": event.starts_at.year, "language": "fr"}
    with translation.override("fr"):
        text = pdf_text(render_report(report_content(parameters), parameters, lambda _n: None))
    assert_hidden(text)
    assert "Journée Soliris" in text


def test_the_organisation_pickers_offer_only_what_the_user_may_see(as_role, cast, endorsed, hidden_orgs):
    event, recommendation = endorsed
    editor = as_role("party_editor")
    body = page(editor, f"/fr/events/{event.slug}/edit/")
    assert "Commune de Jette" in body
    assert_hidden(body)
    private, _unverified = hidden_orgs
    coordinator = cast.user("party_coordinator")
    Membership.objects.create(organisation=private, user=coordinator, role=Role.COORDINATOR)
    client = as_role("party_coordinator")
    Endorsement.objects.filter(organisation=private).update(
        withdrawn_at=timezone.now() - datetime.timedelta(1)
    )
    body = page(client, f"/fr/recommendations/{recommendation.key}/")
    assert 'value="cercle-discret"' in body  # their own organisation, offered to them
