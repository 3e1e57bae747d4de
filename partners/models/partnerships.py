"""Partnerships between organisations, and each party's side of one."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models.organisations import Organisation
from soliris import search
from soliris.keys import KeyField


class PartnershipKind(models.TextChoices):
    COMMUNE_TO_COMMUNE = "commune_to_commune", pgettext_lazy("partnership kind", "Commune-to-commune")
    ASSOCIATION = "association", pgettext_lazy("partnership kind", "Association partnership")
    MULTI_ACTOR = "multi_actor", pgettext_lazy("partnership kind", "Multi-actor network")


class PartnershipStatus(models.TextChoices):
    EXPLORING = "exploring", pgettext_lazy("partnership status", "Exploring")
    ACTIVE = "active", pgettext_lazy("partnership status", "Active")
    PAUSED = "paused", pgettext_lazy("partnership status", "Paused")
    ENDED = "ended", pgettext_lazy("partnership status", "Ended")


class PartnershipVisibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("partnership visibility", "Public")
    PARTIES = "parties", pgettext_lazy("partnership visibility", "Parties only")


class Partnership(models.Model):
    """Two or more organisations, as equals. No party owns it: see PartnershipParty."""

    key = KeyField()
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=PartnershipKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=PartnershipStatus.choices, default=PartnershipStatus.EXPLORING
    )
    description = models.TextField(_("description"), blank=True)
    started_on = models.DateField(_("start"), null=True, blank=True)
    ended_on = models.DateField(_("end"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    exit_clause = models.TextField(_("exit clause"), blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=PartnershipVisibility.choices,
        default=PartnershipVisibility.PUBLIC,
    )
    initiated_by = models.ForeignKey(
        Organisation,
        verbose_name=_("initiated by"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Recorded for the record only: it gives no extra right."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic concurrency: checked on every update.
    version = models.PositiveIntegerField(default=1)
    search_document = models.TextField(editable=False, default="")
    # Countries of the accepted parties, kept by the services (directory facets).
    countries = ArrayField(models.CharField(max_length=2), default=list, blank=True, editable=False)
    # In the public directory: public, with accepted parties that are all public and verified.
    # Kept by the services (see partners.services.refresh_partnership_document).
    is_listed = models.BooleanField(
        default=False,
        editable=False,
        db_index=True,
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]
        indexes = [
            search.gin_index("partners_partnership_search"),
            models.Index(
                fields=["name", "id"], name="partners_partnership_listed", condition=Q(is_listed=True)
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="partners_partnership_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message=_("The end comes after the start."),
            )
        ]

    def __str__(self):
        return self.name


class PartyStatus(models.TextChoices):
    INVITED = "invited", pgettext_lazy("party status", "Invited")
    ACCEPTED = "accepted", pgettext_lazy("party status", "Accepted")
    DECLINED = "declined", pgettext_lazy("party status", "Declined")
    LEFT = "left", pgettext_lazy("party status", "Left")


class DecisionLevel(models.TextChoices):
    INFORMED = "informed", pgettext_lazy("decision level", "Informed")
    CONSULTED = "consulted", pgettext_lazy("decision level", "Consulted")
    CO_DECIDES = "co_decides", pgettext_lazy("decision level", "Co-decides")


class InvitedParty(models.Model):
    """Who invited an organisation to a shared object and who answered for it, and when: the
    same record for a partnership's and a project's parties."""

    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class PartnershipParty(InvitedParty):
    """An organisation's side of a partnership: invited until one of its coordinators accepts."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnership_parties",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PartyStatus.choices, default=PartyStatus.INVITED
    )
    role = models.TextField(_("role in the partnership"), blank=True)
    contribution_financial = models.TextField(_("financial contribution"), blank=True)
    contribution_technical = models.TextField(_("technical contribution"), blank=True)
    contribution_human = models.TextField(_("human contribution"), blank=True)
    contribution_expertise = models.TextField(_("expertise contributed"), blank=True)
    expectations = models.TextField(_("expectations"), blank=True)
    decision_level = models.CharField(
        _("decision level"), max_length=16, choices=DecisionLevel.choices, default=DecisionLevel.CO_DECIDES
    )
    financial_share = models.DecimalField(
        _("financial share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                name="partners_one_party_per_organisation",
                violation_error_code="already_party",
                violation_error_message=_("This organisation is already a party to this partnership."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.partnership}"
