import pytest
from django.core.management import call_command
from django.urls import reverse

from conventions import reference
from conventions.models import (
    ClauseText,
    Document,
    DocumentStatus,
    ThreadStatus,
    TranslationState,
    VersionStatus,
)
from soliris.models import User

pytestmark = pytest.mark.django_db


def test_demo_has_a_signed_agreement_and_a_charter_in_progress(client):
    call_command("seed_demo")
    call_command("seed_demo")
    agreement = Document.objects.get(partnership__name__contains="Brasschaat")
    assert agreement.status == DocumentStatus.SIGNED
    version = agreement.versions.get()
    assert version.status == VersionStatus.SIGNED and version.signatures.count() == 2
    assert set(version.clauses[0]["texts"]) == {"nl", "fr", "es"}

    charter = Document.objects.get(kind="charter", partnership__parties__organisation__slug="jette")
    assert charter.threads.filter(status=ThreadStatus.OPEN).count() == 2
    assert ClauseText.objects.filter(clause__document=charter, state=TranslationState.TO_REVIEW).exists()
    project_convention = Document.objects.get(project__key="herentbos")
    assert {o.slug for o in project_convention.party_organisations()} == {"herent", "nimlahakok"}
    assert project_convention.authentic_languages == ["nl", "es"]
    assert not ClauseText.objects.filter(
        clause__document=project_convention, language="nl", body__contains="Elk jaar"
    )
    assert Document.objects.count() == 3

    client.force_login(User.objects.get(email="comunidad@nimlahakok.demo"))
    project_page = client.get(reverse("projects:project_detail", args=["herentbos"])).content.decode()
    assert reverse("conventions:document_detail", args=[project_convention.key]) in project_page
    propose = client.get(reverse("conventions:version_propose", args=[project_convention.key]))
    evaluation = project_convention.clauses.order_by("position").last()
    blocker = reverse("conventions:clause_edit", args=[project_convention.key, evaluation.key, "nl"])
    assert propose.status_code == 200 and blocker in propose.content.decode()

    client.force_login(User.objects.get(email="coordination@jette.demo"))
    assert client.get(reverse("conventions:document_detail", args=[charter.key])).status_code == 200
    assert client.get(reverse("conventions:document_detail", args=[agreement.key])).status_code == 404
    client.force_login(User.objects.get(email="cooperacion@tarija.demo"))
    assert client.get(reverse("conventions:version_detail", args=[agreement.key, 1])).status_code == 200


def test_reference_data_loads_the_charter_templates_idempotently():
    assert reference.load() == reference.load()
    assert reference.load() == "1 charter template, 10 clauses in 4 languages"
