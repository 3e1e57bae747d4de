"""A party's narrative of the partnership's year: each party writes its own, every party alike."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from partners import services
from partners.forms import NarrativeForm
from partners.models import PartyStatus, Role
from partners.permissions import at_least, role_in
from partners.selectors.narratives import default_language, narrative_of, year_exists, year_is_closed
from partners.views.common import detail, party_of
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error


@login_required
def narrative_edit(request, key, year, slug):
    """The narrative of ``year`` of the party ``slug``: 404 to whoever may not know the
    partnership (or for a party it does not have), 403 to anyone but an editor or coordinator
    of that party. Read-only once the year's annual report is generated."""
    partnership, party = party_of(request, key, slug, [PartyStatus.ACCEPTED])
    if not at_least(role_in(request.user, [party.organisation_id]), Role.EDITOR):
        raise PermissionDenied
    if not year_exists(year):
        raise Http404
    organisation = party.organisation
    narrative = narrative_of(partnership, organisation, year)
    context = {"partnership": partnership, "party": party, "year": year, "narrative": narrative}
    if year_is_closed(year):
        return _closed(request, context)
    initial = {"version": 0, "language": default_language(request.user)}
    if narrative is not None:
        initial = {"version": narrative.version, "language": narrative.language, "text": narrative.text}
    form = NarrativeForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.narrative_save(
                actor=request.user,
                partnership=partnership,
                organisation=organisation,
                year=year,
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(NarrativeForm, request, error)
        except ValidationError as error:
            if year_is_closed(year):  # the report was generated while they wrote
                return _closed(request, context)
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("Your narrative is saved. The other parties read it on the partnership's page.")
            )
            return detail(partnership, "narratives")
    return render(request, "partners/narrative_form.html", {**context, "form": form, "conflict": conflict})


def _closed(request, context):
    """The narrative as the report printed it; what the person had just typed, if anything, is
    given back to copy (it was not saved)."""
    unsaved = (request.POST.get("text") or "").strip() if request.method == "POST" else ""
    return render(request, "partners/narrative_form.html", {**context, "closed": True, "unsaved": unsaved})
