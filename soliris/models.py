from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from soliris.keys import KeyField


class EmailUserManager(UserManager):
    """Users are known by their email address; there is no user name."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the interface and of the emails you receive."),
    )

    # What each topic of notification does besides the in-app entry (soliris.notifications):
    # {topic: delivery}; a topic not listed is mailed at once.
    notification_delivery = models.JSONField(
        _("notification e-mails"), default=dict, blank=True, editable=False
    )

    # Set when the person erased their account (soliris.privacy): what they wrote into shared
    # records stays, attributed to "a former member".
    erased_at = models.DateTimeField(_("account erased on"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    # A person is shown by their name, never by their email address: pages, PDFs and mails
    # other people read say "a member" for someone who gave no name (a name is required to
    # take part: sign, approve, endorse, comment).
    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        if self.erased_at:
            return str(pgettext_lazy("a person who erased their account", "a former member"))
        return self.full_name or str(pgettext_lazy("a person who gave no name", "a member"))

    def get_short_name(self):
        """For a mail's greeting, read by the person alone."""
        return self.full_name.split(" ")[0] if self.full_name else self.email


class AuditEntry(models.Model):
    """One change to a shared object, as the parties see it in its history.

    ``subject`` is the object whose history this belongs to (a partnership, a project, a
    document); ``action`` is a dotted code such as ``partners.partnership.ended``; ``data``
    says what changed.
    """

    action = models.CharField(_("action"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("subject type")
    )
    subject_id = models.PositiveBigIntegerField(verbose_name=_("subject ID"))
    subject = GenericForeignKey("subject_type", "subject_id")
    subject.verbose_name = _("subject")  # GenericForeignKey() takes no verbose_name
    data = models.JSONField(_("what changed"), default=dict, blank=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "-created_at"], name="audit_subject_idx")
        ]

    def __str__(self):
        return f"{self.action} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def label(self):
        from soliris.audit import describe

        return describe(self)


