"""Conventions and charters of a joint project: its confirmed parties co-draft, approve and sign them."""

from html import escape

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conventions import pdfs as charter_documents
from conventions import selectors, services
from conventions.models import Document, DocumentKind, DocumentStatus
from projects import services as project_services
from projects.models import ProjectParty
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def make_project_document(cast, project, *, title="Convention de projet — sources d'eau"):
    author = cast.user("partner_coordinator")
    document = services.document_create(
        actor=author,
        project=project,
        kind=DocumentKind.CONVENTION,
        title=title,
        authentic_languages=["es", "fr"],
    )
    clause = services.clause_add(
        actor=author,
        document=document,
        language="es",
        heading="Objeto",
        body="Las partes protegen juntas las fuentes de agua de Tarija.",
    )
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="Objet",
        body="Les parties protègent ensemble les sources d'eau de Tarija.",
        expected_version=0,
    )
    document.refresh_from_db()
    return document


def test_a_confirmed_party_creates_a_document_for_the_project(cast, as_role, cast_project):
    client = as_role("partner_coordinator")
    url = reverse("conventions:document_create_for_project", args=[cast_project.key])
    page = client.get(url).content.decode()
    assert "Protection des sources" in page
    assert "Commune de Jette" in page and "Municipio de Tarija" in page
    assert "STADD" not in page  # invited, not confirmed: not a party of the document
    response = client.post(
        url,
        {"kind": "charter", "title": "Charte du projet", "authentic_languages": ["es", "fr"], "template": ""},
    )
    document = Document.objects.get(title="Charte du projet")
    assert response.status_code == 302 and response["Location"].endswith(f"/conventions/{document.key}/")
    assert document.project == cast_project and document.partnership is None
    assert sorted(document.party_organisation_ids()) == sorted([cast.jette.pk, cast.tarija.pk])
    detail = as_role("party_viewer").get(response["Location"]).content.decode()
    assert reverse("projects:project_detail", args=[cast_project.key]) in detail


def test_the_form_keeps_what_was_typed_when_it_is_refused(cast, as_role, cast_project):
    client = as_role("party_editor")
    url = reverse("conventions:document_create_for_project", args=[cast_project.key])
    response = client.post(
        url, {"kind": "addendum", "title": "Avenant sans objet", "authentic_languages": ["fr"]}
    )
    assert response.status_code == 200
    assert "Avenant sans objet" in response.content.decode()
    assert not Document.objects.filter(title="Avenant sans objet").exists()


def test_an_invited_party_becomes_a_party_of_the_document_once_it_confirms(cast, as_role, cast_project):
    document = make_project_document(cast, cast_project)
    detail = reverse("conventions:document_detail", args=[document.key])
    assert as_role("invited_coordinator").get(detail).status_code == 404
    create = reverse("conventions:document_create_for_project", args=[cast_project.key])
    assert as_role("invited_coordinator").get(create).status_code == 404
    project_services.party_confirm(
        actor=cast.user("invited_coordinator"),
        party=ProjectParty.objects.get(project=cast_project, organisation=cast.stadd),
        role="Formation",
        contribution="Animation des ateliers",
    )
    assert as_role("invited_coordinator").get(detail).status_code == 200
    assert cast.stadd.pk in selectors.document_by_key(document.key).party_organisation_ids()


def test_agreed_and_signed_need_every_confirmed_party(cast, cast_project):
    document = make_project_document(cast, cast_project)
    services.version_propose(
        actor=cast.user("partner_coordinator"), document=document, reason="Primera lectura"
    )
    version = document.versions.get()
    services.version_approve(actor=cast.user("party_coordinator"), version=version)
    document.refresh_from_db()
    assert document.status == DocumentStatus.PROPOSED
    services.version_approve(actor=cast.user("partner_coordinator"), version=version)
    document.refresh_from_db()
    assert document.status == DocumentStatus.AGREED
    version.refresh_from_db()
    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    services.version_sign(
        actor=cast.user("partner_coordinator"), version=version, consent=True, password=PASSWORD
    )
    document.refresh_from_db()
    assert document.status == DocumentStatus.SIGNED
    content = charter_documents.charter_content({"document": document.key, "version": 1, "language": "es"})
    assert content["project"] == "Protection des sources d'eau à Tarija"  # no Spanish title: the French one
    assert {party["name"] for party in content["parties"]} == {"Commune de Jette", "Municipio de Tarija"}


def test_an_addendum_amends_a_document_of_the_same_project(cast, cast_project, document):
    with pytest.raises(ValidationError) as error:
        services.document_create(
            actor=cast.user("party_editor"),
            project=cast_project,
            kind=DocumentKind.ADDENDUM,
            title="Avenant",
            authentic_languages=["fr"],
            amends=document,  # a document of the partnership, not of the project
        )
    assert "amends" in error.value.message_dict


def test_a_document_belongs_to_exactly_one_partnership_or_project(cast, cast_project):
    with pytest.raises(ValueError):
        services.document_create(
            actor=cast.user("party_editor"),
            partnership=cast.partnership,
            project=cast_project,
            kind=DocumentKind.CHARTER,
            title="Deux maîtres",
            authentic_languages=["fr"],
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(
            partnership=cast.partnership, project=cast_project, kind="charter", title="Deux maîtres"
        )


def test_the_project_page_lists_its_documents_by_visibility(cast, as_role, client, cast_project):
    document = make_project_document(cast, cast_project)
    url = reverse("projects:project_detail", args=[cast_project.key])
    member = as_role("party_viewer").get(url).content.decode()
    assert reverse("conventions:document_detail", args=[document.key]) in member
    assert reverse("conventions:document_create_for_project", args=[cast_project.key]) not in member
    editor = as_role("party_editor").get(url).content.decode()
    assert reverse("conventions:document_create_for_project", args=[cast_project.key]) in editor
    # The invited party sees the project to answer, but no draft of its conventions.
    invited = as_role("invited_coordinator").get(url).content.decode()
    assert escape(document.title) not in invited
    assert reverse("conventions:document_detail", args=[document.key]) not in invited


def test_my_documents_include_the_projects_and_offer_to_start_one(cast, as_role, cast_project, document):
    project_document = make_project_document(cast, cast_project)
    page = as_role("party_editor").get(reverse("conventions:document_list")).content.decode()
    assert document.title in page and escape(project_document.title) in page
    assert reverse("conventions:document_create_for_project", args=[cast_project.key]) in page
    outsider = as_role("outsider").get(reverse("conventions:document_list")).content.decode()
    assert escape(project_document.title) not in outsider


def test_the_project_page_makes_a_constant_number_of_queries(cast, as_role, cast_project):
    client = as_role("party_editor")
    url = reverse("projects:project_detail", args=[cast_project.key])
    make_project_document(cast, cast_project, title="Document 0")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(1, 6):
        make_project_document(cast, cast_project, title=f"Document {n}")
    with CaptureQueriesContext(connection) as large:
        assert "Document 5" in client.get(url).content.decode()
    assert len(large) == len(small)
