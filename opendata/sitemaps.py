"""The sitemap: every public page in the four languages, each with its ``hreflang`` alternates.

Only what anyone may open: publicly named organisations, listed partnerships, public
projects, published calls, events, recommendations and conventions. Each section is a page of
the index at /sitemap.xml (``robots.txt`` points at it); a section longer than ``limit``
items is split into pages (4 languages × 10,000 = 40,000 addresses, under the protocol's 50,000).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from conventions.models import Document
from events.selectors import published_events, published_recommendations
from partners.selectors.directory import public_organisations, public_partnerships
from projects.models import Goal
from projects.selectors import public_projects, published_calls


class _Public(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 10_000


class PagesSitemap(_Public):
    """The public lists and pages that are not one object's."""

    NAMES = (
        "home",
        "partners:organisation_list",
        "partners:partnership_list",
        "projects:project_list",
        "projects:call_list",
        "projects:goal_list",
        "projects:sdg_dashboard",
        "events:event_list",
        "events:recommendation_list",
        "conventions:document_list",
        "opendata:open_data",
        "pdf:verify",
        "pdf:certificate",
    )

    def items(self):
        return list(self.NAMES)

    def location(self, item):
        return reverse(item)


class _Keyed(_Public):
    url_name = ""
    field = "key"

    def location(self, item):
        return reverse(self.url_name, args=[item[self.field]])


class OrganisationSitemap(_Keyed):
    url_name, field = "partners:organisation_detail", "slug"

    def items(self):
        return public_organisations().order_by("slug").values("slug")


class PartnershipSitemap(_Keyed):
    url_name = "partners:partnership_detail"

    def items(self):
        return public_partnerships().order_by("key").values("key", "updated_at")

    def lastmod(self, item):
        return item["updated_at"]


class ProjectSitemap(_Keyed):
    url_name = "projects:project_detail"

    def items(self):
        return public_projects().order_by("key").values("key", "updated_at")

    def lastmod(self, item):
        return item["updated_at"]


class CallSitemap(_Keyed):
    url_name = "projects:call_detail"

    def items(self):
        return published_calls().order_by("key").values("key")


class GoalSitemap(_Keyed):
    url_name, field = "projects:goal_detail", "number"

    def items(self):
        return Goal.objects.order_by("number").values("number")


class EventSitemap(_Keyed):
    url_name, field = "events:event_detail", "slug"

    def items(self):
        return published_events().order_by("slug").values("slug")


class RecommendationSitemap(_Keyed):
    url_name = "events:recommendation_detail"

    def items(self):
        return published_recommendations().order_by("key").values("key")


class ConventionSitemap(_Keyed):
    url_name = "conventions:document_public"

    def items(self):
        return (
            Document.objects.filter(published_version__isnull=False)
            .order_by("key")
            .values("key", "updated_at")
        )

    def lastmod(self, item):
        return item["updated_at"]


SITEMAPS = {
    "pages": PagesSitemap,
    "organisations": OrganisationSitemap,
    "partnerships": PartnershipSitemap,
    "projects": ProjectSitemap,
    "calls": CallSitemap,
    "sdgs": GoalSitemap,
    "events": EventSitemap,
    "recommendations": RecommendationSitemap,
    "conventions": ConventionSitemap,
}