class RenderJobState(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("render job state", "Queued")
    RUNNING = "running", pgettext_lazy("render job state", "Being rendered")
    DONE = "done", pgettext_lazy("render job state", "Ready")
    FAILED = "failed", pgettext_lazy("render job state", "Failed")


class RenderJob(models.Model):
    """A PDF rendered by a worker (see ``soliris.pdf``): one per content hash.

    ``kind`` names a registered document kind (``events.booklet``...), ``parameters``
    what it was asked for (always with ``language``). The same inputs give the same
    ``content_hash``, so an identical request finds this job instead of rendering again.
    """

    key = KeyField(verbose_name=_("key"))
    kind = models.CharField(_("document kind"), max_length=60)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    # Snapshot of the data the document is rendered from; its hash is content_hash.
    inputs = models.JSONField(
        _("inputs"),
        default=dict,
        blank=True,
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="render_jobs",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=RenderJobState.choices, default=RenderJobState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    error = models.TextField(_("error"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True)
    file = models.FileField(_("file"), upload_to="render/", blank=True, max_length=300)
    file_sha256 = models.CharField(_("file fingerprint"), max_length=64, blank=True, db_index=True)
    signed = models.BooleanField(_("digitally signed"), default=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("requested on"), default=timezone.now)
    # When it was last handed to the queue, and when its worker last said it was alive: the
    # sweep (``soliris.pdf.services.job_sweep``) queues again what the queue lost, and fails
    # (with "Try again") what a dead worker left running.
    queued_at = models.DateTimeField(_("queued on"), default=timezone.now)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    started_at = models.DateTimeField(_("started on"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished on"), null=True, blank=True)

    class Meta:
        verbose_name = _("rendered document")
        verbose_name_plural = _("rendered documents")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="soliris_renderjob_progress_max"
            )
        ]

    def __str__(self):
        return self.title or f"{self.kind} ({self.language})"

    @property
    def is_finished(self) -> bool:
        return self.state in (RenderJobState.DONE, RenderJobState.FAILED)


class OutboxKind(models.TextChoices):
    MAIL = "mail", pgettext_lazy("outbox kind", "Email")
    TASK = "task", pgettext_lazy("outbox kind", "Background task")


class OutboxState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("outbox state", "Waiting to be delivered")
    DELIVERED = "delivered", pgettext_lazy("outbox state", "Delivered")


class OutboxMessage(models.Model):
    """A side effect of a change (an email to send, a task to queue), written in the same
    transaction as the change and delivered after it by ``soliris.outbox`` with retries.

    A change that commits always has its side effects on record; a mail server or a broker
    that is down delays them, never loses them, and never turns the change into an error.
    """

    kind = models.CharField(_("kind"), max_length=8, choices=OutboxKind.choices)
    payload = models.JSONField(_("content"), default=dict)
    state = models.CharField(
        _("state"), max_length=12, choices=OutboxState.choices, default=OutboxState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_pending_idx",
                condition=models.Q(state="pending"),
            )
        ]

    def __str__(self):
        return f"{self.kind}: {self.summary}"

    @property
    def summary(self) -> str:
        """The subject of a mail, the name of a task."""
        if self.kind == OutboxKind.MAIL:
            return self.payload.get("subject", "")
        return self.payload.get("task", "")


class RescuedForm(models.Model):
    """What a browser posted when its session had ended (logged out elsewhere, expired, or
    its CSRF token rotated by a log-in in another tab): kept on the server for a day, bound
    to that browser by a random cookie (only its hash is stored), offered back after log-in."""

    key = KeyField(max_length=24)
    browser_hash = models.CharField(max_length=64, db_index=True)
    path = models.CharField(max_length=2000)
    fields = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kept form")
        verbose_name_plural = _("kept forms")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.path} ({self.created_at:%Y-%m-%d %H:%M})"


class UndoOffer(models.Model):
    """A removal that can be taken back for a short while (``soliris.undo``): what was removed,
    serialised by the app that removed it, and until when. Anyone who may remove it again may
    undo it: the app's restorer checks the rights anew."""

    key = KeyField(max_length=24)
    kind = models.CharField(max_length=64)
    data = models.JSONField(default=dict)
    next_url = models.CharField(max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("removal that can be undone")
        verbose_name_plural = _("removals that can be undone")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} ({self.created_at:%Y-%m-%d %H:%M})"


class NotificationTopic(models.TextChoices):
    """What a notification is about: a person chooses per topic how they are told."""

    ORGANISATIONS = "organisations", _("Your organisations: members, verification")
    PARTNERSHIPS = "partnerships", _("Partnerships: parties, answers, check-ins")
    PROJECTS = "projects", _("Projects and calls for projects")
    CONVENTIONS = "conventions", _("Conventions and charters: versions, approvals, signatures")
    COMMENTS = "comments", _("Comments, replies, mentions and translations to review")
    EVENTS = "events", _("Events, workshops and recommendations")


class NotificationDelivery(models.TextChoices):
    """How a person is told of a topic, besides the entry in the notification centre."""

    IMMEDIATE = "immediate", _("An e-mail for each")
    DAILY = "daily", _("One e-mail a day listing them")
    WEEKLY = "weekly", _("One e-mail a week listing them")
    APP = "app", _("In the application only")


class Notification(models.Model):
    """What concerns a person, in the notification centre (``soliris.notifications``): written
    by ``soliris.mail.send`` with the mail it queues — the same event, the same words, in the
    recipient's language — with the path of the page it is about."""

    key = KeyField(verbose_name=_("key"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=100)
    topic = models.CharField(_("topic"), max_length=20, choices=NotificationTopic.choices, blank=True)
    title = models.CharField(_("title"), max_length=300)
    # The mail's text (without its footer): what a digest lists, enough to act on.
    body = models.TextField(_("text"), blank=True)
    path = models.CharField(_("page"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)
    # Waiting for the person's daily or weekly digest ("" when mailed at once or not at all),
    # and when it went (by itself or in a digest).
    digest = models.CharField(_("digest"), max_length=10, blank=True)
    mailed_at = models.DateTimeField(_("mailed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at", "-id"], name="soliris_notification_newest"),
            models.Index(
                fields=["user"], name="soliris_notification_unread", condition=Q(read_at__isnull=True)
            ),
            models.Index(
                fields=["digest", "user"],
                name="soliris_notification_digest",
                condition=Q(mailed_at__isnull=True) & ~Q(digest=""),
            ),
        ]

    def __str__(self):
        return self.title
