"""An "acting as" choice with a single organisation starts on it: no "---------" to pick
through (the project's "Proposed by", the new partnership's organisation, the endorsement's,
a new event's organisers)."""

import pytest

from events.forms import EndorseForm, EventForm
from partners.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_the_project_form_starts_on_the_one_organisation_one_edits_for(as_role, cast):
    html = as_role("party_editor").get("/fr/projects/new/").content.decode()
    select = html[
        html.index('<select name="proposed_by"') : html.index("</select>", html.index('name="proposed_by"'))
    ]
    assert f'<option value="{cast.jette.pk}" selected>Commune de Jette</option>' in select
    assert "---------" not in select


def test_with_two_organisations_one_chooses(as_role, cast):
    Membership.objects.create(organisation=cast.periferia, user=cast.user("party_editor"), role=Role.EDITOR)
    html = as_role("party_editor").get("/fr/projects/new/").content.decode()
    select = html[
        html.index('<select name="proposed_by"') : html.index("</select>", html.index('name="proposed_by"'))
    ]
    assert "---------" in select and "selected>Commune" not in select


def test_the_new_partnership_form_starts_on_the_one_organisation_one_coordinates(as_role, cast):
    html = as_role("party_coordinator").get("/fr/partnerships/new/").content.decode()
    select = html[
        html.index('<select name="organisation"') : html.index("</select>", html.index('name="organisation"'))
    ]
    assert f'<option value="{cast.jette.pk}" selected>Commune de Jette</option>' in select
    assert "---------" not in select


def test_the_endorsement_starts_on_the_one_organisation_one_coordinates(cast):
    form = EndorseForm(user=cast.user("party_coordinator"), organisation_ids=[cast.jette.pk])
    html = str(form["organisation"])
    assert '<option value="cast-jette" selected>Commune de Jette</option>' in html
    assert "---------" not in html


def test_the_endorsement_still_refuses_an_organisation_one_does_not_coordinate(cast):
    form = EndorseForm(
        {"organisation": cast.tarija.slug},
        user=cast.user("party_coordinator"),
        organisation_ids=[cast.jette.pk],
    )
    assert not form.is_valid() and "organisation" in form.errors


def test_a_new_event_starts_organised_by_the_one_organisation(cast):
    form = EventForm(user=cast.user("party_coordinator"), organiser_ids=[cast.jette.pk])
    html = str(form["organisers"])
    assert f'value="{cast.jette.pk}"' in html and "checked" in html
