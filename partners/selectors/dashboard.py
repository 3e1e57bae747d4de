"""The home page's figures and the dashboard of a signed-in person."""

from allauth.account.models import EmailAddress
from django.db.models import Count
from django.utils import timezone

from partners.models import (
    CheckInAnswer,
    Invitation,
    InvitationStatus,
    Membership,
    Partnership,
    PartnershipParty,
    PartyStatus,
    Role,
)
from partners.permissions import (
    at_least,
)
from partners.selectors.directory import (
    listed_organisation_country_counts,
    listed_partnership_country_counts,
)

# --- Home and dashboard ---------------------------------------------------------------------


def home_context() -> dict:
    return {"stats": public_directory_stats()}


def public_directory_stats() -> dict:
    """The directories' own figures, kept in the cache with their counts per country (and
    forgotten with them): no count over every organisation on each request (``make bench``)."""
    countries, organisations = listed_organisation_country_counts()
    _partnership_countries, partnerships = listed_partnership_country_counts()
    return {"organisations": organisations, "countries": len(countries), "partnerships": partnerships}


def dashboard_context(user) -> dict:
    today = timezone.localdate()
    memberships = list(
        Membership.objects.filter(user=user, active_until__isnull=True).select_related("organisation")
    )
    organisation_ids = [m.organisation_id for m in memberships]
    coordinated = [m.organisation_id for m in memberships if m.role == Role.COORDINATOR]
    edited = [m.organisation_id for m in memberships if at_least(m.role, Role.EDITOR)]
    partnerships = list(
        Partnership.objects.filter(
            parties__organisation_id__in=organisation_ids, parties__status=PartyStatus.ACCEPTED
        )
        .distinct()
        .order_by("name")[:50]
    )
    party_invitations = list(
        PartnershipParty.objects.filter(
            organisation_id__in=coordinated, status=PartyStatus.INVITED
        ).select_related("partnership", "organisation")
    )
    # Invitations sent to an address the user has verified: only those may be accepted.
    emails = [
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    ]
    personal_invitations = list(
        Invitation.objects.filter(
            email__in=emails, status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
        ).select_related("organisation")
    )
    parties_due = list(
        PartnershipParty.objects.filter(
            organisation_id__in=edited,
            status=PartyStatus.ACCEPTED,
            partnership__checkin_rounds__isnull=False,
        )
        .exclude(partnership__status="ended")
        .select_related("partnership", "organisation")
        .annotate(last_round=Count("partnership__checkin_rounds", distinct=True))
    )
    answered = set(
        CheckInAnswer.objects.filter(party__in=[p.pk for p in parties_due]).values_list(
            "party_id", "round__number"
        )
    )
    checkins_due = [p for p in parties_due if (p.pk, p.last_round) not in answered]
    del emails
    return {
        "partners_memberships": memberships,
        "partners_partnerships": partnerships,
        "partners_party_invitations": party_invitations,
        "partners_personal_invitations": personal_invitations,
        "partners_checkins_due": checkins_due,
        "partners_today": today,
    }
