"""Language names inside sentences: lower case in French and Spanish, capitalised in Dutch."""

import re

import pytest

pytestmark = pytest.mark.django_db


def paragraph_after(html: str, label: str) -> str:
    return re.search(re.escape(label) + r"(.*?)</p>", html, re.DOTALL).group(1)


def test_other_languages_of_a_clause_are_listed_without_a_stray_separator(cast, client, document):
    client.force_login(cast.user("party_coordinator"))
    clause = document.clauses.first()
    html = client.get(f"/es/conventions/{document.key}/clauses/{clause.key}/edit/es/").content.decode()
    others = paragraph_after(html, "Otros idiomas:")
    assert ">francés</a>" in others and ">español</a>" not in others
    assert others.count("·") == others.count("<a ") - 1 and not others.strip().endswith("·")
    html = client.get(f"/fr/conventions/{document.key}/clauses/{clause.key}/edit/fr/").content.decode()
    others = paragraph_after(html, "Autres langues\u202f:")
    assert others.count("·") == others.count("<a ") - 1 and not others.strip().startswith("·")


@pytest.mark.parametrize(
    ("language", "expected", "wrong"),
    [
        ("fr", "Modifier en espagnol", "Modifier en Espagnol"),
        ("es", "Editar en francés", "Editar en Francés"),
        # Dutch writes language names with a capital, inside a sentence too.
        ("nl", "Spaans", "spaans"),
    ],
)
def test_edit_links_name_the_language_as_a_sentence_writes_it(
    cast, client, document, language, expected, wrong
):
    client.force_login(cast.user("party_coordinator"))
    html = client.get(f"/{language}/conventions/{document.key}/").content.decode()
    assert expected in html and wrong not in html
