"""Organisation pages: registration, profile, logo, verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import selectors, services
from partners.forms import MemberInviteForm, OrganisationForm, RoleForm
from partners.models import Membership, Organisation
from partners.permissions import ORGANISATION_MANAGE, get_organisation_for_user
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.pagecache import cached_page


def _organisation_data(form):
    data = {k: v for k, v in form.cleaned_data.items() if k not in ("themes", "logo", "version")}
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
            organisation = services.organisation_create(
                actor=request.user, data=_organisation_data(form), themes=form.cleaned_data["themes"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your organisation is registered and you are its coordinator. It appears in the public directory once the platform has verified it."
                ),
            )
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(request, "partners/organisation_form.html", {"form": form, "creating": True})


@cached_page
def organisation_detail(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    context = selectors.organisation_page(organisation, request.user)
    if context["is_coordinator"]:
        context["invite_form"] = MemberInviteForm(initial={"language": translation.get_language()})
        context["role_form"] = RoleForm()
    return render(request, "partners/organisation_detail.html", context)


@login_required
def organisation_edit(request, slug):
    organisation = get_organisation_for_user(request.user, slug, ORGANISATION_MANAGE)
    form = OrganisationForm(
        request.POST or None,
        request.FILES or None,
        instance=Organisation.objects.get(pk=organisation.pk),  # the form writes on its instance
        initial={"version": organisation.version},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_edit(
                actor=request.user,
                organisation=organisation,
                data=_organisation_data(form),
                themes=form.cleaned_data["themes"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(
                OrganisationForm, request, error, instance=Organisation.objects.get(pk=organisation.pk)
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The organisation's profile is saved."))
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(
        request,
        "partners/organisation_form.html",
        {"form": form, "organisation": organisation, "creating": False, "conflict": conflict},
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
    without_member = Organisation.objects.exclude(
        pk__in=Membership.objects.filter(active_until__isnull=True).values("organisation_id")
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
