"""What the open data keeps of its own: the secret of each person's calendar feed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalCalendar(models.Model):
    """A person's private calendar feed, read by calendar apps that cannot sign in.

    The address carries a token derived from ``secret`` with the site's secret key (HMAC):
    the database alone does not give the address, and the token is looked up by its SHA-256
    ``digest``. Resetting draws a new secret: the old address answers 404.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="personal_calendar",
        verbose_name=_("person"),
    )
    secret = models.CharField(_("secret"), max_length=64, editable=False)
    digest = models.CharField(_("token digest"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created on"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self):
        return str(self.user)
