"""A text typed in one interface language lands in that language's column, and only there."""

import pytest

from projects.models import Call, Project

LANGUAGES = ["fr", "nl", "en", "es"]
OTHERS = {lang: [other for other in LANGUAGES if other != lang] for lang in LANGUAGES}


def _columns(obj, field):
    return {lang: getattr(obj, f"{field}_{lang}") or "" for lang in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_project_created_and_edited_in_a_language_writes_that_languages_columns(language, cast, as_role):
    client = as_role("party_coordinator")
    response = client.post(
        f"/{language}/projects/new/",
        {"proposed_by": cast.jette.pk, "title": f"Titre {language}", "summary": f"Résumé {language}"},
    )
    assert response.status_code == 302
    project = Project.objects.get(**{f"title_{language}": f"Titre {language}"})
    assert _columns(project, "title") == {
        lang: (f"Titre {language}" if lang == language else "") for lang in LANGUAGES
    }
    assert _columns(project, "summary")[language] == f"Résumé {language}"
    # Another language's text is added beside it, and editing one language keeps the others.
    other = OTHERS[language][0]
    post = {
        "title": f"Titre {other}",
        "summary": "",
        "description": f"Texte {other}",
        "version": project.version,
    }
    assert client.post(f"/{other}/projects/{project.key}/edit/", post).status_code == 302
    project.refresh_from_db()
    assert getattr(project, f"title_{language}") == f"Titre {language}"
    assert getattr(project, f"summary_{language}") == f"Résumé {language}"
    assert getattr(project, f"title_{other}") == f"Titre {other}"
    assert getattr(project, f"description_{other}") == f"Texte {other}"
    assert all(not getattr(project, f"title_{lang}") for lang in OTHERS[language][1:])


def _call_post(language, **extra):
    return {
        "title": f"Appel {language}",
        "description": f"Description {language}",
        "criteria": f"Critères {language}",
        "currency": "EUR",
        "opens_at": "2027-01-01T09:00",
        "closes_at": "2027-03-01T09:00",
        **extra,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_call_created_and_edited_in_a_language_writes_that_languages_columns(language, cast, as_role):
    client = as_role("outsider")
    response = client.post(f"/{language}/calls/new/", _call_post(language, publisher=cast.periferia.slug))
    assert response.status_code == 302
    call = Call.objects.get(**{f"title_{language}": f"Appel {language}"})
    for field, text in (("title", "Appel"), ("description", "Description"), ("criteria", "Critères")):
        assert _columns(call, field) == {
            lang: (f"{text} {language}" if lang == language else "") for lang in LANGUAGES
        }
    other = OTHERS[language][0]
    response = client.post(f"/{other}/calls/{call.key}/edit/", _call_post(other, version=call.version))
    assert response.status_code == 302
    call.refresh_from_db()
    for field, text in (("title", "Appel"), ("description", "Description"), ("criteria", "Critères")):
        expected = dict.fromkeys(LANGUAGES, "")
        expected[language], expected[other] = f"{text} {language}", f"{text} {other}"
        assert _columns(call, field) == expected
