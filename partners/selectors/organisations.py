"""The organisation page."""

from django.db.models import Q

from partners.models import (
    InvitationStatus,
    Partnership,
    PartnershipParty,
    PartyStatus,
    Role,
)
from partners.permissions import (
    at_least,
    public_partnership_q,
    role_in,
    roles_by_organisation,
)
from soliris import audit

# --- Organisation page ----------------------------------------------------------------------


def organisation_page(organisation, user) -> dict:
    role = role_in(user, [organisation.pk])
    is_member = role is not None
    context = {
        "organisation": organisation,
        "role": role,
        "is_member": is_member,
        "is_coordinator": at_least(role, Role.COORDINATOR),
        "themes": list(organisation.themes.all()),
    }
    parties = PartnershipParty.objects.filter(organisation=organisation, status=PartyStatus.ACCEPTED)
    partnerships = Partnership.objects.filter(pk__in=parties.values("partnership_id"))
    if not is_member and not getattr(user, "is_staff", False):
        mine = list(roles_by_organisation(user))
        partnerships = partnerships.filter(
            public_partnership_q()
            | Q(
                parties__organisation_id__in=mine,
                parties__status__in=[PartyStatus.ACCEPTED, PartyStatus.INVITED],
            )
        ).distinct()
    context["partnerships"] = list(partnerships.order_by("name")[:100])
    if is_member or getattr(user, "is_staff", False):
        context["memberships"] = list(
            organisation.memberships.select_related("user").order_by("active_until", "user__full_name")
        )
        context["active_memberships"] = [m for m in context["memberships"] if m.is_active]
        context["ended_memberships"] = [m for m in context["memberships"] if not m.is_active]
    if context["is_coordinator"]:
        context["invitations"] = list(
            organisation.invitations.filter(status=InvitationStatus.PENDING).order_by("-created_at")
        )
        context["history"] = list(audit.history(organisation)[:50])
    return context
