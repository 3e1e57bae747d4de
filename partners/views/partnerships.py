"""Partnership pages: creation, the page itself, its history, the shared fields and the status.
Every right comes from membership of any accepted party."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from partners import selectors, services
from partners.forms import (
    CheckInOpenForm,
    PartnershipCreateForm,
    PartnershipEditForm,
    PartyInviteForm,
    StatusForm,
)
from partners.models import Organisation, Partnership, Role
from partners.permissions import (
    PARTNERSHIP_DECIDE,
    PARTNERSHIP_EDIT,
    get_partnership_for_user,
    roles_by_organisation,
)
from partners.views.common import detail
from partners.visibility import organisations_offered_to
from soliris import audit
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.pagecache import cached_page


@login_required
def partnership_create(request):
    roles = roles_by_organisation(request.user)
    allowed = [pk for pk, role in roles.items() if role in (Role.EDITOR, Role.COORDINATOR)]
    organisations = organisations_offered_to(
        request.user, Organisation.objects.filter(pk__in=allowed)
    ).order_by("name")
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
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The partnership is created. Fill in your side, then invite your partners.")
            )
            return detail(partnership)
    return render(request, "partners/partnership_create.html", {"form": form})


@cached_page
def partnership_detail(request, key):
    partnership = get_partnership_for_user(
        request.user, key, queryset=Partnership.objects.select_related("initiated_by")
    )
    context = selectors.partnership_page(partnership, request.user)
    if context["can_decide"]:
        context["invite_form"] = PartyInviteForm(partnership=partnership, user=request.user)
        context["status_form"] = StatusForm(initial={"status": partnership.status})
        context["checkin_open_form"] = CheckInOpenForm()
    return render(request, "partners/partnership_detail.html", context)


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
    partnership = get_partnership_for_user(request.user, key, PARTNERSHIP_EDIT)
    form = PartnershipEditForm(
        request.POST or None,
        instance=Partnership.objects.get(pk=partnership.pk),  # the form writes on its instance
        initial={"version": partnership.version},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.partnership_edit(
                actor=request.user,
                partnership=partnership,
                data=data,
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(
                PartnershipEditForm, request, error, instance=Partnership.objects.get(pk=partnership.pk)
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The shared description is saved."))
            return detail(partnership)
    return render(
        request,
        "partners/partnership_edit.html",
        {"form": form, "partnership": partnership, "conflict": conflict},
    )


@login_required
def partnership_status(request, key):
    partnership = get_partnership_for_user(request.user, key, PARTNERSHIP_DECIDE)
    form = StatusForm(request.POST or None, initial={"status": partnership.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_status(
                actor=request.user,
                partnership=partnership,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data.get("reason", ""),
                ended_on=form.cleaned_data.get("ended_on"),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The status is changed."))
            return detail(partnership)
    return render(request, "partners/partnership_status.html", {"form": form, "partnership": partnership})
