"""The annual report, rendered by the real worker: its numbers are the database's."""

import datetime
import re
import time
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from pypdf import PdfReader

from events import annual_report, services
from partners.carbon import leg_co2_kg
from partners.models import (
    CheckInAnswer,
    CheckInRound,
    Exchange,
    Organisation,
    Partnership,
    PartnershipParty,
    PartyStatus,
    TravelLeg,
)
from projects.models import PUBLIC_STATUSES, Goal, SDGLink
from soliris.models import RenderJob, RenderJobState
from soliris.pdf.signing import verify_pdf
from tests.events.conftest import make_event, make_recommendations, projects_of_the_year

pytestmark = pytest.mark.worker


def number(pattern, text):
    found = re.search(pattern, text)
    assert found, (pattern, text[:3000])
    return int(found.group(1))


def kilograms(pattern, text):
    """A French-formatted number ("12 345,6") found by ``pattern``, as a Decimal."""
    found = re.search(pattern, text)
    assert found, (pattern, text[:3000])
    return Decimal(re.sub(r"[\s\u202f\u00a0]", "", found.group(1)).replace(",", "."))


def exchange(partnership, title, when, fmt, legs=()):
    item = Exchange.objects.create(partnership=partnership, title=title, date=when, format=fmt)
    for mode, km, travellers in legs:
        TravelLeg.objects.create(
            exchange=item,
            origin="A",
            destination="B",
            mode=mode,
            distance_km=km,
            travellers=travellers,
            co2_kg=leg_co2_kg(mode=mode, distance_km=km, travellers=travellers),
        )
    return item


def answer(checkin_round, party, user, stand, change, scores=3):
    return CheckInAnswer.objects.create(
        round=checkin_round,
        party=party,
        answered_by=user,
        where_we_stand=stand,
        change_wanted=change,
        equality=scores,
        trust=scores,
        transparency=scores,
        mutual_learning=scores,
        ownership=scores,
    )


def exchanges_and_checkins(cast, ended, year):
    """Exchanges and check-ins of public partnerships, and of others the report must ignore."""
    in_year = datetime.date(year, 1, 15)
    exchange(cast.partnership, "Appel", in_year, "online")
    exchange(cast.partnership, "Atelier en ligne", in_year, "online")
    exchange(cast.partnership, "Visite", in_year, "in_person", [("plane", 9900, 3), ("bus", 480, 3)])
    exchange(cast.partnership, "L'an passé", datetime.date(year - 1, 6, 1), "in_person", [("plane", 5000, 2)])
    exchange(ended, "Dernière visite", in_year, "in_person", [("car", 120, 4), ("train", 300, 2)])
    # Not public: parties only, or with an unverified party.
    private = Partnership.objects.create(
        name="Privé",
        kind="commune_to_commune",
        status="active",
        visibility="parties",
        initiated_by=cast.jette,
    )
    PartnershipParty.objects.create(partnership=private, organisation=cast.jette, status=PartyStatus.ACCEPTED)
    exchange(private, "Secrète", in_year, "in_person", [("plane", 7000, 5)])
    hidden = Organisation.objects.create(slug="cast-hidden", name="Cachée", kind="association", country="FR")
    shy = Partnership.objects.create(
        name="Avec une partie non vérifiée",
        kind="commune_to_commune",
        status="active",
        initiated_by=cast.jette,
    )
    for org in (cast.jette, hidden):
        PartnershipParty.objects.create(partnership=shy, organisation=org, status=PartyStatus.ACCEPTED)
    exchange(shy, "Discrète", in_year, "online")

    jette, tarija = (cast.partnership.parties.get(organisation=o) for o in (cast.jette, cast.tarija))
    first = CheckInRound.objects.create(partnership=cast.partnership, number=1, opened_on=in_year)
    answer(first, jette, cast.user("party_editor"), "Première photo de Jette.", "Ancien souhait.")
    answer(first, tarija, cast.user("partner_coordinator"), "Primera foto de Tarija.", "Antiguo deseo.")
    second = CheckInRound.objects.create(partnership=cast.partnership, number=2, opened_on=in_year)
    answer(second, jette, cast.user("party_editor"), "Une relation qui mûrit.", "Décider ensemble du budget.")
    answer(second, tarija, cast.user("partner_coordinator"), "Queremos decidir más.", "Un presupuesto común.")
    third = CheckInRound.objects.create(partnership=cast.partnership, number=3, opened_on=in_year)
    answer(third, jette, cast.user("party_editor"), "Réponse encore seule.", "Attendre Tarija.")
    private_round = CheckInRound.objects.create(partnership=private, number=1, opened_on=in_year)
    answer(private_round, private.parties.get(), cast.user("party_editor"), "Confidentiel.", "Secret.")


