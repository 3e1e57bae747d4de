"""The parts of a project: parties, sites, SDG links and funding lines (documents: documents.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.views.picker import picker_response
from projects import forms, selectors, services
from projects.models import INACTIVE_PARTY, Goal
from projects.permissions import can_see_project, check, get_project_for_user
from projects.services.parties import CLOSED_TO_NEW_PARTIES
from projects.views.common import flash_validation_error, project_page_context
from soliris import confirm, undo
from soliris.conflicts import EditConflict, form_after_conflict
from soliris.forms import apply_validation_error
from soliris.permissions import has


@login_required
def project_parties(request, key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    form = forms.InviteForm(request.POST or None, project=project, user=request.user)
    if (matches := picker_response(request, form)) is not None:
        return matches
    if request.method == "POST":
        check(request.user, "projects.project:decide", project)
        if form.is_valid():
            try:
                services.party_invite(
                    actor=request.user, project=project, organisation=form.cleaned_data["organisation"]
                )
            except ValidationError as error:
                if project.status in CLOSED_TO_NEW_PARTIES:  # the page offers no invitation
                    messages.error(request, " ".join(error.messages))
                    return redirect("projects:project_parties", key=project.key)
                apply_validation_error(form, error)
            else:
                messages.success(
                    request, _("The organisation was invited: one of its coordinators will answer.")
                )
                return redirect("projects:project_parties", key=project.key)
    parties = list(project.parties.all())
    for party in parties:
        party.can_edit = has(request.user, "projects.party:edit", party)
    return render(
        request,
        "projects/project_parties.html",
        project_page_context(request, project, "parties", form=form, all_parties=parties),
    )


@login_required
@require_POST
def party_withdraw(request, key, slug):
    project = get_project_for_user(request.user, key, "projects.project:decide")
    party = _party(project, slug)
    page = confirm.ask(
        request,
        title=_("Withdraw the invitation of %(name)s?") % {"name": party.organisation.name},
        details=[_("The organisation will no longer be able to answer; it stays in the project's history.")],
        action=_("Withdraw the invitation"),
        cancel_url=reverse("projects:project_parties", args=[project.key]),
    )
    if page is not None:
        return page
    try:
        services.party_withdraw(actor=request.user, party=party)
    except ValidationError as error:
        flash_validation_error(request, error)
    else:
        messages.success(request, _("The invitation was withdrawn."))
    return redirect("projects:project_parties", key=project.key)


def _party(project, slug):
    for party in project.parties.all():
        if party.organisation.slug == slug:
            return party
    raise Http404


@login_required
def party_answer(request, key, slug):
    project = get_project_for_user(request.user, key)
    party = _party(project, slug)
    check(request.user, "projects.party:answer", party)
    form = forms.PartyAnswerForm(
        request.POST or None,
        initial={
            "role": party.role,
            "contribution": party.contribution,
            "decision_level": party.decision_level,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["answer"] == "confirm":
                services.party_confirm(
                    actor=request.user,
                    party=party,
                    role=data["role"],
                    contribution=data["contribution"],
                    decision_level=data["decision_level"],
                )
                messages.success(request, _("Your organisation's participation is confirmed."))
            else:
                services.party_decline(actor=request.user, party=party, reason=data["reason"])
                messages.success(request, _("Your organisation declined to take part."))
                if not can_see_project(request.user, selectors.project_with_parties(project.key)):
                    return redirect("projects:project_list")  # it no longer concerns them
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("projects:project_detail", key=project.key)
    return render(
        request,
        "projects/party_answer.html",
        project_page_context(request, project, "parties", form=form, party=party),
    )


@login_required
def party_edit(request, key, slug):
    project = get_project_for_user(request.user, key)
    party = _party(project, slug)
    check(request.user, "projects.party:edit", party)
    initial = {
        "role": party.role,
        "contribution": party.contribution,
        "decision_level": party.decision_level,
        "version": party.version,
    }
    form = forms.PartyEditForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.party_edit(
                actor=request.user,
                party=party,
                role=form.cleaned_data["role"],
                contribution=form.cleaned_data["contribution"],
                decision_level=form.cleaned_data["decision_level"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            conflict = error
            form = form_after_conflict(forms.PartyEditForm, request, conflict, initial=initial)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The role and contribution were saved."))
            return redirect("projects:project_parties", key=project.key)
    return render(
        request,
        "projects/party_edit.html",
        project_page_context(request, project, "parties", form=form, party=party, conflict=conflict),
    )


@login_required
def project_sites(request, key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    form = forms.SiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.site_add(
                actor=request.user,
                project=project,
                country=form.cleaned_data["country"],
                locality=form.cleaned_data["locality"],
                change=form.cleaned_data["change"],
                latitude=form.cleaned_data["latitude"],
                longitude=form.cleaned_data["longitude"],
                precision=form.cleaned_data["precision"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The site was added."))
            return redirect("projects:project_sites", key=project.key)
    context = selectors.project_detail(project, private=False, insider=True)
    return render(
        request,
        "projects/project_sites.html",
        project_page_context(request, project, "sites", form=form, sites=context["sites"]),
    )


@login_required
@require_POST
def site_delete(request, key, site_key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    site = project.sites.filter(key=site_key).first()
    if site is None:
        raise Http404
    page = confirm.ask(
        request,
        title=_("Remove the site %(name)s?") % {"name": site.locality},
        details=[f"{site.locality} ({site.country.name})", site.change],
        action=_("Remove the site"),
        cancel_url=reverse("projects:project_sites", args=[project.key]),
        undo=True,
    )
    if page is not None:
        return page
    offer = services.site_delete(actor=request.user, site=site)
    messages.success(
        request,
        _("The site %(name)s was removed.") % {"name": site.locality},
        extra_tags=undo.message_tags(offer),
    )
    return redirect("projects:project_sites", key=project.key)


@login_required
def project_sdgs(request, key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    goal = None
    raw_goal = request.GET.get("goal", "")
    if raw_goal.isdigit():
        goal = Goal.objects.filter(pk=int(raw_goal)).first()
    existing = None
    if request.method == "POST":
        form = forms.SDGLinkForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            before = project.sdg_links.filter(is_primary=True).exclude(goal=data["goal"]).first()
            try:
                link = services.sdg_link_save(
                    actor=request.user,
                    project=project,
                    goal=data["goal"],
                    targets=data["targets"],
                    is_primary=data["is_primary"],
                    contribution=data["contribution"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The goal was linked to the project."))
                _say_primary(request, link, asked=data["is_primary"], before=before)
                return redirect("projects:project_sdgs", key=project.key)
    else:
        if goal is not None:
            existing = project.sdg_links.filter(goal=goal).prefetch_related("targets").first()
        initial = {}
        if existing:
            initial = {
                "targets": list(existing.targets.all()),
                "is_primary": existing.is_primary,
                "contribution": existing.contribution,
            }
        form = forms.SDGLinkForm(goal=goal, initial=initial)
    context = selectors.project_detail(project, private=False, insider=True)
    template = "projects/partials/sdg_targets.html" if request.htmx else "projects/project_sdgs.html"
    primary = next((link for link in context["sdg_links"] if link.is_primary), None)
    form.fields["is_primary"].widget.attrs["aria-describedby"] = "primary-help"
    return render(
        request,
        template,
        project_page_context(
            request, project, "sdgs", form=form, sdg_links=context["sdg_links"], primary=primary
        ),
    )


def _say_primary(request, link, *, asked: bool, before) -> None:
    """Only one goal is primary: say which one stopped being, or why the box was ignored."""
    if link.is_primary and asked and before is not None:
        messages.info(
            request,
            _("Goal %(new)s is now the primary goal; goal %(old)s stays linked as a secondary goal.")
            % {"new": link.goal.number, "old": before.goal.number},
        )
    elif link.is_primary and not asked:
        messages.info(
            request,
            _(
                "Goal %(number)s stays the primary goal: a project always has one. To change it, "
                "link another goal as the primary goal."
            )
            % {"number": link.goal.number},
        )


@login_required
@require_POST
def sdg_link_delete(request, key, link_key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    link = project.sdg_links.select_related("goal").filter(key=link_key).first()
    if link is None:
        raise Http404
    page = confirm.ask(
        request,
        title=_("Remove goal %(number)s from the project?") % {"number": link.goal.number},
        details=[str(link.goal), link.contribution],
        action=_("Remove the goal"),
        cancel_url=reverse("projects:project_sdgs", args=[project.key]),
        undo=True,
    )
    if page is not None:
        return page
    try:
        offer = services.sdg_link_delete(actor=request.user, link=link)
    except ValidationError as error:
        flash_validation_error(request, error)
    else:
        messages.success(
            request,
            _("Goal %(number)s was removed from the project.") % {"number": link.goal.number},
            extra_tags=undo.message_tags(offer),
        )
    return redirect("projects:project_sdgs", key=project.key)


@login_required
def project_funding(request, key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    parties = [p for p in project.parties.all() if p.status not in INACTIVE_PARTY]
    form = forms.FundingForm(request.POST or None, parties=parties)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.funding_add(
                actor=request.user,
                project=project,
                party=data["party"],
                funder_name=data["funder_name"],
                label=data["label"],
                amount=data["amount"],
                currency=data["currency"],
                kind=data["kind"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The funding line was added."))
            return redirect("projects:project_funding", key=project.key)
    context = selectors.project_detail(project, private=False, insider=True)
    return render(
        request,
        "projects/project_funding.html",
        project_page_context(
            request,
            project,
            "funding",
            form=form,
            funding=context["funding"],
            funding_lines=context["funding_lines"],
        ),
    )


@login_required
@require_POST
def funding_delete(request, key, line_key):
    project = get_project_for_user(request.user, key, "projects.project:edit")
    line = project.funding_lines.select_related("party__organisation").filter(key=line_key).first()
    if line is None:
        raise Http404
    amount = f"{number_format(line.amount, decimal_pos=2, use_l10n=True)} {line.currency}"
    page = confirm.ask(
        request,
        title=_("Remove the funding line of %(source)s?") % {"source": line.source_name},
        details=[amount, line.label, line.get_kind_display()],
        action=_("Remove the funding line"),
        cancel_url=reverse("projects:project_funding", args=[project.key]),
        undo=True,
    )
    if page is not None:
        return page
    offer = services.funding_delete(actor=request.user, line=line)
    messages.success(
        request,
        _("The funding line of %(source)s (%(amount)s) was removed.")
        % {"source": line.source_name, "amount": amount},
        extra_tags=undo.message_tags(offer),
    )
    return redirect("projects:project_funding", key=project.key)
