"""Organisation pages: registration, profile, logo, members and invitations, verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import selectors, services
from partners.forms import MemberInviteForm, MembershipForm, OrganisationForm, RoleForm
from partners.models import Invitation, InvitationStatus, Membership, Organisation, Role
from partners.permissions import at_least, get_organisation_for_user, role_in

SESSION_INVITATION = "partners_invitation_token"


def _form_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _organisation_data(form):
    data = {k: v for k, v in form.cleaned_data.items() if k not in ("themes", "logo")}
    logo = form.cleaned_data.get("logo")
    if logo is False:
        data["logo"] = ""
    elif logo and hasattr(logo, "size"):
        data["logo"] = logo
    return data


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_register(
                actor=request.user, data=_organisation_data(form), themes=form.cleaned_data["themes"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your organisation is registered and you are its coordinator. It appears in the public directory once the platform has verified it."
                ),
            )
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(request, "partners/organisation_form.html", {"form": form, "creating": True})


def organisation_detail(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    context = selectors.organisation_page(organisation, request.user)
    if context["is_coordinator"]:
        context["invite_form"] = MemberInviteForm(initial={"language": translation.get_language()})
        context["role_form"] = RoleForm()
    return render(request, "partners/organisation_detail.html", context)


@login_required
def organisation_edit(request, slug):
    organisation = get_organisation_for_user(request.user, slug, "manage")
    form = OrganisationForm(
        request.POST or None,
        request.FILES or None,
        instance=Organisation.objects.get(pk=organisation.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.user,
                organisation=organisation,
                data=_organisation_data(form),
                themes=form.cleaned_data["themes"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The organisation's profile is saved."))
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(
        request,
        "partners/organisation_form.html",
        {"form": form, "organisation": organisation, "creating": False},
    )


def organisation_logo(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not organisation.logo:
        raise Http404
    try:
        handle = organisation.logo.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def verification_queue(request):
    if not request.user.is_staff:
        raise PermissionDenied
    pending = Organisation.objects.filter(verified_at__isnull=True).order_by("created_at", "pk")
    from partners.models import Membership as M

    without_member = Organisation.objects.exclude(
        pk__in=M.objects.filter(active_until__isnull=True).values("organisation_id")
    ).order_by("name")[:200]
    return render(
        request,
        "partners/verification_queue.html",
        {"pending": list(pending[:200]), "without_member": list(without_member)},
    )


@login_required
@require_POST
def organisation_verify(request, slug):
    if not request.user.is_staff:
        raise PermissionDenied
    organisation = get_object_or_404(Organisation, slug=slug)
    services.organisation_verify(actor=request.user, organisation=organisation)
    messages.success(request, _("%(name)s is verified.") % {"name": organisation.name})
    return redirect("partners:verification_queue")


@login_required
def member_invite(request, slug):
    organisation = get_organisation_for_user(request.user, slug, "manage")
    form = MemberInviteForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            services.member_invite(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(request, "partners/member_invite.html", {"form": form, "organisation": organisation})


def _membership(request, slug, pk):
    organisation = get_organisation_for_user(request.user, slug, "member")
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
            services.membership_change_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            )
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
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_update(actor=request.user, membership=membership, data=form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The membership is saved."))
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(
        request,
        "partners/member_edit.html",
        {"form": form, "organisation": organisation, "membership": membership},
    )


@login_required
@require_POST
def member_end(request, slug, pk):
    organisation, membership = _membership(request, slug, pk)
    try:
        services.membership_end(actor=request.user, membership=membership)
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
    organisation = get_organisation_for_user(request.user, slug, "manage")
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
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
    if request.method == "POST":
        try:
            services.invitation_accept(actor=request.user, invitation=invitation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            request.session.pop(SESSION_INVITATION, None)
            messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name})
            return redirect("partners:organisation_detail", slug=invitation.organisation.slug)
    return render(
        request,
        "partners/invitation_accept.html",
        {"invitation": invitation, "usable": invitation.is_usable, "InvitationStatus": InvitationStatus},
    )
