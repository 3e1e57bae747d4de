"""The registry's pages speak each language; its home and dashboard sections; the demo data."""

import polib
import pytest
from django.core.management import call_command

from partners.models import CheckInRound, Invitation, Membership, Organisation, Partnership, PartyStatus, Role
from tests.conftest import BASE_DIR, untranslated_segments

pytestmark = pytest.mark.django_db


def partners_strings() -> set[str]:
    po = polib.pofile(str(BASE_DIR / "partners/locale/fr/LC_MESSAGES/django.po"))
    return {" ".join(e.msgid.split()) for e in po} | {
        " ".join(e.msgid_plural.split()) for e in po if e.msgid_plural
    }


def leaks(client, path):
    """English left on a page among the strings of this app (others' catalogues are theirs).

    People's names are data: the cast's users are called "Coordinator", "Viewer"...
    """
    from soliris.models import User

    names = set(User.objects.values_list("full_name", flat=True))
    found = untranslated_segments(client, path, allowed=names)
    return found & partners_strings()


def test_public_pages_leak_no_english(client, cast):
    for path in (
        "/organisations/",
        "/partnerships/",
        f"/organisations/{cast.jette.slug}/",
        f"/partnerships/{cast.partnership.key}/",
    ):
        assert leaks(client, path) == set(), path


def test_member_pages_leak_no_english(cast, as_role):
    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    client = as_role("party_coordinator")
    for path in (
        f"/organisations/{cast.jette.slug}/",
        f"/organisations/{cast.jette.slug}/edit/",
        f"/partnerships/{cast.partnership.key}/",
        f"/partnerships/{cast.partnership.key}/edit/",
        f"/partnerships/{cast.partnership.key}/parties/{cast.jette.slug}/edit/",
        f"/partnerships/{cast.partnership.key}/exchanges/new/",
        f"/partnerships/{cast.partnership.key}/check-ins/1/{cast.jette.slug}/",
        "/partnerships/new/",
        "/dashboard/",
    ):
        assert leaks(client, path) == set(), path


def test_the_home_page_links_to_the_directory(client, cast):
    page = client.get("/es/").content.decode()
    assert "/es/organisations/" in page
    assert "/es/partnerships/" in page


def test_the_dashboard_lists_organisations_partnerships_invitations_and_check_ins_due(cast, as_role):
    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    Invitation.objects.create(organisation=cast.periferia, email="coordinator@stadd.test")
    invited = as_role("invited_coordinator").get("/fr/dashboard/")
    assert invited.status_code == 200
    assert cast.partnership in [p.partnership for p in invited.context["partners_party_invitations"]]
    assert invited.context["partners_personal_invitations"][0].organisation == cast.periferia
    coordinator = as_role("party_coordinator").get("/fr/dashboard/")
    assert cast.partnership in coordinator.context["partners_partnerships"]
    assert [p.partnership for p in coordinator.context["partners_checkins_due"]] == [cast.partnership]
    viewer = as_role("party_viewer").get("/fr/dashboard/")
    assert viewer.context["partners_checkins_due"] == []  # viewers do not answer


def test_the_demo_data_loads_twice_and_gives_jette_a_partnership(client):
    call_command("load_reference")
    call_command("seed_demo")
    counts = (Organisation.objects.count(), Partnership.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert (Organisation.objects.count(), Partnership.objects.count(), Membership.objects.count()) == counts
    jette = Membership.objects.get(user__email="coordination@jette.demo", organisation__slug="jette")
    assert jette.role == Role.COORDINATOR
    assert Partnership.objects.filter(
        parties__organisation__slug="jette", parties__status=PartyStatus.ACCEPTED
    ).exists()
    ended = Partnership.objects.get(name__startswith="Edegem")
    assert ended.status == "ended" and ended.end_reason
    assert all(Organisation.objects.values_list("search_document", flat=True))
    page = client.get("/fr/partnerships/", {"q": "tarija"}).content.decode()
    assert "Brasschaat – Tarija" in page
    assert (
        "Commune de Saint-Josse-ten-Noode"
        in client.get("/fr/organisations/", {"q": "saint josse"}).content.decode()
    )
    private = client.get("/fr/organisations/", {"q": "conseil jette"})
    assert [o.slug for o in private.context["page"].object_list] == []
