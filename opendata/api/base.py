"""What every endpoint of the API shares: read only, ``?lang=``, cursor pages, public keys,
ETag and Last-Modified, one rate per client address, errors as JSON."""

import hashlib
import re

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils import translation
from django.utils.http import http_date
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from opendata.api.i18n import LANG_PARAMETER_HELP, LANGUAGE_CODES, requested_language
from opendata.api.pagination import ApiCursorPagination
from opendata.api.throttling import ApiRateThrottle

NOT_FOUND = "Not found."


ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="An error, as JSON: {'detail': '…'} or the wrong parameters and what is wrong with each.",
)


class ApiSchema(AutoSchema):
    """Every operation takes ``?lang=`` and may answer 400, 404 or 429 with a JSON error."""

    def get_override_parameters(self):
        parameters = [
            *super().get_override_parameters(),
            OpenApiParameter("lang", str, enum=LANGUAGE_CODES, description=LANG_PARAMETER_HELP),
        ]
        lookup_help = getattr(self.view, "lookup_help", None)
        if lookup_help and getattr(self.view, "action", None) == "retrieve":
            kind = int if self.view.lookup_field == "number" else str
            parameters.append(
                OpenApiParameter(self.view.lookup_field, kind, OpenApiParameter.PATH, description=lookup_help)
            )
        return parameters

    def get_response_serializers(self):
        found = super().get_response_serializers()
        if isinstance(found, dict):
            return found
        return {200: found, 400: ERROR, 404: ERROR, 429: ERROR}


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/")


class ConditionalMixin:
    """ETag (a hash of the body) and Last-Modified (``self.last_modified``) on a 200 answer
    to GET or HEAD, and 304 to a matching If-None-Match."""

    last_modified = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if not isinstance(response, Response):
            return response
        response.render()
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:40] + '"'
        response["ETag"] = etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        wanted = request.headers.get("If-None-Match", "")
        if wanted and (wanted.strip() == "*" or _opaque(etag) in [_opaque(t) for t in wanted.split(",")]):
            not_modified = HttpResponseNotModified()
            for header in ("ETag", "Last-Modified", "Vary"):
                if header in response:
                    not_modified[header] = response[header]
            return not_modified
        return response


class LanguageMixin:
    language = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = requested_language(request)
        translation.activate(self.language or settings.LANGUAGE_CODE)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": self.language}


class PublicViewSet(ConditionalMixin, LanguageMixin, viewsets.ReadOnlyModelViewSet):
    """A list and a detail of public objects, by their public key (never a database id)."""

    http_method_names = ["get", "head", "options"]
    throttle_classes = [ApiRateThrottle]
    pagination_class = ApiCursorPagination
    filter_backends = [DjangoFilterBackend]
    schema = ApiSchema()
    lookup_value_regex = "[^/]+"
    # What a key looks like: anything else is a 404 before any query.
    key_pattern = re.compile(r"[a-z0-9-]{1,24}")
    cursor_ordering = ("created_at", "pk")
    lookup_help = "The object's stable public key, as in its links."
    # The columns whose newest value is the answer's Last-Modified.
    modified_fields: tuple = ("created_at",)

    def _modified(self, obj):
        values = [getattr(obj, field, None) for field in self.modified_fields]
        values = [value for value in values if value is not None]
        return max(values) if values else None

    def _remember_modified(self, objects):
        values = [value for value in (self._modified(obj) for obj in objects) if value is not None]
        self.last_modified = max(values) if values else None

    def get_object(self):
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        if not self.key_pattern.fullmatch(value):
            raise NotFound(NOT_FOUND)
        obj = self.find(value)
        if obj is None:
            raise NotFound(NOT_FOUND)
        return obj

    def find(self, value):
        return self.get_queryset().filter(**{self.lookup_field: value}).first()

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        self._remember_modified(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        self._remember_modified([obj])
        return Response(self.get_serializer(obj).data)
