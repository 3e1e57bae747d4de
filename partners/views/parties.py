"""A partnership's parties: inviting an organisation, answering, leaving, and each party's
own side. A party answers and edits for itself only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import services
from partners.forms import PartyForm, PartyInviteForm
from partners.models import PartnershipParty, PartnershipStatus, PartyStatus, Role
from partners.permissions import PARTNERSHIP_DECIDE, at_least, get_partnership_for_user, role_in
from partners.views.common import detail, party_of
from partners.views.picker import picker_response
from soliris import confirm
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error


@login_required
def party_invite(request, key):
    partnership = get_partnership_for_user(request.user, key, PARTNERSHIP_DECIDE)
    if partnership.status == PartnershipStatus.ENDED:
        messages.error(request, services.ended_refusal("party"))
        return detail(partnership, "parties")
    form = PartyInviteForm(request.POST or None, partnership=partnership, user=request.user)
    if (matches := picker_response(request, form)) is not None:
        return matches
    if request.method == "POST" and form.is_valid():
        try:
            services.party_invite(
                actor=request.user, partnership=partnership, organisation=form.cleaned_data["organisation"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is invited. It becomes a party when one of its coordinators accepts.")
                % {"name": form.cleaned_data["organisation"].name},
            )
            return detail(partnership, "parties")
    return render(request, "partners/party_invite.html", {"form": form, "partnership": partnership})


@login_required
def party_respond(request, key, slug):
    """The answer to an invitation. A GET is the light page the invitation mail links to (no
    script, a few kilobytes: it works on a slow link): what the partnership is, and the two
    buttons; its POST answers there too."""
    if request.method != "POST":
        partnership, party = party_of(request, key, slug, list(PartyStatus))
        # For the parties' members only: a pending invitation is not on the public page.
        involved = [p.organisation_id for p in partnership.parties.all() if p.status != PartyStatus.DECLINED]
        if role_in(request.user, [party.organisation_id, *involved]) is None:
            raise Http404
        return _respond_light(request, partnership, party)
    partnership, party = party_of(request, key, slug, [PartyStatus.INVITED])
    accept = request.POST.get("answer") == "accept"
    try:
        services.party_respond(actor=request.user, party=party, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        if request.POST.get("light"):
            return redirect("partners:party_respond", partnership.key, party.organisation.slug)
    else:
        if request.POST.get("light"):
            return redirect("partners:party_respond", partnership.key, party.organisation.slug)
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
    return detail(partnership)


def _respond_light(request, partnership, party):
    may_answer = at_least(role_in(request.user, [party.organisation_id]), Role.COORDINATOR)
    return render(
        request,
        "partners/party_respond_light.html",
        {
            "partnership": partnership,
            "party": party,
            "may_answer": may_answer,
            "invited": PartyStatus.INVITED,
        },
    )


@login_required
@require_POST
def party_leave(request, key, slug):
    partnership, party = party_of(request, key, slug, [PartyStatus.ACCEPTED])
    if not at_least(role_in(request.user, [party.organisation_id]), Role.COORDINATOR):
        raise PermissionDenied  # asked before the confirmation: a refusal is not a question
    if partnership.status == PartnershipStatus.ENDED:  # nor is what the partnership refuses
        messages.error(request, services.ended_refusal("leave"))
        return detail(partnership, "parties")
    reason = request.POST.get("reason", "").strip()
    page = confirm.ask(
        request,
        title=_("Take %(organisation)s out of “%(partnership)s”?")
        % {"organisation": party.organisation.name, "partnership": partnership.name},
        details=[
            _("Your organisation loses its rights on the partnership; it stays in its history."),
            _("Your reason: %(reason)s") % {"reason": reason} if reason else "",
        ],
        action=_("Leave the partnership"),
        cancel_url=reverse("partners:partnership_detail", args=[partnership.key]),
    )
    if page is not None:
        return page
    try:
        services.party_leave(actor=request.user, party=party, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return detail(partnership, "parties")
    messages.success(request, _("Your organisation has left the partnership; it stays in its history."))
    return redirect("dashboard")


@login_required
def party_edit(request, key, slug):
    partnership, party = party_of(request, key, slug, [PartyStatus.ACCEPTED])
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
            services.party_edit(
                actor=request.user, party=party, data=data, expected_version=form.cleaned_data["version"]
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(
                PartyForm, request, error, instance=PartnershipParty.objects.get(pk=party.pk)
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your organisation's side is saved."))
            return detail(partnership, "parties")
    return render(
        request,
        "partners/party_edit.html",
        {"form": form, "partnership": partnership, "party": party, "conflict": conflict},
    )
