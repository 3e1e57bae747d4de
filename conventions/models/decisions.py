"""What each party decides on a version: its approval, then its signature, then its consent
to publish the signed text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from conventions.models.documents import Version
from partners.models import Organisation


class Decision(models.TextChoices):
    APPROVED = "approved", pgettext_lazy("approval decision", "Approved")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("approval decision", "Changes requested")


class Approval(models.Model):
    """A party's decision on one version; it belongs to that version only."""

    version = models.ForeignKey(
        Version, on_delete=models.PROTECT, related_name="approvals", verbose_name=_("version")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided on"))

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["decided_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "organisation"],
                name="conventions_one_decision_per_party",
                violation_error_message=_("Your party has already decided on this version."),
                violation_error_code="one_decision_per_party",
            )
        ]

    def __str__(self):
        return f"{self.version} — {self.organisation}: {self.decision}"


class Signature(models.Model):
    version = models.ForeignKey(
        Version, on_delete=models.PROTECT, related_name="signatures", verbose_name=_("signed version")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("signing organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("signed by")
    )
    signer_name = models.CharField(_("name"), max_length=200)
    signer_function = models.CharField(_("function"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    consent = models.BooleanField(_("explicit consent"), default=False)
    signed_at = models.DateTimeField(_("signed on"))
    # The job adding this party's own signature to the charter (``conventions.chain``).
    seal_job = models.ForeignKey(
        "soliris.RenderJob",
        verbose_name=_("PDF with this signature"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "user", "organisation"],
                name="conventions_sign_once",
                violation_error_message=_("You have already signed this version for this organisation."),
                violation_error_code="sign_once",
            )
        ]

    def __str__(self):
        return f"{self.version} — {self.shown_name} ({self.organisation_name})"

    @property
    def shown_name(self) -> str:
        """The signer's full name as recorded, never an email address (a signature recorded
        before full names were required shows the person's name now, or "a member")."""
        name = (self.signer_name or "").strip()
        if not name or "@" in name:
            return str(self.user) if self.user_id else ""
        return name


class PublicationConsent(models.Model):
    """One coordinator of a party agrees to publish the signed version; all parties must."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="publication_consents")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField()

    class Meta:
        verbose_name = _("publication consent")
        verbose_name_plural = _("publication consents")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "organisation"],
                name="conventions_one_consent_per_party",
                violation_error_message=_("Your party has already agreed to publish this version."),
                violation_error_code="one_consent_per_party",
            )
        ]

    def __str__(self):
        return f"{self.version} — {self.organisation}"
