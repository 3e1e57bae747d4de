"""Nobody sees what is not theirs: the directory, its exports, the partnership page for
visitors and the organisation page never name a private or an unverified organisation (nor its
locality or country); the pickers offer only the organisations the person may know of."""

import pytest
from django.test import Client
from django.utils import translation

from partners.forms import PartyInviteForm
from partners.models import Partnership, PartnershipParty, PartyStatus, Role
from partners.visibility import HIDDEN_NAME, hidden_count_label, organisations_offered_to, public_label
from tests.partners.views_helpers import en

pytestmark = pytest.mark.django_db

HIDDEN = ["Asso Secrète", "Ziguinchor", "Collectif Caché", "Ségou", "Fondation Discrète"]


@pytest.fixture
def world(cast, make_organisation, make_partnership, member):
    class World:
        private = make_organisation("Asso Secrète", country="SN", locality="Ziguinchor", public=False)
        unverified = make_organisation("Collectif Caché", country="ML", locality="Ségou", verified=False)
        public = make_organisation("Ville Ouverte", country="FR", locality="Lille")
        unrelated = make_organisation("Fondation Discrète", country="SN", public=False)

    w = World()
    w.mixed = make_partnership("Alliance des trois", [w.public, w.private, w.unverified], visibility="public")
    w.listed = make_partnership(
        "Ouverte et Jette", [w.public, cast.jette], invited=[w.private, w.unverified], visibility="public"
    )
    w.public_member = member(w.public, Role.COORDINATOR)
    return w


def pages(w):
    return [
        en("organisation_list"),
        en("organisation_list") + "?q=Asso",
        en("partnership_list"),
        en("organisation_export_csv"),
        en("organisation_export_json"),
        en("partnership_export_csv"),
        en("partnership_export_json"),
        en("partnership_detail", key=w.listed.key),
        en("organisation_detail", slug=w.public.slug),
        en("organisation_detail", slug=w.listed.initiated_by.slug),
    ]


def read(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body.decode()


@pytest.mark.parametrize("visitor", ["anonymous", "outsider"])
def test_public_pages_and_exports_never_name_a_hidden_organisation(cast, world, visitor):
    client = Client()
    if visitor == "outsider":
        client.force_login(cast.user("outsider"))
    for url in pages(world):
        status, text = read(client, url)
        assert status == 200, url
        for secret in HIDDEN:
            assert secret not in text, (url, secret)
        assert "Senegal" not in text and ">Mali<" not in text, url
    for url in (en("organisation_list"), en("partnership_list"), en("partnership_export_csv")):
        assert "Ville Ouverte" in read(client, url)[1], url
    # A partnership with a hidden party is not shown to the public at all; nor a hidden profile.
    assert client.get(en("partnership_detail", key=world.mixed.key)).status_code == 404
    assert client.get(en("organisation_detail", slug=world.private.slug)).status_code == 404
    assert client.get(en("organisation_detail", slug=world.unverified.slug)).status_code == 404


def test_exports_count_a_hidden_party_and_never_name_it_even_when_listed(client, world):
    Partnership.objects.filter(pk=world.mixed.pk).update(is_listed=True)  # a stale flag
    for url in (en("partnership_export_csv"), en("partnership_export_json"), en("partnership_list")):
        text = read(client, url)[1]
        assert "Alliance des trois" in text and "Ville Ouverte" in text
        assert "2 organisations that have not made their profile public" in text, url
        for secret in HIDDEN:
            assert secret not in text, (url, secret)


def test_the_parties_see_each_other_on_their_partnership(client, world):
    client.force_login(world.public_member)
    text = read(client, en("partnership_detail", key=world.mixed.key))[1]
    assert "Asso Secrète" in text and "Collectif Caché" in text


def test_a_hidden_party_is_a_neutral_label_with_no_country_nor_role(client, cast, world):
    PartnershipParty.objects.filter(partnership=world.mixed, organisation=world.private).update(
        role="Rôle secret", status=PartyStatus.LEFT
    )
    client.force_login(world.public_member)
    text = read(client, en("partnership_detail", key=world.mixed.key))[1]
    # Left: no longer a partner of the viewer's organisation; counted as a hidden one.
    assert "Asso Secrète" not in text and "Rôle secret" not in text and "Ziguinchor" not in text
    assert str(HIDDEN_NAME).capitalize() in text


def test_the_party_invitation_offers_only_organisations_one_may_know_of(cast, world):
    form = PartyInviteForm(partnership=world.listed, user=cast.user("party_coordinator"))
    offered = set(form.fields["organisation"].queryset.values_list("name", flat=True))
    assert "Fondation Discrète" not in offered and "Collectif Caché" not in offered
    assert {"Municipio de Tarija", "STADD", "Periferia"} <= offered
    assert world.unrelated not in organisations_offered_to(cast.user("outsider"))
    assert world.private in organisations_offered_to(world.public_member)  # a partner


def test_a_public_list_names_the_public_and_counts_the_others(world):
    assert public_label([world.public, world.private, world.unverified]) == (
        "Ville Ouverte · " + hidden_count_label(2)
    )
    with translation.override("en"):
        assert hidden_count_label(1) == "1 organisation that has not made its profile public"


def test_a_full_name_is_required_to_answer_a_check_in(cast, as_role):
    from partners.models import CheckInRound

    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    editor = cast.user("party_editor")
    editor.full_name = ""
    editor.save()
    url = en("checkin_answer", key=cast.partnership.key, number=1, slug=cast.jette.slug)
    client = as_role("party_editor")
    text = client.get(url).content.decode()
    assert "add your full name to your profile" in text and 'href="/en/profile/"' in text
    scores = dict.fromkeys(("equality", "trust", "transparency", "mutual_learning", "ownership"), 3)
    client.post(url, scores)
    assert not cast.partnership.checkin_rounds.get().answers.exists()
