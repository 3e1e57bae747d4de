from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from partners.models import DecisionLevel, InvitedParty, Organisation, Partnership
from soliris import search
from soliris.keys import KeyField

# --- SDG reference data ----------------------------------------------------------------------


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


# --- Projects ----------------------------------------------------------------------------------


class ProjectStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("project status", "Draft")
    PROPOSED = "proposed", pgettext_lazy("project status", "Proposed to partners")
    CONFIRMED = "confirmed", pgettext_lazy("project status", "Confirmed by partners")
    SUBMITTED = "submitted", pgettext_lazy("project status", "Submitted")
    SELECTED = "selected", pgettext_lazy("project status", "Selected")
    DECLINED = "declined", pgettext_lazy("project status", "Not selected")
    RUNNING = "running", pgettext_lazy("project status", "Running")
    COMPLETED = "completed", pgettext_lazy("project status", "Completed")
    EVALUATED = "evaluated", pgettext_lazy("project status", "Evaluated")


# Statuses in which a project is shown to everyone (drafts stay among the parties).
PUBLIC_STATUSES = [
    ProjectStatus.SUBMITTED,
    ProjectStatus.SELECTED,
    ProjectStatus.RUNNING,
    ProjectStatus.COMPLETED,
    ProjectStatus.EVALUATED,
]


class Project(models.Model):
    """A joint project: co-constructed by its parties, none of them owns it."""

    key = KeyField()
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    proposed_by = models.ForeignKey(
        Organisation,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Recorded for the record only: it gives no extra right."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    search_document = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at", "-id"]
        indexes = [search.gin_index("projects_project_search")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="projects_project_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES


class ProjectStatusChange(models.Model):
    """Who moved the project from one status to another, and when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=16, choices=ProjectStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=ProjectStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.project}: {self.from_status} → {self.to_status}"


class ProjectPartyStatus(models.TextChoices):
    INVITED = "invited", pgettext_lazy("project party status", "Invited")
    CONFIRMED = "confirmed", pgettext_lazy("project party status", "Confirmed")
    DECLINED = "declined", pgettext_lazy("project party status", "Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("project party status", "Invitation withdrawn")


# Parties no longer in the project: kept for the history, without any right.
INACTIVE_PARTY = [ProjectPartyStatus.DECLINED, ProjectPartyStatus.WITHDRAWN]


class ProjectParty(InvitedParty):
    """An organisation's side of a project. A declined party is kept for the history."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="project_parties"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProjectPartyStatus.choices, default=ProjectPartyStatus.INVITED
    )
    role = models.TextField(_("role in the project"), blank=True)
    contribution = models.TextField(_("contribution"), blank=True)
    decision_level = models.CharField(
        _("decision level"), max_length=16, choices=DecisionLevel.choices, default=DecisionLevel.CO_DECIDES
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("project party")
        verbose_name_plural = _("project parties")
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="projects_one_party_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.project}"

    @property
    def is_complete(self) -> bool:
        return bool(self.role.strip() and self.contribution.strip())


class Site(models.Model):
    """A place where the project has effects, in one of the territories ("here and there")."""

    key = KeyField()
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sites")
    country = CountryField(_("country"))
    locality = models.CharField(_("locality"), max_length=120)
    change = models.TextField(_("what changes there"), blank=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["id"]

    def __str__(self):
        return f"{self.locality} ({self.country.code})"


class SDGLink(models.Model):
    """A goal the project contributes to, with targets of that goal; exactly one is primary."""

    key = KeyField()
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sdg_links")
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="project_links"
    )
    targets = models.ManyToManyField(
        Target, verbose_name=_("targets"), blank=True, related_name="project_links"
    )
    is_primary = models.BooleanField(_("primary goal"), default=False)
    contribution = models.TextField(_("how the project contributes"), blank=True)

    class Meta:
        verbose_name = _("SDG link")
        verbose_name_plural = _("SDG links")
        ordering = ["-is_primary", "goal__number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "goal"], name="projects_one_link_per_goal"),
            models.UniqueConstraint(
                fields=["project"], condition=Q(is_primary=True), name="projects_one_primary_goal"
            ),
        ]

    def __str__(self):
        return f"{self.project} — {self.goal}"


class Currency(models.TextChoices):
    EUR = "EUR", _("EUR — euro")
    USD = "USD", _("USD — US dollar")
    XOF = "XOF", _("XOF — West African CFA franc")
    BOB = "BOB", _("BOB — boliviano")
    GTQ = "GTQ", _("GTQ — quetzal")
    PEN = "PEN", _("PEN — sol")
    CAD = "CAD", _("CAD — Canadian dollar")
    CHF = "CHF", _("CHF — Swiss franc")
    GBP = "GBP", _("GBP — pound sterling")


class FundingKind(models.TextChoices):
    CASH = "cash", pgettext_lazy("funding kind", "Cash")
    IN_KIND = "in_kind", pgettext_lazy("funding kind", "In kind")


class FundingLine(models.Model):
    """Money or work put into the project, by a party or an outside funder."""

    key = KeyField()
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding_lines")
    party = models.ForeignKey(
        ProjectParty,
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_lines",
    )
    funder_name = models.CharField(_("outside funder"), max_length=200, blank=True)
    label = models.CharField(_("what it pays for"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    kind = models.CharField(_("kind"), max_length=16, choices=FundingKind.choices, default=FundingKind.CASH)

    class Meta:
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(party__isnull=False) & Q(funder_name=""))
                | (Q(party__isnull=True) & ~Q(funder_name="")),
                name="projects_funding_one_source",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="projects_funding_not_negative"),
        ]

    def __str__(self):
        return f"{self.source_name}: {self.amount} {self.currency}"

    @property
    def source_name(self) -> str:
        return str(self.party.organisation) if self.party_id else self.funder_name


def document_path(instance, filename):
    return f"projects/{instance.project.key}/{instance.key}/{filename}"


class ProjectDocument(models.Model):
    key = KeyField()
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    original_name = models.CharField(max_length=200, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False, default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self):
        return self.title


# --- Calls for projects ---------------------------------------------------------------------


class Call(models.Model):
    """A call for projects, published by an organisation (a commune...) or by the platform."""

    key = KeyField()
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
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")
        ordering = ["-closes_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="projects_call_closes_after_opening"
            )
        ]

    def __str__(self):
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    @property
    def publisher_name(self) -> str:
        return str(self.publisher) if self.publisher_id else "Soliris"


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("submission status", "Under review")
    SELECTED = "selected", pgettext_lazy("submission status", "Selected")
    DECLINED = "declined", pgettext_lazy("submission status", "Not selected")


class Submission(models.Model):
    """A project's answer to a call, and the publisher's decision on it."""

    key = KeyField()
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="submissions")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="submissions")
    status = models.CharField(
        _("status"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("answer to a call")
        verbose_name_plural = _("answers to calls")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "project"], name="projects_one_answer_per_call")
        ]

    def __str__(self):
        return f"{self.project} → {self.call}"


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
            models.UniqueConstraint(fields=["partnership", "goal"], name="projects_one_partnership_goal")
        ]

    def __str__(self):
        return f"{self.partnership} — {self.goal}"
