"""A frozen version read in another language marks, as the draft does, the clauses whose text in
that language was out of date with the original when the version was frozen."""

import pytest
from django.urls import reverse
from django.utils import translation

from conventions import services
from conventions.models import ClauseText, TranslationState
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db

NOTE = "This translation was out of date with the original when this version was frozen"


def test_a_frozen_version_read_in_dutch_marks_the_clause_dutch_had_not_reviewed(cast, as_role):
    document = make_document(cast, clauses=2)  # authentic: French and Spanish
    editor, partner = cast.user("party_editor"), cast.user("partner_coordinator")
    first, second = document.clauses.order_by("position")
    for clause, body in (
        (first, "De partijen komen punt 1 overeen."),
        (second, "De partijen komen punt 2 overeen."),
    ):
        services.clause_edit(
            actor=editor, clause=clause, language="nl", heading="Artikel", body=body, expected_version=0
        )
    french = ClauseText.objects.get(clause=first, language="fr")
    services.clause_edit(
        actor=editor,
        clause=first,
        language="fr",
        heading="Article 1",
        body="Les parties conviennent du point 1, revu.",
        expected_version=french.revision,
    )
    services.clause_confirm(actor=partner, clause=first, language="es")  # Spanish reviewed, not Dutch
    assert ClauseText.objects.get(clause=first, language="nl").state == TranslationState.TO_REVIEW
    services.version_propose(actor=editor, document=document)
    # Dutch is reviewed after the freeze: the version keeps the state it had.
    services.clause_confirm(actor=partner, clause=first, language="nl")

    with translation.override("en"):
        url = reverse("conventions:version_detail", args=[document.key, 1])
    response = as_role("party_viewer").get(url, {"lang": "nl"})
    rows = response.context["rows"]
    assert [row["text"]["state"] for row in rows] == [TranslationState.TO_REVIEW, TranslationState.UP_TO_DATE]
    shown = response.content.decode()
    assert shown.count(NOTE) == 1 and "to review" in shown
    # In French (the original) nothing is to review.
    response = as_role("party_viewer").get(url, {"lang": "fr"})
    assert NOTE not in response.content.decode()
