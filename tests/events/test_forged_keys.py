"""A forged key in an address (a NUL byte, a thousand characters) answers 404, never 500."""

import pytest

from tests.events.conftest import make_recommendations

pytestmark = pytest.mark.django_db

FORGED = ["%00", "a" * 1000, "abc%00def", "..%2F..%2Fetc"]


@pytest.mark.parametrize("key", FORGED)
@pytest.mark.parametrize(
    "path",
    [
        "/fr/recommendations/{key}/",
        "/fr/recommendations/{key}/edit/",
        "/fr/recommendations/{key}/follow-up/",
        "/fr/events/{slug}/workshops/{key}/edit/",
    ],
)
def test_a_forged_key_answers_not_found(as_role, event, path, key):
    make_recommendations(event, 1)
    client = as_role("party_editor")
    assert client.get(path.format(key=key, slug=event.slug)).status_code == 404


@pytest.mark.parametrize("key", FORGED)
@pytest.mark.parametrize(
    "path",
    [
        "/fr/recommendations/{key}/endorse/",
        "/fr/recommendations/{key}/withdraw/",
        "/fr/events/{slug}/workshops/{key}/join/",
        "/fr/events/{slug}/workshops/{key}/leave/",
    ],
)
def test_a_forged_key_in_a_form_address_answers_not_found(as_role, event, path, key):
    client = as_role("party_coordinator")
    assert client.post(path.format(key=key, slug=event.slug)).status_code == 404
