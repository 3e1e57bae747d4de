"""Check-in rounds: a coordinator opens one, each party answers for itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import services
from partners.forms import CheckInAnswerForm, CheckInOpenForm
from partners.models import PartyStatus, Role
from partners.permissions import PARTNERSHIP_DECIDE, at_least, get_partnership_for_user, role_in
from partners.views.common import detail, party_of
from soliris.forms import apply_validation_error


@login_required
@require_POST
def checkin_open(request, key):
    partnership = get_partnership_for_user(request.user, key, PARTNERSHIP_DECIDE)
    form = CheckInOpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid date."))
        return detail(partnership, "checkins")
    try:
        services.checkin_open(actor=request.user, partnership=partnership, due_on=form.cleaned_data["due_on"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A new check-in round is open: each party answers without seeing the others' answers.")
        )
    return detail(partnership, "checkins")


@login_required
def checkin_answer(request, key, number, slug):
    partnership, party = party_of(request, key, slug, [PartyStatus.ACCEPTED])
    if not at_least(role_in(request.user, [party.organisation_id]), Role.EDITOR):
        raise PermissionDenied
    checkin_round = get_object_or_404(partnership.checkin_rounds, number=number)
    if checkin_round.answers.filter(party=party).exists():
        messages.info(request, _("Your organisation already answered this round."))
        return detail(partnership, "checkins")
    context = {"partnership": partnership, "party": party, "round": checkin_round}
    if not (request.user.full_name or "").strip():
        return render(request, "partners/checkin_answer.html", {**context, "needs_name": True})
    form = CheckInAnswerForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            services.checkin_answer(
                actor=request.user, checkin_round=checkin_round, party=party, data=form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Your answer is saved. The other parties' answers appear once every party has answered."),
            )
            return detail(partnership, "checkins")
    return render(request, "partners/checkin_answer.html", {**context, "form": form})
