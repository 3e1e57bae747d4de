from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from soliris import search
from soliris.keys import KeyField


class OrganisationKind(models.TextChoices):
    COMMUNE = "commune", pgettext_lazy("organisation kind", "Commune")
    ASSOCIATION = "association", pgettext_lazy("organisation kind", "Association")
    DIASPORA = "diaspora", pgettext_lazy("organisation kind", "Diaspora collective")
    NGO = "ngo", pgettext_lazy("organisation kind", "NGO")
    ADVISORY_COUNCIL = "advisory_council", pgettext_lazy("organisation kind", "Advisory council")
    PUBLIC_INSTITUTION = "public_institution", pgettext_lazy("organisation kind", "Public institution")
    NETWORK = "network", pgettext_lazy("organisation kind", "Network")
    UNIVERSITY = "university", pgettext_lazy("organisation kind", "University")
    SSE = "sse", pgettext_lazy("organisation kind", "Social and solidarity economy structure")
    CITIZEN_COLLECTIVE = "citizen_collective", pgettext_lazy("organisation kind", "Citizen collective")


class Visibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("visibility", "Public")
    MEMBERS = "members", pgettext_lazy("visibility", "Platform members only")
    PRIVATE = "private", pgettext_lazy("visibility", "Private")


class Theme(models.Model):
    """A translated taxonomy of the fields partners work in (water, agroecology, gender...)."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    country = CountryField(_("country"))
    locality = models.CharField(_("locality"), max_length=120, blank=True)
    languages = ArrayField(
        models.CharField(max_length=8),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
        help_text=_("Language codes such as fr, nl, en, es."),
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="organisations")
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    verified_at = models.DateTimeField(_("verified by the platform on"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    search_document = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            search.gin_index("partners_organisation_search"),
            # The public directory: its counts per country and its first page by name.
            models.Index(
                fields=["country", "id"],
                name="partners_org_listed_country",
                condition=Q(visibility="public", verified_at__isnull=False),
            ),
            # The counts per country once a kind is chosen, read from the index alone.
            models.Index(
                fields=["kind", "country"],
                name="partners_org_listed_kind",
                condition=Q(visibility="public", verified_at__isnull=False),
            ),
            models.Index(
                fields=["name", "id"],
                name="partners_org_listed_name",
                condition=Q(visibility="public", verified_at__isnull=False),
            ),
            # Counts of partnerships per country of their parties, without reading the wide rows.
            models.Index(fields=["id"], include=["country"], name="partners_org_country_by_id"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Role(models.TextChoices):
    """A person's role in an organisation, from least to most rights."""

    VIEWER = "viewer", pgettext_lazy("membership role", "Viewer")
    EDITOR = "editor", pgettext_lazy("membership role", "Editor")
    COORDINATOR = "coordinator", pgettext_lazy("membership role", "Coordinator")


ROLE_RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.COORDINATOR: 3}


