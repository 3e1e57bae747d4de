"""The endpoints of the public read API, /api/v1/."""

import re

from django.http import JsonResponse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from conventions.selectors import published_document
from opendata.api import queries
from opendata.api.base import (
    NOT_FOUND,
    ApiRateThrottle,
    ApiSchema,
    ConditionalMixin,
    LanguageMixin,
    PublicViewSet,
)
from opendata.api.filters import (
    ApiEventFilter,
    ApiOrganisationFilter,
    ApiPartnershipFilter,
    ApiProjectFilter,
    ApiRecommendationFilter,
)
from opendata.api.links import api_url
from opendata.api.serializers.conventions import ConventionDetailSerializer, ConventionSerializer
from opendata.api.serializers.events import EventSerializer, RecommendationSerializer
from opendata.api.serializers.partners import OrganisationSerializer, PartnershipSerializer
from opendata.api.serializers.projects import CallSerializer, GoalSerializer, ProjectSerializer

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,90}")


class OrganisationViewSet(PublicViewSet):
    """Publicly named organisations: verified by the platform, with a public profile."""

    serializer_class = OrganisationSerializer
    filterset_class = ApiOrganisationFilter
    lookup_field = "slug"
    key_pattern = SLUG
    lookup_help = "The organisation's slug (the key in its addresses)."

    def get_queryset(self):
        return queries.organisations()


class PartnershipViewSet(PublicViewSet):
    """Public partnerships and their accepted parties."""

    serializer_class = PartnershipSerializer
    filterset_class = ApiPartnershipFilter
    lookup_field = "key"
    modified_fields = ("updated_at",)

    def get_queryset(self):
        return queries.partnerships()


class ProjectViewSet(PublicViewSet):
    """Public joint projects with their parties, sites, SDG links and funding."""

    serializer_class = ProjectSerializer
    filterset_class = ApiProjectFilter
    lookup_field = "key"
    modified_fields = ("updated_at",)

    def get_queryset(self):
        return queries.projects()


class CallViewSet(PublicViewSet):
    """Published calls for projects and their laureates."""

    serializer_class = CallSerializer
    lookup_field = "key"
    filter_backends: list = []

    def get_queryset(self):
        return queries.calls()


class EventViewSet(PublicViewSet):
    """Published events with their workshops."""

    serializer_class = EventSerializer
    filterset_class = ApiEventFilter
    lookup_field = "slug"
    key_pattern = SLUG
    lookup_help = "The event's slug (the key in its addresses)."

    def get_queryset(self):
        return queries.events()


class RecommendationViewSet(PublicViewSet):
    """Recommendations of published events, their endorsements and follow-up."""

    serializer_class = RecommendationSerializer
    filterset_class = ApiRecommendationFilter
    lookup_field = "key"

    def get_queryset(self):
        return queries.recommendations()


class ConventionViewSet(PublicViewSet):
    """Signed documents their parties jointly published."""

    lookup_field = "key"
    filter_backends: list = []
    modified_fields = ("published_at",)

    def get_serializer_class(self):
        return ConventionDetailSerializer if self.action == "retrieve" else ConventionSerializer

    def get_queryset(self):
        return queries.conventions()

    def find(self, value):
        if published_document(value) is None:
            return None
        return super().find(value)


class GoalViewSet(PublicViewSet):
    """The 17 Sustainable Development Goals and their targets."""

    serializer_class = GoalSerializer
    lookup_field = "number"
    lookup_help = "The goal's number, 1 to 17."
    key_pattern = re.compile(r"[1-9][0-9]?")
    filter_backends: list = []
    cursor_ordering = ("number",)
    modified_fields = ()

    def get_queryset(self):
        return queries.goals()


ENDPOINTS = {
    "organisations": "organisation-list",
    "partnerships": "partnership-list",
    "projects": "project-list",
    "calls": "call-list",
    "events": "event-list",
    "recommendations": "recommendation-list",
    "conventions": "convention-list",
    "sdgs": "goal-list",
    "openapi": "schema",
    "docs": "docs",
}


class IndexView(ConditionalMixin, LanguageMixin, APIView):
    """The API's endpoints, by name."""

    http_method_names = ["get", "head", "options"]
    throttle_classes = [ApiRateThrottle]
    schema = ApiSchema()

    @extend_schema(
        responses={
            200: inline_serializer(
                "ApiIndex",
                {name: serializers.URLField(help_text=f"The {name} endpoint.") for name in ENDPOINTS},
            )
        }
    )
    def get(self, request):
        return Response({name: api_url(url_name) for name, url_name in ENDPOINTS.items()})


def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/: a JSON 404, never an HTML page."""
    return JsonResponse({"detail": NOT_FOUND}, status=404, json_dumps_params={"separators": (",", ":")})
