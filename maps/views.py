"""The map page and its data as GeoJSON: the directory's facets applied, public rows only."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from maps import picker, selectors
from maps import render as svg
from partners.filters import OrganisationFilter, PartnershipFilter
from partners.selectors.directory import public_organisations, public_partnerships
from soliris.pagecache import cached_page

ORGANISATION_FACETS = ("kind", "theme", "sdg", "country")
PARTNERSHIP_FACETS = ("status", "theme", "sdg", "country")


def _filtered(request):
    """(organisation filterset, partnership filterset) from the page's one GET form."""
    query = request.GET

    def subset(names):
        data = {name: query.get(name) for name in names if query.get(name)}
        return data or None

    organisations = OrganisationFilter(subset(ORGANISATION_FACETS), queryset=public_organisations())
    partnerships = PartnershipFilter(subset(PARTNERSHIP_FACETS), queryset=public_partnerships())
    return organisations, partnerships


def _view_slug(request) -> str:
    slug = request.GET.get("view", "")
    return slug if slug in svg.VIEWS else svg.DEFAULT_VIEW


@cached_page
def map_page(request):
    organisations, partnerships = _filtered(request)
    data = selectors.map_data(organisations.qs, partnerships.qs)
    slug = _view_slug(request)
    others = request.GET.copy()
    others.pop("view", None)
    facets = [organisations.form[name] for name in ORGANISATION_FACETS if name in organisations.form.fields]
    facets.append(partnerships.form["status"])
    views = [
        {"view": view, "query": _with(others, view=view.slug), "current": view.slug == slug}
        for view in svg.VIEWS.values()
    ]
    return render(
        request,
        "maps/map.html",
        {
            "data": data,
            "map": svg.svg_context(data, slug),
            "facets": facets,
            "views": views,
            "view_slug": slug,
            "filtered": any(request.GET.get(name) for name in {*ORGANISATION_FACETS, *PARTNERSHIP_FACETS}),
            "geojson_query": others.urlencode(),
        },
    )


def _with(query, **values) -> str:
    query = query.copy()
    for name, value in values.items():
        query[name] = value
    return query.urlencode()


def _feature(geometry, properties) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def geojson(request):
    """The map's rows as a GeoJSON FeatureCollection (RFC 7946: longitude first): the
    organisations as points, the partnerships as lines between their parties."""
    organisations, partnerships = _filtered(request)
    data = selectors.map_data(organisations.qs, partnerships.qs)
    features = [
        _feature(
            {"type": "Point", "coordinates": [round(a.longitude, 5), round(a.latitude, 5)]},
            {
                "type": "organisation",
                "slug": a.slug,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "locality": a.locality,
                "precision": a.precision,
                "partnerships": a.partnerships,
                "url": request.build_absolute_uri(reverse("partners:organisation_detail", args=[a.slug])),
            },
        )
        for a in data.actors
    ]
    for link in data.links:
        lines = [
            [[round(a.longitude, 5), round(a.latitude, 5)], [round(b.longitude, 5), round(b.latitude, 5)]]
            for a, b in svg.pairs(link.parties)
        ]
        features.append(
            _feature(
                {"type": "MultiLineString", "coordinates": lines},
                {
                    "type": "partnership",
                    "key": link.key,
                    "name": link.name,
                    "status": link.status,
                    "parties": [party.slug for party in link.parties],
                    "url": request.build_absolute_uri(
                        reverse("partners:partnership_detail", args=[link.key])
                    ),
                },
            )
        )
    collection = {
        "type": "FeatureCollection",
        "name": _("Organisations and partnerships of Soliris"),
        "features": features,
    }
    response = HttpResponse(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")),
        content_type="application/geo+json; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="soliris-map.geojson"'
    return response


def _coordinate(value, limit: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if -limit <= number <= limit else None


@cache_control(public=True, max_age=86400)
def picker_image(request):
    """The picture of the point forms' map button (``maps.picker``): a view of the base map,
    with the point already chosen if given. Anything unexpected in the query draws no point."""
    latitude = _coordinate(request.GET.get("lat"), 90)
    longitude = _coordinate(request.GET.get("lon"), 180)
    if latitude is None or longitude is None:
        latitude = longitude = None
    slug = _view_slug(request)
    return HttpResponse(
        picker.picture(slug, latitude, longitude), content_type="image/svg+xml; charset=utf-8"
    )