class Membership(models.Model):
    """A person in an organisation. Ended, never deleted: staff turnover keeps its history."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    function = models.CharField(_("function"), max_length=120, blank=True)
    languages = ArrayField(
        models.CharField(max_length=8), verbose_name=_("working languages"), default=list, blank=True
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels")
    communication_preferences = models.TextField(_("communication preferences"), blank=True)
    may_sign = models.BooleanField(_("may sign for the organisation"), default=False)
    active_from = models.DateField(_("active from"), default=timezone.localdate)
    active_until = models.DateField(_("active until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "-active_until", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=Q(active_until__isnull=True),
                name="partners_one_active_membership",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.active_until is None


class PartnershipKind(models.TextChoices):
    COMMUNE_TO_COMMUNE = "commune_to_commune", pgettext_lazy("partnership kind", "Commune-to-commune")
    ASSOCIATION = "association", pgettext_lazy("partnership kind", "Association partnership")
    MULTI_ACTOR = "multi_actor", pgettext_lazy("partnership kind", "Multi-actor network")


class PartnershipStatus(models.TextChoices):
    EXPLORING = "exploring", pgettext_lazy("partnership status", "Exploring")
    ACTIVE = "active", pgettext_lazy("partnership status", "Active")
    PAUSED = "paused", pgettext_lazy("partnership status", "Paused")
    ENDED = "ended", pgettext_lazy("partnership status", "Ended")


class PartnershipVisibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("partnership visibility", "Public")
    PARTIES = "parties", pgettext_lazy("partnership visibility", "Parties only")


class Partnership(models.Model):
    """Two or more organisations, as equals. No party owns it: see PartnershipParty."""

    key = KeyField()
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=PartnershipKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=PartnershipStatus.choices, default=PartnershipStatus.EXPLORING
    )
    description = models.TextField(_("description"), blank=True)
    started_on = models.DateField(_("start"), null=True, blank=True)
    ended_on = models.DateField(_("end"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    exit_clause = models.TextField(_("exit clause"), blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=PartnershipVisibility.choices,
        default=PartnershipVisibility.PUBLIC,
    )
    initiated_by = models.ForeignKey(
        Organisation,
        verbose_name=_("initiated by"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Recorded for the record only: it gives no extra right."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Optimistic concurrency: checked on every update."
    )
    search_document = models.TextField(editable=False, default="")
    countries = ArrayField(
        models.CharField(max_length=2),
        default=list,
        blank=True,
        editable=False,
        help_text="Countries of the accepted parties, kept by the services (directory facets).",
    )
    is_listed = models.BooleanField(
        default=False,
        editable=False,
        db_index=True,
        help_text="In the public directory: public, with accepted parties that are all public and verified. "
        "Kept by the services (see partners.services.refresh_partnership_document).",
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]
        indexes = [
            search.gin_index("partners_partnership_search"),
            models.Index(
                fields=["name", "id"], name="partners_partnership_listed", condition=Q(is_listed=True)
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="partners_partnership_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name


class PartyStatus(models.TextChoices):
    INVITED = "invited", pgettext_lazy("party status", "Invited")
    ACCEPTED = "accepted", pgettext_lazy("party status", "Accepted")
    DECLINED = "declined", pgettext_lazy("party status", "Declined")
    LEFT = "left", pgettext_lazy("party status", "Left")


class DecisionLevel(models.TextChoices):
    INFORMED = "informed", pgettext_lazy("decision level", "Informed")
    CONSULTED = "consulted", pgettext_lazy("decision level", "Consulted")
    CO_DECIDES = "co_decides", pgettext_lazy("decision level", "Co-decides")


class InvitedParty(models.Model):
    """Who invited an organisation to a shared object and who answered for it, and when: the
    same record for a partnership's and a project's parties."""

    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class PartnershipParty(InvitedParty):
    """An organisation's side of a partnership: invited until one of its coordinators accepts."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnership_parties",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PartyStatus.choices, default=PartyStatus.INVITED
    )
    role = models.TextField(_("role in the partnership"), blank=True)
    contribution_financial = models.TextField(_("financial contribution"), blank=True)
    contribution_technical = models.TextField(_("technical contribution"), blank=True)
    contribution_human = models.TextField(_("human contribution"), blank=True)
    contribution_expertise = models.TextField(_("expertise contributed"), blank=True)
    expectations = models.TextField(_("expectations"), blank=True)
    decision_level = models.CharField(
        _("decision level"), max_length=16, choices=DecisionLevel.choices, default=DecisionLevel.CO_DECIDES
    )
    financial_share = models.DecimalField(
        _("financial share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="partners_one_party_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.partnership}"


# --- Invitations of people into an organisation -----------------------------------------


def invitation_expiry():
    from datetime import timedelta

    return timezone.now() + timedelta(days=14)


def new_token():
    import secrets

    return secrets.token_urlsafe(32)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("invitation status", "Pending")
    ACCEPTED = "accepted", pgettext_lazy("invitation status", "Accepted")
    CANCELLED = "cancelled", pgettext_lazy("invitation status", "Cancelled")


class Invitation(models.Model):
    """A person invited by email to join an organisation; accepted after sign-up or log-in."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EDITOR)
    function = models.CharField(_("function"), max_length=120, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expires_at = models.DateTimeField(_("expires on"), default=invitation_expiry)
    status = models.CharField(
        _("status"), max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(_("language of the email"), max_length=8, default="fr")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_usable(self) -> bool:
        return self.status == InvitationStatus.PENDING and self.expires_at > timezone.now()


# --- Exchanges and travel -----------------------------------------------------------------


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
    version = models.PositiveIntegerField(default=1, help_text="Grows with every saved change.")
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
            models.UniqueConstraint(fields=["partnership", "number"], name="partners_one_round_number")
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
            models.UniqueConstraint(fields=["round", "party"], name="partners_one_answer_per_party")
        ]

    def __str__(self):
        return f"{self.round} — {self.party.organisation}"

    def scores(self) -> list[int]:
        return [getattr(self, name) for name, _label in CHECKIN_DIMENSIONS]

    @property
    def written_in(self) -> str:
        """ "written in Spanish", in the reader's language ("" when unknown)."""
        return str(WRITTEN_IN.get(self.language, ""))
