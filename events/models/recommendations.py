"""Recommendations gathered at events: sections, endorsements and their follow-up."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models.events import Event, Workshop
from partners.models import Organisation, Theme
from soliris import search
from soliris.keys import KeyField


class RecommendationSection(models.Model):
    """A section of an event's recommendations ("Agir collectivement"), with its introduction."""

    key = KeyField(verbose_name=_("key"))
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="recommendation_sections"
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("section of recommendations")
        verbose_name_plural = _("sections of recommendations")
        ordering = ["event", "position", "id"]

    def __str__(self):
        return self.title


class RecommendationStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("recommendation status", "Proposed")
    ADOPTED = "adopted", pgettext_lazy("recommendation status", "Adopted")
    CARRIED = "carried", pgettext_lazy("recommendation status", "Carried to the authorities")
    IMPLEMENTING = "implementing", pgettext_lazy("recommendation status", "Being implemented")
    IMPLEMENTED = "implemented", pgettext_lazy("recommendation status", "Implemented")
    SET_ASIDE = "set_aside", pgettext_lazy("recommendation status", "Set aside")


class Recommendation(models.Model):
    """A recommendation gathered at an event (or one of its workshops), numbered in its section,
    linked to themes of the registry and to Sustainable Development Goals of the projects app."""

    key = KeyField(verbose_name=_("key"))
    section = models.ForeignKey(
        RecommendationSection,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("gathered in the workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("recommendation"))
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    sdg_goals = models.ManyToManyField(
        "projects.Goal",
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="recommendations",
    )
    status = models.CharField(
        _("follow-up status"),
        max_length=16,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.PROPOSED,
    )
    status_reason = models.TextField(_("reason for setting it aside"), blank=True)
    # The follow-up (status and notes) has its own version: two organisers recording it at
    # once see each other's note instead of one status silently replacing the other.
    follow_up_version = models.PositiveIntegerField(default=1, verbose_name=_("follow-up version"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created on"))
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    search_document = models.TextField(editable=False, default="", verbose_name=_("search text"))

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["section__position", "section_id", "number"]
        indexes = [search.gin_index("events_recommendation_search")]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "number"],
                name="events_one_number_per_section",
                violation_error_code="number_taken",
                violation_error_message=_("Another recommendation of this section has this number."),
            ),
            models.CheckConstraint(
                condition=~Q(status="set_aside") | ~Q(status_reason=""),
                name="events_set_aside_has_reason",
                violation_error_code="set_aside_without_reason",
                violation_error_message=_("Say why the recommendation is set aside."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"


class Endorsement(models.Model):
    """An organisation endorses a recommendation (by one of its coordinators); withdrawn, not deleted."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="endorsements")
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    endorsed_at = models.DateTimeField(default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["endorsed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "organisation"],
                condition=Q(withdrawn_at__isnull=True),
                name="events_one_active_endorsement",
                violation_error_code="already_endorsed",
                violation_error_message=_("This organisation already endorses this recommendation."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.recommendation}"


class FollowUpNote(models.Model):
    """A dated note on a recommendation's follow-up, with the status it set."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="notes")
    status = models.CharField(_("status"), max_length=16, choices=RecommendationStatus.choices)
    text = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("written on"), default=timezone.now)

    class Meta:
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.created_at:%Y-%m-%d})"
