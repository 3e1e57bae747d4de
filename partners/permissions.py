"""Who may do what in the registry.

Parity: a right on a shared object (a partnership, and the projects and conventions of the
other apps) is granted to *a member of any accepted party*, by role — never to the
creator or to the initiating organisation.

Every permission name of the app is declared here once (``soliris.permissions.declare``);
the ``get_<thing>_for_user`` helpers take one of those names and refuse any other
(``UnknownPermission``): a typo never grants. Other apps build on
``role_in(user, organisation_ids)``.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from partners.models import (
    ROLE_RANK,
    Membership,
    Organisation,
    Partnership,
    PartnershipParty,
    PartnershipVisibility,
    PartyStatus,
    Role,
    Visibility,
)
from soliris import permissions

# --- Roles ----------------------------------------------------------------------------------


def active_memberships(user):
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    today = timezone.localdate()
    return Membership.objects.filter(user=user, active_until__isnull=True, active_from__lte=today)


def _roles_key(user):
    return ("roles", user.pk)


def roles_by_organisation(user) -> dict[int, str]:
    """{organisation id: role} of the user's active memberships (read once per request)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return permissions.request_cached(
        _roles_key(user), lambda: dict(active_memberships(user).values_list("organisation_id", "role"))
    )


def forget_roles(user) -> None:
    """Call after changing a user's memberships within a request."""
    if getattr(user, "pk", None) is not None:
        permissions.forget(_roles_key(user))


def role_in(user, organisation_ids) -> str | None:
    """The highest role the user holds in any of ``organisation_ids``, or None."""
    roles = roles_by_organisation(user)
    best = None
    for organisation_id in organisation_ids:
        role = roles.get(organisation_id)
        if role and (best is None or ROLE_RANK[role] > ROLE_RANK[best]):
            best = role
    return best


def at_least(role: str | None, minimum: str) -> bool:
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[minimum]


# --- Partnerships ---------------------------------------------------------------------------


def accepted_party_ids(partnership) -> list[int]:
    """Organisation ids of the accepted parties (uses prefetched parties when present)."""
    return [p.organisation_id for p in partnership.parties.all() if p.status == PartyStatus.ACCEPTED]


def invited_party_ids(partnership) -> list[int]:
    return [p.organisation_id for p in partnership.parties.all() if p.status == PartyStatus.INVITED]


def partnership_role(user, partnership) -> str | None:
    """The user's role on a partnership: through any accepted party, the same for all parties."""
    return role_in(user, accepted_party_ids(partnership))


def partnerships_visible_to(user, queryset):
    """Public partnerships, and those where the user belongs to an accepted or invited party."""
    if getattr(user, "is_staff", False):
        return queryset
    organisation_ids = list(roles_by_organisation(user))
    return queryset.filter(
        Q(
            public_partnership_q(),
            visibility=PartnershipVisibility.PUBLIC,
            parties__status=PartyStatus.ACCEPTED,
        )
        | Q(
            parties__organisation_id__in=organisation_ids,
            parties__status__in=[PartyStatus.ACCEPTED, PartyStatus.INVITED],
        )
    ).distinct()


def partnership_is_visible_to(user, partnership) -> bool:
    """``partnerships_visible_to`` for one partnership whose parties (with their organisations)
    are prefetched: the same rule, without a query (tested against it)."""
    if getattr(user, "is_staff", False):
        return True
    parties = list(partnership.parties.all())
    mine = set(roles_by_organisation(user))
    if any(
        p.organisation_id in mine and p.status in (PartyStatus.ACCEPTED, PartyStatus.INVITED) for p in parties
    ):
        return True
    accepted = [p for p in parties if p.status == PartyStatus.ACCEPTED]
    return (
        partnership.visibility == PartnershipVisibility.PUBLIC
        and bool(accepted)
        and all(organisation_is_public(p.organisation) for p in accepted)
    )


def public_partnership_q():
    """Public partnerships whose accepted parties are all public and verified organisations.

    A partnership with a private or unverified party is never shown to the public: it would
    reveal that party.
    """
    hidden_party = PartnershipParty.objects.filter(
        partnership=OuterRef("pk"), status=PartyStatus.ACCEPTED
    ).filter(Q(organisation__verified_at__isnull=True) | ~Q(organisation__visibility=Visibility.PUBLIC))
    return Q(visibility=PartnershipVisibility.PUBLIC) & ~Q(Exists(hidden_party))


# --- Organisations --------------------------------------------------------------------------


def organisation_is_public(organisation) -> bool:
    return organisation.visibility == Visibility.PUBLIC and organisation.verified_at is not None


