"""The IATI exports' answers: XML documents, streamed, shown inline with a file name."""

from django.http import Http404, StreamingHttpResponse
from django.utils import translation

from opendata.iati import build, queries

CONTENT_TYPE = "application/xml; charset=utf-8"


def _xml_response(content, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def activities(request):
    return _xml_response(build.activities_document(translation.get_language()), "soliris-iati-activities.xml")


def organisation_activities(request, slug):
    """404 for an organisation that is unknown or not publicly named."""
    organisation = queries.public_organisation(slug)
    if organisation is None:
        raise Http404
    return _xml_response(
        build.activities_document(translation.get_language(), organisation),
        f"soliris-iati-{organisation.slug}-activities.xml",
    )


def organisations(request):
    return _xml_response(
        build.organisations_document(translation.get_language()), "soliris-iati-organisations.xml"
    )
