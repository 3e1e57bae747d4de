"""Check-in rounds ("mental photos") and each party's answers."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models.partnerships import Partnership, PartnershipParty

CHECKIN_DIMENSIONS = [
    ("equality", pgettext_lazy("check-in dimension", "Equality")),
    ("trust", pgettext_lazy("check-in dimension", "Trust")),
    ("transparency", pgettext_lazy("check-in dimension", "Transparency")),
    ("mutual_learning", pgettext_lazy("check-in dimension", "Mutual learning")),
    ("ownership", pgettext_lazy("check-in dimension", "Ownership")),
]


class CheckInRound(models.Model):
    """A round of check-ins: each accepted party answers; answers stay hidden until all have."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="checkin_rounds")
    number = models.PositiveIntegerField(_("round"))
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    due_on = models.DateField(_("answers due by"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in round")
        verbose_name_plural = _("check-in rounds")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "number"],
                name="partners_one_round_number",
                violation_error_code="round_exists",
                violation_error_message=_("This check-in round is already open: reload the page."),
            )
        ]

    def __str__(self):
        return f"{self.partnership} #{self.number}"


def _score_field(label):
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(1), MaxValueValidator(5)])


# One sentence per language, so that each catalogue writes it with its own grammar.
WRITTEN_IN = {
    "fr": _("written in French"),
    "nl": _("written in Dutch"),
    "en": _("written in English"),
    "es": _("written in Spanish"),
}


class CheckInAnswer(models.Model):
    round = models.ForeignKey(CheckInRound, on_delete=models.CASCADE, related_name="answers")
    party = models.ForeignKey(PartnershipParty, on_delete=models.CASCADE, related_name="checkin_answers")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now_add=True)
    equality = _score_field(pgettext_lazy("check-in dimension", "Equality"))
    trust = _score_field(pgettext_lazy("check-in dimension", "Trust"))
    transparency = _score_field(pgettext_lazy("check-in dimension", "Transparency"))
    mutual_learning = _score_field(pgettext_lazy("check-in dimension", "Mutual learning"))
    ownership = _score_field(pgettext_lazy("check-in dimension", "Ownership"))
    where_we_stand = models.TextField(_("where we stand"), blank=True)
    change_wanted = models.TextField(_("the change we want"), blank=True)
    language = models.CharField(
        _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the texts, so that readers know what they read."),
    )

    class Meta:
        verbose_name = _("check-in answer")
        verbose_name_plural = _("check-in answers")
        ordering = ["round", "party_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "party"],
                name="partners_one_answer_per_party",
                violation_error_code="already_answered",
                violation_error_message=_("Your organisation already answered this round."),
            )
        ]

    def __str__(self):
        return f"{self.round} — {self.party.organisation}"

    def scores(self) -> list[int]:
        return [getattr(self, name) for name, _label in CHECKIN_DIMENSIONS]

    @property
    def written_in(self) -> str:
        """ "written in Spanish", in the reader's language ("" when unknown)."""
        return str(WRITTEN_IN.get(self.language, ""))
