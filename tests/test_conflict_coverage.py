"""Every model that two people can save carries a version — and a test of the conflict.

A model with a version counter (an integer field named ``version``, ``*_version`` or
``revision``) lacks protection unless a test shows two saves from one stale form keeping both
texts. This registry names that test for each; a new versioned model without an entry fails
here, and so does an entry whose test was renamed away.
"""

import re
from pathlib import Path

from django.apps import apps
from django.db import models

BASE_DIR = Path(__file__).resolve().parent.parent
APPS = ("soliris", "partners", "projects", "conventions", "events")

CONFLICT_TESTS = {
    "partners.Organisation.version": "partners/test_edit_conflicts.py::test_two_coordinators_saving_one_profile_both_texts_are_kept",
    "partners.Membership.version": "partners/test_edit_conflicts.py::test_a_member_and_a_coordinator_saving_one_membership_both_texts_are_kept",
    "partners.Partnership.version": "partners/test_partnership_views.py::test_the_conflict_screen_is_the_kernels_with_both_texts",
    "partners.PartnershipParty.version": "partners/test_party_views.py::test_a_side_saved_meanwhile_is_shown_beside_the_form_that_keeps_mine",
    "partners.Exchange.version": "partners/test_exchange_edit.py::test_two_people_correcting_at_once_keep_both_texts",
    "partners.PartnershipNarrative.version": "partners/test_narratives.py::test_two_editors_writing_one_narrative_at_once_keep_both_texts",
    "projects.Project.version": "projects/test_project_views.py::test_a_concurrent_edit_shows_both_texts",
    "projects.ProjectParty.version": "projects/test_conflicts.py::test_a_concurrent_edit_of_a_partys_role_shows_both_texts_and_keeps_the_users",
    "projects.Call.version": "projects/test_conflicts.py::test_a_concurrent_edit_of_a_call_shows_both_texts_and_keeps_the_users",
    "conventions.Document.version": "conventions/test_views_drafts.py::test_two_saves_of_the_settings_from_one_stale_form_show_both_titles",
    "conventions.ClauseText.revision": "conventions/test_concurrency.py::test_two_sessions_editing_the_same_clause_keep_both_texts",
    "events.Event.version": "events/test_event_pages.py::test_saving_an_event_again_from_the_conflict_page_keeps_the_users_text",
    "events.Workshop.version": "events/test_conflicts.py::test_two_saves_of_one_stale_workshop_form_show_the_conflict_and_keep_the_users_text",
    "events.Recommendation.version": "events/test_recommendations.py::test_saving_a_recommendation_again_from_the_conflict_page_keeps_the_users_text",
    "events.Recommendation.follow_up_version": "events/test_conflicts.py::test_two_follow_ups_from_one_stale_form_show_the_status_recorded_meanwhile",
}
# Counters that are not edit versions: what a frozen snapshot was taken from.
NOT_EDIT_VERSIONS = {
    "conventions.Document.draft_revision": "the draft's revision a version is frozen from",
    "conventions.Version.draft_revision": "the draft revision a version was frozen from (immutable)",
    "conventions.ClauseText.source_revision": "the original's revision a translation follows",
    "conventions.Suggestion.base_revision": "the text's revision a suggestion was made on (out of date after)",
}


def versioned_fields():
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.IntegerField) and re.fullmatch(
                r"(\w+_)?(version|revision)", field.name
            ):
                yield f"{model._meta.label}.{field.name}"


def test_every_versioned_model_has_a_conflict_test():
    missing = sorted(set(versioned_fields()) - set(CONFLICT_TESTS) - set(NOT_EDIT_VERSIONS))
    assert missing == [], "add a conflict test and name it in CONFLICT_TESTS"


def test_every_named_conflict_test_exists():
    gone = []
    for field, test in CONFLICT_TESTS.items():
        path, name = test.split("::")
        source = (BASE_DIR / "tests" / path).read_text()
        if f"def {name}(" not in source:
            gone.append(f"{field}: {test}")
    assert gone == []
    assert set(CONFLICT_TESTS) <= set(versioned_fields())
