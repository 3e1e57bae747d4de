"""A change proposed to a clause's text in one language instead of an edit: another party
accepts it (the text changes as by an edit) or rejects it with a reason; its proposer may
withdraw it. Open suggestions keep the draft from being proposed as a version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from conventions.models.documents import LANGUAGE_CHOICES, Clause, CommentThread, Document
from partners.models import Organisation
from soliris.keys import KeyField


class SuggestionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("suggestion status", "Open")
    ACCEPTED = "accepted", pgettext_lazy("suggestion status", "Accepted")
    REJECTED = "rejected", pgettext_lazy("suggestion status", "Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("suggestion status", "Withdrawn")


class Suggestion(models.Model):
    key = KeyField()
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="suggestions", verbose_name=_("document")
    )
    clause = models.ForeignKey(
        Clause, on_delete=models.CASCADE, related_name="suggestions", verbose_name=_("clause")
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    # The party that proposes it: only another party accepts or rejects it.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed for")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    body = models.TextField(_("proposed text"))
    # The revision of the text it was based on (0: no text in this language yet), and that text.
    base_revision = models.PositiveIntegerField(_("revision it is based on"), default=0)
    base_heading = models.CharField(_("heading it is based on"), max_length=300, blank=True)
    base_body = models.TextField(_("text it is based on"), blank=True)
    reason = models.TextField(_("why"), blank=True)
    thread = models.ForeignKey(
        CommentThread,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("discussion"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.clause} [{self.language}] — {self.key}"
