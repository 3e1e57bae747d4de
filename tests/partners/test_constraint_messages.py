"""Every constraint of partners speaks the reader's language, on the field it is about: no
constraint name ever reaches a page."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from partners.models import (
    CheckInAnswer,
    CheckInRound,
    Membership,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
    Role,
)
from partners.services.common import full_clean

pytestmark = pytest.mark.django_db

ENDS_AFTER_START = {
    "fr": "La fin vient après le début.",
    "nl": "Het einde valt na het begin.",
    "en": "The end comes after the start.",
    "es": "El final es posterior al inicio.",
}


@pytest.mark.parametrize("language", ["fr", "nl", "en", "es"])
def test_ending_before_the_start_says_so_on_the_end_date_in_the_readers_language(cast, as_role, language):
    cast.partnership.started_on = date(2025, 3, 1)
    cast.partnership.save()
    with translation.override(language):
        url = reverse("partners:partnership_status", kwargs={"key": cast.partnership.key})
    response = as_role("party_coordinator").post(
        url, {"status": "ended", "reason": "Fin du projet", "ended_on": "2025-01-15"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ended_on"] == [ENDS_AFTER_START[language]]
    page = response.content.decode()
    assert "partners_partnership_ends_after_start" not in page
    assert "Fin du projet" in page  # the reason typed is kept
    cast.partnership.refresh_from_db()
    assert cast.partnership.status == PartnershipStatus.ACTIVE


def refused(instance, language="fr"):
    with translation.override(language), pytest.raises(ValidationError) as caught:
        full_clean(instance)
    return caught.value.message_dict


def test_a_second_active_membership_is_refused_in_words(cast):
    duplicate = Membership(organisation=cast.jette, user=cast.user("party_viewer"), role=Role.EDITOR)
    errors = refused(duplicate)
    assert errors["__all__"] == ["Cette personne est déjà membre de l'organisation."]


def test_a_second_party_for_one_organisation_is_refused_on_the_organisation(cast):
    errors = refused(PartnershipParty(partnership=cast.partnership, organisation=cast.jette), "en")
    assert errors["organisation"] == ["This organisation is already a party to this partnership."]


def test_a_round_number_and_an_answer_twice_are_refused_in_words(cast):
    checkin_round = CheckInRound.objects.create(partnership=cast.partnership, number=1)
    errors = refused(CheckInRound(partnership=cast.partnership, number=1), "en")
    assert errors["__all__"] == ["This check-in round is already open: reload the page."]
    party = cast.partnership.parties.get(organisation=cast.jette, status=PartyStatus.ACCEPTED)
    scores = dict.fromkeys(("equality", "trust", "transparency", "mutual_learning", "ownership"), 3)
    CheckInAnswer.objects.create(round=checkin_round, party=party, **scores)
    errors = refused(CheckInAnswer(round=checkin_round, party=party, **scores), "fr")
    assert errors["__all__"] == ["Votre organisation a déjà répondu à ce tour."]
