"""Check-in rounds: each party answers without seeing the others until all have answered."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partners.models import CheckInAnswer, CheckInRound, Partnership, PartnershipParty, PartyStatus, Role
from partners.permissions import at_least, partnership_role, role_in
from partners.services.common import except_actor, full_clean, members_of, require
from partners.services.partnerships import refuse_when_ended
from soliris import audit, mail
from soliris.models import NotificationTopic


def round_is_complete(checkin_round, parties=None, answers=None) -> bool:
    """Every accepted party has answered (hidden-until-all-answered rule)."""
    if parties is None:
        parties = checkin_round.partnership.parties.filter(status=PartyStatus.ACCEPTED)
    if answers is None:
        answers = checkin_round.answers.all()
    accepted = {p.pk for p in parties if p.status == PartyStatus.ACCEPTED}
    answered = {a.party_id for a in answers}
    return bool(accepted) and accepted <= answered


@transaction.atomic
def checkin_open(*, actor, partnership: Partnership, due_on=None) -> CheckInRound:
    require(at_least(partnership_role(actor, partnership), Role.COORDINATOR))
    refuse_when_ended(partnership, "checkin")
    last = partnership.checkin_rounds.order_by("-number").first()
    if last and not round_is_complete(last):
        raise ValidationError(_("The current round is still waiting for answers."))
    checkin_round = CheckInRound(
        partnership=partnership, number=(last.number + 1) if last else 1, due_on=due_on, opened_by=actor
    )
    full_clean(checkin_round)
    checkin_round.save()
    audit.record("partners.checkin.opened", actor=actor, subject=partnership, round=checkin_round.number)
    notify_round_opened(checkin_round=checkin_round, actor=actor)
    return checkin_round


def notify_round_opened(*, checkin_round: CheckInRound, actor) -> int:
    """Each accepted party's coordinators are asked for their party's answer, linked to its
    form (each once, the one who opened the round aside)."""
    partnership = checkin_round.partnership
    told = set()
    count = 0
    parties = partnership.parties.filter(status=PartyStatus.ACCEPTED).select_related("organisation")
    for party in parties.order_by("id"):
        recipients = [
            user
            for user in except_actor(members_of([party.organisation_id], roles=[Role.COORDINATOR]), actor)
            if user.pk not in told
        ]
        told.update(user.pk for user in recipients)
        count += mail.send(
            recipients,
            "partners/email/checkin_opened",
            {
                "partnership": partnership,
                "round": checkin_round,
                "organisation": party.organisation,
                "opened_by": actor,
            },
            link=("partners:checkin_answer", partnership.key, checkin_round.number, party.organisation.slug),
            light=("partners:checkin_answer", partnership.key, checkin_round.number, party.organisation.slug),
            topic=NotificationTopic.PARTNERSHIPS,
            action=True,
        )
    return count


def notify_round_revealed(*, checkin_round: CheckInRound, actor) -> int:
    """Every member of the accepted parties (who all read the answers) hears that they can be
    read, but the one whose answer completed the round."""
    partnership = checkin_round.partnership
    organisation_ids = partnership.parties.filter(status=PartyStatus.ACCEPTED).values_list(
        "organisation_id", flat=True
    )
    return mail.send(
        except_actor(members_of(organisation_ids), actor),
        "partners/email/checkin_revealed",
        {"partnership": partnership, "round": checkin_round},
        link=("partners:partnership_detail", partnership.key),
        topic=NotificationTopic.PARTNERSHIPS,
    )


@transaction.atomic
def checkin_answer(
    *, actor, checkin_round: CheckInRound, party: PartnershipParty, data: dict
) -> CheckInAnswer:
    require(party.status == PartyStatus.ACCEPTED and party.partnership_id == checkin_round.partnership_id)
    require(at_least(role_in(actor, [party.organisation_id]), Role.EDITOR))
    if not (actor.full_name or "").strip():
        raise ValidationError(_("Add your full name to your profile before answering a check-in."))
    # Two last answers at once are taken one after the other: the second sees the round complete.
    CheckInRound.objects.select_for_update().filter(pk=checkin_round.pk).first()
    if CheckInAnswer.objects.filter(round=checkin_round, party=party).exists():
        raise ValidationError(_("Your organisation already answered this round."))
    answer = CheckInAnswer(round=checkin_round, party=party, answered_by=actor, **data)
    full_clean(answer)
    answer.save()
    audit.record(
        "partners.checkin.answered",
        actor=actor,
        subject=checkin_round.partnership,
        round=checkin_round.number,
        organisation=party.organisation.name,
    )
    if round_is_complete(checkin_round):  # this answer was the last one: all are revealed
        notify_round_revealed(checkin_round=checkin_round, actor=actor)
    return answer
