"""Each party's narrative of a partnership's year, in its own words and language: the annual
report sets them side by side."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models.checkins import WRITTEN_IN
from partners.models.organisations import Organisation
from partners.models.partnerships import Partnership

NARRATIVE_MAX_LENGTH = 3000  # a short narrative: about a page of the report, per party


class PartnershipNarrative(models.Model):
    """What one party says of the partnership's year. Every accepted party writes its own (the
    same right for each); the others read it. Open until the annual report of the year is
    generated, then kept as it was printed."""

    partnership = models.ForeignKey(
        Partnership, verbose_name=_("partnership"), on_delete=models.CASCADE, related_name="narratives"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="narratives"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("written in"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("narrative"), max_length=NARRATIVE_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("partnership narrative")
        verbose_name_plural = _("partnership narratives")
        ordering = ["year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation", "year"],
                name="partners_one_narrative_per_party_and_year",
                violation_error_code="narrative_exists",
                violation_error_message=_("Your organisation already wrote its narrative of this year."),
            )
        ]

    def __str__(self):
        return f"{self.partnership} — {self.organisation} ({self.year})"

    @property
    def written_in(self) -> str:
        """ "written in Spanish", in the reader's language."""
        return str(WRITTEN_IN.get(self.language, ""))
