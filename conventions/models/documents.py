"""Conventions and charters co-drafted by all parties, each in its own language.

A document belongs to a partnership or to a joint project; its parties are that partnership's
accepted parties or that project's confirmed parties — see ``Document._accepted_parties()``,
the one place that says so.
Its working draft is a list of clauses, each with one text per language; a version freezes
the draft as an immutable snapshot that every party approves, then signs.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import Organisation, Partnership, PartyStatus
from projects.models import ProjectPartyStatus
from soliris.keys import KeyField

LANGUAGE_CHOICES = settings.LANGUAGES
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class DocumentKind(models.TextChoices):
    CONVENTION = "convention", pgettext_lazy("document kind", "Convention")
    CHARTER = "charter", pgettext_lazy("document kind", "Operating charter")
    ADDENDUM = "addendum", pgettext_lazy("document kind", "Addendum")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("document status", "Draft being written")
    PROPOSED = "proposed", pgettext_lazy("document status", "Version proposed for approval")
    AGREED = "agreed", pgettext_lazy("document status", "Agreed, awaiting signatures")
    SIGNED = "signed", pgettext_lazy("document status", "Signed")


class Document(models.Model):
    key = KeyField(verbose_name=_("key"))
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("joint project"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conventions",
    )
    amends = models.ForeignKey(
        "self",
        verbose_name=_("amends"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="addenda",
    )
    authentic_languages = ArrayField(
        models.CharField(max_length=8, choices=LANGUAGE_CHOICES),
        verbose_name=_("authentic languages"),
        default=list,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    template = models.CharField(_("charter template"), max_length=60, blank=True)
    # Guards the settings form (title, authentic languages) against concurrent saves.
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    # Grows with every change of the working draft.
    draft_revision = models.PositiveIntegerField(
        default=0,
        verbose_name=_("draft revision"),
    )
    # Number of the latest version.
    last_number = models.PositiveIntegerField(default=0, verbose_name=_("latest version number"))
    published_version = models.ForeignKey(
        "Version",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published version"),
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    # The parties whose editors propose changes instead of editing (each party's coordinators
    # choose for their own party; on by default for an addendum).
    suggest_only_parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties that only suggest changes"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(partnership__isnull=False, project__isnull=True)
                | models.Q(partnership__isnull=True, project__isnull=False),
                name="conventions_document_one_owner",
                violation_error_message=_("A document belongs to a partnership or to a project."),
                violation_error_code="one_owner",
            )
        ]

    def __str__(self):
        return self.title

    def get_authentic_languages_display(self) -> str:
        """The authentic languages by name, in the interface language (the conflict screen)."""
        names = dict(LANGUAGE_CHOICES)
        return ", ".join(str(names.get(code, code)) for code in self.authentic_languages)

    # --- Who the parties are: the one place that says so ---

    @property
    def owner(self):
        """The partnership or the joint project this document frames."""
        return self.partnership if self.partnership_id is not None else self.project

    def _accepted_parties(self):
        """The partnership's accepted parties, or the project's confirmed ones (parties prefetched
        by ``selectors.with_parties``)."""
        if self.partnership_id is not None:
            return [p for p in self.partnership.parties.all() if p.status == PartyStatus.ACCEPTED]
        if self.project_id is not None:
            return [p for p in self.project.parties.all() if p.status == ProjectPartyStatus.CONFIRMED]
        return []

    def party_organisation_ids(self) -> list[int]:
        """Organisation ids of this document's parties (uses prefetched parties when present)."""
        return [party.organisation_id for party in self._accepted_parties()]

    def party_organisations(self) -> list[Organisation]:
        return [party.organisation for party in self._accepted_parties()]

    @property
    def next_number(self) -> int:
        """The number the working draft will have when it is proposed."""
        return self.last_number + 1


class TranslationState(models.IntegerChoices):
    """With gaps, so that "at least to review" is a filter (Weblate-like)."""

    MISSING = 0, pgettext_lazy("translation state", "Missing")
    TO_REVIEW = 10, pgettext_lazy("translation state", "To review")
    UP_TO_DATE = 20, pgettext_lazy("translation state", "Up to date")


