"""The open-data page: every export, feed and the API, the licence, how fresh each one is."""

from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse

from events.selectors import published_events, published_recommendations
from partners.selectors.directory import public_organisations, public_partnerships
from projects.selectors import public_projects, published_calls


def _last_changes() -> dict:
    """When each data set last changed (exports are generated at each download, from the data
    as it is then): one aggregate per data set."""
    return {
        "organisations": public_organisations().aggregate(at=Max("verified_at"))["at"],
        "partnerships": public_partnerships().aggregate(at=Max("updated_at"))["at"],
        "projects": public_projects().aggregate(at=Max("updated_at"))["at"],
        "calls": published_calls().aggregate(at=Max("created_at"))["at"],
        "events": published_events().aggregate(at=Max("created_at"))["at"],
        "recommendations": published_recommendations().aggregate(at=Max("created_at"))["at"],
    }


def open_data(request):
    licence_name, licence_url = settings.SOLIRIS_DATA_LICENCE
    return render(
        request,
        "opendata/open_data.html",
        {
            "changed": _last_changes(),
            "licence_name": licence_name,
            "licence_url": licence_url,
            "api": {name: reverse(f"api:{name}") for name in ("index", "schema", "docs")},
        },
    )


def robots(request):
    """``robots.txt``, pointing at the sitemap by its absolute address (the protocol's rule)."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap_index"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")
