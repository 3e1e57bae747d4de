"""The annual report, fuller: the year's recommendations themselves (by section, with their
follow-up and the publicly named organisations that endorse them) and each active partnership's
narratives of the year, one column per party, each in its own language."""

import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from pypdf import PdfReader

from events import annual_report, services
from events.models import Endorsement, Recommendation
from partners import services as partners_services
from partners.models import Organisation, Partnership, PartnershipNarrative, PartnershipParty, PartyStatus
from partners.selectors.narratives import year_is_closed
from soliris.models import RenderJobState
from soliris.pdf.services import job_request, job_run
from tests.events.conftest import make_event, make_recommendations

pytestmark = pytest.mark.django_db

YEAR = timezone.now().year


def year_with_recommendations(cast):
    """An event of the year: two recommendations in French (one adopted), one written in
    Spanish only; endorsed by Jette (public), a private and an unverified organisation."""
    event = make_event(organisers=[cast.jette], slug="journee-de-l-annee", days=0)
    section, (first, second) = make_recommendations(event, 2, languages=("fr",))
    first.text_fr = "Co-décider du budget des jumelages."
    first.save()
    spanish = Recommendation.objects.create(
        section=section, number=3, original_language="es", text_es="Formar a los equipos juntos."
    )
    services.recommendation_follow_up(
        actor=cast.user("party_editor"), recommendation=first, status="adopted", text=""
    )
    secret = Organisation.objects.create(
        slug="secrete", name="Association Secrète", kind="association", country="BE", visibility="private"
    )
    unverified = Organisation.objects.create(
        slug="pas-verifiee", name="Collectif Non Vérifié", kind="association", country="BE"
    )
    for organisation in (cast.jette, secret, unverified):
        Endorsement.objects.create(recommendation=first, organisation=organisation)
    Endorsement.objects.create(
        recommendation=second, organisation=cast.tarija, withdrawn_at=timezone.now()
    )  # withdrawn: not counted
    return first, second, spanish


def narrate(cast, organisation, text, language):
    role = "party_editor" if organisation == cast.jette else "partner_coordinator"
    return partners_services.narrative_save(
        actor=cast.user(role),
        partnership=cast.partnership,
        organisation=organisation,
        year=YEAR,
        text=text,
        language=language,
        expected_version=0,
    )


def render(parameters):
    inputs = annual_report.report_content(parameters)
    with translation.override(parameters["language"]):
        return inputs, annual_report.render_report(inputs, parameters, lambda percent: None)


def test_the_report_shows_each_recommendation_by_section_with_its_follow_up_and_public_endorsers(cast):
    first, _second, _spanish = year_with_recommendations(cast)
    inputs, html = render({"year": YEAR, "language": "fr"})
    [event] = inputs["events"]
    [section] = event["sections"]
    assert event["recommendations"] == 3
    assert [r["number"] for r in section["recommendations"]] == [1, 2, 3]
    endorsements = [r["endorsements"] for r in section["recommendations"]]
    assert endorsements == [
        {"names": ["Commune de Jette"], "hidden": 2},
        {"names": [], "hidden": 0},
        {"names": [], "hidden": 0},
    ]
    part = html[html.index("Les recommandations de l’année, par section") :]
    assert "Les enjeux du partenariat" in part  # the section, in the report's language
    item = re.search(r'<li class="recommendation">(.*?)</li>', part, re.S).group(1)
    assert "Co-décider du budget des jumelages." in item
    assert "Adoptée" in item
    assert "Soutenue par Commune de Jette et 2 organisations qui n’ont pas rendu leur profil public" in item
    # Only in Spanish: shown in Spanish, marked as such, with its language.
    assert re.search(
        r'<div class="text" lang="es"><span class="fallback-mark" lang="fr">Pas encore traduit\u202f: '
        r"affiché en espagnol\.</span> Formar a los equipos juntos\.</div>",
        part,
    )
    for name in ("Association Secrète", "Collectif Non Vérifié"):
        assert name not in html


