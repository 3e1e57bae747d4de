"""A new visitor, in Spanish on a phone, finds the open-data page from the footer, reads the
API's documentation and gets the data as JSON in Spanish, takes the IATI file the official
schema accepts, subscribes to the events feed and takes the platform's certificate — in a
real Chromium; the page is accessible in Dutch on a wide screen too."""

import hashlib
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from lxml import etree

from partners.models import Organisation, Partnership
from tests.browser.conftest import assert_accessible
from tests.opendata.test_iati import schema

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_visitor_takes_the_open_data_in_spanish_on_a_phone(new_page, cast, live_server, settings):
    settings.SITE_URL = live_server.url
    Organisation.objects.filter(pk=cast.tarija.pk).update(
        description_es="Municipio del sur de Bolivia, hermanado con Jette.", description_fr=""
    )
    Partnership.objects.filter(pk=cast.partnership.pk).update(is_listed=True)  # as its services store it
    Organisation.objects.create(
        slug="oculta",
        name="Asociación Oculta",
        kind="association",
        country="BO",
        visibility="private",
        verified_at=timezone.now(),
    )
    page = new_page(locale="es-BO", width=360)
    page.goto("/es/")
    page.locator("footer").get_by_role("link", name="Datos abiertos").click()
    page.wait_for_url(re.compile(r"/es/open-data/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Datos abiertos"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="the open-data page in Spanish at 360 px")

    # The API's documentation, its scripts and styles from the platform itself (the CSP holds).
    page.get_by_role("link", name="La documentación de la API").click()
    page.wait_for_url(re.compile(r"/api/v1/docs/$"))
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Soliris" in page.locator(".swagger-ui .info .title").inner_text()
    answer = page.request.get("/api/v1/organisations/?lang=es")
    assert answer.ok and answer.headers["content-type"].startswith("application/json")
    body = answer.text()
    assert "Municipio del sur de Bolivia" in body and "Oculta" not in body
    tarija = next(o for o in json.loads(body)["results"] if o["slug"] == cast.tarija.slug)
    assert tarija["description"]["language"] == "es" and tarija["description"]["state"] == "written"

    # IATI, as the official schema wants it.
    page.goto("/es/open-data/")
    iati = page.get_by_role("link", name="Actividades (XML)").get_attribute("href")
    document = etree.fromstring(page.request.get(iati).body())
    schema("activities").assertValid(document)

    # The events feed, in Spanish.
    feed = page.get_by_role("link", name="Próximos eventos (Atom)").get_attribute("href")
    root = ET.fromstring(page.request.get(feed).body())
    assert root.tag == f"{ATOM}feed" and "próximos eventos" in root.find(f"{ATOM}title").text

    # The certificate, with the fingerprint the page shows.
    page.get_by_role("link", name=re.compile("^El certificado de firma de la plataforma")).click()
    page.wait_for_url(re.compile(r"/es/verify/certificate/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="the certificate page in Spanish at 360 px")
    # The platform's signing certificate, then the certification authority of the parties.
    for code, link in (
        ("code.fingerprint:not(.authority-fingerprint)", "Descargar el certificado (DER)"),
        ("code.authority-fingerprint", "Descargar el certificado de la autoridad (DER)"),
    ):
        fingerprint = page.locator(code).inner_text().replace(":", "").lower()
        with page.expect_download() as download:
            page.get_by_role("link", name=link).click()
        der = open(download.value.path(), "rb").read()  # noqa: SIM115 (a file Playwright keeps)
        assert hashlib.sha256(der).hexdigest() == fingerprint


def test_the_open_data_page_in_dutch_on_a_wide_screen(new_page, cast):
    page = new_page(locale="nl-BE", width=1280)
    page.goto("/nl/open-data/")
    assert page.get_by_role("heading", level=1).inner_text() == "Open data"
    assert page.get_by_role("link", name="Activiteiten (XML)").is_visible()
    assert_accessible(page, context="the open-data page in Dutch at 1280 px")
