"""The mails of the projects app: an invitation to a party, a call's decision to the parties.

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


def _coordinators(organisation_ids) -> list:
    """The active coordinators of the organisations, each once."""
    today = timezone.localdate()
    users = {}
    for membership in Membership.objects.filter(
        organisation_id__in=organisation_ids,
        role=Role.COORDINATOR,
        active_until__isnull=True,
        active_from__lte=today,
        user__is_active=True,
    ).select_related("user"):
        users.setdefault(membership.user.pk, membership.user)
    return list(users.values())


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
        )
    ProjectParty.objects.filter(pk=party.pk).update(notified_at=timezone.now())
    return len(recipients)


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
        )
    Submission.objects.filter(pk=submission.pk).update(notified_at=timezone.now())
    return len(recipients)