def can_view_organisation(user, organisation) -> bool:
    """Public and verified: anyone; "members" and verified: signed-in users; otherwise its
    members, the organisations it shares a partnership with, and the platform staff."""
    if organisation_is_public(organisation):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or organisation.pk in roles_by_organisation(user):
        return True
    if organisation.visibility == Visibility.MEMBERS and organisation.verified_at is not None:
        return True
    mine = list(roles_by_organisation(user))
    live = [PartyStatus.ACCEPTED, PartyStatus.INVITED]
    return (
        bool(mine)
        and PartnershipParty.objects.filter(
            organisation=organisation,
            status__in=live,
            partnership__parties__organisation_id__in=mine,
            partnership__parties__status__in=live,
        ).exists()
    )


# --- The declared permission names (rules predicates, for templates and other apps) ---------


@rules.predicate
def _can_view_organisation(user, organisation):
    return can_view_organisation(user, organisation)


@rules.predicate
def _member_of_organisation(user, organisation):
    return role_in(user, [organisation.pk]) is not None


@rules.predicate
def _coordinates_organisation(user, organisation):
    return at_least(role_in(user, [organisation.pk]), Role.COORDINATOR)


@rules.predicate
def _sees_partnership(user, partnership):
    return partnership_is_visible_to(user, partnership)


@rules.predicate
def _reads_partnership(user, partnership):
    return partnership_role(user, partnership) is not None


@rules.predicate
def _edits_partnership(user, partnership):
    return at_least(partnership_role(user, partnership), Role.EDITOR)


@rules.predicate
def _decides_partnership(user, partnership):
    return at_least(partnership_role(user, partnership), Role.COORDINATOR)


ORGANISATION_VIEW = "partners.organisation:view"
ORGANISATION_MEMBER = "partners.organisation:member"
ORGANISATION_MANAGE = "partners.organisation:manage"
ORGANISATION_VERIFY = "partners.organisation:verify"
PARTNERSHIP_VIEW = "partners.partnership:view"
PARTNERSHIP_READ_PRIVATE = "partners.partnership:read_private"
PARTNERSHIP_EDIT = "partners.partnership:edit"
PARTNERSHIP_DECIDE = "partners.partnership:decide"

permissions.declare(ORGANISATION_VIEW, _can_view_organisation)
permissions.declare(ORGANISATION_MEMBER, _member_of_organisation)
permissions.declare(ORGANISATION_MANAGE, _coordinates_organisation)
permissions.declare(ORGANISATION_VERIFY, rules.is_staff)
permissions.declare(PARTNERSHIP_VIEW, _sees_partnership)
permissions.declare(PARTNERSHIP_READ_PRIVATE, _reads_partnership)
permissions.declare(PARTNERSHIP_EDIT, _edits_partnership)
permissions.declare(PARTNERSHIP_DECIDE, _decides_partnership)


def _declared(thing: str, perm: str) -> str:
    """``perm`` itself when it is a declared ``partners.<thing>:<action>`` name; otherwise raise
    ``UnknownPermission`` (a typo, a bare "edit", a name for another kind of object)."""
    permissions.require_declared(perm)
    if not perm.startswith(f"partners.{thing}:"):
        raise permissions.UnknownPermission(f"{perm!r} is not a permission on a {thing}")
    return perm


def get_organisation_for_user(user, slug: str, perm: str = ORGANISATION_VIEW):
    """404 when the organisation is not visible to ``user``, 403 without ``perm``
    (``partners.organisation:view``, ``:member`` or ``:manage``)."""
    name = _declared("organisation", perm)
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not can_view_organisation(user, organisation):
        raise permissions.NotKnown
    if not permissions.has(user, name, organisation):
        raise PermissionDenied
    return organisation


def get_partnership_for_user(user, key: str, perm: str = PARTNERSHIP_VIEW, queryset=None):
    """404 when the partnership is not visible to ``user``, 403 without ``perm``
    (``partners.partnership:view``, ``:edit`` — an editor of an accepted party — or
    ``:decide`` — a coordinator of an accepted party)."""
    name = _declared("partnership", perm)
    queryset = queryset if queryset is not None else Partnership.objects.all()
    # Every party once, with its organisation, in the order of the invitations: the roles are
    # read from them here and the pages show them (``selectors.partnership_page``).
    parties = PartnershipParty.objects.select_related("organisation").order_by("invited_at", "pk")
    # Read by its key, then checked against its parties: no sub-query to plan (``make bench``).
    partnership = queryset.filter(key=key).prefetch_related(Prefetch("parties", queryset=parties)).first()
    if partnership is None or not partnership_is_visible_to(user, partnership):
        raise permissions.NotKnown
    if not permissions.has(user, name, partnership):
        raise PermissionDenied
    return partnership


__all__ = [
    "can_view_organisation",
    "get_organisation_for_user",
    "get_partnership_for_user",
    "organisation_is_public",
    "public_partnership_q",
    "Role",
    "accepted_party_ids",
    "active_memberships",
    "at_least",
    "forget_roles",
    "invited_party_ids",
    "partnership_role",
    "partnership_is_visible_to",
    "partnerships_visible_to",
    "role_in",
    "roles_by_organisation",
]