def test_the_annual_report_numbers_equal_the_databases(celery_worker, cast, as_role):
    year = timezone.now().year
    today = timezone.localdate()
    ended = Partnership.objects.create(
        name="Herent – Nimlaha'kok",
        kind="commune_to_commune",
        status="ended",
        started_on=datetime.date(year, 1, 1),
        ended_on=today,
        end_reason="Fin du financement, la fraternité demeure.",
        initiated_by=cast.jette,
    )
    PartnershipParty.objects.create(partnership=ended, organisation=cast.jette, status=PartyStatus.ACCEPTED)
    exchanges_and_checkins(cast, ended, year)
    projects_of_the_year(cast, year)
    event = make_event(organisers=[cast.jette], slug="journee-annee", days=0)
    _section, items = make_recommendations(event, 4)
    services.recommendation_follow_up(
        actor=cast.user("party_editor"), recommendation=items[0], status="adopted", text=""
    )

    client = as_role("staff")
    response = client.post("/fr/events/annual-report/", {"year": year, "language": "fr"})
    assert response.status_code == 302
    job = RenderJob.objects.get(kind="events.annual_report")
    deadline = time.monotonic() + 90
    while job.state not in (RenderJobState.DONE, RenderJobState.FAILED) and time.monotonic() < deadline:
        time.sleep(0.3)
        job.refresh_from_db()
    assert job.state == RenderJobState.DONE, job.error
    data = default_storage.open(job.file.name, "rb").read()
    assert verify_pdf(data).valid
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)

    public_members = Organisation.objects.filter(visibility="public", verified_at__isnull=False)
    assert number(r"(\d+)\s*organisations\s+membres", text) == public_members.count()
    assert number(r"(\d+)\s*nouveaux\s+partenariats", text) == 1
    assert number(r"(\d+)\s*partenariats\s+terminés", text) == 1
    assert number(r"(\d+)\s*partenariats\s+actifs", text) == 1  # the cast's Jette – Tarija
    assert number(r"(\d+)\s*recommandations", text) == 4
    assert number(r"Commune\s+(\d+)", text) == public_members.filter(kind="commune").count()
    assert number(r"Belgique\s+(\d+)", text) == public_members.filter(country="BE").count()
    assert number(r"Proposée\s+(\d+)", text) == 3
    assert number(r"Adoptée\s+(\d+)", text) == 1
    assert "Fin du financement, la fraternité demeure." in text

    # Exchanges: the public partnerships' exchanges of the year, CO₂ as stored on the legs.
    public = Partnership.objects.filter(pk__in=[cast.partnership.pk, ended.pk])
    of_year = Exchange.objects.filter(partnership__in=public, date__year=year)
    online, in_person = of_year.filter(format="online").count(), of_year.filter(format="in_person").count()
    assert (online, in_person) == (2, 2)
    assert number(r"(\d+)\s*échanges", text) == online + in_person
    assert number(r"(\d+)\s*en ligne \(50\s%\)", text) == online
    assert number(r"(\d+)\s*en présentiel \(50\s%\)", text) == in_person
    total = sum(leg.co2_kg for leg in TravelLeg.objects.filter(exchange__in=of_year))
    assert total == sum(e.co2_kg for e in of_year.prefetch_related("legs"))
    assert kilograms(r"Total\s+2\s+2\s+([\d\s\u202f\u00a0]+,\d)", text) == total
    jette_co2 = sum(
        leg.co2_kg
        for leg in TravelLeg.objects.filter(exchange__in=of_year, exchange__partnership=cast.partnership)
    )
    assert kilograms(r"Jette – Tarija\s+2\s+1\s+([\d\s\u202f\u00a0]+,\d)", text) == jette_co2
    assert kilograms(r"Herent – Nimlaha'kok\s+0\s+1\s+([\d\s\u202f\u00a0]+,\d)", text) == total - jette_co2
    for hidden in ("Privé", "Avec une partie non vérifiée", "Confidentiel"):
        assert hidden not in text

    # Projects by SDG: public projects under way in the year, per goal (each link) and primary.
    assert number(r"(\d+)\s*projets publics en cours dans l'année", text) == 3
    for goal in Goal.objects.filter(number__in=[2, 6, 11, 13]):
        links = SDGLink.objects.filter(goal=goal, project__status__in=PUBLIC_STATUSES).exclude(
            project__title__in=["Terminé avant", "Plus tard"]
        )
        title = r"\s+".join(re.escape(word) for word in goal.short_title_fr.split())
        found = re.search(rf"{goal.number}\.\s*{title}\s+(\d+)\s+(\d+)", text)
        assert found, (goal.number, text)
        assert int(found.group(1)) == links.count()
        assert int(found.group(2)) == links.filter(is_primary=True).count()

    # Own words: the latest complete round (2), both parties, not the incomplete round 3.
    for words in (
        "Une relation qui mûrit.",
        "Queremos decidir más.",
        "Décider ensemble du budget.",
        "Un presupuesto común.",
    ):
        assert words in text
    for words in ("Première photo de Jette.", "Primera foto de Tarija.", "Réponse encore seule."):
        assert words not in text


