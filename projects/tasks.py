"""Thin tasks: ids in, one service call; safe to run twice (the services mark what they sent)."""

from celery import shared_task


@shared_task
def notify_invitation(party_id: int) -> int:
    from projects.services import party_notify_invitation

    return party_notify_invitation(party_id=party_id)


@shared_task
def notify_decision(submission_id: int) -> int:
    from projects.services import submission_notify_decision

    return submission_notify_decision(submission_id=submission_id)
