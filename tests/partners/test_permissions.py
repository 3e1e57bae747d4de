"""Every URL of the partners app × every role of the shared cast, with the expected status."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from partners import urls as partners_urls
from partners.models import CheckInRound, Exchange, Invitation, Membership, Role
from partners.permissions import (
    forget_roles,
    get_organisation_for_user,
    get_partnership_for_user,
    roles_by_organisation,
)
from soliris import permissions as soliris_permissions
from soliris.permissions import UnknownPermission
from tests.conftest import ROLES
from tests.partners.conftest import png_bytes

pytestmark = pytest.mark.django_db

A, O, V, E, C, P, I, S = ROLES  # noqa: E741 — anonymous, outsider, viewer, editor, coordinator, partner, invited, staff


def everyone(status):
    return dict.fromkeys(ROLES, status)


def only(allowed, status_ok, *, anonymous=302, others=403):
    expected = dict.fromkeys(ROLES, others)
    expected[A] = anonymous
    for role in allowed:
        expected[role] = status_ok
    return expected


# url name: (method, kwargs builder, POST data, expected status per role)
MATRIX = {
    "organisation_list": ("get", lambda w: {}, None, everyone(200)),
    "organisation_export_csv": ("get", lambda w: {}, None, everyone(200)),
    "organisation_export_json": ("get", lambda w: {}, None, everyone(200)),
    "organisation_create": ("get", lambda w: {}, None, only([O, V, E, C, P, I, S], 200)),
    "verification_queue": ("get", lambda w: {}, None, only([S], 200)),
    "organisation_detail": ("get", lambda w: {"slug": w.cast.jette.slug}, None, everyone(200)),
    "organisation_edit": ("get", lambda w: {"slug": w.cast.jette.slug}, None, only([C], 200)),
    "organisation_logo": ("get", lambda w: {"slug": w.cast.jette.slug}, None, everyone(200)),
    "organisation_verify": ("post", lambda w: {"slug": w.cast.jette.slug}, {}, only([S], 302)),
    "member_invite": ("get", lambda w: {"slug": w.cast.jette.slug}, None, only([C], 200)),
    "member_role": (
        "post",
        lambda w: {"slug": w.cast.jette.slug, "pk": w.target.pk},
        {"role": "editor"},
        only([C], 302),
    ),
    "member_edit": ("get", lambda w: {"slug": w.cast.jette.slug, "pk": w.target.pk}, None, only([C], 200)),
    "member_end": (
        "post",
        lambda w: {"slug": w.cast.jette.slug, "pk": w.target.pk},
        {"confirmed": "1"},
        only([C], 302),
    ),
    "invitation_cancel": (
        "post",
        lambda w: {"slug": w.cast.jette.slug, "pk": w.invitation.pk},
        {"confirmed": "1"},
        only([C], 302),
    ),
    # Bound to its address (new@jette.test, nobody's in the cast): every other account is refused.
    "invitation_accept": ("get", lambda w: {"token": w.invitation.token}, None, only([], 200, anonymous=200)),
    "partnership_list": ("get", lambda w: {}, None, everyone(200)),
    "partnership_export_csv": ("get", lambda w: {}, None, everyone(200)),
    "partnership_export_json": ("get", lambda w: {}, None, everyone(200)),
    "partnership_create": ("get", lambda w: {}, None, only([O, V, E, C, P, I, S], 200)),
    "partnership_detail": ("get", lambda w: {"key": w.cast.partnership.key}, None, everyone(200)),
    "partnership_history": (
        "get",
        lambda w: {"key": w.cast.partnership.key},
        None,
        only([V, E, C, P, S], 200, anonymous=403),
    ),
    "partnership_edit": ("get", lambda w: {"key": w.cast.partnership.key}, None, only([E, C, P], 200)),
    "partnership_status": ("get", lambda w: {"key": w.cast.partnership.key}, None, only([C, P], 200)),
    "party_invite": ("get", lambda w: {"key": w.cast.partnership.key}, None, only([C, P], 200)),
    "party_respond": (
        "post",
        lambda w: {"key": w.cast.partnership.key, "slug": w.cast.stadd.slug},
        {"answer": "accept"},
        only([I], 302),
    ),
    "party_edit": (
        "get",
        lambda w: {"key": w.cast.partnership.key, "slug": w.cast.jette.slug},
        None,
        only([E, C], 200),
    ),
    "party_leave": (
        "post",
        lambda w: {"key": w.cast.partnership.key, "slug": w.cast.tarija.slug},
        {"reason": "Changement d'équipe", "confirmed": "1"},
        only([P], 302),
    ),
    "exchange_create": ("get", lambda w: {"key": w.cast.partnership.key}, None, only([E, C, P], 200)),
    "exchange_edit": (
        "get",
        lambda w: {"key": w.cast.partnership.key, "exchange_key": w.exchange.key},
        None,
        only([E, C, P], 200),
    ),
    "checkin_open": ("post", lambda w: {"key": w.cast.partnership.key}, {}, only([C, P], 302)),
    "checkin_answer": (
        "get",
        lambda w: {"key": w.cast.partnership.key, "number": 1, "slug": w.cast.jette.slug},
        None,
        only([E, C], 200),
    ),
    # Jette's narrative of the year: Jette's editors and coordinators only, not Tarija's.
    "narrative_edit": (
        "get",
        lambda w: {"key": w.cast.partnership.key, "year": timezone.now().year, "slug": w.cast.jette.slug},
        None,
        only([E, C], 200),
    ),
}


class World:
    def __init__(self, cast, make_user):
        self.cast = cast
        cast.jette.logo.save("jette.png", ContentFile(png_bytes()), save=True)
        self.target = Membership.objects.create(
            organisation=cast.jette, user=make_user("target@jette.test"), role=Role.VIEWER
        )
        self.invitation = Invitation.objects.create(organisation=cast.jette, email="new@jette.test")
        CheckInRound.objects.create(partnership=cast.partnership, number=1)
        self.exchange = Exchange.objects.create(
            partnership=cast.partnership, title="Réunion en ligne", date=datetime.date(2025, 3, 4)
        )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_expected_status(name, role, cast, as_role, make_user):
    world = World(cast, make_user)
    method, kwargs, data, expected = MATRIX[name]
    client = as_role(role)
    url = reverse(f"partners:{name}", kwargs=kwargs(world))
    response = client.post(url, data) if method == "post" else client.get(url)
    assert response.status_code == expected[role], (name, role, response.status_code)


def test_every_url_of_the_app_is_in_the_matrix():
    names = {pattern.name for pattern in partners_urls.urlpatterns}
    assert names == set(MATRIX)


def test_anonymous_visitors_are_sent_to_the_login_page(cast, client):
    response = client.get(reverse("partners:partnership_edit", kwargs={"key": cast.partnership.key}))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_private_partnership_is_unknown_to_outsiders_and_invited_parties_see_it(cast, as_role):
    cast.partnership.visibility = "parties"
    cast.partnership.save()
    url = reverse("partners:partnership_detail", kwargs={"key": cast.partnership.key})
    for role, status in [(A, 404), (O, 404), (V, 200), (P, 200), (I, 200), (S, 200)]:
        assert as_role(role).get(url).status_code == status, role
    assert (
        as_role(O).get(reverse("partners:partnership_edit", kwargs={"key": cast.partnership.key})).status_code
        == 404
    )
    narrative = reverse(
        "partners:narrative_edit",
        kwargs={"key": cast.partnership.key, "year": timezone.now().year, "slug": cast.jette.slug},
    )
    for role, status in [(A, 302), (O, 404), (V, 403), (E, 200), (P, 403), (I, 403), (S, 403)]:
        assert as_role(role).get(narrative).status_code == status, role


def test_a_forged_key_or_slug_answers_404(as_role, cast):
    client = as_role(C)
    assert client.get("/fr/partnerships/nosuchkey/").status_code == 404
    assert client.get("/fr/organisations/no-such-slug/").status_code == 404
    assert client.get("/fr/invitations/forged-token/").status_code == 404
    url = reverse("partners:party_edit", kwargs={"key": cast.partnership.key, "slug": cast.periferia.slug})
    assert client.get(url).status_code == 404


def test_staff_verifies_but_does_not_edit_shared_objects(cast, as_role):
    client = as_role(S)
    url = reverse("partners:partnership_edit", kwargs={"key": cast.partnership.key})
    assert (
        client.post(
            url, {"name": "Renamed", "kind": "commune_to_commune", "visibility": "public", "version": 1}
        ).status_code
        == 403
    )
    cast.partnership.refresh_from_db()
    assert cast.partnership.name == "Jette – Tarija"


def test_csrf_is_required_on_actions(cast, client, make_user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(cast.user(C))
    url = reverse("partners:checkin_open", kwargs={"key": cast.partnership.key})
    assert strict.post(url, {}).status_code == 403


def test_the_visibility_of_one_partnership_is_the_rule_of_the_lists(
    make_organisation, make_partnership, member, make_user
):
    """``partnership_is_visible_to`` (a page, from its prefetched parties) and
    ``partnerships_visible_to`` (the lists, in SQL) agree, case by case."""
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Prefetch

    from partners.models import Partnership, PartnershipParty, PartnershipVisibility, PartyStatus
    from partners.permissions import partnership_is_visible_to, partnerships_visible_to

    public_a, public_b = make_organisation("Public A"), make_organisation("Public B")
    private = make_organisation("Private", public=False)
    unverified = make_organisation("Unverified", verified=False)
    cases = [
        make_partnership("Both public", [public_a, public_b]),
        make_partnership("With a private party", [public_a, private]),
        make_partnership("With an unverified party", [public_a, unverified]),
        make_partnership("Private invited only", [public_a], invited=[private]),
        make_partnership("Parties only", [public_a, public_b], visibility=PartnershipVisibility.PARTIES),
        make_partnership("No accepted party", [public_b]),
    ]
    cases[-1].parties.update(status=PartyStatus.INVITED)
    users = {
        "anonymous": AnonymousUser(),
        "outsider": make_user(),
        "private member": member(private),
        "public_b member": member(public_b),
        "unverified member": member(unverified),
        "staff": make_user(staff=True),
    }
    parties = PartnershipParty.objects.select_related("organisation")
    for label, user in users.items():
        listed = set(partnerships_visible_to(user, Partnership.objects.all()).values_list("pk", flat=True))
        for partnership in Partnership.objects.prefetch_related(Prefetch("parties", queryset=parties)):
            assert partnership_is_visible_to(user, partnership) == (partnership.pk in listed), (
                label,
                partnership.name,
            )


# --- Permission names: declared once, an unknown one never grants ---------------------------


@pytest.mark.parametrize(
    "lookup",
    [
        lambda cast, user: get_partnership_for_user(user, cast.partnership.key, "partners.partnership:fly"),
        lambda cast, user: get_partnership_for_user(user, cast.partnership.key, "delete"),
        lambda cast, user: get_partnership_for_user(user, cast.partnership.key, "edit"),  # bare: refused
        lambda cast, user: get_partnership_for_user(user, cast.partnership.key, "partners.organisation:view"),
        lambda cast, user: get_organisation_for_user(user, cast.jette.slug, "partners.organisation:own"),
        lambda cast, user: get_organisation_for_user(user, cast.jette.slug, "edit"),
    ],
)
def test_an_unknown_permission_name_is_refused_even_to_staff(cast, lookup):
    with pytest.raises(UnknownPermission):
        lookup(cast, cast.user("staff"))


def test_the_declared_names_answer_404_then_403_by_role(cast):
    editor, viewer = cast.user("party_editor"), cast.user("party_viewer")
    key = cast.partnership.key
    assert get_partnership_for_user(editor, key, "partners.partnership:edit") == cast.partnership
    with pytest.raises(PermissionDenied):
        get_partnership_for_user(viewer, key, "partners.partnership:edit")
    with pytest.raises(Http404):
        get_organisation_for_user(viewer, "no-such-organisation", "partners.organisation:view")
    assert get_organisation_for_user(viewer, cast.jette.slug, "partners.organisation:member") == cast.jette
    with pytest.raises(PermissionDenied):
        get_organisation_for_user(viewer, cast.jette.slug, "partners.organisation:manage")
    assert {
        "partners.organisation:view",
        "partners.organisation:member",
        "partners.organisation:manage",
        "partners.organisation:verify",
        "partners.partnership:view",
        "partners.partnership:read_private",
        "partners.partnership:edit",
        "partners.partnership:decide",
    } <= soliris_permissions.declared()


def test_the_roles_are_read_once_per_request_and_never_kept_on_the_user(cast, django_assert_num_queries):
    user = cast.user("party_editor")
    assert roles_by_organisation(user) == {cast.jette.pk: Role.EDITOR}
    assert not any(name.startswith("_soliris") for name in vars(user))
    token = soliris_permissions._request_cache.set({})  # what the middleware does for a request
    try:
        with django_assert_num_queries(1):
            roles_by_organisation(user)
            roles_by_organisation(user)
        Membership.objects.filter(user=user).update(role=Role.COORDINATOR)
        forget_roles(user)
        assert roles_by_organisation(user) == {cast.jette.pk: Role.COORDINATOR}
    finally:
        soliris_permissions._request_cache.reset(token)
