"""Journey 2 from the very start: an association registers on Soliris, invites a colleague,
proposes a project with its partner abroad (who answers in Spanish) and becomes a laureate
of a commune's call for projects."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(make_user, live_server):
    """A verified partner abroad (its coordinator reads Spanish), a commune with an open call,
    and the association's future coordinator: signed in, with no organisation yet."""
    from partners.models import Membership, Organisation, Role
    from projects.models import Call, Goal
    from tests.projects.conftest import ensure_sdg_reference

    ensure_sdg_reference()
    now = timezone.now()
    cochabamba = Organisation.objects.create(
        slug="cochabamba",
        name="Gobierno Autónomo Municipal de Cochabamba",
        kind="commune",
        country="BO",
        locality="Cochabamba",
        verified_at=now,
    )
    commune = Organisation.objects.create(
        slug="saint-gilles",
        name="Commune de Saint-Gilles",
        kind="commune",
        country="BE",
        locality="Saint-Gilles",
        verified_at=now,
    )
    people = {
        "association": make_user("awa@eau-solidaire.test", full_name="Awa Diallo", language="fr"),
        "partner": make_user("lucia@cochabamba.test", full_name="Lucía Mamani", language="es"),
        "commune": make_user("echevin@saint-gilles.test", full_name="Marc Dubois", language="fr"),
    }
    Membership.objects.create(organisation=cochabamba, user=people["partner"], role=Role.COORDINATOR)
    Membership.objects.create(organisation=commune, user=people["commune"], role=Role.COORDINATOR)
    call = Call.objects.create(
        publisher=commune,
        title_fr="Appel à projets Eau et assainissement 2026",
        title_es="Convocatoria Agua y saneamiento 2026",
        description_fr="Des projets menés à égalité entre partenaires d'ici et de là-bas.",
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=30),
    )
    call.goals.set(Goal.objects.filter(number=6))
    return {"people": people, "call": call, "partner": cochabamba, "commune": commune}


def submit(page):
    """The main form's own submit button (not the log-out or language forms of the layout)."""
    page.locator("main form.form button[type=submit]:not([formmethod])").last.click()


