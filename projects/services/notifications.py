"""The mails of the projects app: an invitation to a party and its answer, a party's changed
side, a project answering a call (to its publisher) and the call's decision (to the parties).

They are queued through ``soliris.mail.send`` by the service that invites or decides, in its
transaction: nothing is sent when the change is rolled back, and the outbox delivers them
after the commit, with retries. Each coordinator gets the mail once, in their own language,
with the project's title and address in that language.
"""

from django.conf import settings
from django.utils import timezone

from partners.models import Membership, Role
from projects.models import ProjectParty, ProjectPartyStatus, Submission, SubmissionStatus
from soliris import mail
from soliris.i18n import translated_value
from soliris.models import NotificationTopic, User


def _coordinators(organisation_ids, roles=(Role.COORDINATOR,)) -> list:
    """The active coordinators (or members of ``roles``) of the organisations, each once."""
    today = timezone.localdate()
    users = {}
    for membership in Membership.objects.filter(
        organisation_id__in=list(organisation_ids),
        role__in=list(roles),
        active_until__isnull=True,
        active_from__lte=today,
        user__is_active=True,
    ).select_related("user"):
        users.setdefault(membership.user.pk, membership.user)
    return list(users.values())


def _others(party: ProjectParty, *, actor, also=()) -> list:
    """The coordinators of the project's confirmed parties other than ``party``, and those of
    ``also`` still members of a confirmed party (any role: they see the project), each once,
    without the person who acted."""
    confirmed = list(
        ProjectParty.objects.filter(
            project_id=party.project_id, status=ProjectPartyStatus.CONFIRMED
        ).values_list("organisation_id", flat=True)
    )
    others = [pk for pk in confirmed if pk != party.organisation_id]
    users = {user.pk: user for user in _coordinators(others)}
    wanted = {getattr(person, "pk", None) for person in also} - {None}
    if wanted:
        for user in _coordinators(confirmed, roles=Role.values):
            if user.pk in wanted:
                users.setdefault(user.pk, user)
    actor_pk = getattr(actor, "pk", None)
    return [user for pk, user in users.items() if pk != actor_pk]


def _language(user) -> str:
    """The language ``soliris.mail.send`` writes to ``user`` in."""
    return user.preferred_language or settings.LANGUAGE_CODE


def party_notify_invitation(*, party: ProjectParty) -> int:
    """Queue the invitation to the invited organisation's coordinators; returns how many."""
    if party.status != ProjectPartyStatus.INVITED:
        return 0
    project = party.project
    recipients = _coordinators([party.organisation_id])
    for user in recipients:
        title, _in = translated_value(project, "title", _language(user))
        mail.send(
            [user],
            "projects/email/invitation",
            {"party": party, "title": title},
            link=("projects:project_detail", project.key),
            light=("projects:party_answer", project.key, party.organisation.slug),
            topic=NotificationTopic.PROJECTS,
            action=True,
        )
    ProjectParty.objects.filter(pk=party.pk).update(notified_at=timezone.now())
    return len(recipients)


def party_notify_answer(*, party: ProjectParty, actor) -> int:
    """Tell the other confirmed parties' coordinators (and whoever invited) that ``party``
    confirmed or declined, by whom, and why when a reason was given; returns how many."""
    if party.status not in (ProjectPartyStatus.CONFIRMED, ProjectPartyStatus.DECLINED):
        return 0
    project = party.project
    recipients = _others(party, actor=actor, also=[party.invited_by])
    for user in recipients:
        title, _in = translated_value(project, "title", _language(user))
        mail.send(
            [user],
            "projects/email/party_answered",
            {
                "party": party,
                "title": title,
                "confirmed": party.status == ProjectPartyStatus.CONFIRMED,
                "answered_by": actor,
            },
            link=("projects:project_detail", project.key),
            topic=NotificationTopic.PROJECTS,
        )
    return len(recipients)


def party_notify_change(*, party: ProjectParty, changes: list, actor) -> int:
    """Tell the other confirmed parties' coordinators what changed in ``party``'s role,
    contribution or decision level (old and new); returns how many."""
    if not changes:
        return 0
    project = party.project
    recipients = _others(party, actor=actor)
    for user in recipients:
        title, _in = translated_value(project, "title", _language(user))
        mail.send(
            [user],
            "projects/email/party_changed",
            {"party": party, "title": title, "changes": changes, "changed_by": actor},
            link=("projects:project_parties", project.key),
            topic=NotificationTopic.PROJECTS,
        )
    return len(recipients)


def submission_notify_publisher(*, submission: Submission, actor) -> int:
    """Tell the call's publisher (its coordinators; the platform's staff for a call of the
    platform) that a project answered it: they decide on it. Returns how many."""
    call = submission.call
    if call.publisher_id is None:
        recipients = list(User.objects.filter(is_staff=True, is_active=True))
    else:
        recipients = _coordinators([call.publisher_id])
    actor_pk = getattr(actor, "pk", None)
    recipients = [user for user in recipients if user.pk != actor_pk]
    project = submission.project
    organisation = _submitting_organisation(submission)
    for user in recipients:
        language = _language(user)
        title, _in = translated_value(project, "title", language)
        call_title, _in = translated_value(call, "title", language)
        mail.send(
            [user],
            "projects/email/submitted",
            {
                "submission": submission,
                "call": call,
                "title": title,
                "call_title": call_title,
                "organisation": organisation,
                "submitted_by": actor,
            },
            link=("projects:call_review", call.key),
            topic=NotificationTopic.PROJECTS,
            action=True,  # the publisher decides on the answer
        )
    return len(recipients)


def _submitting_organisation(submission: Submission):
    """The confirmed party for which the person submitted (the proposer when several)."""
    parties = [
        party
        for party in submission.project.parties.select_related("organisation")
        if party.status == ProjectPartyStatus.CONFIRMED
    ]
    mine = set(
        Membership.objects.filter(
            user_id=submission.submitted_by_id,
            active_until__isnull=True,
            active_from__lte=timezone.localdate(),
        ).values_list("organisation_id", flat=True)
    )
    ids = [party.organisation_id for party in parties if party.organisation_id in mine]
    if submission.project.proposed_by_id in ids or not ids:
        return submission.project.proposed_by
    return next(party.organisation for party in parties if party.organisation_id == ids[0])


def submission_notify_decision(*, submission: Submission) -> int:
    """Queue the call's decision to the coordinators of every confirmed party; returns how many."""
    if submission.status == SubmissionStatus.SUBMITTED:
        return 0
    project = submission.project
    party_ids = project.parties.filter(status=ProjectPartyStatus.CONFIRMED).values_list(
        "organisation_id", flat=True
    )
    recipients = _coordinators(list(party_ids))
    for user in recipients:
        language = _language(user)
        title, _in = translated_value(project, "title", language)
        call_title, _in = translated_value(submission.call, "title", language)
        mail.send(
            [user],
            "projects/email/decision",
            {
                "submission": submission,
                "selected": submission.status == SubmissionStatus.SELECTED,
                "title": title,
                "call_title": call_title,
            },
            link=("projects:project_detail", project.key),
            topic=NotificationTopic.PROJECTS,
        )
    Submission.objects.filter(pk=submission.pk).update(notified_at=timezone.now())
    return len(recipients)
