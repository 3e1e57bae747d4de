"""Each party's narrative of the partnership's year: its own party's only, every party alike;
final once the year's annual report is generated; two editors at once both keep their texts."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from partners import services
from partners.models import PartnershipNarrative
from partners.selectors.narratives import ANNUAL_REPORT_KIND, year_is_closed
from soliris import pdf
from soliris.conflicts import EditConflict
from soliris.models import RenderJob, RenderJobState
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db

YEAR = timezone.now().year


def url(cast, organisation=None, year=YEAR):
    organisation = organisation or cast.jette
    return en("narrative_edit", key=cast.partnership.key, year=year, slug=organisation.slug)


def data(text, *, language="fr", version=0):
    return {"text": text, "language": language, "version": version}


def report_generated(year=YEAR, state=RenderJobState.DONE):
    return RenderJob.objects.create(
        kind=ANNUAL_REPORT_KIND,
        parameters={"year": year, "language": "fr"},
        language="fr",
        state=state,
        content_hash=f"{year}-{state}-{RenderJob.objects.count()}",
    )


def test_an_editor_writes_the_narrative_of_their_party_and_every_party_reads_it(cast, as_role):
    page = as_role("party_editor").get(url(cast))
    assert page.status_code == 200
    assert f"Our narrative for {YEAR}" in page.content.decode()
    assert page.context["form"]["language"].value() == "fr"  # the writer's language
    response = as_role("party_editor").post(url(cast), data("Une année de chantiers partagés."), follow=True)
    assert "Your narrative is saved." in landed(response)
    narrative = PartnershipNarrative.objects.get()
    assert (narrative.organisation, narrative.year, narrative.language) == (cast.jette, YEAR, "fr")
    assert narrative.author == cast.user("party_editor") and narrative.version == 1
    # Tarija writes its own, in Spanish (its coordinator's language, offered first).
    tarija = as_role("partner_coordinator")
    assert tarija.get(url(cast, cast.tarija)).context["form"]["language"].value() == "es"
    assert tarija.post(url(cast, cast.tarija), data("Un año de obras.", language="es")).status_code == 302
    # The partnership page lists both, each marked with its language, in the parties' order.
    detail = tarija.get(en("partnership_detail", key=cast.partnership.key)).content.decode()
    section = re.search(r'<section id="narratives".*?</section>', detail, re.S).group(0)
    assert re.search(r'<div lang="fr"><p>Une année de chantiers partagés\.</p></div>', section)
    assert re.search(r'<div lang="es"><p>Un año de obras\.</p></div>', section)
    assert section.index("Commune de Jette") < section.index("Municipio de Tarija")
    assert "Written in Spanish" in section
    # Tarija's coordinator is offered Tarija's form only.
    assert url(cast, cast.tarija) in section and url(cast) not in section


def test_a_party_never_writes_another_partys_narrative(cast, as_role):
    tarija = as_role("partner_coordinator")
    assert tarija.get(url(cast)).status_code == 403
    assert tarija.post(url(cast), data("Texte écrit à la place de Jette.")).status_code == 403
    with pytest.raises(PermissionDenied):
        services.narrative_save(
            actor=cast.user("partner_coordinator"),
            partnership=cast.partnership,
            organisation=cast.jette,
            year=YEAR,
            text="Texte écrit à la place de Jette.",
            language="fr",
            expected_version=0,
        )
    # A viewer of Jette reads, but writes nothing; an invited party is no party yet.
    assert as_role("party_viewer").post(url(cast), data("Texte d'un lecteur.")).status_code == 403
    assert as_role("invited_coordinator").get(url(cast, cast.stadd)).status_code == 404
    assert not PartnershipNarrative.objects.exists()


def test_the_narratives_of_a_year_are_final_once_its_report_is_generated(cast, as_role):
    client = as_role("party_editor")
    assert client.post(url(cast), data("Le texte imprimé.")).status_code == 302
    report_generated(state=RenderJobState.FAILED)  # a failed rendering closes nothing
    assert not year_is_closed(YEAR)
    report_generated()
    assert year_is_closed(YEAR) and not year_is_closed(YEAR - 1)
    page = client.get(url(cast))
    html = page.content.decode()
    assert "form" not in page.context and page.context["closed"] is True
    assert f"The annual report of {YEAR} is generated" in html
    assert '<blockquote lang="fr"><p>Le texte imprimé.</p></blockquote>' in html
    # A text sent anyway (typed before the report was generated) is refused, and given back.
    page = client.post(url(cast), data("Un ajout de dernière minute.", version=1))
    assert page.status_code == 200 and "Un ajout de dernière minute." in page.content.decode()
    assert PartnershipNarrative.objects.get().text == "Le texte imprimé."
    with pytest.raises(ValidationError):
        services.narrative_save(
            actor=cast.user("party_editor"),
            partnership=cast.partnership,
            organisation=cast.jette,
            year=YEAR,
            text="Encore.",
            language="fr",
            expected_version=1,
        )
    # The page says so too, and offers the narrative to read, no longer to write.
    detail = client.get(en("partnership_detail", key=cast.partnership.key)).content.decode()
    assert f"The annual report of {YEAR} is generated" in detail
    # Last year's report is not generated: last year is still open.
    assert client.get(url(cast, year=YEAR - 1)).context["form"] is not None


def test_two_editors_writing_one_narrative_at_once_keep_both_texts(cast, as_role):
    """Both opened the empty form; the second to save sees the first's text beside their own."""
    assert as_role("party_editor").post(url(cast), data("Le récit de l'éditrice.")).status_code == 302
    response = as_role("party_coordinator").post(url(cast), data("Le récit du coordinateur."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this while you were editing." in page
    assert "Le récit de l&#x27;éditrice." in page  # theirs, shown
    assert "Le récit du coordinateur." in page  # mine, kept in the form
    assert response.context["form"]["version"].value() == "1"
    assert PartnershipNarrative.objects.get().text == "Le récit de l'éditrice."
    # Saving again, knowingly, replaces theirs; a stale form meets the conflict again.
    again = data("Le récit du coordinateur, fusionné.", version=1)
    assert as_role("party_coordinator").post(url(cast), again).status_code == 302
    narrative = PartnershipNarrative.objects.get()
    assert narrative.text == "Le récit du coordinateur, fusionné." and narrative.version == 2
    stale = as_role("party_editor").post(url(cast), data("Ma version d'avant.", version=1))
    assert "Ma version d&#x27;avant." in stale.content.decode()
    assert "Le récit du coordinateur, fusionné." in stale.content.decode()
    with pytest.raises(EditConflict) as conflict:
        services.narrative_save(
            actor=cast.user("party_editor"),
            partnership=cast.partnership,
            organisation=cast.jette,
            year=YEAR,
            text="Ma version d'avant.",
            language="fr",
            expected_version=1,
        )
    assert conflict.value.version == 2
    assert PartnershipNarrative.objects.get().version == 2


def test_a_form_error_keeps_the_typed_text(cast, as_role):
    long_text = "Un récit bien trop long. " * 200
    response = as_role("party_editor").post(url(cast), data(long_text, language="xx"))
    assert response.status_code == 200
    form = response.context["form"]
    assert {"text", "language"} <= set(form.errors)
    assert "Un récit bien trop long." in response.content.decode()
    assert not PartnershipNarrative.objects.exists()


def test_a_private_partnership_and_a_year_not_begun_are_unknown(cast, as_role):
    cast.partnership.visibility = "parties"
    cast.partnership.save()
    assert as_role("outsider").get(url(cast)).status_code == 404
    assert as_role("invited_coordinator").get(url(cast)).status_code == 403  # sees it, writes nothing
    assert as_role("anonymous").get(url(cast)).status_code == 302  # to the log-in
    editor = as_role("party_editor")
    assert editor.get(url(cast)).status_code == 200
    assert editor.get(url(cast, year=YEAR + 1)).status_code == 404
    assert editor.get(url(cast, year=1999)).status_code == 404
    assert editor.get(url(cast, cast.periferia)).status_code == 404  # not a party


def test_only_the_parties_and_staff_read_the_narratives_on_the_page(cast, as_role):
    services.narrative_save(
        actor=cast.user("party_editor"),
        partnership=cast.partnership,
        organisation=cast.jette,
        year=YEAR,
        text="Réservé aux parties jusqu'au rapport.",
        language="fr",
        expected_version=0,
    )
    detail = en("partnership_detail", key=cast.partnership.key)
    for role, sees in [("anonymous", False), ("outsider", False), ("party_viewer", True), ("staff", True)]:
        page = as_role(role).get(detail).content.decode()
        assert ("Réservé aux parties" in page) is sees, role


def test_the_narratives_close_with_the_kind_the_platform_registers_for_the_annual_report():
    assert ANNUAL_REPORT_KIND in pdf.kinds()


def test_the_narrative_pages_speak_french_dutch_and_spanish(cast, client):
    client.force_login(cast.user("party_editor"))
    services.narrative_save(
        actor=cast.user("party_editor"),
        partnership=cast.partnership,
        organisation=cast.jette,
        year=YEAR,
        text="Une année.",
        language="fr",
        expected_version=0,
    )
    path = f"/partnerships/{cast.partnership.key}/narratives/{YEAR}/{cast.jette.slug}/"
    expected = {
        "fr": f"Notre récit de {YEAR}",
        "nl": f"Ons verhaal over {YEAR}",
        "es": f"Nuestra narración de {YEAR}",
    }
    for language, title in expected.items():
        page = client.get(f"/{language}{path}").content.decode()
        assert f"<h1>{title}</h1>" in page, language
        detail = client.get(f"/{language}/partnerships/{cast.partnership.key}/").content.decode()
        assert title in detail and f"{YEAR}" in detail, language
    report_generated()
    page = client.get(f"/nl{path}").content.decode()
    assert f"Het jaarverslag {YEAR} is aangemaakt" in page
