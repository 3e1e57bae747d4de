"""Organisations and the themes they work on."""

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from soliris import search


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


class PointPrecision(models.TextChoices):
    LOCALITY = "locality", pgettext_lazy("point precision", "Locality")
    REGION = "region", pgettext_lazy("point precision", "Region")
    COUNTRY = "country", pgettext_lazy("point precision", "Country")


class Placed(models.Model):
    """An optional point on the map (an organisation, a project's site), and how precise it is.
    Without one, the map places the row at its country's position."""

    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("In decimal degrees, north positive (Brussels: 50.85)."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("In decimal degrees, east positive (Brussels: 4.35)."),
    )
    precision = models.CharField(
        _("precision of the point"), max_length=16, choices=PointPrecision.choices, blank=True
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="%(app_label)s_%(class)s_point",
                violation_error_message=_("A point needs a latitude and a longitude within range."),
            ),
        ]

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


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


class Organisation(Placed):
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
    search_document = models.TextField(editable=False, default="", verbose_name=_("search text"))
    # Optimistic concurrency: checked on every update.
    version = models.PositiveIntegerField(
        default=1,
        verbose_name=_("version"),
    )

    class Meta(Placed.Meta):
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
            # "Organised by a verified organisation" (the agenda, the recommendations): the
            # organisers looked up in a narrow index, not a scan of every organisation.
            models.Index(fields=["id"], name="partners_org_verified", condition=Q(verified_at__isnull=False)),
        ]

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
