"""Every constraint of the app speaks the user's language, on the form field it concerns; no
constraint name ever reaches a page."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone, translation

from conventions import constraints, models
from conventions.models import (
    Approval,
    ClauseText,
    Decision,
    Document,
    PublicationConsent,
    Signature,
    Version,
)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ALL = [
    c
    for model in (Document, ClauseText, Version, Approval, Signature, PublicationConsent)
    for c in model._meta.constraints
]


def test_every_constraint_has_a_translated_message_and_a_code_the_forms_know():
    assert len(ALL) == 6
    for constraint in ALL:
        assert constraint.violation_error_code in constraints.FIELD_OF, constraint.name
        with translation.override("en"):
            english = str(constraint.get_violation_error_message())
        for code in ("fr", "nl", "es"):
            with translation.override(code):
                assert str(constraint.get_violation_error_message()) != english, (constraint.name, code)


def duplicates(cast, signed):
    """A second row of each model, breaking its constraint."""
    version = signed.versions.get()
    approval = Approval.objects.filter(version=version).first()
    signature = Signature.objects.filter(version=version).first()
    text = ClauseText.objects.filter(clause__document=signed).first()
    now = timezone.now()
    PublicationConsent.objects.create(
        version=version, organisation=cast.jette, given_by=cast.user("party_coordinator"), given_at=now
    )
    return [
        (Document(kind="convention", title="Sans propriétaire", authentic_languages=["fr"]), "one_owner"),
        (ClauseText(clause=text.clause, language=text.language, body="Encore"), "one_text_per_language"),
        (
            Version(
                document=signed,
                number=version.number,
                snapshot={},
                proposed_by=version.proposed_by,
                proposed_by_name="X",
                proposed_at=now,
            ),
            "one_version_number",
        ),
        (
            Approval(
                version=version,
                organisation=approval.organisation,
                decision=Decision.APPROVED,
                decided_by=approval.decided_by,
                decided_at=now,
            ),
            "one_decision_per_party",
        ),
        (
            Signature(
                version=version,
                organisation=signature.organisation,
                user=signature.user,
                signer_name="X",
                signer_function="X",
                organisation_name="X",
                signed_at=now,
            ),
            "sign_once",
        ),
        (
            PublicationConsent(
                version=version,
                organisation=cast.jette,
                given_by=cast.user("party_coordinator"),
                given_at=now,
            ),
            "one_consent_per_party",
        ),
    ]


def test_each_models_constraint_is_met_in_french_on_its_field_by_full_clean_and_by_the_database(cast, signed):
    for row, code in duplicates(cast, signed):
        field = constraints.FIELD_OF[code] or NON_FIELD_ERRORS
        constraint = next(c for c in ALL if c.violation_error_code == code)
        with translation.override("fr"):
            expected = str(constraint.get_violation_error_message())
            with pytest.raises(ValidationError) as cleaned, constraints.speaking(type(row)):
                row.full_clean(exclude=["snapshot"])
            assert [str(m) for m in cleaned.value.message_dict[field]] == [expected], code
            with pytest.raises(ValidationError) as saved, constraints.speaking(type(row)):
                row.save()
            assert [str(m) for m in saved.value.message_dict[field]] == [expected], code
            assert constraint.name not in str(saved.value)


def test_an_integrity_error_of_no_constraint_of_the_model_is_not_hidden():
    with pytest.raises(IntegrityError), constraints.speaking(Document):
        raise IntegrityError("some other table's constraint")


def test_a_second_signature_racing_the_first_is_refused_on_the_consent_field_in_french(
    cast, agreed, monkeypatch
):
    from conventions import services
    from conventions.services import signatures

    version = agreed.versions.get()
    coordinator = cast.user("party_coordinator")
    services.version_sign(actor=coordinator, version=version, consent=True, password=PASSWORD)
    # The same person signs from another tab whose request passed the "already signed" check.
    monkeypatch.setattr(signatures, "already_signed", lambda version, actor: set())
    from django.test import Client

    client = Client()
    client.force_login(coordinator)
    with translation.override("fr"):
        url = reverse("conventions:version_sign", args=[agreed.key, version.number])
    response = client.post(url, {"consent": "on", "password": PASSWORD, "function": ""})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["consent"] == ["Vous avez déjà signé cette version pour cette organisation."]
    assert "conventions_sign_once" not in response.content.decode()
    assert Signature.objects.filter(version=version, user=coordinator).count() == 1
    assert models.Version.objects.get(pk=version.pk).status == "agreed"
