"""Joint projects: their status and its history, their parties, sites, SDG links and documents."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from partners.models import DecisionLevel, InvitedParty, Organisation, Partnership
from partners.models.organisations import Placed
from projects.models.sdgs import Goal, Target
from soliris import search
from soliris.keys import KeyField


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

    key = KeyField(verbose_name=_("key"))
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
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created on"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated on"))
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    search_document = models.TextField(editable=False, default="", verbose_name=_("search text"))

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at", "-id"]
        indexes = [
            search.gin_index("projects_project_search"),
            # The lists' order: the newest twenty read off the index, not sorted out of every
            # project on each request (``make bench``).
            models.Index(fields=["-created_at", "-id"], name="projects_project_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="projects_project_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message=_("The end comes before the start."),
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
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("project party")
        verbose_name_plural = _("project parties")
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="projects_one_party_per_organisation",
                violation_error_code="party_taken",
                violation_error_message=_("This organisation is already a party to this project."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.project}"

    @property
    def is_complete(self) -> bool:
        return bool(self.role.strip() and self.contribution.strip())


class Site(Placed):
    """A place where the project has effects, in one of the territories ("here and there")."""

    key = KeyField()
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sites")
    country = CountryField(_("country"))
    locality = models.CharField(_("locality"), max_length=120)
    change = models.TextField(_("what changes there"), blank=True)

    class Meta(Placed.Meta):
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
            models.UniqueConstraint(
                fields=["project", "goal"],
                name="projects_one_link_per_goal",
                violation_error_code="goal_taken",
                violation_error_message=_("This goal is already linked to the project."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(is_primary=True),
                name="projects_one_primary_goal",
                violation_error_code="primary_taken",
                violation_error_message=_("The project already has a primary goal."),
            ),
        ]

    def __str__(self):
        return f"{self.project} — {self.goal}"


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
