"""The Atom feeds: well formed by the Atom rules, in the reader's language, naming nobody hidden."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Endorsement
from partners.models import Organisation, Visibility
from partners.visibility import HIDDEN_NAME
from projects.models import Call
from tests.events.conftest import make_event, make_recommendations

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ("events", "calls", "recommendations")
HIDDEN = "Collectif Discret"
UNVERIFIED = "Association Pas Encore Vérifiée"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def check_atom_rules(feed, url):
    """RFC 4287: the feed has an id, a title, an updated date and a link to itself; each entry an
    id, a title, an updated date and a link."""
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id")
    assert feed.findtext(f"{ATOM}title")
    assert datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == settings.SITE_URL + url
    assert links["alternate"].startswith(settings.SITE_URL + "/")
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None  # entries without their own author
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}title")
        assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href").startswith(settings.SITE_URL + "/")
    return entries


def make_call(publisher, *, title_fr, title_es="", days_open=(-5, 20), key_hint=""):
    now = timezone.now()
    return Call.objects.create(
        publisher=publisher,
        title_fr=title_fr,
        title_es=title_es,
        description_fr=f"Appel {key_hint}",
        opens_at=now + datetime.timedelta(days=days_open[0]),
        closes_at=now + datetime.timedelta(days=days_open[1]),
    )


@pytest.fixture
def world(cast):
    now = timezone.now()
    hidden = Organisation.objects.create(
        slug="discret", name=HIDDEN, kind="association", country="BE", verified_at=now,
        visibility=Visibility.MEMBERS,
    )  # fmt: skip
    unverified = Organisation.objects.create(
        slug="pas-encore", name=UNVERIFIED, kind="association", country="BE"
    )
    event = make_event(organisers=[cast.jette, hidden, unverified], slug="journee-2026", days=20)
    make_event(organisers=[unverified], slug="pas-publie", title_fr="Pas publié", days=25)
    make_event(organisers=[cast.jette], slug="passe", title_fr="Journée passée", days=-30)
    section, recommendations = make_recommendations(event, 2, languages=("fr", "es"))
    Endorsement.objects.create(recommendation=recommendations[0], organisation=hidden)
    make_call(None, title_fr="Appel de la plateforme", title_es="Convocatoria de la plataforma")
    make_call(hidden, title_fr="Appel discret")
    make_call(unverified, title_fr="Appel pas publié")
    make_call(cast.jette, title_fr="Appel fermé", days_open=(-30, -1))
    make_call(cast.jette, title_fr="Appel futur", days_open=(5, 30))
    return event


def entry_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def test_every_feed_follows_the_atom_rules_in_two_languages(client, world):
    for language in ("fr", "es"):
        for name in FEEDS:
            url = f"/{language}/open-data/feeds/{name}.atom"
            feed = parse(client, url)
            assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
            entries = check_atom_rules(feed, url)
            assert entries, url
            for entry in entries:
                assert f"{settings.SITE_URL}/{language}/" in entry.find(f"{ATOM}link").get("href")


def test_the_events_feed_lists_upcoming_published_events_in_the_readers_language(client, world):
    assert entry_titles(parse(client, "/fr/open-data/feeds/events.atom")) == ["Journée Soliris"]
    assert entry_titles(parse(client, "/es/open-data/feeds/events.atom")) == ["Jornada Soliris"]
    # No Dutch title: the Dutch feed falls back (English, then French), as the pages do.
    assert entry_titles(parse(client, "/nl/open-data/feeds/events.atom")) == ["Journée Soliris"]
    entry = parse(client, "/es/open-data/feeds/events.atom").find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"{settings.SITE_URL}/es/events/{world.slug}/"


def test_the_calls_feed_lists_the_calls_open_now(client, world):
    titles = entry_titles(parse(client, "/fr/open-data/feeds/calls.atom"))
    assert sorted(titles) == ["Appel de la plateforme", "Appel discret"]
    titles = entry_titles(parse(client, "/es/open-data/feeds/calls.atom"))
    assert sorted(titles) == ["Appel discret", "Convocatoria de la plataforma"]  # fallback to French


def test_the_recommendations_feed_lists_the_newest_first(client, world):
    titles = entry_titles(parse(client, "/es/open-data/feeds/recommendations.atom"))
    assert titles == ["2. Recommandation 2 (es) co-construite", "1. Recommandation 1 (es) co-construite"]


def test_entry_ids_are_stable_and_the_same_in_every_language(client, world):
    for name in FEEDS:
        ids = [
            [e.findtext(f"{ATOM}id") for e in parse(client, f"/{lang}/open-data/feeds/{name}.atom")]
            for lang in ("fr", "fr", "es")
        ]
        ids = [[i for i in group if i] for group in ids]
        assert ids[0] == ids[1] == ids[2]


def test_no_feed_names_a_hidden_or_unverified_organisation(client, world):
    for language in ("fr", "es", "en", "nl"):
        for name in FEEDS:
            body = client.get(f"/{language}/open-data/feeds/{name}.atom").content.decode()
            assert HIDDEN not in body and UNVERIFIED not in body
            assert "Pas publié" not in body and "pas-publie" not in body
    calls = client.get("/en/open-data/feeds/calls.atom").content.decode()
    assert str(HIDDEN_NAME) in calls  # the hidden publisher's call, counted, not named
    assert "Commune de Jette" not in calls  # its calls are closed or not open yet


def grow(cast, n):
    for i in range(n):
        event = make_event(organisers=[cast.jette, cast.tarija], slug=f"grow-{n}-{i}", days=5 + i)
        make_recommendations(event, 2)
        make_call(cast.jette if i % 2 else None, title_fr=f"Appel {n}-{i}")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_feeds_make_constant_queries(client, cast):
    grow(cast, 2)
    urls = [f"/fr/open-data/feeds/{name}.atom" for name in FEEDS]
    for url in urls:
        count_queries(client, url)  # content types and sessions cached
    small = [count_queries(client, url) for url in urls]
    grow(cast, 12)
    assert [count_queries(client, url) for url in urls] == small
    assert max(small) <= 4
