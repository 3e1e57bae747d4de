"""Exchanges between the parties of a partnership, and their travel."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models.organisations import Organisation
from partners.models.partnerships import Partnership
from soliris.keys import KeyField


class ExchangeKind(models.TextChoices):
    MEETING = "meeting", pgettext_lazy("exchange kind", "Meeting")
    VISIT = "visit", pgettext_lazy("exchange kind", "Visit")
    TRAINING = "training", pgettext_lazy("exchange kind", "Training")
    DIALOGUE = "dialogue", pgettext_lazy("exchange kind", "Dialogue")


class ExchangeFormat(models.TextChoices):
    ONLINE = "online", pgettext_lazy("exchange format", "Online")
    IN_PERSON = "in_person", pgettext_lazy("exchange format", "In person")


class Exchange(models.Model):
    """A meeting, visit, training or dialogue of a partnership."""

    key = KeyField()
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="exchanges")
    kind = models.CharField(
        _("kind"), max_length=16, choices=ExchangeKind.choices, default=ExchangeKind.MEETING
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    format = models.CharField(
        _("online or in person"), max_length=16, choices=ExchangeFormat.choices, default=ExchangeFormat.ONLINE
    )
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("hosted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For an in-person exchange: the party whose territory received the visit."),
    )
    travellers_from = models.ForeignKey(
        Organisation,
        verbose_name=_("visitors from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For an in-person exchange: the party whose people travelled."),
    )
    participants = models.PositiveIntegerField(_("number of participants"), default=0)
    languages = ArrayField(
        models.CharField(max_length=8), verbose_name=_("languages spoken"), default=list, blank=True
    )
    interpretation = models.BooleanField(_("with interpretation"), default=False)
    outcome = models.TextField(_("outcome"), blank=True)
    # Grows with every saved change.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["partnership", "date"], name="partners_exchange_date_idx")]

    def __str__(self):
        return self.title

    @property
    def co2_kg(self):
        return sum((leg.co2_kg for leg in self.legs.all()), 0)


class TravelMode(models.TextChoices):
    PLANE = "plane", pgettext_lazy("travel mode", "Plane")
    TRAIN = "train", pgettext_lazy("travel mode", "Train")
    CAR = "car", pgettext_lazy("travel mode", "Car")
    BUS = "bus", pgettext_lazy("travel mode", "Bus or coach")


class TravelLeg(models.Model):
    """One leg of the journey to an in-person exchange; CO₂ from ``partners.carbon``."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="legs")
    origin = models.CharField(_("from"), max_length=120)
    destination = models.CharField(_("to"), max_length=120)
    mode = models.CharField(_("mode"), max_length=8, choices=TravelMode.choices)
    distance_km = models.PositiveIntegerField(_("distance (km)"), validators=[MinValueValidator(1)])
    travellers = models.PositiveSmallIntegerField(
        _("travellers"), default=1, validators=[MinValueValidator(1)]
    )
    round_trip = models.BooleanField(_("round trip"), default=True)
    co2_kg = models.DecimalField(_("estimated CO₂ (kg)"), max_digits=10, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("travel leg")
        verbose_name_plural = _("travel legs")
        ordering = ["id"]

    def __str__(self):
        return f"{self.origin} → {self.destination}"


# --- Check-ins ("mental photos") ----------------------------------------------------------
