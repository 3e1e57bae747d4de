import zoneinfo

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import Organisation, Theme
from soliris import search
from soliris.keys import KeyField


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone."))


def validate_languages(value):
    known = dict(settings.LANGUAGES)
    unknown = [code for code in value if code not in known]
    if unknown:
        raise ValidationError(_("Unknown language: %(codes)s."), params={"codes": ", ".join(unknown)})


class EventKind(models.TextChoices):
    SOLIRIS_DAY = "soliris_day", pgettext_lazy("event kind", "Soliris day")
    WORKSHOP = "workshop", pgettext_lazy("event kind", "Workshop")
    DIALOGUE = "dialogue", pgettext_lazy("event kind", "Dialogue")
    TRAINING = "training", pgettext_lazy("event kind", "Training")
    FORUM = "forum", pgettext_lazy("event kind", "Forum")


class Event(models.Model):
    """A Soliris day, workshop, dialogue, training or forum; organised by organisations
    (their editors and coordinators organise it) and/or by the platform (its staff)."""

    slug = models.SlugField(_("short name in addresses"), max_length=90, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.SOLIRIS_DAY
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Brussels", validators=[validate_time_zone]
    )
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(
        _("online meeting link"), blank=True, help_text=_("Shown to registered people only.")
    )
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organising organisations"), blank=True, related_name="organised_events"
    )
    platform_event = models.BooleanField(
        _("organised by the platform"),
        default=False,
        help_text=_("The platform's staff organise it too."),
    )
    languages = ArrayField(
        models.CharField(max_length=8),
        verbose_name=_("languages spoken"),
        default=list,
        blank=True,
        validators=[validate_languages],
    )
    interpretation = ArrayField(
        models.CharField(max_length=8),
        verbose_name=_("interpretation offered into"),
        default=list,
        blank=True,
        validators=[validate_languages],
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit."),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    previous_edition = models.ForeignKey(
        "self",
        verbose_name=_("previous edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_editions",
        help_text=_("Its recommendations and their follow-up are shown with this event."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="events_event_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end comes before the start.")})
        if self.registration_deadline and self.ends_at and self.registration_deadline > self.ends_at:
            raise ValidationError(
                {"registration_deadline": _("The deadline comes after the end of the event.")}
            )

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.address

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def registration_open(self) -> bool:
        now = timezone.now()
        if self.registration_deadline:
            return now <= self.registration_deadline
        return now <= self.ends_at


class Workshop(models.Model):
    """A workshop in an event's programme (a Soliris day has several, each on a theme)."""

    key = KeyField()
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="workshops"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    facilitators = models.CharField(_("facilitators"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit."),
    )

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="events_workshop_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})
        event = getattr(self, "event", None)
        if (
            event
            and self.starts_at
            and self.ends_at
            and (self.starts_at < event.starts_at or self.ends_at > event.ends_at)
        ):
            raise ValidationError(_("A workshop takes place within its event's times."))


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITING = "waiting", pgettext_lazy("registration status", "On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


ACTIVE_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class Registration(models.Model):
    """A person's registration for an event. Cancelled, never deleted."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="event_registrations"
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
            )
        ]

    def __str__(self):
        return f"{self.registration_id} — {self.workshop}"


class RecommendationSection(models.Model):
    """A section of an event's recommendations ("Agir collectivement"), with its introduction."""

    key = KeyField()
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

    key = KeyField()
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)
    search_document = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["section__position", "section_id", "number"]
        indexes = [search.gin_index("events_recommendation_search")]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="events_one_number_per_section"),
            models.CheckConstraint(
                condition=~Q(status="set_aside") | ~Q(status_reason=""), name="events_set_aside_has_reason"
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
