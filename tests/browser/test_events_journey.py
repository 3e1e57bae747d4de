"""Journey 4 in a real Chromium: an organiser runs the Soliris day and exports the booklet."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event, Recommendation, Registration
from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.worker]


def test_an_organiser_runs_the_soliris_day_and_exports_the_booklet(new_page, cast, celery_worker, make_user):
    # The issue names the "2024" Soliris day: here it is the next edition, so that people can still register.
    year = timezone.now().year + 1
    organiser = new_page(locale="fr-BE")
    log_in(organiser, cast.user("party_editor").email, PASSWORD)

    # 1. The organiser announces the Soliris day.
    organiser.goto("/fr/events/")
    organiser.get_by_role("link", name="Nouvel événement").click()
    organiser.fill("#id_title_fr", f"Journée Soliris {year}")
    organiser.fill("#id_title_nl", f"Soliris-dag {year}")
    organiser.fill("#id_title_es", f"Jornada Soliris {year}")
    organiser.fill(
        "#id_description_fr", "Rencontre annuelle des partenaires de la solidarité internationale."
    )
    organiser.fill("#id_starts_at", f"{year}-11-18T09:00")
    organiser.fill("#id_ends_at", f"{year}-11-18T17:00")
    organiser.fill("#id_place_name", "Parlement bruxellois")
    organiser.fill("#id_address", "Rue du Lombard 69, 1000 Bruxelles")
    organiser.check(f"input[name=organisers][value='{cast.jette.pk}']")
    organiser.check("input[name=languages][value=fr]")
    organiser.check("input[name=languages][value=nl]")
    organiser.check("input[name=interpretation][value=es]")
    organiser.fill("#id_capacity", "80")
    organiser.get_by_role("button", name="Publier l'événement").click()
    expect(organiser.get_by_text("L'événement est publié dans l'agenda.")).to_be_visible()
    event = Event.objects.get(title_fr=f"Journée Soliris {year}")

    # 2. Two workshops in the programme.
    for title, start, end in (
        ("Atelier A — Partenariat", "10:00", "12:00"),
        ("Atelier B — Diasporas", "13:30", "15:30"),
    ):
        organiser.get_by_role("link", name="Ajouter un atelier").first.click()
        organiser.fill("#id_title_fr", title)
        organiser.fill("#id_room", "Salle 206")
        organiser.fill("#id_starts_at", f"{year}-11-18T{start}")
        organiser.fill("#id_ends_at", f"{year}-11-18T{end}")
        organiser.get_by_role("button", name="Enregistrer l'atelier").click()
        expect(organiser.get_by_text("L'atelier figure au programme.")).to_be_visible()
    assert event.workshops.count() == 2

    # 3. A participant registers in Dutch and joins a workshop.
    participant_user = make_user("deelnemer@example.be", full_name="Lotte Peeters", language="nl")
    participant = new_page(locale="nl-BE", width=360)
    log_in(participant, participant_user.email, PASSWORD)
    participant.goto(f"/nl/events/{event.slug}/")
    expect(participant.get_by_role("heading", level=1)).to_have_text(f"Soliris-dag {year}")
    participant.get_by_role("link", name="Inschrijven").click()
    assert_accessible(participant, context="the registration form at 360 px")
    participant.select_option("#id_language", "nl")
    participant.fill("#id_accessibility_needs", "Drempelvrije toegang")
    participant.get_by_role("button", name="Mijn inschrijving bevestigen").click()
    expect(participant.get_by_text("U bent ingeschreven.").first).to_be_visible()
    participant.get_by_role("button", name="Deelnemen aan deze workshop").first.click()
    expect(participant.get_by_text("U neemt deel").first).to_be_visible()
    registration = Registration.objects.get(user=participant_user)
    assert registration.language == "nl" and registration.accessibility_needs == "Drempelvrije toegang"

    # The organiser sees the participant in the attendee list.
    organiser.goto(f"/fr/events/{event.slug}/attendees/")
    expect(organiser.get_by_role("row", name=re.compile("Lotte Peeters"))).to_contain_text(
        "Drempelvrije toegang"
    )

    # 4. The organiser records three recommendations in a section.
    organiser.goto(f"/fr/events/{event.slug}/recommendations/new/")
    organiser.fill("#id_title_fr", "Les enjeux du partenariat")
    organiser.fill("#id_introduction_fr", "Le partenariat est une relation entre égaux.")
    organiser.get_by_role("button", name="Ajouter la section").click()
    texts = [
        "Co-construire chaque projet dès sa conception.",
        "Éviter les déplacements en avion grâce aux partenaires locaux.",
        "Écouter les personnes concernées dans les appels à projets.",
    ]
    organiser.goto(f"/fr/events/{event.slug}/recommendations/new/")
    for text in texts:
        organiser.fill("#id_text_fr", text)
        organiser.get_by_role("button", name="Enregistrer et en consigner une autre").click()
        expect(organiser.locator(".message-success")).to_be_visible()
    assert Recommendation.objects.filter(section__event=event).count() == 3
    first = Recommendation.objects.get(section__event=event, number=1)

    # 5. Two organisations endorse the first one, each through its coordinator.
    for role, organisation in (("party_coordinator", cast.jette), ("partner_coordinator", cast.tarija)):
        coordinator = new_page(locale="es-BO" if role == "partner_coordinator" else "fr-BE")
        log_in(coordinator, cast.user(role).email, PASSWORD)
        coordinator.goto(f"/fr/recommendations/{first.key}/")
        coordinator.select_option("#id_organisation", organisation.slug)
        coordinator.get_by_role("button", name=re.compile("^(Soutenir|Respaldar)$")).click()
        expect(coordinator.locator(".message-success")).to_contain_text(organisation.name)
    assert first.endorsements.filter(withdrawn_at__isnull=True).count() == 2

    # 6. The organiser exports the booklet in Spanish and watches the job until it can be downloaded.
    organiser.goto(f"/es/events/{event.slug}/recommendations/")
    expect(organiser.locator("ol.recommendations li")).to_have_count(3)
    organiser.select_option("#id_language", "es")
    organiser.get_by_role("button", name="Exportar el cuadernillo (PDF)").click()
    expect(organiser).to_have_url(re.compile(r"/es/documents/\w+/$"))
    expect(organiser.get_by_role("link", name="Descargar el PDF")).to_be_visible(timeout=60_000)
    assert_accessible(organiser, context="the booklet's job page")
    with organiser.expect_download() as download:
        organiser.get_by_role("link", name="Descargar el PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_the_agenda_an_event_and_the_recommendations_are_accessible(new_page, cast):
    from tests.events.conftest import make_event, make_recommendations, make_workshop

    event = make_event(organisers=[cast.jette], slug="journee-accessible")
    make_workshop(event)
    make_recommendations(event, 3)
    for width in (1280, 360):
        page = new_page(width=width)
        for path in (
            "/fr/events/",
            f"/fr/events/{event.slug}/",
            f"/es/events/{event.slug}/recommendations/",
            "/es/recommendations/",
            "/fr/verify/",
        ):
            page.goto(path)
            assert_accessible(page, context=f"{path} at {width}px")
