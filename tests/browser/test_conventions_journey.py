"""Journey 3: a partner abroad co-edits a convention in Spanish; nothing is agreed until every
party approved; both signatories sign."""

import re
import time

import pytest

from conventions import services
from conventions.models import ClauseText, Document, TranslationState, Version, VersionStatus
from tests.browser.conftest import assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def convention(transactional_db, cast):
    """Written first in Spanish by Tarija (authentic language), translated into French by Jette;
    version 1 was proposed before the journey starts."""
    partner, belgian = cast.user("partner_coordinator"), cast.user("party_editor")
    # She has used the platform in French so far; the journey switches her to Spanish.
    partner.preferred_language = "fr"
    partner.save(update_fields=["preferred_language"])
    document = services.document_create(
        actor=partner,
        partnership=cast.partnership,
        kind="convention",
        title="Convenio Jette – Tarija",
        authentic_languages=["es"],
    )
    clauses = []
    for es, fr in (
        (
            ("Objeto", "Las partes cooperan para proteger las fuentes de agua."),
            ("Objet", "Les parties coopèrent pour protéger les sources d'eau."),
        ),
        (("Duración", "El convenio rige por cinco años."), ("Durée", "La convention vaut pour cinq ans.")),
    ):
        clause = services.clause_add(
            actor=partner, document=document, language="es", heading=es[0], body=es[1]
        )
        services.clause_edit(
            actor=belgian, clause=clause, language="fr", heading=fr[0], body=fr[1], expected_version=0
        )
        clauses.append(clause)
    services.version_propose(actor=partner, document=document, reason="Primera lectura")
    return document, clauses


def submit(page):
    page.locator("main form.form [type=submit]").first.click()


def test_a_partner_abroad_and_a_belgian_party_agree_and_sign_a_convention(
    new_page, cast, convention, celery_worker
):
    document, (clause, _second) = convention
    key = document.key

    # The partner abroad logs in, switches to Spanish and edits a clause in Spanish.
    partner = new_page(locale="es-BO")
    log_in(partner, cast.user("partner_coordinator").email, PASSWORD)
    partner.wait_for_url(re.compile(r"/dashboard/$"))
    partner.goto(f"/fr/conventions/{key}/")
    partner.select_option("#language-select", "es")
    partner.wait_for_url(re.compile(rf"/es/conventions/{key}/$"))
    assert partner.locator("html").get_attribute("lang") == "es"
    partner_user = cast.user("partner_coordinator")
    partner_user.refresh_from_db()
    assert partner_user.preferred_language == "es"
    partner.locator(f"a[href='/es/conventions/{key}/clauses/{clause.key}/edit/es/']").click()
    assert_accessible(partner, context="the editor, in Spanish")
    partner.fill(
        "#id_body", "Las partes cooperan para proteger las fuentes de agua y los bosques de la cuenca."
    )
    submit(partner)
    partner.wait_for_url(re.compile(rf"/es/conventions/{key}/#clause-"))
    assert ClauseText.objects.get(clause=clause, language="fr").state == TranslationState.TO_REVIEW

    # ... and proposes the draft as version 2.
    partner.locator(f"a[href='/es/conventions/{key}/propose/']").click()
    partner.fill("#id_reason", "Añadimos los bosques.")
    submit(partner)
    partner.wait_for_url(re.compile(rf"/es/conventions/{key}/versions/2/$"))

    # The Belgian party sees the French translation flagged and updates it.
    belgian = new_page(locale="fr-BE")
    log_in(belgian, cast.user("party_coordinator").email, PASSWORD)
    belgian.wait_for_url(re.compile(r"/dashboard/$"))
    belgian.goto(f"/fr/conventions/{key}/")
    assert_accessible(belgian, context="the document page")
    flagged = belgian.locator(f"#clause-{clause.key} .language-states li", has=belgian.locator(".badge-warn"))
    assert flagged.count() == 1
    assert f"/clauses/{clause.key}/edit/fr/" in flagged.locator("a").get_attribute("href")
    flagged.locator("a").click()
    assert belgian.locator(".original-text").inner_text().count("bosques") == 1
    belgian.fill("#id_body", "Les parties coopèrent pour protéger les sources d'eau et les forêts du bassin.")
    submit(belgian)
    belgian.wait_for_url(re.compile(rf"/fr/conventions/{key}/#clause-"))
    assert Version.objects.get(document=document, number=2).status == VersionStatus.SUPERSEDED

    belgian.goto(f"/fr/conventions/{key}/propose/")
    submit(belgian)
    belgian.wait_for_url(re.compile(rf"/fr/conventions/{key}/versions/3/$"))

    # ... reads what changed since version 1, in French ...
    belgian.goto(f"/fr/conventions/{key}/compare/?from=1&to=3&lang=fr")
    assert_accessible(belgian, context="the diff")
    inserted = belgian.locator("#diff ins").all_inner_texts()
    assert any("forêts du bassin" in text for text in inserted)

    # ... and approves version 3.
    belgian.goto(f"/fr/conventions/{key}/versions/3/approval/")
    assert_accessible(belgian, context="the approval page")
    belgian.check("input[name=decision][value=approved]")
    submit(belgian)
    belgian.wait_for_url(re.compile(rf"/fr/conventions/{key}/versions/3/$"))
    assert Version.objects.get(document=document, number=3).status == VersionStatus.PROPOSED

    # The partner approves too: the version is agreed.
    partner.goto(f"/es/conventions/{key}/versions/3/approval/")
    partner.check("input[name=decision][value=approved]")
    submit(partner)
    partner.wait_for_url(re.compile(rf"/es/conventions/{key}/versions/3/$"))
    assert Version.objects.get(document=document, number=3).status == VersionStatus.AGREED

    # Both signatories sign, with explicit consent and their password.
    for page, language, function in ((partner, "es", "Directora de Cooperación"), (belgian, "fr", "Échevin")):
        page.goto(f"/{language}/conventions/{key}/versions/3/sign/")
        page.fill("#id_function", function)
        page.check("#id_consent")
        page.fill("#id_password", PASSWORD)
        submit(page)
        page.wait_for_url(re.compile(rf"/{language}/conventions/{key}/versions/3/$"))
        if language == "es":  # the first signature: the worker adds it to the agreed PDF
            assert "PDF en proceso de firma" in page.locator("main").inner_text()
            deadline = time.monotonic() + 90
            while "Descargar el PDF firmado hasta ahora" not in page.locator("main").inner_text():
                assert time.monotonic() < deadline, celery_worker.log()[-2000:]
                time.sleep(0.5)
                page.reload()

    version = Version.objects.get(document=document, number=3)
    assert version.status == VersionStatus.SIGNED and version.pdf_requested_at is not None
    assert Document.objects.get(pk=document.pk).status == "signed"
    assert "Échevin" in belgian.locator("main").inner_text()
    assert_accessible(belgian, context="the signed version")

    # The worker renders the signed PDF; the Belgian party follows it until the download link appears.
    deadline = time.monotonic() + 60
    while not Version.objects.get(pk=version.pk).pdf_job_id:
        assert time.monotonic() < deadline, celery_worker.log()[-2000:]
        time.sleep(0.3)
    job = Version.objects.get(pk=version.pk).pdf_job
    belgian.goto(f"/fr/conventions/{key}/versions/3/")
    belgian.locator(f"main a[href='/fr/documents/{job.key}/']").first.click()
    belgian.wait_for_url(re.compile(rf"/fr/documents/{job.key}/$"))
    download_link = belgian.locator(f"main a[href='/fr/documents/{job.key}/download/']")
    download_link.wait_for(timeout=90_000)
    with belgian.expect_download() as download_info:
        download_link.click()
    path = download_info.value.path()

    # Anyone can check it on the public verification page: valid, and which convention it is.
    checker = new_page(locale="es-BO")
    checker.goto("/es/verify/")
    checker.set_input_files("input[type=file]", path)
    checker.locator("main form.form [type=submit]").click()
    success = checker.locator(".message-success")
    success.wait_for()
    assert "Convenio Jette – Tarija" in success.inner_text()
    assert_accessible(checker, context="the verification of the signed charter")


