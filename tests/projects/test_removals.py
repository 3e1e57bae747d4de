"""Removing a project's site, goal or funding line asks first, and can be undone for a while."""

from datetime import timedelta

from django.utils import timezone

from projects.models import FundingLine, SDGLink, Site
from soliris.models import AuditEntry, UndoOffer
from tests.projects.conftest import said


def _undo_key(response) -> str:
    page = response.content.decode()
    start = page.index("/undo/") + len("/undo/")
    return page[start : page.index("/", start)]


def test_removing_a_site_asks_first_and_says_what_goes(project, as_role):
    client = as_role("party_editor")
    site = project.sites.get()
    page = client.post(f"/fr/projects/{project.key}/sites/{site.key}/delete/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Tarija" in text and "Sources protégées" in text
    assert 'name="confirmed" value="1"' in text
    assert Site.objects.filter(pk=site.pk).exists()  # the first post changes nothing


def test_a_removed_site_comes_back_exactly_from_the_undo_button(project, as_role):
    client = as_role("party_editor")
    site = project.sites.get()
    before = (site.pk, site.key, site.country.code, site.locality, site.change)
    page = client.post(
        f"/fr/projects/{project.key}/sites/{site.key}/delete/", {"confirmed": "1"}, follow=True
    )
    assert not Site.objects.filter(pk=site.pk).exists()
    assert "Annuler" in page.content.decode() or "Undo" in page.content.decode()
    key = _undo_key(page)
    # Another party's editor may undo it, as they may remove it.
    other = as_role("partner_coordinator")
    back = other.post(f"/fr/undo/{key}/", follow=True)
    assert back.status_code == 200
    again = Site.objects.get(pk=site.pk)
    assert (again.pk, again.key, again.country.code, again.locality, again.change) == before
    assert AuditEntry.objects.filter(action="projects.site.restored").exists()
    # Twice is refused with a message, nothing doubled.
    twice = other.post(f"/fr/undo/{key}/", follow=True)
    assert twice.status_code == 200 and any("déjà" in m for m in said(twice))
    assert Site.objects.filter(project=project).count() == 1


def test_a_goal_comes_back_with_its_targets_and_primary_mark(project, as_role, goal6):
    client = as_role("party_editor")
    link = project.sdg_links.get(goal=goal6)
    targets = set(link.targets.values_list("code", flat=True))
    client.post(f"/fr/projects/{project.key}/sdgs/{link.key}/delete/", {"confirmed": "1"})
    assert not SDGLink.objects.filter(pk=link.pk).exists()
    offer = UndoOffer.objects.get(kind="projects.sdg_link")
    client.post(f"/fr/undo/{offer.key}/")
    again = SDGLink.objects.get(pk=link.pk)
    assert again.is_primary and set(again.targets.values_list("code", flat=True)) == targets


def test_a_goal_whose_place_was_taken_meanwhile_is_not_resurrected(project, as_role, goal6):
    client = as_role("party_editor")
    link = project.sdg_links.get(goal=goal6)
    client.post(f"/fr/projects/{project.key}/sdgs/{link.key}/delete/", {"confirmed": "1"})
    offer = UndoOffer.objects.get(kind="projects.sdg_link")
    client.post(f"/fr/projects/{project.key}/sdgs/", {"goal": goal6.pk, "contribution": "Encore"})
    response = client.post(f"/fr/undo/{offer.key}/", follow=True)
    assert response.status_code == 200
    assert any("objectif" in m.lower() for m in said(response))
    assert project.sdg_links.filter(goal=goal6).get().contribution == "Encore"


def test_a_funding_line_comes_back_with_its_amount_and_party(project, as_role):
    client = as_role("party_editor")
    line = project.funding_lines.get()
    confirm = client.post(f"/es/projects/{project.key}/funding/{line.key}/delete/")
    assert "6000,00 EUR" in confirm.content.decode() or "6.000,00 EUR" in confirm.content.decode()
    client.post(f"/es/projects/{project.key}/funding/{line.key}/delete/", {"confirmed": "1"})
    offer = UndoOffer.objects.get(kind="projects.funding")
    client.post(f"/es/undo/{offer.key}/")
    again = FundingLine.objects.get(pk=line.pk)
    assert (again.party_id, again.amount, again.currency, again.kind) == (
        line.party_id,
        line.amount,
        line.currency,
        line.kind,
    )


def test_a_late_undo_is_refused_with_a_clear_message(project, as_role):
    client = as_role("party_editor")
    site = project.sites.get()
    client.post(f"/fr/projects/{project.key}/sites/{site.key}/delete/", {"confirmed": "1"})
    UndoOffer.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post(f"/fr/undo/{UndoOffer.objects.get().key}/", follow=True)
    assert response.status_code == 200
    assert any("trop tard" in m for m in said(response))
    assert not Site.objects.filter(pk=site.pk).exists()


def test_who_may_not_remove_may_not_undo(project, as_role, cast):
    client = as_role("party_editor")
    site = project.sites.get()
    client.post(f"/fr/projects/{project.key}/sites/{site.key}/delete/", {"confirmed": "1"})
    key = UndoOffer.objects.get().key
    assert as_role("outsider").post(f"/fr/undo/{key}/").status_code == 404
    assert as_role("party_viewer").post(f"/fr/undo/{key}/").status_code == 403
    assert not Site.objects.filter(pk=site.pk).exists()
    assert as_role("party_editor").post("/fr/undo/nosuchkey/").status_code == 404
