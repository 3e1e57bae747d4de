"""Names, not emails; and only publicly named organisations on what the public reads.

A comment, a decision and a signature need the person's full name (a clear message links to
the profile page). The public page and the charter PDF name a party organisation only when it is
publicly named (``partners.visibility``): a private or unverified one is HIDDEN_NAME, without its
country or locality, nor the name and function of who signed for it."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from conventions import services
from conventions.charter_pdf import charter_content, parameters_for, render_charter
from conventions.models import Approval, Comment, Signature
from partners.models import Visibility
from partners.visibility import HIDDEN_NAME
from soliris.models import User
from soliris.pdf.rendering import html_to_pdf
from tests.conftest import PASSWORD
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(f"conventions:{name}", args=args)


def nameless(user):
    User.objects.filter(pk=user.pk).update(full_name="")
    user.refresh_from_db()
    return user


def test_a_person_without_a_full_name_is_asked_for_it_before_signing_approving_or_commenting(
    cast, agreed, as_role
):
    version = agreed.versions.get()
    nameless(cast.user("party_coordinator"))
    client = as_role("party_coordinator")
    with translation.override("en"):
        profile = reverse("profile")
    clause = agreed.clauses.first()
    pages = {
        "sign": (url("version_sign", agreed.key, 1), {"consent": "on", "password": PASSWORD}),
        "comment": (url("clause_comments", agreed.key, clause.key), {"body": "Une remarque."}),
    }
    for name, (page_url, data) in pages.items():
        shown = client.get(page_url).content.decode()
        assert "add it to your profile" in shown and f'href="{profile}"' in shown, name
        response = client.post(page_url, data)
        assert response.status_code == 403, name
        assert "add it to your profile" in response.content.decode()
    assert not Signature.objects.exists() and not Comment.objects.exists()
    # The service refuses it too, for callers that are not the browser.
    with pytest.raises(ValidationError):
        services.version_sign(
            actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
        )


def test_a_coordinator_without_a_full_name_cannot_approve(cast, proposed, as_role):
    nameless(cast.user("party_coordinator"))
    client = as_role("party_coordinator")
    approve = url("version_approve", proposed.key, 1)
    assert "add it to your profile" in client.get(approve).content.decode()
    assert client.post(approve, {"decision": "approved", "comment": ""}).status_code == 403
    assert not Approval.objects.exists()


def test_a_reply_without_a_full_name_is_refused_with_the_message(cast, document, as_role):
    clause = document.clauses.first()
    thread = services.thread_open(
        actor=cast.user("party_editor"), clause=clause, language="fr", body="Question ?"
    )
    nameless(cast.user("party_coordinator"))
    response = as_role("party_coordinator").post(
        url("thread_reply", document.key, thread.key), {"body": "Réponse."}, follow=True
    )
    assert "Add your full name to your profile first" in response.content.decode()
    assert thread.comments.count() == 1


@pytest.fixture
def published(cast):
    document = make_document(cast, clauses=2, title="Convention de coopération")
    editor = cast.user("party_editor")
    version = services.version_propose(actor=editor, document=document)
    for role in ("party_coordinator", "partner_coordinator"):
        services.version_approve(actor=cast.user(role), version=version)
    services.version_sign(
        actor=cast.user("party_coordinator"),
        version=version,
        consent=True,
        password=PASSWORD,
        function="Échevine",
    )
    services.version_sign(
        actor=cast.user("partner_coordinator"),
        version=version,
        consent=True,
        password=PASSWORD,
        function="Alcalde",
    )
    for role in ("party_coordinator", "partner_coordinator"):
        services.document_publish(actor=cast.user(role), document=document)
    document.refresh_from_db()
    return document


def pdf_text(version) -> str:
    parameters = parameters_for(version)
    with translation.override(parameters["language"]):
        inputs = charter_content(parameters)
        html = render_charter(inputs, parameters, lambda value: None)
    data = html_to_pdf(html)
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def public_page(client, document, language="fr") -> str:
    with translation.override(language):
        return client.get(reverse("conventions:document_public", args=[document.key])).content.decode()


def test_the_public_page_and_the_pdf_name_the_signers_by_full_name_never_by_email(cast, published, client):
    version = published.published_version
    # A signature recorded before full names were required held an email address.
    Signature.objects.filter(user=cast.user("party_coordinator")).update(signer_name="coordinator@jette.test")
    User.objects.filter(pk=cast.user("party_coordinator").pk).update(full_name="Claire Coordinatrice")
    page = public_page(client, published)
    text = pdf_text(version)
    for shown in (page, text):
        assert "Commune de Jette" in shown and "Municipio de Tarija" in shown
        assert "Claire Coordinatrice" in shown and "Échevine" in shown
        assert "coordinator@jette.test" not in shown and "coordinador@tarija.test" not in shown


@pytest.mark.parametrize("hidden", ["private", "unverified"])
def test_a_private_or_unverified_party_is_never_named_on_the_public_page_nor_in_the_pdf(
    cast, published, client, hidden
):
    if hidden == "private":
        cast.tarija.visibility = Visibility.PRIVATE
    else:
        cast.tarija.verified_at = None
    cast.tarija.save()
    version = published.published_version
    page = public_page(client, published)
    with translation.override("fr"):
        hidden_fr = str(HIDDEN_NAME)
    text = pdf_text(version)
    for shown, label in ((page, hidden_fr), (text, hidden_fr)):
        assert "Commune de Jette" in shown  # the public party is named
        for secret in ("Municipio de Tarija", "Tarija", "Bolivi", "Alcalde", "Coordinador"):
            assert secret not in shown, (secret, label)
    assert hidden_fr in page
    assert " ".join(hidden_fr.split()) in " ".join(text.split())
    assert page.count(hidden_fr) == 1  # its signature, with its date only
