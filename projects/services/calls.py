"""Answers to calls for projects, the publisher's decisions, calls and a partnership's shared goals."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from projects.models import (
    Call,
    Currency,
    PartnershipGoal,
    Project,
    Submission,
    SubmissionStatus,
)
from projects.selectors import submission_problems
from projects.services.common import S, change_status, clean, require_full_name
from projects.services.notifications import submission_notify_decision, submission_notify_publisher
from soliris import audit
from soliris.conflicts import check_version, update_versioned
from soliris.permissions import has

# --- Submissions --------------------------------------------------------------------------


@transaction.atomic
def project_submit(*, actor, project: Project, call: Call, now=None, requested_amount=None) -> Submission:
    """Answer ``call`` (asking it for ``requested_amount``, in its currency): refused after the
    deadline or while the project is not ready."""
    now = now or timezone.now()
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not call.is_published:
        raise ValidationError(_("The call “%(call)s” is not published yet.") % {"call": call})
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
    submission = Submission(
        call=call, project=project, submitted_by=actor, submitted_at=now, requested_amount=requested_amount
    )
    clean(submission)
    submission.save()
    change_status(project, S.SUBMITTED, actor, note=str(call))
    audit.record("projects.project.submitted", actor=actor, subject=project, call=call.key)
    submission_notify_publisher(submission=submission, actor=actor)
    return submission


@transaction.atomic
def submission_decide(*, actor, submission: Submission, select: bool, reason: str = "") -> Submission:
    """The call publisher's decision (the permission is checked by the caller's view too)."""
    if not has(actor, "projects.submission:decide", submission):
        raise ValidationError(_("Only the coordinators of the call's publisher decide on its answers."))
    require_full_name(actor)
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
    clean(submission)
    submission.save()
    project = submission.project
    if project.status == S.SUBMITTED:
        change_status(project, S.SELECTED if select else S.DECLINED, actor, note=submission.reason)
    audit.record(
        "projects.submission.selected" if select else "projects.submission.declined",
        actor=actor,
        subject=project,
        call=submission.call.key,
        reason=submission.reason,
    )
    submission_notify_decision(submission=submission)
    return submission


# --- Calls ---------------------------------------------------------------------------------


def _call_write(call: Call, *, actor, created: bool, goals, language: str, texts: dict, values: dict) -> Call:
    for name, text in texts.items():
        setattr(call, f"{name}_{language}", text)
    for name, value in values.items():
        setattr(call, name, value)
    clean(call)
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
def call_create(
    *,
    actor,
    publisher,
    goals=(),
    language: str,
    title: str,
    description: str = "",
    criteria: str = "",
    budget=None,
    currency: str = Currency.EUR,
    opens_at,
    closes_at,
) -> Call:
    """Publish a call of ``publisher`` (``None``: the platform); its texts are in ``language``."""
    return _call_write(
        Call(publisher=publisher, created_by=actor),
        actor=actor,
        created=True,
        goals=goals,
        language=language,
        texts={"title": title, "description": description, "criteria": criteria},
        values={"budget": budget, "currency": currency, "opens_at": opens_at, "closes_at": closes_at},
    )


# What the conflict screen shows of a call saved meanwhile.
CALL_CONFLICT_FIELDS = ("title", "description", "criteria", "budget", "currency", "opens_at", "closes_at")


@transaction.atomic
def call_edit(
    *,
    actor,
    call: Call,
    goals=(),
    language: str,
    title: str,
    description: str = "",
    criteria: str = "",
    budget=None,
    currency: str = Currency.EUR,
    opens_at,
    closes_at,
    expected_version: int | None = None,
) -> Call:
    """Edit a call; its texts are saved in ``language`` (the other languages are kept), if
    nobody saved it since ``expected_version`` (``None``: the version just read). Raises
    ``soliris.conflicts.EditConflict`` otherwise; saving unchanged values changes nothing."""
    current = Call.objects.select_for_update().get(pk=call.pk)
    version = current.version if expected_version is None else expected_version
    check_version(current, version, fields=CALL_CONFLICT_FIELDS)
    values = {
        f"title_{language}": title,
        f"description_{language}": description,
        f"criteria_{language}": criteria,
        "budget": budget,
        "currency": currency,
        "opens_at": opens_at,
        "closes_at": closes_at,
    }
    changed = sorted(name for name, value in values.items() if getattr(current, name) != value)
    for name, value in values.items():
        setattr(current, name, value)
    goals = list(goals)
    if {g.pk for g in goals} != set(current.goals.values_list("pk", flat=True)):
        changed.append("goals")
    clean(current)
    if not changed:
        return current
    update_versioned(Call, current.pk, expected_version=version, values=values, fields=CALL_CONFLICT_FIELDS)
    current.version = version + 1
    current.goals.set(goals)
    audit.record(
        "projects.call.updated",
        actor=actor,
        subject=current,
        title=getattr(current, f"title_{language}"),
        fields=changed,
    )
    return current


@transaction.atomic
def partnership_goals_edit(*, actor, partnership, goals) -> None:
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
