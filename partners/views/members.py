"""Members of an organisation: invitations (sent, cancelled, accepted), roles, each member's
own details, and ending a membership."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import services
from partners.forms import MemberInviteForm, MembershipForm, RoleForm
from partners.models import Invitation, Membership, Role
from partners.permissions import (
    ORGANISATION_MANAGE,
    ORGANISATION_MEMBER,
    at_least,
    get_organisation_for_user,
    role_in,
)
from soliris import confirm
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error

SESSION_INVITATION = "partners_invitation_token"


@login_required
def member_invite(request, slug):
    organisation = get_organisation_for_user(request.user, slug, ORGANISATION_MANAGE)
    form = MemberInviteForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            services.member_invite(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(request, "partners/member_invite.html", {"form": form, "organisation": organisation})


def _membership(request, slug, pk):
    organisation = get_organisation_for_user(request.user, slug, ORGANISATION_MEMBER)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, organisation=organisation
    )
    return organisation, membership


@login_required
@require_POST
def member_role(request, slug, pk):
    organisation, membership = _membership(request, slug, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
    else:
        try:
            services.member_role(actor=request.user, membership=membership, role=form.cleaned_data["role"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The role of %(person)s is changed.") % {"person": membership.user})
    return redirect("partners:organisation_detail", slug=organisation.slug)


@login_required
def member_edit(request, slug, pk):
    organisation, membership = _membership(request, slug, pk)
    coordinator = at_least(role_in(request.user, [organisation.pk]), Role.COORDINATOR)
    if not (coordinator or membership.user_id == request.user.pk) or not membership.is_active:
        raise PermissionDenied
    form = MembershipForm(
        request.POST or None,
        instance=Membership.objects.get(pk=membership.pk),  # the form writes on its instance
        may_set_signature=coordinator,
        initial={"version": membership.version},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.member_edit(
                actor=request.user,
                membership=membership,
                data=data,
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(
                MembershipForm,
                request,
                error,
                instance=Membership.objects.get(pk=membership.pk),
                may_set_signature=coordinator,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The membership is saved."))
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(
        request,
        "partners/member_edit.html",
        {"form": form, "organisation": organisation, "membership": membership, "conflict": conflict},
    )


@login_required
@require_POST
def member_end(request, slug, pk):
    organisation, membership = _membership(request, slug, pk)
    leaving = membership.user_id == request.user.pk
    if not (leaving or at_least(role_in(request.user, [organisation.pk]), Role.COORDINATOR)):
        raise PermissionDenied  # asked before the confirmation: a refusal is not a question
    page = confirm.ask(
        request,
        title=_("Leave %(organisation)s?") % {"organisation": organisation.name}
        if leaving
        else _("End the membership of %(person)s in %(organisation)s?")
        % {"person": membership.user, "organisation": organisation.name},
        details=[_("The membership ends today; it stays in the organisation's history.")],
        action=_("Leave the organisation") if leaving else _("End the membership"),
        cancel_url=reverse("partners:organisation_detail", args=[organisation.slug]),
    )
    if page is not None:
        return page
    try:
        services.member_end(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The membership of %(person)s has ended; it stays in the history.")
            % {"person": membership.user},
        )
    if membership.user_id == request.user.pk and not membership.is_active:
        return redirect("dashboard")
    return redirect("partners:organisation_detail", slug=organisation.slug)


@login_required
@require_POST
def invitation_cancel(request, slug, pk):
    organisation = get_organisation_for_user(request.user, slug, ORGANISATION_MANAGE)
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    page = confirm.ask(
        request,
        title=_("Cancel the invitation sent to %(email)s?") % {"email": invitation.email},
        details=[_("The link in the invitation will no longer work; you can invite the person again.")],
        action=_("Cancel the invitation"),
        cancel_url=reverse("partners:organisation_detail", args=[organisation.slug]),
    )
    if page is not None:
        return page
    services.invitation_cancel(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation is cancelled."))
    return redirect("partners:organisation_detail", slug=organisation.slug)


def invitation_accept(request, token):
    """The link of the invitation email. Survives sign-up, email verification and log-in:
    the token waits in the session, and the dashboard lists invitations sent to the user's address."""
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    if invitation is None:
        raise Http404
    if not request.user.is_authenticated:
        request.session[SESSION_INVITATION] = token
        return render(
            request, "partners/invitation_accept.html", {"invitation": invitation, "anonymous": True}
        )
    context = {"invitation": invitation, "usable": invitation.is_usable}
    if invitation.is_usable and not services.invitation_is_for(invitation, request.user):
        # Bound to its address: another account never joins with it, whatever it posts.
        return render(
            request, "partners/invitation_accept.html", {**context, "other_address": True}, status=403
        )
    if invitation.is_usable and not (request.user.full_name or "").strip():
        return render(request, "partners/invitation_accept.html", {**context, "needs_name": True})
    if request.method == "POST":
        try:
            services.invitation_accept(actor=request.user, invitation=invitation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            request.session.pop(SESSION_INVITATION, None)
            messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name})
            return redirect("partners:organisation_detail", slug=invitation.organisation.slug)
    return render(request, "partners/invitation_accept.html", context)
