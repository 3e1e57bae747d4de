"""No English leaks into the French or Spanish conventions pages (the shared layout aside)."""

import pytest

from conventions import services
from tests.conftest import untranslated_segments

pytestmark = pytest.mark.django_db


def test_conventions_pages_are_translated(cast, client, proposed):
    services.thread_open(
        actor=cast.user("party_viewer"), clause=proposed.clauses.first(), language="fr", body="Une question ?"
    )
    client.force_login(cast.user("party_coordinator"))
    chrome = untranslated_segments(client, "/dashboard/")
    clause = proposed.clauses.first()
    key = proposed.key
    names = {
        proposed.title,
        cast.partnership.name,
        "Commune de Jette",
        "Municipio de Tarija",
        cast.user("party_editor").get_full_name(),
        cast.user("party_viewer").get_full_name(),
        "Première lecture",
        "Convention Jette – Tarija — version 1",
        "Jette – Tarija",
        "Une question ?",
        "Commune de Jette · Municipio de Tarija",
        "original",  # the same word in French, Spanish and English
    }
    paths = [
        "/conventions/",
        f"/conventions/new/{cast.partnership.key}/",
        f"/conventions/{key}/",
        f"/conventions/{key}/clauses/add/",
        f"/conventions/{key}/settings/",
        f"/conventions/{key}/clauses/{clause.key}/edit/es/",
        f"/conventions/{key}/clauses/{clause.key}/comments/",
        f"/conventions/{key}/versions/1/",
        f"/conventions/{key}/versions/1/approval/",
        f"/conventions/{key}/compare/",
        f"/conventions/{key}/propose/",
        f"/conventions/{key}/versions/1/sign/",
    ]
    for path in paths:
        leaks = untranslated_segments(client, path, allowed=names) - chrome
        assert leaks == set(), (path, leaks)
