"""The shared spellings every app uses: conflicts, form errors, permissions, request cache."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from soliris import permissions
from soliris.conflicts import EditConflict, check_version, form_after_conflict, update_versioned
from soliris.forms import apply_validation_error
from soliris.models import RenderJob


@pytest.mark.django_db
def test_a_versioned_update_writes_once_and_refuses_a_stale_version():
    job = RenderJob.objects.create(kind="k", language="fr", content_hash="h1")
    # RenderJob has no version field: attempts plays its part in this test.
    update_versioned(
        RenderJob, job.pk, expected_version=0, values={"title": "first"}, version_field="attempts"
    )
    with pytest.raises(EditConflict) as caught:
        update_versioned(
            RenderJob,
            job.pk,
            expected_version=0,
            values={"title": "second"},
            fields=("title",),
            version_field="attempts",
        )
    job.refresh_from_db()
    assert job.title == "first"
    assert caught.value.version == 1
    assert caught.value.rows() == [("Titre", "first")]  # the default language, French


def test_check_version_raises_on_a_moved_version():
    class Row:
        version = 3

    check_version(Row(), 3)
    with pytest.raises(EditConflict):
        check_version(Row(), 2)


class NoteForm(forms.Form):
    text = forms.CharField()
    version = forms.IntegerField(widget=forms.HiddenInput)


def test_the_form_after_a_conflict_keeps_the_users_text_and_carries_the_new_version():
    request = RequestFactory().post("/", {"text": "my long text", "version": "1"})

    class Current:
        version = 4

    form = form_after_conflict(NoteForm, request, EditConflict(Current()))
    assert form["text"].value() == "my long text"
    assert form["version"].value() == "4"
    assert form.non_field_errors()


def test_a_validation_error_lands_on_its_field_or_on_the_form():
    form = NoteForm({"text": "x", "version": "1"})
    form.is_valid()
    apply_validation_error(form, ValidationError({"text": "too short", "unknown": "elsewhere"}))
    assert form.errors["text"] == ["too short"]
    assert "elsewhere" in form.non_field_errors()
    apply_validation_error(form, ValidationError("whole form"))
    assert "whole form" in form.non_field_errors()


def test_an_undeclared_permission_name_is_refused_not_answered():
    with pytest.raises(permissions.UnknownPermission):
        permissions.has(None, "partners.partnership:fly")


def test_the_request_cache_lives_for_one_request_only():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert permissions.request_cached("k", compute) == 1
    assert permissions.request_cached("k", compute) == 2  # outside a request: not kept

    def view(request):
        first = permissions.request_cached("k", compute)
        assert permissions.request_cached("k", compute) == first
        return first

    middleware = permissions.RequestCacheMiddleware(view)
    assert middleware(RequestFactory().get("/")) == 3
    assert middleware(RequestFactory().get("/")) == 4


def test_importing_the_kernel_chooses_no_settings():
    """``make test`` runs pytest under ``soliris.devenv exec``: were importing ``soliris``
    to set DJANGO_SETTINGS_MODULE, the tests would silently run the production settings."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    script = "import os, soliris, soliris.devenv; print('DJANGO_SETTINGS_MODULE' in os.environ)"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
