"""The fragments other pages include: the partnership page's documents, the dashboard section."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse

from conventions import services

pytestmark = pytest.mark.django_db

PARTIAL = "conventions/partials/partnership_documents.html"


def render(partnership, user):
    return render_to_string(PARTIAL, {"partnership": partnership, "user": user})


def test_parties_see_every_document_and_editors_may_start_one(cast, document):
    html = render(cast.partnership, cast.user("party_editor"))
    assert reverse("conventions:document_detail", args=[document.key]) in html
    assert reverse("conventions:document_create", args=[cast.partnership.key]) in html
    viewer_html = render(cast.partnership, cast.user("party_viewer"))
    assert document.title in viewer_html
    assert reverse("conventions:document_create", args=[cast.partnership.key]) not in viewer_html


def test_others_see_only_the_jointly_published_documents(cast, signed):
    for user in (cast.user("outsider"), AnonymousUser(), cast.user("invited_coordinator")):
        assert signed.title not in render(cast.partnership, user)
    services.document_publish(actor=cast.user("party_coordinator"), document=signed)
    services.document_publish(actor=cast.user("partner_coordinator"), document=signed)
    html = render(cast.partnership, AnonymousUser())
    assert reverse("conventions:document_public", args=[signed.key]) in html
    assert f'href="{reverse("conventions:document_detail", args=[signed.key])}"' not in html


def test_the_partial_makes_a_constant_number_of_queries(cast, django_assert_max_num_queries):
    from tests.conventions.conftest import make_document

    make_document(cast, clauses=1)
    user = cast.user("party_editor")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        render(cast.partnership, user)
    for n in range(5):
        make_document(cast, clauses=1, title=f"Document {n}")
    user.__dict__.pop("_soliris_roles", None)
    with django_assert_max_num_queries(len(small)):
        render(cast.partnership, user)


def test_the_dashboard_lists_my_documents(cast, document, client):
    client.force_login(cast.user("party_viewer"))
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert reverse("conventions:document_detail", args=[document.key]) in response.content.decode()


def test_the_document_list_is_paginated(cast, client):
    from tests.conventions.conftest import make_document

    for n in range(27):
        make_document(cast, clauses=0, title=f"Document {n:02d}")
    client.force_login(cast.user("party_viewer"))
    first = client.get(reverse("conventions:document_list"))
    assert len(first.context["documents"]) == 25
    second = client.get(reverse("conventions:document_list") + "?page=2")
    assert len(second.context["documents"]) == 2
    assert client.get(reverse("conventions:document_list") + "?page=abc").status_code == 200
