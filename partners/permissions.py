"""Who may do what in the registry.

Parity: a right on a shared object (a partnership, and the projects and conventions of the
other apps) is granted to *a member of any accepted party*, by role — never to the
creator or to the initiating organisation.

Other apps build on ``role_in(user, organisation_ids)``.
"""

from django.db.models import Q
from django.utils import timezone

from partners.models import ROLE_RANK, Membership, PartyStatus, Role


def active_memberships(user):
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    today = timezone.localdate()
    return Membership.objects.filter(user=user, active_until__isnull=True, active_from__lte=today)


def roles_by_organisation(user) -> dict[int, str]:
    """{organisation id: role} of the user's active memberships (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_soliris_roles", None)
    if cached is None:
        cached = dict(active_memberships(user).values_list("organisation_id", "role"))
        user._soliris_roles = cached
    return cached


def forget_roles(user) -> None:
    """Call after changing a user's memberships within a request."""
    if hasattr(user, "_soliris_roles"):
        del user._soliris_roles


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
    from partners.models import PartnershipVisibility

    if getattr(user, "is_staff", False):
        return queryset
    organisation_ids = list(roles_by_organisation(user))
    return queryset.filter(
        Q(visibility=PartnershipVisibility.PUBLIC, parties__status=PartyStatus.ACCEPTED)
        | Q(
            parties__organisation_id__in=organisation_ids,
            parties__status__in=[PartyStatus.ACCEPTED, PartyStatus.INVITED],
        )
    ).distinct()


__all__ = [
    "Role",
    "accepted_party_ids",
    "active_memberships",
    "at_least",
    "forget_roles",
    "invited_party_ids",
    "partnership_role",
    "partnerships_visible_to",
    "role_in",
    "roles_by_organisation",
]
