"""Events and the workshops of their programme."""

import zoneinfo

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import Organisation, Theme
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


def published_q(prefix: str = "") -> Q:
    """The events the public sees (listed, open to registration): organised by the platform,
    or by at least one organisation the platform has verified. ``prefix`` reaches the event
    through a relation (``"section__event__"``)."""
    verified = Event.organisers.through.objects.filter(
        event_id=OuterRef(f"{prefix}pk"), organisation__verified_at__isnull=False
    )
    return Q(**{f"{prefix}platform_event": True}) | Q(Exists(verified))


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
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created on"))
    # Cancelled by an organiser (``events.services.event_cancel``): it stays, with its
    # registrations, marked cancelled everywhere it is shown; nobody registers any more.
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True, editable=False)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        # The agenda and the recommendations are read in the order of the events' dates: along
        # this index, the first page stops early instead of sorting every row (``make bench``).
        indexes = [models.Index(fields=["-starts_at"], name="events_event_newest")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message=_("The end comes before the start."),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        # That the end comes after the start is the constraint's to say (its message).
        if self.registration_deadline and self.ends_at and self.registration_deadline > self.ends_at:
            raise ValidationError(
                {"registration_deadline": _("The deadline comes after the end of the event.")}
            )

    @property
    def is_published(self) -> bool:
        """Listed publicly and open to registration: see :func:`published_q` (the same rule,
        on the organisers as loaded)."""
        return self.platform_event or any(org.verified_at for org in self.organisers.all())

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
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def registration_open(self) -> bool:
        if self.cancelled_at is not None:
            return False
        now = timezone.now()
        if self.registration_deadline:
            return now <= self.registration_deadline
        return now <= self.ends_at


class Workshop(models.Model):
    """A workshop in an event's programme (a Soliris day has several, each on a theme)."""

    key = KeyField(verbose_name=_("key"))
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
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="events_workshop_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message=_("The end must come after the start."),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        event = getattr(self, "event", None)
        if (
            event
            and self.starts_at
            and self.ends_at
            and (self.starts_at < event.starts_at or self.ends_at > event.ends_at)
        ):
            raise ValidationError(_("A workshop takes place within its event's times."))
