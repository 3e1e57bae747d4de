"""Registrations for an event and for its workshops, with their waiting lists."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models.events import Event, Workshop, validate_languages


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITING = "waiting", pgettext_lazy("registration status", "On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


ACTIVE_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class Registration(models.Model):
    """A person's registration for an event. Cancelled, never deleted."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="event_registrations",
        verbose_name=_("person"),
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        blank=True,
        help_text=_("Step-free access, sign language, large print, a quiet room... Tell us what helps."),
    )
    interpretation_needs = ArrayField(
        models.CharField(max_length=8),
        verbose_name=_("interpretation needed into"),
        default=list,
        blank=True,
        validators=[validate_languages],
    )
    created_at = models.DateTimeField(_("registered on"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="events_one_active_registration",
                violation_error_code="already_registered",
                violation_error_message=_("This person is already registered for this event."),
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.event}"


class WorkshopRegistration(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="workshop_registrations"
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("workshop registration")
        verbose_name_plural = _("workshop registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "registration"],
                condition=~Q(status="cancelled"),
                name="events_one_active_workshop_registration",
                violation_error_code="already_in_workshop",
                violation_error_message=_("This person is already registered for this workshop."),
            )
        ]

    def __str__(self):
        return f"{self.registration_id} — {self.workshop}"