def test_an_association_registers_invites_a_colleague_and_becomes_a_laureate(new_page, setting):
    from partners.models import Membership, Organisation, Role
    from projects.models import FundingLine, Project, ProjectParty, SDGLink

    call = setting["call"]

    # 1. Awa, signed in with no organisation yet, registers her association.
    page = new_page(locale="fr-BE")
    log_in(page, "awa@eau-solidaire.test", PASSWORD)
    page.wait_for_url(re.compile(r"/fr/dashboard/$"))
    page.goto("/fr/organisations/new/")
    assert_accessible(page, context="organisation registration form")
    page.fill("input[name=name]", "Eau Solidaire Saint-Gilles")
    page.select_option("select[name=kind]", "association")
    page.select_option("select[name=country]", "BE")
    page.fill("input[name=locality]", "Saint-Gilles")
    page.check("input[name=languages][value=fr]")
    page.check("input[name=languages][value=es]")
    page.fill("textarea[name=description_fr]", "Association de la diaspora bolivienne pour l'accès à l'eau.")
    submit(page)
    page.wait_for_url(re.compile(r"/fr/organisations/[\w-]+/$"))
    association = Organisation.objects.get(name="Eau Solidaire Saint-Gilles")
    assert page.url.endswith(f"/fr/organisations/{association.slug}/")
    assert Membership.objects.get(organisation=association, user=setting["people"]["association"]).role == (
        Role.COORDINATOR
    )

    # 2. She invites a colleague from the organisation's page.
    mail.outbox.clear()
    page.fill("#invite-heading ~ form input[name=email]", "jonas@eau-solidaire.test")
    page.select_option("#invite-heading ~ form select[name=role]", "editor")
    page.locator("#invite-heading ~ form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/fr/organisations/{association.slug}/$"))
    assert "jonas@eau-solidaire.test" in page.content()
    invitations = [m for m in mail.outbox if "jonas@eau-solidaire.test" in m.to]
    assert len(invitations) == 1
    assert "Eau Solidaire Saint-Gilles" in invitations[0].body
    link = re.search(r"https?://[^/\s]+(/\S*/invitations/\S+/)", invitations[0].body).group(1)

    # The colleague follows the link, creates an account, confirms the address and accepts.
    colleague = new_page(locale="fr-BE")
    colleague.goto(link)
    colleague.click("main a[href*='/accounts/signup/']")
    colleague.fill("input[name=email]", "jonas@eau-solidaire.test")
    colleague.fill("input[name=full_name]", "Jonas Peeters")
    colleague.fill("input[name=password1]", PASSWORD)
    colleague.fill("input[name=password2]", PASSWORD)
    colleague.locator("main form [type=submit]").click()
    colleague.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    confirm = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    colleague.goto(confirm)
    colleague.locator("main form [type=submit]").click()
    colleague.wait_for_load_state()
    if "/invitations/" not in colleague.url:
        colleague.goto(link)
    colleague.locator("main form [type=submit]").click()
    colleague.wait_for_url(re.compile(rf"/organisations/{association.slug}/$"))
    assert Membership.objects.get(organisation=association, user__email="jonas@eau-solidaire.test").role == (
        Role.EDITOR
    )

    # 3. Awa proposes a project with the partner abroad.
    page.goto("/fr/projects/new/")
    page.select_option("select[name=proposed_by]", str(association.pk))
    page.fill("input[name=title]", "Protection des sources de Cochabamba")
    page.fill("textarea[name=summary]", "Protéger les sources et sensibiliser, ici et là-bas.")
    page.check("input[name=partners][value='{}']".format(setting["partner"].pk))
    submit(page)
    page.wait_for_url(re.compile(r"/fr/projects/[a-z0-9-]+/$"))
    key = page.url.rstrip("/").split("/")[-1]
    project = Project.objects.get(key=key)
    assert project.proposed_by == association

    # SDG 6, primary, with targets 6.1 and 6.b.
    page.click(f"a[href='/fr/projects/{key}/sdgs/']")
    from projects.models import Goal

    page.select_option("select[name=goal]", str(Goal.objects.get(number=6).pk))
    page.locator("#sdg-targets input[type=checkbox]").first.wait_for()
    page.check("#sdg-targets li:has(.target-code:text-is('6.1')) input")
    page.check("#sdg-targets li:has(.target-code:text-is('6.b')) input")
    page.check("input[name=is_primary]")
    page.fill("textarea[name=contribution]", "L'eau potable pour deux quartiers de Cochabamba.")
    submit(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/sdgs/$"))
    link6 = SDGLink.objects.get(project=project)
    assert link6.goal.number == 6 and link6.is_primary
    assert sorted(link6.targets.values_list("code", flat=True)) == ["6.1", "6.b"]

    # Funding lines: the association's own money and an outside funder.
    page.click(f"a[href='/fr/projects/{key}/funding/']")
    page.select_option("select[name=source]", association.slug)
    page.fill("input[name=amount]", "3500")
    submit(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/funding/$"))
    page.select_option("select[name=source]", "outside")
    page.fill("input[name=funder_name]", "Wallonie-Bruxelles International")
    page.fill("input[name=amount]", "8000")
    submit(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/funding/$"))
    assert "Wallonie-Bruxelles International" in page.content()
    assert FundingLine.objects.filter(project=project).count() == 2

    # Its own role, then the proposal to the partner.
    page.goto(f"/fr/projects/{key}/parties/{association.slug}/edit/")
    page.fill("textarea[name=role]", "Coordination et sensibilisation à Saint-Gilles")
    page.fill("textarea[name=contribution]", "Cofinancement et bénévoles")
    submit(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/parties/$"))
    page.goto(f"/fr/projects/{key}/")
    with page.expect_navigation():  # same address: wait for the answer, not the old page
        page.locator("form[action$='/status/'] button").first.click()
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/$"))
    project.refresh_from_db()
    assert project.status == "proposed"

    # 4. Lucía, the partner's coordinator, confirms in Spanish and fills in her side.
    partner = new_page(locale="es-BO")
    log_in(partner, "lucia@cochabamba.test", PASSWORD)
    partner.wait_for_url(re.compile(r"/es/dashboard/$"))
    partner.goto(f"/es/projects/{key}/")
    assert partner.locator("html").get_attribute("lang") == "es"
    partner.click(f"a[href='/es/projects/{key}/parties/cochabamba/answer/']")
    assert_accessible(partner, context="party answer form (es)")
    partner.check("input[name=answer][value=confirm]")
    partner.fill("textarea[name=role]", "Obras de protección de las fuentes con los vecinos")
    partner.fill("textarea[name=contribution]", "Equipo técnico y maquinaria municipal")
    submit(partner)
    partner.wait_for_url(re.compile(rf"/es/projects/{key}/$"))
    assert "Obras de protección de las fuentes" in partner.content()
    assert ProjectParty.objects.get(project=project, organisation=setting["partner"]).status == "confirmed"

    # 5. The project answers the commune's open call.
    page.goto(f"/fr/projects/{key}/")
    page.click(f"a[href='/fr/projects/{key}/submit/']")
    page.select_option("select[name=call]", call.key)
    submit(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/$"))
    project.refresh_from_db()
    assert project.status == "submitted"

    # 6. The commune's coordinator selects it; it shows among the laureates of the call.
    commune = new_page(locale="fr-BE")
    log_in(commune, "echevin@saint-gilles.test", PASSWORD)
    commune.wait_for_url(re.compile(r"/fr/dashboard/$"))
    commune.goto(f"/fr/calls/{call.key}/answers/")
    assert "Protection des sources de Cochabamba" in commune.content()
    commune.check("input[name=decision][value=select]")
    with commune.expect_navigation():  # same address: wait for the answer, not the old page
        commune.locator("main form.form button[type=submit]").first.click()
    commune.wait_for_url(re.compile(rf"/fr/calls/{call.key}/answers/$"))
    project.refresh_from_db()
    assert project.status == "selected"

    # The call's public page, seen by anyone, in French and in Spanish.
    visitor = new_page(locale="es-BO", width=360, height=740)
    for language in ("fr", "es"):
        visitor.goto(f"/{language}/calls/{call.key}/")
        laureates = visitor.locator("section:has(h2) .card").all_inner_texts()
        assert any("Protection des sources de Cochabamba" in text for text in laureates), language
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(visitor, context="call page with its laureates (es, 360 px)")

    # The directory's SDG facet now finds the partner abroad through the project; the
    # association, not yet verified by the platform, stays out of the public directory.
    visitor.goto("/es/organisations/")
    visitor.locator("details.filter-fold > summary").click()  # on a phone, the filters are folded
    visitor.select_option("select[name=sdg]", "6")
    visitor.locator("form.directory-filters button[type=submit]").click()
    visitor.wait_for_url(re.compile(r"/es/organisations/\?.*sdg=6"))
    results = visitor.locator(".result-list").inner_text()
    assert "Gobierno Autónomo Municipal de Cochabamba" in results
    assert "Eau Solidaire Saint-Gilles" not in visitor.content()
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(visitor, context="organisation directory with the SDG facet (es, 360 px)")
