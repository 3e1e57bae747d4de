"""A document's page: the one filled button of the current version is what the visitor's
organisation does next (approve, sign, agree to publish), else reading it."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from conventions import services

pytestmark = pytest.mark.django_db


def filled(client, document):
    with translation.override("en"):
        url = reverse("conventions:document_detail", args=[document.key])
    page = client.get(url).content.decode()
    card = page[page.index('id="current-heading"') :]
    card = card[: card.index("</section>")]
    links = re.findall(r'<a class="button" href="[^"]*">([^<]+)</a>', card)
    buttons = re.findall(r'<button type="submit">([^<]+)</button>', card)
    return links + buttons


def test_a_proposed_version_asks_each_coordinator_to_decide_once(cast, as_role, proposed):
    assert filled(as_role("party_coordinator"), proposed) == ["Approve or ask for changes"]
    assert filled(as_role("party_editor"), proposed) == ["Read this version"]
    services.version_approve(actor=cast.user("party_coordinator"), version=proposed.versions.get())
    assert filled(as_role("party_coordinator"), proposed) == ["Read this version"]
    assert filled(as_role("partner_coordinator"), proposed) == ["Approve or ask for changes"]


def test_an_agreed_version_asks_the_signatories_to_sign(cast, as_role, agreed):
    assert filled(as_role("party_coordinator"), agreed) == ["Sign"]
    assert filled(as_role("party_editor"), agreed) == ["Read this version"]


def test_a_signed_version_asks_each_coordinator_to_agree_to_publish(cast, as_role, signed):
    assert filled(as_role("partner_coordinator"), signed) == ["Agree to publish the signed document"]
    services.document_publish(actor=cast.user("partner_coordinator"), document=signed)
    assert filled(as_role("partner_coordinator"), signed) == ["Read this version"]
    assert filled(as_role("party_coordinator"), signed) == ["Agree to publish the signed document"]


def test_an_ended_partnership_offers_and_takes_no_new_document(cast, as_role):
    from django.core.exceptions import ValidationError

    from conventions.models import Document
    from partners.models import Partnership

    Partnership.objects.filter(pk=cast.partnership.pk).update(status="ended", end_reason="Fin.")
    cast.partnership.refresh_from_db()
    client = as_role("party_editor")
    with translation.override("en"):
        page_url = reverse("partners:partnership_detail", args=[cast.partnership.key])
        create_url = reverse("conventions:document_create", args=[cast.partnership.key])
    assert create_url not in client.get(page_url).content.decode()
    response = client.get(create_url, follow=True)
    assert "it takes no new convention or charter" in response.content.decode()
    response = client.post(
        create_url, {"kind": "convention", "title": "Tardive", "authentic_languages": ["fr"]}, follow=True
    )
    assert "it takes no new convention or charter" in response.content.decode()
    assert not Document.objects.filter(title="Tardive").exists()
    with pytest.raises(ValidationError):
        services.document_create(
            actor=cast.user("party_editor"),
            kind="convention",
            title="Tardive",
            authentic_languages=["fr"],
            partnership=cast.partnership,
        )
