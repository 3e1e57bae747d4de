"""On the demo data: every feed parses, in every language, and names no hidden organisation."""

import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Q

from events.models import Registration
from opendata.feeds import tokens
from partners.models import Organisation, Visibility

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_demos_feeds_parse_and_name_no_hidden_organisation(client):
    call_command("seed_demo")
    hidden = list(
        Organisation.objects.filter(Q(verified_at__isnull=True) | ~Q(visibility=Visibility.PUBLIC))
        .exclude(name="")
        .values_list("name", flat=True)
    )
    assert hidden  # the demo has some, or this test proves nothing
    seen = 0
    for language, _name in settings.LANGUAGES:
        for name in ("events", "calls", "recommendations"):
            response = client.get(f"/{language}/open-data/feeds/{name}.atom")
            assert response.status_code == 200
            feed = ET.fromstring(response.content)
            seen += len(feed.findall(f"{ATOM}entry"))
            body = " ".join([*feed.itertext(), *(link.get("href") for link in feed.iter(f"{ATOM}link"))])
            assert not [org for org in hidden if org in body], (language, name)
        response = client.get(f"/{language}/open-data/feeds/events.ics")
        calendar = icalendar.Calendar.from_ical(response.content)
        assert calendar.walk("VEVENT")
        body = " ".join(str(value) for vevent in calendar.walk("VEVENT") for value in vevent.values())
        assert not [org for org in hidden if org in body], language
    assert seen
    registration = Registration.objects.select_related("user").first()
    if registration is not None:
        url = f"/fr/open-data/feeds/my/{tokens.token_of(registration.user)}.ics"
        assert icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
