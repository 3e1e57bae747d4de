"""The review packet of a version: download it per language (the .odt, and the signed PDF
when there is one), annotate it offline, upload it back (``services.packets``)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from conventions import packets, selectors
from conventions.forms import PacketForm
from conventions.models import LANGUAGE_CODES
from conventions.permissions import get_document_for_user
from conventions.services.packets import packet_apply
from conventions.views.common import needs_full_name
from conventions.views.versions import _frozen_rows, _version
from soliris import ratelimit
from soliris.forms import apply_validation_error
from soliris.permissions import has


def version_packet(request, key, number):
    document = get_document_for_user(request.user, key)
    version = _version(document, number)
    may_comment = has(request.user, "conventions.document:comment", document)
    form = PacketForm(request.POST or None, request.FILES or None)
    no_name = needs_full_name(request)
    if request.method == "POST":
        if not may_comment:
            raise PermissionDenied
        if not ratelimit.allow(request, "convention_packet", key=f"document:{document.pk}"):
            return ratelimit.refused(request)
        if not no_name and form.is_valid():
            try:
                result = packet_apply(
                    actor=request.user,
                    document=document,
                    version=version,
                    data=form.cleaned_data["packet"].read(),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "The packet is brought back. New comments: %(comments)s. Changed texts "
                        "proposed: %(proposals)s. Already brought back, not added again: %(repeated)s."
                    )
                    % {
                        "comments": result.comments,
                        "proposals": result.proposals,
                        "repeated": result.repeated,
                    },
                )
                return redirect("conventions:version_packet", document.key, version.number)
    names = dict(settings.LANGUAGES)
    numbers = {clause["key"]: number for number, clause in enumerate(version.clauses, start=1)}
    context = {
        "document": document,
        "version": version,
        "languages": [(code, names.get(code, code)) for code in LANGUAGE_CODES],
        "authentic": version.snapshot.get("authentic_languages") or [],
        "form": form,
        "notes": [(note, numbers.get(note.thread.clause.key)) for note in selectors.packet_notes(document)],
        "may_comment": may_comment,
        "needs_full_name": no_name,
    }
    return render(request, "conventions/version_packet.html", context, status=400 if form.errors else 200)


def version_packet_odt(request, key, number, language):
    document = get_document_for_user(request.user, key)
    version = _version(document, number)
    if language not in LANGUAGE_CODES:
        raise Http404
    rows = [
        (row["number"], row["clause"], selectors.snapshot_text(row["clause"], language))
        for row in _frozen_rows(version, language)
    ]
    data = packets.build(document=document, version=version, language=language, rows=rows)
    response = HttpResponse(data, content_type="application/vnd.oasis.opendocument.text")
    response["Content-Disposition"] = (
        f'attachment; filename="{document.key}-v{version.number}-{language}.odt"'
    )
    return response
