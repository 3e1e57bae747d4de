"""Partnership pages: creation, shared fields, each party's side, invitations, status,
exchanges and check-ins. Every right comes from membership of any accepted party."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import selectors, services
from partners.forms import (
    CheckInAnswerForm,
    CheckInOpenForm,
    ExchangeEditForm,
    ExchangeForm,
    LegFormSet,
    PartnershipCreateForm,
    PartnershipEditForm,
    PartyForm,
    PartyInviteForm,
    StatusForm,
)
from partners.models import (
    Exchange,
    ExchangeFormat,
    Organisation,
    Partnership,
    PartnershipParty,
    PartyStatus,
    Role,
)
from partners.permissions import at_least, get_partnership_for_user, role_in, roles_by_organisation
from partners.views.organisations import _form_errors
from soliris import audit


def _kept_after_conflict(form_class, request, current, message, **kwargs):
    """The form again, on what the user posted but on the version saved meanwhile (``current``),
    with ``message`` on top: their text is kept, and saving again replaces the other one."""
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = form_class(data, **kwargs)
    form.is_valid()
    form.add_error(None, message)
    return form


def _detail(partnership, anchor=""):
    response = redirect("partners:partnership_detail", key=partnership.key)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
def partnership_create(request):
    roles = roles_by_organisation(request.user)
    allowed = [pk for pk, role in roles.items() if role in (Role.EDITOR, Role.COORDINATOR)]
    organisations = Organisation.objects.filter(pk__in=allowed).order_by("name")
    if not allowed:
        return render(request, "partners/partnership_create.html", {"no_organisation": True})
    form = PartnershipCreateForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "organisation"}
        try:
            partnership = services.partnership_create(
                actor=request.user, organisation=form.cleaned_data["organisation"], data=data
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, _("The partnership is created. Fill in your side, then invite your partners.")
            )
            return _detail(partnership)
    return render(request, "partners/partnership_create.html", {"form": form})


def partnership_detail(request, key):
    partnership = get_partnership_for_user(request.user, key, queryset=_with_initiator())
    context = selectors.partnership_page(partnership, request.user)
    if context["can_decide"]:
        context["invite_form"] = PartyInviteForm(partnership=partnership)
        context["status_form"] = StatusForm(initial={"status": partnership.status})
        context["checkin_open_form"] = CheckInOpenForm()
    return render(request, "partners/partnership_detail.html", context)


def _with_initiator():
    return Partnership.objects.select_related("initiated_by")


def partnership_history(request, key):
    partnership = get_partnership_for_user(request.user, key)
    context = selectors.partnership_page(partnership, request.user)
    if not (context["is_party"] or request.user.is_staff):
        raise PermissionDenied
    return render(
        request,
        "partners/partnership_history.html",
        {"partnership": partnership, "history": list(audit.history(partnership)[:500])},
    )


@login_required
def partnership_edit(request, key):
    partnership = get_partnership_for_user(request.user, key, "edit")
    form = PartnershipEditForm(
        request.POST or None,
        instance=Partnership.objects.get(pk=partnership.pk),  # the form writes on its instance
        initial={"version": partnership.version},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.partnership_update(
                actor=request.user,
                partnership=partnership,
                data=data,
                expected_version=form.cleaned_data["version"],
            )
        except services.ConcurrentEdit as error:
            conflict = error.current
            form = _kept_after_conflict(
                PartnershipEditForm,
                request,
                conflict,
                _(
                    "Someone else saved this partnership while you were editing. Their version is shown below; your text is kept in the form. Save again to replace theirs."
                ),
                instance=Partnership.objects.get(pk=partnership.pk),
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The shared description is saved."))
            return _detail(partnership)
    return render(
        request,
        "partners/partnership_edit.html",
        {"form": form, "partnership": partnership, "conflict": conflict},
    )


@login_required
def partnership_status(request, key):
    partnership = get_partnership_for_user(request.user, key, "decide")
    form = StatusForm(request.POST or None, initial={"status": partnership.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_set_status(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The status is changed."))
            return _detail(partnership)
    return render(request, "partners/partnership_status.html", {"form": form, "partnership": partnership})


@login_required
def party_invite(request, key):
    partnership = get_partnership_for_user(request.user, key, "decide")
    form = PartyInviteForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.party_invite(
                actor=request.user, partnership=partnership, organisation=form.cleaned_data["organisation"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is invited. It becomes a party when one of its coordinators accepts.")
                % {"name": form.cleaned_data["organisation"].name},
            )
            return _detail(partnership, "parties")
    return render(request, "partners/party_invite.html", {"form": form, "partnership": partnership})


def _party(request, key, slug, statuses):
    """The party of organisation ``slug``, for a visitor who may see the partnership."""
    partnership = get_partnership_for_user(request.user, key)
    party = next(
        (p for p in partnership.parties.all() if p.status in statuses and p.organisation.slug == slug), None
    )
    if party is None:
        raise Http404
    return partnership, party


@login_required
@require_POST
def party_respond(request, key, slug):
    partnership, party = _party(request, key, slug, [PartyStatus.INVITED])
    accept = request.POST.get("answer") == "accept"
    try:
        services.party_respond(actor=request.user, party=party, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if accept:
            messages.success(
                request,
                _(
                    "Your organisation is now a party to this partnership, with the same rights as every other party."
                ),
            )
        else:
            messages.success(request, _("The invitation is declined."))
            return redirect("dashboard")
    return _detail(partnership)


@login_required
@require_POST
def party_leave(request, key, slug):
    partnership, party = _party(request, key, slug, [PartyStatus.ACCEPTED])
    try:
        services.party_leave(actor=request.user, party=party, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _detail(partnership, "parties")
    messages.success(request, _("Your organisation has left the partnership; it stays in its history."))
    return redirect("dashboard")


@login_required
def party_edit(request, key, slug):
    partnership, party = _party(request, key, slug, [PartyStatus.ACCEPTED])
    if not at_least(role_in(request.user, [party.organisation_id]), Role.EDITOR):
        raise PermissionDenied
    form = PartyForm(
        request.POST or None,
        instance=PartnershipParty.objects.get(pk=party.pk),  # the form writes on its instance
        initial={"version": party.version},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.party_update(
                actor=request.user, party=party, data=data, expected_version=form.cleaned_data["version"]
            )
        except services.ConcurrentEdit as error:
            conflict = error.current
            form = _kept_after_conflict(
                PartyForm,
                request,
                conflict,
                _(
                    "Someone else saved this side while you were editing. Their version is shown below; your text is kept in the form. Save again to replace theirs."
                ),
                instance=PartnershipParty.objects.get(pk=party.pk),
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your organisation's side is saved."))
            return _detail(partnership, "parties")
    return render(
        request,
        "partners/party_edit.html",
        {"form": form, "partnership": partnership, "party": party, "conflict": conflict},
    )


@login_required
def exchange_create(request, key):
    partnership = get_partnership_for_user(request.user, key, "edit")
    organisations = Organisation.objects.filter(
        partnership_parties__partnership=partnership, partnership_parties__status=PartyStatus.ACCEPTED
    ).order_by("name")
    form = ExchangeForm(request.POST or None, organisations=organisations)
    legs = LegFormSet(request.POST or None, prefix="legs")
    in_person = request.POST.get("format") == ExchangeFormat.IN_PERSON
    if request.method == "POST" and form.is_valid() and (not in_person or legs.is_valid()):
        leg_data = [f.cleaned_data for f in legs.forms if f.cleaned_data] if in_person else []
        try:
            services.exchange_record(
                actor=request.user, partnership=partnership, data=form.cleaned_data, legs=leg_data
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The exchange is recorded."))
            return _detail(partnership, "exchanges")
    return render(
        request, "partners/exchange_form.html", {"form": form, "legs": legs, "partnership": partnership}
    )


LEG_FIELDS = ["origin", "destination", "mode", "distance_km", "travellers", "round_trip"]


@login_required
def exchange_edit(request, key, exchange_key):
    """Correct a recorded exchange: any editor of any accepted party, as for recording it."""
    partnership = get_partnership_for_user(request.user, key, "edit")
    exchange = get_object_or_404(Exchange.objects.filter(partnership=partnership), key=exchange_key)
    organisations = Organisation.objects.filter(
        partnership_parties__partnership=partnership, partnership_parties__status=PartyStatus.ACCEPTED
    ).order_by("name")

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
    in_person = request.POST.get("format") == ExchangeFormat.IN_PERSON
    if request.method == "POST" and form.is_valid() and (not in_person or legs.is_valid()):
        leg_data = [f.cleaned_data for f in legs.forms if f.cleaned_data] if in_person else []
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.exchange_update(
                actor=request.user,
                exchange=exchange,
                data=data,
                legs=leg_data,
                expected_version=form.cleaned_data["version"],
            )
        except services.ConcurrentEdit as error:
            conflict = error.current
            form = _kept_after_conflict(
                ExchangeEditForm,
                request,
                conflict,
                _(
                    "Someone else corrected this exchange while you were editing. Their version is shown below; your text is kept in the form. Save again to replace theirs."
                ),
                instance=Exchange.objects.get(pk=exchange.pk),
                organisations=organisations,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The exchange is corrected."))
            return _detail(partnership, "exchanges")
    return render(
        request,
        "partners/exchange_form.html",
        {"form": form, "legs": legs, "partnership": partnership, "exchange": exchange, "conflict": conflict},
    )


@login_required
@require_POST
def checkin_open(request, key):
    partnership = get_partnership_for_user(request.user, key, "decide")
    form = CheckInOpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid date."))
        return _detail(partnership, "checkins")
    try:
        services.checkin_open(actor=request.user, partnership=partnership, due_on=form.cleaned_data["due_on"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A new check-in round is open: each party answers without seeing the others' answers.")
        )
    return _detail(partnership, "checkins")


@login_required
def checkin_answer(request, key, number, slug):
    partnership, party = _party(request, key, slug, [PartyStatus.ACCEPTED])
    if not at_least(role_in(request.user, [party.organisation_id]), Role.EDITOR):
        raise PermissionDenied
    checkin_round = get_object_or_404(partnership.checkin_rounds, number=number)
    if checkin_round.answers.filter(party=party).exists():
        messages.info(request, _("Your organisation already answered this round."))
        return _detail(partnership, "checkins")
    form = CheckInAnswerForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            services.checkin_answer(
                actor=request.user, checkin_round=checkin_round, party=party, data=form.cleaned_data
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                _("Your answer is saved. The other parties' answers appear once every party has answered."),
            )
            return _detail(partnership, "checkins")
    return render(
        request,
        "partners/checkin_answer.html",
        {"form": form, "partnership": partnership, "party": party, "round": checkin_round},
    )
