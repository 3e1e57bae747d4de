"""The SDG reference data (17 goals, 169 targets) and the goals a partnership's parties share."""

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models import Partnership


class Goal(models.Model):
    """One of the 17 Sustainable Development Goals (reference data, see projects/data)."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    colour = models.CharField(_("colour"), max_length=7, validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$")])
    short_title = models.CharField(_("short title"), max_length=120)
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.short_title}"

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on the goal's colour (WCAG contrast)."""

        def channel(hex_pair):
            value = int(hex_pair, 16) / 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = (channel(self.colour[i : i + 2]) for i in (1, 3, 5))
        luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
        return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


class Target(models.Model):
    """A target of a goal, coded as the UN numbers it ("6.1", "6.a")."""

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(_("code"), max_length=8, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.TextField(_("text"))
    unofficial_languages = ArrayField(
        models.CharField(max_length=8),
        verbose_name=_("languages in the project's own translation"),
        default=list,
        blank=True,
    )
    source = models.JSONField(_("source per language"), default=dict, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["goal__number", "position"]

    def __str__(self):
        return self.code

    def is_unofficial_in(self, language: str) -> bool:
        return language in self.unofficial_languages


class PartnershipGoal(models.Model):
    """A goal the parties of a partnership share."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="sdg_goals")
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="partnership_links"
    )

    class Meta:
        verbose_name = _("shared goal of a partnership")
        verbose_name_plural = _("shared goals of partnerships")
        ordering = ["goal__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "goal"],
                name="projects_one_partnership_goal",
                violation_error_code="goal_shared",
                violation_error_message=_("The partnership already shares this goal."),
            )
        ]

    def __str__(self):
        return f"{self.partnership} — {self.goal}"