class Clause(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="clauses")
    key = KeyField()
    position = models.PositiveIntegerField(_("position"), default=0)
    original_language = models.CharField(_("original language"), max_length=8, choices=LANGUAGE_CHOICES)
    removed_at = models.DateTimeField(_("removed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.document} — {self.position}"


class ClauseText(models.Model):
    """A clause's heading and body in one language; ``revision`` guards concurrent saves."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    is_original = models.BooleanField(_("original text"), default=False)
    state = models.PositiveSmallIntegerField(
        _("translation state"), choices=TranslationState.choices, default=TranslationState.UP_TO_DATE
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    source_revision = models.PositiveIntegerField(
        _("revision of the original it translates"), null=True, blank=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("clause text")
        verbose_name_plural = _("clause texts")
        ordering = ["clause", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["clause", "language"],
                name="conventions_one_text_per_language",
                violation_error_message=_("This clause already has a text in this language."),
                violation_error_code="one_text_per_language",
            )
        ]

    def __str__(self):
        return f"{self.clause} [{self.language}]"


class ThreadStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("comment thread status", "Open")
    RESOLVED = "resolved", pgettext_lazy("comment thread status", "Resolved")


class CommentThread(models.Model):
    key = KeyField()
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="threads")
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="threads")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    status = models.CharField(
        _("status"), max_length=16, choices=ThreadStatus.choices, default=ThreadStatus.OPEN
    )
    # The version the draft was heading to.
    version_number = models.PositiveIntegerField(_("made on the draft of version"))
    mentions = models.ManyToManyField(Organisation, verbose_name=_("parties mentioned"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment thread")
        verbose_name_plural = _("comment threads")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.clause} — {self.key}"


class Comment(models.Model):
    thread = models.ForeignKey(CommentThread, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.author} — {self.created_at:%Y-%m-%d}"


class VersionStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("version status", "Proposed for approval")
    SUPERSEDED = "superseded", pgettext_lazy("version status", "Superseded")
    AGREED = "agreed", pgettext_lazy("version status", "Agreed by every party")
    SIGNED = "signed", pgettext_lazy("version status", "Signed")


class Version(models.Model):
    """An immutable snapshot of the draft. A database trigger refuses any change to it.

    ``snapshot`` = {"title", "authentic_languages", "clauses": [{"key", "original_language",
    "texts": {lang: {"heading", "body", "state", "is_original"}}}]}. Only the lifecycle
    fields (status and its dates, the PDF request) ever change after creation.
    """

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("number"))
    status = models.CharField(
        _("status"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.PROPOSED
    )
    snapshot = models.JSONField(_("frozen text"))
    draft_revision = models.PositiveIntegerField(default=0, verbose_name=_("draft revision"))
    reason = models.TextField(_("why this version"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_by_name = models.CharField(_("proposed by"), max_length=200)
    proposed_at = models.DateTimeField(_("proposed on"))
    superseded_at = models.DateTimeField(_("superseded on"), null=True, blank=True)
    agreed_at = models.DateTimeField(_("agreed on"), null=True, blank=True)
    signed_at = models.DateTimeField(_("signed on"), null=True, blank=True)
    pdf_requested_at = models.DateTimeField(_("PDF requested on"), null=True, blank=True)
    pdf_received_at = models.DateTimeField(_("PDF job received on"), null=True, blank=True)
    # The agreed charter, certified with an empty field per party (``conventions.chain``):
    # what each party's signature is added to.
    agreed_job = models.ForeignKey(
        "soliris.RenderJob",
        verbose_name=_("agreed PDF"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The worker job rendering the signed charter (one bilingual PDF, see documents.py).
    pdf_job = models.ForeignKey(
        "soliris.RenderJob",
        verbose_name=_("signed PDF"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"],
                name="conventions_one_version_number",
                violation_error_message=_(
                    "Another version with this number was proposed meanwhile: reload the page."
                ),
                violation_error_code="one_version_number",
            )
        ]

    def __str__(self):
        return f"{self.document} — v{self.number}"

    @property
    def clauses(self):
        return self.snapshot.get("clauses", [])
