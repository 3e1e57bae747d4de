from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField


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


def language_choices():
    return settings.LANGUAGES


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
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    verified_at = models.DateTimeField(_("verified by the platform on"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
