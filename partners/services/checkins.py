"""Check-in rounds: each party answers without seeing the others until all have answered."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partners.models import CheckInAnswer, CheckInRound, Partnership, PartnershipParty, PartyStatus, Role
from partners.permissions import at_least, partnership_role, role_in
from partners.services.common import full_clean, require
from partners.services.partnerships import refuse_when_ended
from soliris import audit


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
    return checkin_round


@transaction.atomic
def checkin_answer(
    *, actor, checkin_round: CheckInRound, party: PartnershipParty, data: dict
) -> CheckInAnswer:
    require(party.status == PartyStatus.ACCEPTED and party.partnership_id == checkin_round.partnership_id)
    require(at_least(role_in(actor, [party.organisation_id]), Role.EDITOR))
    if not (actor.full_name or "").strip():
        raise ValidationError(_("Add your full name to your profile before answering a check-in."))
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
    return answer
