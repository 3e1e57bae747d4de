"""Journey 2: an association proposes a joint project with a partner abroad, answers a commune's call."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def actors(make_user, live_server):
    from partners.models import Membership, Organisation, Role
    from projects.models import Call, Goal
    from tests.projects.conftest import ensure_sdg_reference

    ensure_sdg_reference()
    now = timezone.now()

    def organisation(slug, name, kind, country, locality):
        return Organisation.objects.create(
            slug=slug, name=name, kind=kind, country=country, locality=locality, verified_at=now
        )

    association = organisation("ici-la", "Association Ici et Là", "association", "BE", "Bruxelles")
    tarija = organisation("tarija", "Municipio de Tarija", "commune", "BO", "Tarija")
    commune = organisation("ville-de-bruxelles", "Ville de Bruxelles", "commune", "BE", "Bruxelles")
    people = {}
    for key, email, org, language in (
        ("association", "coordination@icila.test", association, "fr"),
        ("partner", "coordinacion@tarija.test", tarija, "es"),
        ("commune", "solidarite@bruxelles.test", commune, "fr"),
    ):
        people[key] = make_user(email, language=language)
        Membership.objects.create(organisation=org, user=people[key], role=Role.COORDINATOR)
    call = Call.objects.create(
        publisher=commune,
        title_fr="Appel à projets Solidarité internationale",
        title_es="Convocatoria de Solidaridad Internacional",
        description_fr="Des projets menés à égalité, ici et là-bas.",
        opens_at=now - timedelta(days=5),
        closes_at=now + timedelta(days=20),
    )
    call.goals.set(Goal.objects.filter(number__in=[6, 13]))
    return {"people": people, "call": call, "association": association, "tarija": tarija}


def submit_form(page):
    page.locator("main form.form button[type=submit]:not([formmethod])").last.click()


def test_an_association_proposes_a_project_that_a_commune_selects(new_page, actors):
    call = actors["call"]

    # The association's coordinator proposes the project with its partner abroad.
    page = new_page(locale="fr-BE")
    log_in(page, "coordination@icila.test", PASSWORD)
    page.wait_for_url(re.compile(r"/fr/dashboard/$"))
    page.goto("/fr/projects/new/")
    page.select_option("select[name=proposed_by]", str(actors["association"].pk))
    page.fill("input[name=title]", "Eau potable pour les quartiers de Tarija")
    page.fill("textarea[name=summary]", "Protéger les sources, ici et là-bas.")
    page.check("input[name=partners][value='{}']".format(actors["tarija"].pk))
    submit_form(page)
    page.wait_for_url(re.compile(r"/fr/projects/[a-z0-9-]+/$"))
    key = page.url.rstrip("/").split("/")[-1]

    # SDG 6 as the primary goal, with targets 6.1 and 6.b (the targets come with htmx).
    page.click(f"a[href='/fr/projects/{key}/sdgs/']")
    from projects.models import Goal

    page.select_option("select[name=goal]", str(Goal.objects.get(number=6).pk))
    page.locator("#sdg-targets input[type=checkbox]").first.wait_for()
    page.check("#sdg-targets li:has(.target-code:text-is('6.1')) input")
    page.check("#sdg-targets li:has(.target-code:text-is('6.b')) input")
    page.check("input[name=is_primary]")
    page.fill("textarea[name=contribution]", "De l'eau potable pour trois quartiers.")
    assert_accessible(page, context="SDG links form")
    submit_form(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/sdgs/$"))
    assert page.locator(".badge-ok").count() == 1

    # Funding lines: the association's own money and an outside funder.
    page.click(f"a[href='/fr/projects/{key}/funding/']")
    assert_accessible(page, context="funding form")
    page.select_option("select[name=source]", "ici-la")
    page.fill("input[name=amount]", "6000")
    submit_form(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/funding/$"))
    page.select_option("select[name=source]", "outside")
    page.fill("input[name=funder_name]", "Région de Bruxelles-Capitale")
    page.fill("input[name=amount]", "4000")
    submit_form(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/funding/$"))
    assert "Région de Bruxelles-Capitale" in page.content()

    # The association fills in its own role, then proposes the project to its partner.
    page.goto(f"/fr/projects/{key}/parties/ici-la/edit/")
    page.fill("textarea[name=role]", "Coordination à Bruxelles")
    page.fill("textarea[name=contribution]", "Cofinancement et sensibilisation")
    submit_form(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/parties/$"))
    page.goto(f"/fr/projects/{key}/")
    with page.expect_navigation():  # same address: wait for the answer, not the old page
        page.locator("form[action$='/status/'] button").first.click()
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/$"))
    assert_accessible(page, context="project page (fr)")

    # The partner's coordinator confirms in Spanish and fills in its role.
    partner = new_page(locale="es-BO")
    log_in(partner, "coordinacion@tarija.test", PASSWORD)
    partner.wait_for_url(re.compile(r"/dashboard/$"))
    partner.goto(f"/es/projects/{key}/")
    assert partner.locator("html").get_attribute("lang") == "es"
    partner.click(f"a[href='/es/projects/{key}/parties/tarija/answer/']")
    partner.check("input[name=answer][value=confirm]")
    partner.fill("textarea[name=role]", "Gestión de las fuentes con los vecinos")
    partner.fill("textarea[name=contribution]", "Equipo técnico municipal")
    submit_form(partner)
    partner.wait_for_url(re.compile(rf"/es/projects/{key}/$"))
    assert "Gestión de las fuentes" in partner.content()
    assert_accessible(partner, context="project page (es)")

    # The project, now confirmed by its partners, answers the commune's open call.
    page.goto(f"/fr/projects/{key}/")
    page.click(f"a[href='/fr/projects/{key}/submit/']")
    page.select_option("select[name=call]", call.key)
    submit_form(page)
    page.wait_for_url(re.compile(rf"/fr/projects/{key}/$"))

    # The commune's coordinator selects it; it shows among the laureates.
    commune = new_page(locale="fr-BE")
    log_in(commune, "solidarite@bruxelles.test", PASSWORD)
    commune.wait_for_url(re.compile(r"/fr/dashboard/$"))
    commune.goto(f"/fr/calls/{call.key}/answers/")
    commune.check("input[name=decision][value=select]")
    with commune.expect_navigation():  # same address: wait for the answer, not the old page
        commune.locator("main form.form button[type=submit]").first.click()
    commune.wait_for_url(re.compile(rf"/fr/calls/{call.key}/answers/$"))
    commune.goto(f"/fr/calls/{call.key}/")
    laureates = commune.locator("section:has(h2) .card").all_inner_texts()
    assert any("Eau potable pour les quartiers de Tarija" in text for text in laureates)

    from projects.models import Project

    assert Project.objects.get(key=key).status == "selected"

    # The public project page reads on a small screen, in Spanish too.
    small = new_page(locale="es-BO", width=360, height=740)
    small.goto(f"/es/projects/{key}/")
    assert small.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(small, context="project page at 360 px")


@pytest.mark.parametrize(
    "path", ["/fr/projects/", "/fr/sdgs/", "/fr/sdgs/6/", "/fr/sdgs/dashboard/", "/es/sdgs/3/", "/fr/calls/"]
)
def test_the_public_pages_pass_axe(page, path, actors):
    response = page.goto(path)
    assert response.status == 200
    assert_accessible(page)


def test_the_project_list_works_on_a_small_screen(new_page, actors):
    page = new_page(width=360, height=740)
    page.goto("/es/projects/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto("/fr/sdgs/dashboard/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
