"""The organisation picker's answer to htmx: the matches of what is typed, for a form's page.

A page whose form has an organisation picker (``partners.forms.picker``) asks its own
address, ``GET ?picker=<field>&<field>__q=<text>&<field>=<chosen>…``; the view builds its
form as for the page — same person, same object, same rule of who may be chosen — and
returns :func:`picker_response`. Whoever may not see the page gets its 404 or 403 first.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string

from partners.forms.picker import find, picker_fields


def picker_response(request, form) -> HttpResponse | None:
    """The matches for the picker ``request`` asks for, or None when it asks for none."""
    if request.method != "GET" or "picker" not in request.GET:
        return None
    wanted = str(request.GET.get("picker") or "")
    for name in picker_fields(form):
        html_name = form.add_prefix(name)
        if html_name != wanted:
            continue
        bound = form[name]
        widget = bound.field.widget
        context = {
            "widget": {
                "name": html_name,
                "attrs": {"id": bound.auto_id},
                "multiple": widget.multiple,
                "input_type": "checkbox" if widget.multiple else "radio",
                "results": find(
                    bound.field, request.GET.get(f"{html_name}__q"), request.GET.getlist(html_name)
                ),
            },
            "oob": True,
        }
        html = render_to_string("partners/widgets/organisation_picker_results.html", context, request)
        response = HttpResponse(html)
        response["Cache-Control"] = "private, no-store"
        return response
    return HttpResponse(status=404)
