"""Every change to projects, calls and shared goals, with its history entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.models import (
    Call,
    FundingLine,
    PartnershipGoal,
    Project,
    ProjectDocument,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatus,
    ProjectStatusChange,
    SDGLink,
    Site,
    Submission,
    SubmissionStatus,
)
from soliris import audit, search

S = ProjectStatus

LABELS = {
    "projects.project.created": gettext_lazy("created the project"),
    "projects.project.updated": gettext_lazy("edited the project"),
    "projects.project.status_changed": gettext_lazy("changed the project's status"),
    "projects.project.submitted": gettext_lazy("submitted the project to a call"),
    "projects.party.invited": gettext_lazy("invited a party"),
    "projects.party.confirmed": gettext_lazy("confirmed the party's participation"),
    "projects.party.declined": gettext_lazy("declined to take part"),
    "projects.party.updated": gettext_lazy("updated a party's role and contribution"),
    "projects.site.added": gettext_lazy("added a site"),
    "projects.site.removed": gettext_lazy("removed a site"),
    "projects.sdg_link.saved": gettext_lazy("linked a sustainable development goal"),
    "projects.sdg_link.removed": gettext_lazy("removed a sustainable development goal"),
    "projects.funding.added": gettext_lazy("added a funding line"),
    "projects.funding.removed": gettext_lazy("removed a funding line"),
    "projects.document.uploaded": gettext_lazy("added a document"),
    "projects.submission.selected": gettext_lazy("selected the project"),
    "projects.submission.declined": gettext_lazy("did not select the project"),
    "projects.call.published": gettext_lazy("published the call for projects"),
    "projects.call.updated": gettext_lazy("edited the call for projects"),
    "projects.partnership.goals_set": gettext_lazy("updated the partnership's shared goals"),
}
for _code, _label in LABELS.items():
    audit.register(_code, _label)

# Transitions people make by hand; "confirmed" follows the parties' answers and
# "submitted", "selected", "declined" follow calls.
MANUAL_TRANSITIONS = {
    S.DRAFT: [S.PROPOSED],
    S.PROPOSED: [S.DRAFT],
    S.CONFIRMED: [S.RUNNING],
    S.SELECTED: [S.RUNNING],
    S.DECLINED: [S.RUNNING],
    S.RUNNING: [S.COMPLETED],
    S.COMPLETED: [S.EVALUATED],
}
LANGUAGES = ("fr", "nl", "en", "es")


class ConflictError(Exception):
    """Someone else saved the project since the form was opened."""

    def __init__(self, current):
        super().__init__("version mismatch")
        self.current = current


# --- Helpers -------------------------------------------------------------------------------


def refresh_search(project: Project) -> None:
    parties = project.parties.select_related("organisation").exclude(status=ProjectPartyStatus.DECLINED)
    sites = list(project.sites.all())
    links = project.sdg_links.select_related("goal")
    parts = []
    for language in LANGUAGES:
        parts += [getattr(project, f"title_{language}"), getattr(project, f"summary_{language}")]
        with translation.override(language):
            parts += [site.country.name for site in sites]
    parts += [party.organisation.name for party in parties]
    parts += [party.organisation.locality for party in parties]
    parts += [site.locality for site in sites]
    parts += [f"odd{link.goal.number} sdg{link.goal.number}" for link in links]
    Project.objects.filter(pk=project.pk).update(search_document=search.document(*parts))


def _change_status(project: Project, to_status: str, actor, note: str = "") -> None:
    from_status = project.status
    project.status = to_status
    project.save(update_fields=["status", "updated_at"])
    ProjectStatusChange.objects.create(
        project=project, from_status=from_status, to_status=to_status, actor=actor, note=note
    )
    audit.record(
        "projects.project.status_changed",
        actor=actor,
        subject=project,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def _follow_parties(project: Project, actor) -> None:
    """Proposed ⇄ confirmed, as the parties answer."""
    parties = list(project.parties.all())
    invited = [p for p in parties if p.status == ProjectPartyStatus.INVITED]
    confirmed = [p for p in parties if p.status == ProjectPartyStatus.CONFIRMED]
    if project.status == S.PROPOSED and not invited and len(confirmed) >= 2:
        _change_status(project, S.CONFIRMED, actor)
    elif project.status == S.CONFIRMED and invited:
        _change_status(project, S.PROPOSED, actor)


def _queue(task_name: str, object_id: int) -> None:
    from projects import tasks

    getattr(tasks, task_name).delay(object_id)


def _active_parties(project):
    return project.parties.exclude(status=ProjectPartyStatus.DECLINED)


# --- Projects ------------------------------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    actor,
    proposed_by,
    title: str,
    summary: str = "",
    description: str = "",
    starts_on=None,
    ends_on=None,
    partnership=None,
    partners=(),
    language: str | None = None,
) -> Project:
    """A draft project; the proposing organisation is its first confirmed party."""
    language = language or translation.get_language() or "fr"
    project = Project(proposed_by=proposed_by, partnership=partnership, starts_on=starts_on, ends_on=ends_on)
    setattr(project, f"title_{language}", title)
    setattr(project, f"summary_{language}", summary)
    setattr(project, f"description_{language}", description)
    project.created_by = actor if getattr(actor, "is_authenticated", False) else None
    project.full_clean()
    project.save()
    ProjectStatusChange.objects.create(project=project, to_status=S.DRAFT, actor=project.created_by)
    now = timezone.now()
    ProjectParty.objects.create(
        project=project,
        organisation=proposed_by,
        status=ProjectPartyStatus.CONFIRMED,
        invited_by=project.created_by,
        responded_by=project.created_by,
        responded_at=now,
    )
    audit.record("projects.project.created", actor=actor, subject=project, title=title)
    for organisation in partners:
        if organisation.pk != proposed_by.pk:
            party_invite(actor=actor, project=project, organisation=organisation)
    refresh_search(project)
    return project


@transaction.atomic
def project_update(*, actor, project: Project, version: int, language: str, **fields) -> Project:
    """Save the translated texts in ``language`` and the dates, if nobody saved in between."""
    current = Project.objects.select_for_update().get(pk=project.pk)
    if current.version != version:
        raise ConflictError(current)
    changes = {}
    for name in ("title", "summary", "description"):
        if name in fields:
            column = f"{name}_{language}"
            if getattr(current, column) != fields[name]:
                changes[column] = fields[name]
            setattr(current, column, fields[name])
    for name in ("starts_on", "ends_on"):
        if name in fields:
            if getattr(current, name) != fields[name]:
                changes[name] = str(fields[name] or "")
            setattr(current, name, fields[name])
    current.full_clean()
    updated = Project.objects.filter(pk=current.pk, version=version).update(
        **{k: getattr(current, k) for k in changes if k not in ("starts_on", "ends_on")},
        starts_on=current.starts_on,
        ends_on=current.ends_on,
        updated_at=timezone.now(),
        version=F("version") + 1,
    )
    if not updated:
        raise ConflictError(Project.objects.get(pk=project.pk))
    if changes:
        audit.record("projects.project.updated", actor=actor, subject=current, fields=sorted(changes))
    current.refresh_from_db()
    refresh_search(current)
    return current


@transaction.atomic
def project_transition(*, actor, project: Project, to_status: str, note: str = "") -> Project:
    if to_status not in MANUAL_TRANSITIONS.get(project.status, []):
        raise ValidationError(
            _("A project cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": S(project.status).label,
                "to": S(to_status).label if to_status in S.values else to_status,
            }
        )
    if to_status == S.PROPOSED and _active_parties(project).count() < 2:
        raise ValidationError(_("Invite at least one partner organisation before proposing the project."))
    _change_status(project, to_status, actor, note)
    if to_status == S.PROPOSED:
        _follow_parties(project, actor)
    return project


def submission_problems(project: Project) -> list[str]:
    """What still stands between the project and its submission (empty: ready)."""
    problems = []
    parties = list(project.parties.select_related("organisation"))
    active = [p for p in parties if p.status != ProjectPartyStatus.DECLINED]
    if len([p for p in active if p.status == ProjectPartyStatus.CONFIRMED]) < 2:
        problems.append(_("A joint project needs at least two confirmed parties."))
    for party in active:
        if party.status == ProjectPartyStatus.INVITED:
            problems.append(
                _("%(name)s has not confirmed its participation yet.") % {"name": party.organisation}
            )
        elif not party.is_complete:
            problems.append(
                _("%(name)s has not filled in its role and contribution yet.") % {"name": party.organisation}
            )
    if not project.sdg_links.filter(is_primary=True).exists():
        problems.append(_("Link the project to its primary sustainable development goal."))
    if project.status not in (S.CONFIRMED, S.DECLINED):
        problems.append(
            _("Only a project confirmed by its partners can be submitted (its status is “%(status)s”).")
            % {"status": S(project.status).label}
        )
    return problems


@transaction.atomic
def project_submit(*, actor, project: Project, call: Call, now=None) -> Submission:
    """Answer ``call``: refused after the deadline or while the project is not ready."""
    now = now or timezone.now()
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not call.is_open(now):
        if now >= call.closes_at:
            raise ValidationError(
                _(
                    "The call “%(call)s” closed on %(date)s: it no longer accepts projects. Your project is unchanged."
                )
                % {
                    "call": call,
                    "date": formats.date_format(timezone.localtime(call.closes_at), "DATETIME_FORMAT"),
                }
            )
        raise ValidationError(_("The call “%(call)s” is not open yet.") % {"call": call})
    problems = submission_problems(project)
    if problems:
        raise ValidationError(problems)
    if Submission.objects.filter(call=call, project=project).exists():
        raise ValidationError(_("This project has already answered this call."))
    submission = Submission(call=call, project=project, submitted_by=actor, submitted_at=now)
    submission.full_clean()
    submission.save()
    _change_status(project, S.SUBMITTED, actor, note=str(call))
    audit.record("projects.project.submitted", actor=actor, subject=project, call=call.key)
    return submission


@transaction.atomic
def submission_decide(*, actor, submission: Submission, select: bool, reason: str = "") -> Submission:
    """The call publisher's decision (the permission is checked by the caller's view too)."""
    from projects.permissions import can_manage_call

    if not can_manage_call(actor, submission.call):
        raise ValidationError(_("Only the coordinators of the call's publisher decide on its answers."))
    submission = (
        Submission.objects.select_for_update().select_related("project", "call").get(pk=submission.pk)
    )
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("A decision has already been taken on this answer."))
    if not select and not reason.strip():
        raise ValidationError({"reason": _("Give the parties the reason why the project is not selected.")})
    submission.status = SubmissionStatus.SELECTED if select else SubmissionStatus.DECLINED
    submission.decided_by = actor
    submission.decided_at = timezone.now()
    submission.reason = reason.strip()
    submission.full_clean()
    submission.save()
    project = submission.project
    if project.status == S.SUBMITTED:
        _change_status(project, S.SELECTED if select else S.DECLINED, actor, note=submission.reason)
    audit.record(
        "projects.submission.selected" if select else "projects.submission.declined",
        actor=actor,
        subject=project,
        call=submission.call.key,
        reason=submission.reason,
    )
    transaction.on_commit(lambda: _queue("notify_decision", submission.pk))
    return submission


# --- Parties -------------------------------------------------------------------------------


@transaction.atomic
def party_invite(*, actor, project: Project, organisation) -> ProjectParty:
    party = ProjectParty.objects.filter(project=project, organisation=organisation).first()
    if party and party.status != ProjectPartyStatus.DECLINED:
        raise ValidationError(_("%(name)s is already a party to this project.") % {"name": organisation})
    if party is None:
        party = ProjectParty(project=project, organisation=organisation)
    party.status = ProjectPartyStatus.INVITED
    party.invited_by = actor if getattr(actor, "is_authenticated", False) else None
    party.invited_at = timezone.now()
    party.responded_at = None
    party.responded_by = None
    party.full_clean()
    party.save()
    audit.record("projects.party.invited", actor=actor, subject=project, organisation=organisation.name)
    ProjectParty.objects.filter(pk=party.pk).update(notified_at=None)
    transaction.on_commit(lambda: _queue("notify_invitation", party.pk))
    _follow_parties(project, actor)
    refresh_search(project)
    return party


@transaction.atomic
def party_confirm(
    *, actor, party: ProjectParty, role: str, contribution: str, decision_level: str | None = None
) -> ProjectParty:
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.CONFIRMED
    party.role, party.contribution = role.strip(), contribution.strip()
    if decision_level:
        party.decision_level = decision_level
    party.responded_by, party.responded_at = actor, timezone.now()
    party.full_clean()
    party.save()
    audit.record(
        "projects.party.confirmed", actor=actor, subject=party.project, organisation=party.organisation.name
    )
    _follow_parties(party.project, actor)
    return party


@transaction.atomic
def party_decline(*, actor, party: ProjectParty, reason: str = "") -> ProjectParty:
    """The party leaves the parties; the row stays, marked declined, for the history."""
    if party.status != ProjectPartyStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    party.status = ProjectPartyStatus.DECLINED
    party.decline_reason = reason.strip()
    party.responded_by, party.responded_at = actor, timezone.now()
    party.full_clean()
    party.save()
    audit.record(
        "projects.party.declined",
        actor=actor,
        subject=party.project,
        organisation=party.organisation.name,
        reason=party.decline_reason,
    )
    _follow_parties(party.project, actor)
    refresh_search(party.project)
    return party


@transaction.atomic
def party_update(
    *, actor, party: ProjectParty, role: str, contribution: str, decision_level: str
) -> ProjectParty:
    if party.status == ProjectPartyStatus.DECLINED:
        raise ValidationError(_("A party that declined can no longer be edited."))
    party.role, party.contribution, party.decision_level = role.strip(), contribution.strip(), decision_level
    party.full_clean()
    party.save()
    audit.record(
        "projects.party.updated", actor=actor, subject=party.project, organisation=party.organisation.name
    )
    return party


# --- Sites, SDG links, funding, documents ----------------------------------------------------


@transaction.atomic
def site_add(*, actor, project: Project, country: str, locality: str, change: str = "") -> Site:
    site = Site(project=project, country=country, locality=locality.strip(), change=change.strip())
    site.full_clean()
    site.save()
    audit.record(
        "projects.site.added", actor=actor, subject=project, locality=site.locality, country=str(country)
    )
    refresh_search(project)
    return site


@transaction.atomic
def site_remove(*, actor, site: Site) -> None:
    project = site.project
    audit.record("projects.site.removed", actor=actor, subject=project, locality=site.locality)
    site.delete()
    refresh_search(project)


@transaction.atomic
def sdg_link_save(*, actor, project: Project, goal, targets=(), is_primary=False, contribution="") -> SDGLink:
    """Create or update the link to ``goal``. The first link is primary; a new primary replaces the old one."""
    targets = list(targets)
    wrong = [t.code for t in targets if t.goal_id != goal.pk]
    if wrong:
        raise ValidationError(
            {"targets": _("Targets %(codes)s are not targets of this goal.") % {"codes": ", ".join(wrong)}}
        )
    link = SDGLink.objects.filter(project=project, goal=goal).first() or SDGLink(project=project, goal=goal)
    others = SDGLink.objects.filter(project=project).exclude(pk=link.pk)
    if not others.filter(is_primary=True).exists():
        is_primary = True
    if is_primary:
        others.filter(is_primary=True).update(is_primary=False)
    link.is_primary = bool(is_primary)
    link.contribution = contribution.strip()
    link.full_clean()
    link.save()
    link.targets.set(targets)
    audit.record(
        "projects.sdg_link.saved",
        actor=actor,
        subject=project,
        goal=goal.number,
        targets=[t.code for t in targets],
        primary=link.is_primary,
    )
    refresh_search(project)
    return link


@transaction.atomic
def sdg_link_remove(*, actor, link: SDGLink) -> None:
    project = link.project
    if link.is_primary and project.sdg_links.exclude(pk=link.pk).exists():
        raise ValidationError(_("Choose another primary goal before removing this one."))
    audit.record("projects.sdg_link.removed", actor=actor, subject=project, goal=link.goal.number)
    link.delete()
    refresh_search(project)


@transaction.atomic
def funding_add(
    *, actor, project: Project, party=None, funder_name="", label="", amount, currency, kind
) -> FundingLine:
    if party is not None and (party.project_id != project.pk or party.status == ProjectPartyStatus.DECLINED):
        raise ValidationError({"party": _("Choose one of the project's parties.")})
    if party is None and not funder_name.strip():
        raise ValidationError({"funder_name": _("Choose a party or name the outside funder.")})
    if party is not None and funder_name.strip():
        raise ValidationError({"funder_name": _("Choose either a party or an outside funder, not both.")})
    line = FundingLine(
        project=project,
        party=party,
        funder_name=funder_name.strip(),
        label=label.strip(),
        amount=amount,
        currency=currency,
        kind=kind,
    )
    line.full_clean()
    line.save()
    audit.record(
        "projects.funding.added",
        actor=actor,
        subject=project,
        source=line.source_name,
        amount=str(amount),
        currency=currency,
        kind=kind,
    )
    return line


@transaction.atomic
def funding_remove(*, actor, line: FundingLine) -> None:
    audit.record(
        "projects.funding.removed",
        actor=actor,
        subject=line.project,
        source=line.source_name,
        amount=str(line.amount),
        currency=line.currency,
    )
    line.delete()


@transaction.atomic
def document_upload(*, actor, project: Project, title: str, upload) -> ProjectDocument:
    from projects.forms import validate_document

    content_type = validate_document(upload)
    document = ProjectDocument(
        project=project,
        title=title.strip() or upload.name,
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    document.full_clean()
    document.save()
    audit.record("projects.document.uploaded", actor=actor, subject=project, title=document.title)
    return document


# --- Calls ---------------------------------------------------------------------------------


@transaction.atomic
def call_save(*, actor, call: Call | None = None, publisher=None, goals=(), language: str, **fields) -> Call:
    """Publish a new call (``call`` None) or edit one; texts are saved in ``language``."""
    created = call is None
    if created:
        call = Call(publisher=publisher, created_by=actor)
    for name in ("title", "description", "criteria"):
        if name in fields:
            setattr(call, f"{name}_{language}", fields.pop(name))
    for name, value in fields.items():
        setattr(call, name, value)
    call.full_clean()
    call.save()
    call.goals.set(goals)
    audit.record(
        "projects.call.published" if created else "projects.call.updated",
        actor=actor,
        subject=call,
        title=getattr(call, f"title_{language}"),
    )
    return call


@transaction.atomic
def partnership_goals_set(*, actor, partnership, goals) -> None:
    goals = list(goals)
    PartnershipGoal.objects.filter(partnership=partnership).exclude(goal__in=goals).delete()
    for goal in goals:
        PartnershipGoal.objects.get_or_create(partnership=partnership, goal=goal)
    audit.record(
        "projects.partnership.goals_set",
        actor=actor,
        subject=partnership,
        goals=sorted(g.number for g in goals),
    )


# --- Notifications (run by the worker) -------------------------------------------------------


def _coordinators(organisation_ids):
    from partners.models import Membership, Role

    today = timezone.localdate()
    return [
        membership.user
        for membership in Membership.objects.filter(
            organisation_id__in=organisation_ids,
            role=Role.COORDINATOR,
            active_until__isnull=True,
            active_from__lte=today,
            user__is_active=True,
        ).select_related("user")
    ]


def _send(user, subject: str, template: str, context: dict) -> None:
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string

    body = render_to_string(template, {**context, "user": user})
    send_mail(f"[Soliris] {subject}", body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _project_link(project, language: str) -> str:
    from django.conf import settings
    from django.urls import reverse

    with translation.override(language):
        return settings.SITE_URL + reverse("projects:project_detail", args=[project.key])


def party_notify_invitation(*, party_id: int) -> int:
    """Email the invited organisation's coordinators, each in their own language (once)."""
    from soliris.templatetags.soliris import translated_value

    with transaction.atomic():
        party = (
            ProjectParty.objects.select_for_update(of=("self",))
            .select_related("project__proposed_by", "organisation")
            .filter(pk=party_id)
            .first()
        )
        if party is None or party.status != ProjectPartyStatus.INVITED or party.notified_at:
            return 0
        recipients = _coordinators([party.organisation_id])
        for user in recipients:
            with translation.override(user.preferred_language):
                title, _language = translated_value(party.project, "title", user.preferred_language)
                _send(
                    user,
                    _("A joint project is proposed to %(name)s") % {"name": party.organisation.name},
                    "projects/email/invitation.txt",
                    {
                        "party": party,
                        "title": title,
                        "link": _project_link(party.project, user.preferred_language),
                    },
                )
        ProjectParty.objects.filter(pk=party.pk).update(notified_at=timezone.now())
    return len(recipients)


def submission_notify_decision(*, submission_id: int) -> int:
    """Email the coordinators of every confirmed party about the call's decision (once)."""
    from soliris.templatetags.soliris import translated_value

    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("project", "call__publisher")
            .filter(pk=submission_id)
            .first()
        )
        if submission is None or submission.status == SubmissionStatus.SUBMITTED or submission.notified_at:
            return 0
        party_ids = list(
            submission.project.parties.filter(status=ProjectPartyStatus.CONFIRMED).values_list(
                "organisation_id", flat=True
            )
        )
        recipients = _coordinators(party_ids)
        for user in recipients:
            language = user.preferred_language
            with translation.override(language):
                title, _l = translated_value(submission.project, "title", language)
                call_title, _l = translated_value(submission.call, "title", language)
                _send(
                    user,
                    _("Decision on your project “%(title)s”") % {"title": title},
                    "projects/email/decision.txt",
                    {
                        "submission": submission,
                        "selected": submission.status == SubmissionStatus.SELECTED,
                        "title": title,
                        "call_title": call_title,
                        "link": _project_link(submission.project, language),
                    },
                )
        Submission.objects.filter(pk=submission.pk).update(notified_at=timezone.now())
    return len(recipients)