def test_the_document_page_works_on_a_small_screen(new_page, cast, convention):
    document, _clauses = convention
    page = new_page(locale="es-BO", width=360, height=740)
    # (the cast's partner prefers Spanish: she lands on /es/ pages)
    log_in(page, cast.user("partner_coordinator").email, PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    clause = _clauses[0]
    for path in (
        f"/es/conventions/{document.key}/",
        f"/es/conventions/{document.key}/versions/1/",
        f"/es/conventions/{document.key}/clauses/{clause.key}/edit/fr/",
        f"/es/conventions/{document.key}/clauses/{clause.key}/comments/",
        f"/es/conventions/{document.key}/compare/",
        f"/es/conventions/{document.key}/versions/1/approval/",
    ):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert_accessible(page, context=f"{path} at 360 px")


@pytest.fixture
def published(transactional_db, cast):
    from tests.conventions.conftest import make_document

    document = make_document(cast, clauses=2)
    version = services.version_propose(actor=cast.user("party_editor"), document=document)
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    services.version_sign(
        actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
    )
    services.document_publish(actor=cast.user("party_coordinator"), document=document)
    services.document_publish(actor=cast.user("partner_coordinator"), document=document)
    services.thread_open(
        actor=cast.user("partner_coordinator"),
        clause=document.clauses.first(),
        language="es",
        body="¿Y el plazo?",
    )
    return document


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_other_conventions_pages_pass_axe(new_page, cast, published, language):
    key, clause = published.key, published.clauses.first()
    public = new_page()
    public.goto(f"/{language}/conventions/{key}/public/")
    assert_accessible(public, context="the public page")
    page = new_page()
    log_in(page, cast.user("party_coordinator").email, PASSWORD)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    for path in (
        "/conventions/",
        f"/conventions/new/{cast.partnership.key}/",
        f"/conventions/{key}/clauses/{clause.key}/comments/",
        f"/conventions/{key}/clauses/add/",
        f"/conventions/{key}/settings/",
        f"/conventions/{key}/versions/1/sign/",
        f"/conventions/{key}/propose/",
    ):
        page.goto(f"/{language}{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, context=f"/{language}{path}")
