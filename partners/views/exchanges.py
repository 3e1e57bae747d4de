"""A partnership's exchanges: recording one, and correcting it (its travel legs included)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from partners import services
from partners.forms import ExchangeEditForm, ExchangeForm, LegFormSet
from partners.models import Exchange, ExchangeFormat, PartnershipStatus
from partners.permissions import PARTNERSHIP_EDIT, get_partnership_for_user
from partners.services.exchanges import LEG_FIELDS
from partners.views.common import accepted_organisations, detail
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error


def _legs(request, legs):
    """The travel legs typed, for an in-person exchange only."""
    return [f.cleaned_data for f in legs.forms if f.cleaned_data] if _in_person(request) else []


def _in_person(request):
    return request.POST.get("format") == ExchangeFormat.IN_PERSON


@login_required
def exchange_create(request, key):
    partnership = get_partnership_for_user(request.user, key, PARTNERSHIP_EDIT)
    if partnership.status == PartnershipStatus.ENDED:
        messages.error(request, services.ended_refusal("exchange"))
        return detail(partnership, "exchanges")
    form = ExchangeForm(request.POST or None, organisations=accepted_organisations(partnership, request.user))
    legs = LegFormSet(request.POST or None, prefix="legs")
    if request.method == "POST" and form.is_valid() and (not _in_person(request) or legs.is_valid()):
        try:
            services.exchange_create(
                actor=request.user, partnership=partnership, data=form.cleaned_data, legs=_legs(request, legs)
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The exchange is recorded."))
            return detail(partnership, "exchanges")
    return render(
        request, "partners/exchange_form.html", {"form": form, "legs": legs, "partnership": partnership}
    )


@login_required
def exchange_edit(request, key, exchange_key):
    """Correct a recorded exchange: any editor of any accepted party, as for recording it."""
    partnership = get_partnership_for_user(request.user, key, PARTNERSHIP_EDIT)
    exchange = get_object_or_404(Exchange.objects.filter(partnership=partnership), key=exchange_key)
    organisations = accepted_organisations(partnership, request.user)
    form = ExchangeEditForm(
        request.POST or None,
        instance=Exchange.objects.get(pk=exchange.pk),  # the form writes on its instance
        initial={"version": exchange.version},
        organisations=organisations,
    )
    legs = LegFormSet(
        request.POST or None,
        prefix="legs",
        initial=[{f: getattr(leg, f) for f in LEG_FIELDS} for leg in exchange.legs.order_by("id")],
    )
    conflict = None
    if request.method == "POST" and form.is_valid() and (not _in_person(request) or legs.is_valid()):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.exchange_edit(
                actor=request.user,
                exchange=exchange,
                data=data,
                legs=_legs(request, legs),
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(
                ExchangeEditForm,
                request,
                error,
                instance=Exchange.objects.get(pk=exchange.pk),
                organisations=organisations,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The exchange is corrected."))
            return detail(partnership, "exchanges")
    return render(
        request,
        "partners/exchange_form.html",
        {"form": form, "legs": legs, "partnership": partnership, "exchange": exchange, "conflict": conflict},
    )
