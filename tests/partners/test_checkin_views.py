"""partners.views.checkins: each page that changes something, on its success path."""

import pytest

from partners.models import CheckInAnswer, CheckInRound
from tests.partners.views_helpers import en, landed

pytestmark = pytest.mark.django_db


def test_a_coordinator_of_any_party_opens_a_check_in_round(cast, as_role):
    response = as_role("partner_coordinator").post(
        en("checkin_open", key=cast.partnership.key), {"due_on": "2030-01-31"}, follow=True
    )
    assert "A new check-in round is open" in landed(response)
    checkin_round = CheckInRound.objects.get(partnership=cast.partnership)
    assert checkin_round.number == 1 and str(checkin_round.due_on) == "2030-01-31"


def test_an_editor_answers_for_their_party_and_is_told_the_others_stay_hidden(cast, as_role):
    CheckInRound.objects.create(partnership=cast.partnership, number=1)
    response = as_role("party_editor").post(
        en("checkin_answer", key=cast.partnership.key, number=1, slug=cast.jette.slug),
        {
            "equality": "4",
            "trust": "5",
            "transparency": "3",
            "mutual_learning": "4",
            "ownership": "5",
            "where_we_stand": "Nous avançons.",
            "language": "fr",
        },
        follow=True,
    )
    assert "Your answer is saved." in landed(response)
    answer = CheckInAnswer.objects.get(round__partnership=cast.partnership)
    assert answer.party.organisation == cast.jette and answer.equality == 4
