"""People in an organisation: roles, memberships, and invitations to join."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models.organisations import Organisation


class Role(models.TextChoices):
    """A person's role in an organisation, from least to most rights."""

    VIEWER = "viewer", pgettext_lazy("membership role", "Viewer")
    EDITOR = "editor", pgettext_lazy("membership role", "Editor")
    COORDINATOR = "coordinator", pgettext_lazy("membership role", "Coordinator")


ROLE_RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.COORDINATOR: 3}


class Membership(models.Model):
    """A person in an organisation. Ended, never deleted: staff turnover keeps its history."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    function = models.CharField(_("function"), max_length=120, blank=True)
    languages = ArrayField(
        models.CharField(max_length=8), verbose_name=_("working languages"), default=list, blank=True
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels")
    communication_preferences = models.TextField(_("communication preferences"), blank=True)
    may_sign = models.BooleanField(_("may sign for the organisation"), default=False)
    active_from = models.DateField(_("active from"), default=timezone.localdate)
    active_until = models.DateField(_("active until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic concurrency: checked on every update.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "-active_until", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=Q(active_until__isnull=True),
                name="partners_one_active_membership",
                violation_error_code="already_member",
                violation_error_message=_("This person is already a member of the organisation."),
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.active_until is None


# --- Invitations of people into an organisation -----------------------------------------


def invitation_expiry():
    return timezone.now() + timedelta(days=14)


def new_token():
    return secrets.token_urlsafe(32)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("invitation status", "Pending")
    ACCEPTED = "accepted", pgettext_lazy("invitation status", "Accepted")
    CANCELLED = "cancelled", pgettext_lazy("invitation status", "Cancelled")


class Invitation(models.Model):
    """A person invited by email to join an organisation; accepted after sign-up or log-in."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EDITOR)
    function = models.CharField(_("function"), max_length=120, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expires_at = models.DateTimeField(_("expires on"), default=invitation_expiry)
    status = models.CharField(
        _("status"), max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(_("language of the email"), max_length=8, default="fr")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_usable(self) -> bool:
        return self.status == InvitationStatus.PENDING and self.expires_at > timezone.now()


# --- Exchanges and travel -----------------------------------------------------------------