@pytest.mark.django_db
def test_the_check_in_summaries_are_side_by_side_in_the_language_they_were_written_in(cast):
    year = timezone.now().year
    ended = Partnership.objects.create(
        name="Herent – Nimlaha'kok", kind="commune_to_commune", status="active", initiated_by=cast.jette
    )
    PartnershipParty.objects.create(partnership=ended, organisation=cast.jette, status=PartyStatus.ACCEPTED)
    exchanges_and_checkins(cast, ended, year)
    parameters = {"year": year, "language": "fr"}
    inputs = annual_report.report_content(parameters)
    [summary] = inputs["checkins"]
    assert summary["round"] == 2
    assert [(a["organisation"], a["lang"]) for a in summary["answers"]] == [
        ("Commune de Jette", "fr"),
        ("Municipio de Tarija", "es"),
    ]
    with translation.override("fr"):
        html = annual_report.render_report(inputs, parameters, lambda percent: None)
    assert re.search(r'<td lang="es">Queremos decidir más\.', html)
    assert re.search(r'<td lang="fr">Une relation qui mûrit\.', html)
    row = re.search(r"Où nous en sommes</th>(.*?)</tr>", html, re.S).group(1)
    assert row.index("Une relation qui mûrit.") < row.index("Queremos decidir más.")


@pytest.mark.django_db
def test_the_annual_report_form_refuses_a_future_year(as_role):
    response = as_role("staff").post(
        "/fr/events/annual-report/", {"year": timezone.now().year + 1, "language": "fr"}
    )
    assert response.status_code == 400
    assert not RenderJob.objects.exists()


@pytest.mark.django_db
def test_the_recorded_language_of_an_answer_wins_over_its_authors_language(cast):
    """A Belgian coordinator (interface in French) may write in Dutch: the answer says so."""
    year = timezone.now().year
    ended = Partnership.objects.create(
        name="Herent – Nimlaha'kok", kind="commune_to_commune", status="active", initiated_by=cast.jette
    )
    PartnershipParty.objects.create(partnership=ended, organisation=cast.jette, status=PartyStatus.ACCEPTED)
    exchanges_and_checkins(cast, ended, year)
    CheckInAnswer.objects.filter(party__organisation=cast.jette, round__number=2).update(language="nl")
    [summary] = annual_report.report_content({"year": year, "language": "fr"})["checkins"]
    assert [(a["organisation"], a["lang"]) for a in summary["answers"]] == [
        ("Commune de Jette", "nl"),
        ("Municipio de Tarija", "es"),
    ]


@pytest.mark.django_db
def test_a_partnership_counts_as_active_by_its_status_at_the_end_of_the_year(cast):
    """Paused in March of last year, active again since: the report of last year says paused."""
    from soliris import audit
    from soliris.models import AuditEntry

    year = timezone.now().year - 1
    cast.partnership.started_on = datetime.date(year - 3, 1, 1)
    cast.partnership.save()
    paused = audit.record(
        "partners.partnership.status_changed",
        actor=None,
        subject=cast.partnership,
        before="active",
        after="paused",
        reason="",
    )
    resumed = audit.record(
        "partners.partnership.status_changed",
        actor=None,
        subject=cast.partnership,
        before="paused",
        after="active",
        reason="",
    )
    AuditEntry.objects.filter(pk=paused.pk).update(
        created_at=timezone.make_aware(datetime.datetime(year, 3, 1, 12))
    )
    AuditEntry.objects.filter(pk=resumed.pk).update(
        created_at=timezone.make_aware(datetime.datetime(year + 1, 1, 10, 12))
    )
    [last_year] = annual_report.report_content({"year": year, "language": "fr"})["partnerships"]
    assert last_year["name"] == "Jette – Tarija" and last_year["active"] is False
    [year_before] = annual_report.report_content({"year": year - 1, "language": "fr"})["partnerships"]
    assert year_before["active"] is True
    [this_year] = annual_report.report_content({"year": year + 1, "language": "fr"})["partnerships"]
    assert this_year["active"] is True