def test_the_narratives_of_the_year_stand_side_by_side_each_in_its_language(cast):
    narrate(cast, cast.jette, "Une année de chantiers partagés.", "fr")
    narrate(cast, cast.tarija, "Un año de obras compartidas.", "es")
    other = Partnership.objects.create(
        name="Jette – Periferia", kind="association", status="active", initiated_by=cast.jette
    )
    for organisation in (cast.jette, cast.periferia):
        PartnershipParty.objects.create(
            partnership=other, organisation=organisation, status=PartyStatus.ACCEPTED
        )
    inputs, html = render({"year": YEAR, "language": "fr"})
    assert inputs["narratives"] == [
        {
            "partnership": "Jette – Tarija",
            "columns": [
                {
                    "organisation": "Commune de Jette",
                    "lang": "fr",
                    "text": "Une année de chantiers partagés.",
                },
                {"organisation": "Municipio de Tarija", "lang": "es", "text": "Un año de obras compartidas."},
            ],
        }
    ]  # Jette – Periferia wrote none: not listed
    row = re.search(r'<section class="voices narratives">.*?</section>', html, re.S).group(0)
    assert row.index("Commune de Jette") < row.index("Municipio de Tarija")
    assert '<td lang="fr">Une année de chantiers partagés.</td>' in row
    assert re.search(
        r'<td lang="es">Un año de obras compartidas\.<span class="written-in" lang="fr">\(écrit en espagnol\)</span></td>',
        row,
    )
    # One party only: the other's column says it wrote none.
    PartnershipNarrative.objects.filter(organisation=cast.tarija).delete()
    _inputs, html = render({"year": YEAR, "language": "es"})
    row = re.search(r'<section class="voices narratives">.*?</section>', html, re.S).group(0)
    assert re.search(
        r'<td lang="fr">Une année de chantiers partagés\.<span class="written-in" lang="es">', row
    )
    assert "Ninguna narración escrita para este año." in row


def test_a_private_partnerships_narratives_stay_out_of_the_report(cast):
    cast.partnership.visibility = "parties"
    cast.partnership.save()
    narrate(cast, cast.jette, "Un récit entre parties.", "fr")
    inputs, html = render({"year": YEAR, "language": "fr"})
    assert inputs["narratives"] == [] and "Un récit entre parties." not in html


def test_the_report_content_reads_as_many_queries_for_2_as_for_20_partnerships(cast):
    year_with_recommendations(cast)
    now = timezone.now()

    def grow(count):
        start = Partnership.objects.count()
        for n in range(start, start + count):
            partnership = Partnership.objects.create(
                name=f"Jumelage {n:02d}", kind="association", status="active", initiated_by=cast.jette
            )
            for side in ("a", "b"):
                organisation = Organisation.objects.create(
                    slug=f"org-{n}-{side}",
                    name=f"Organisation {n} {side}",
                    kind="association",
                    country="BE",
                    verified_at=now,
                )
                PartnershipParty.objects.create(
                    partnership=partnership, organisation=organisation, status=PartyStatus.ACCEPTED
                )
                PartnershipNarrative.objects.create(
                    partnership=partnership,
                    organisation=organisation,
                    year=YEAR,
                    language="fr",
                    text=f"Récit {n} {side}.",
                )

    grow(1)  # with the cast's, 2 partnerships
    parameters = {"year": YEAR, "language": "fr"}
    with CaptureQueriesContext(connection) as small:
        content = annual_report.report_content(parameters)
    assert len(content["narratives"]) == 1 and len(content["partnerships"]) == 2
    grow(18)
    with CaptureQueriesContext(connection) as large:
        content = annual_report.report_content(parameters)
    assert len(content["narratives"]) == 19 and len(content["partnerships"]) == 20
    assert len(large.captured_queries) == len(small.captured_queries) <= 25


def test_the_rendered_pdf_holds_a_recommendation_and_both_narratives_then_closes_the_year(
    cast, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    year_with_recommendations(cast)
    narrate(cast, cast.jette, "Une année de chantiers partagés.", "fr")
    narrate(cast, cast.tarija, "Un año de obras compartidas.", "es")
    job, _created = job_request(
        actor=cast.user("staff"), kind="events.annual_report", parameters={"year": YEAR, "language": "fr"}
    )
    assert year_is_closed(YEAR)  # asked for: its inputs are taken, the narratives are final
    job = job_run(job.pk)
    assert job.state == RenderJobState.DONE, job.error
    data = default_storage.open(job.file.name, "rb").read()
    text = " ".join("\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).split())
    for words in (
        "Co-décider du budget des jumelages.",
        "Formar a los equipos juntos.",
        "Une année de chantiers partagés.",
        "Un año de obras compartidas.",
    ):
        assert words in text, words
    assert "Association Secrète" not in text
    with pytest.raises(ValidationError):
        narrate(cast, cast.jette, "Trop tard.", "fr")
