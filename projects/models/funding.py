"""What is put into a project: money or work, by a party or an outside funder, per currency."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from projects.models.projects import Project, ProjectParty
from soliris.keys import KeyField


class Currency(models.TextChoices):
    EUR = "EUR", _("EUR — euro")
    USD = "USD", _("USD — US dollar")
    XOF = "XOF", _("XOF — West African CFA franc")
    BOB = "BOB", _("BOB — boliviano")
    GTQ = "GTQ", _("GTQ — quetzal")
    PEN = "PEN", _("PEN — sol")
    CAD = "CAD", _("CAD — Canadian dollar")
    CHF = "CHF", _("CHF — Swiss franc")
    GBP = "GBP", _("GBP — pound sterling")


class FundingKind(models.TextChoices):
    CASH = "cash", pgettext_lazy("funding kind", "Cash")
    IN_KIND = "in_kind", pgettext_lazy("funding kind", "In kind")


class FundingLine(models.Model):
    """Money or work put into the project, by a party or an outside funder."""

    key = KeyField()
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding_lines")
    party = models.ForeignKey(
        ProjectParty,
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_lines",
    )
    funder_name = models.CharField(_("outside funder"), max_length=200, blank=True)
    label = models.CharField(_("what it pays for"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    kind = models.CharField(_("kind"), max_length=16, choices=FundingKind.choices, default=FundingKind.CASH)

    class Meta:
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(party__isnull=False) & Q(funder_name=""))
                | (Q(party__isnull=True) & ~Q(funder_name="")),
                name="projects_funding_one_source",
                violation_error_code="one_source",
                violation_error_message=_("Choose either a party or an outside funder, not both."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="projects_funding_not_negative",
                violation_error_code="negative_amount",
                violation_error_message=_("The amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.source_name}: {self.amount} {self.currency}"

    @property
    def source_name(self) -> str:
        return str(self.party.organisation) if self.party_id else self.funder_name
