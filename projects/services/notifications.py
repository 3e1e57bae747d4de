"""Emails sent by the worker: invitations and decisions, in each recipient's language, once."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from projects.models import (
    ProjectParty,
    ProjectPartyStatus,
    Submission,
    SubmissionStatus,
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
