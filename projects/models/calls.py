"""Calls for projects, the projects' answers to them and the publisher's decisions."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import Organisation
from projects.models.funding import Currency
from projects.models.projects import Project
from projects.models.sdgs import Goal
from soliris.keys import KeyField


class Call(models.Model):
    """A call for projects, published by an organisation (a commune...) or by the platform."""

    key = KeyField(verbose_name=_("key"))
    publisher = models.ForeignKey(
        Organisation,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        help_text=_("Empty: published by the platform."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    criteria = models.TextField(_("criteria"), blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    goals = models.ManyToManyField(Goal, verbose_name=_("SDG focus"), blank=True, related_name="calls")
    opens_at = models.DateTimeField(_("opens on"))
    closes_at = models.DateTimeField(_("closes on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created on"))
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")
        ordering = ["-closes_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="projects_call_closes_after_opening",
                violation_error_code="closes_before_opening",
                violation_error_message=_("The call must close after it opens."),
            )
        ]

    def __str__(self):
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    @property
    def is_published(self) -> bool:
        """Listed publicly and open to answers: the platform's, or its publisher is verified."""
        return self.publisher_id is None or self.publisher.verified_at is not None

    @property
    def publisher_name(self) -> str:
        return str(self.publisher) if self.publisher_id else "Soliris"


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("submission status", "Under review")
    SELECTED = "selected", pgettext_lazy("submission status", "Selected")
    DECLINED = "declined", pgettext_lazy("submission status", "Not selected")


class Submission(models.Model):
    """A project's answer to a call, and the publisher's decision on it."""

    key = KeyField(verbose_name=_("key"))
    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("call for projects")
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("joint project")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(default=timezone.now, verbose_name=_("submitted on"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided on"))
    reason = models.TextField(_("reason"), blank=True)
    requested_amount = models.DecimalField(
        _("amount requested from the call"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In the call's currency; the publisher compares it with the call's budget."),
    )
    notified_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("notified on"))

    class Meta:
        verbose_name = _("answer to a call")
        verbose_name_plural = _("answers to calls")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "project"],
                name="projects_one_answer_per_call",
                violation_error_code="already_answered",
                violation_error_message=_("This project has already answered this call."),
            )
        ]

    def __str__(self):
        return f"{self.project} → {self.call}"
