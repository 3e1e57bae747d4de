"""What erasing an account removes from partners (``soliris.privacy``): memberships end —
their history stays — and invitations still waiting for the person's address go."""

from django.utils import timezone

from partners.models import Invitation, InvitationStatus, Membership


def erase(user) -> None:
    Membership.objects.filter(user=user, active_until__isnull=True).update(active_until=timezone.localdate())
    addresses = [user.email, *user.emailaddress_set.values_list("email", flat=True)]
    Invitation.objects.filter(email__in=addresses, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.CANCELLED
    )
