"""A new organisation's address never tells that a hidden organisation holds its name."""

import re

import pytest

from partners import services
from partners.models import Organisation

pytestmark = pytest.mark.django_db


def register(user, name):
    return services.organisation_create(
        actor=user, data={"name": name, "kind": "commune", "country": "BE", "visibility": "public"}
    )


def test_a_free_name_gives_its_plain_slug(make_user):
    assert register(make_user(), "Commune de Forest").slug == "commune-de-forest"


@pytest.mark.parametrize("hidden", [{"public": False}, {"verified": False}])
def test_a_name_taken_by_a_hidden_organisation_gives_a_random_suffix_not_a_counter(
    make_user, make_organisation, hidden
):
    make_organisation("Commune de Forest", slug="commune-de-forest", **hidden)
    first = register(make_user(), "Commune de Forest").slug
    second = register(make_user(), "Commune de Forest").slug
    for slug in (first, second):
        assert re.fullmatch(r"commune-de-forest-[a-z2-9]{6}", slug)
        assert not re.fullmatch(r"commune-de-forest-\d+", slug)
    assert first != second
    assert Organisation.objects.filter(slug__startswith="commune-de-forest").count() == 3
