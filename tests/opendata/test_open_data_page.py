"""The open-data page: found from every page's footer, it lists every export, feed and the
API, the licence, and when each data set last changed; every link it gives answers."""

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "nl", "en", "es")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_leads_to_it_and_every_link_on_it_answers(client, cast, language):
    home = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/open-data/"' in home
    page = client.get(f"/{language}/open-data/")
    assert page.status_code == 200
    text = page.content.decode()
    main = text[text.index("<main") : text.index("</main>")]
    links = set(re.findall(r'href="(/[^"#]*)"', main))
    expected = {
        "/api/v1/",
        "/api/v1/docs/",
        "/api/v1/openapi.json",
        f"/{language}/open-data/iati/activities.xml",
        f"/{language}/open-data/iati/organisations.xml",
        f"/{language}/open-data/feeds/events.atom",
        f"/{language}/open-data/feeds/calls.atom",
        f"/{language}/open-data/feeds/recommendations.atom",
        f"/{language}/open-data/feeds/events.ics",
        f"/{language}/organisations/export.csv",
        f"/{language}/verify/certificate/",
        "/sitemap.xml",
        f"/{language}/map/data.geojson",
    }
    assert expected <= links
    for link in links:
        response = client.get(link)
        wanted = 302 if link.endswith("/my-calendar/") else 200  # a person's own: log in first
        assert response.status_code == wanted, link
    assert 'rel="license"' in main and "CC BY 4.0" in main


@override_settings(SOLIRIS_DATA_LICENCE=("ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"))
def test_the_licence_is_the_administrators_choice(client):
    text = client.get("/en/open-data/").content.decode()
    assert "ODbL 1.0" in text and "https://opendatacommons.org/licenses/odbl/1-0/" in text


def test_it_says_when_each_data_set_last_changed(client, cast, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        text = client.get("/en/open-data/").content.decode()
    assert "data last changed on" in text
