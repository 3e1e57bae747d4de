"""The browser's own validation bubbles (in the browser's language, not the page's) are off
on every form that posts: the application's messages, in the page's language, say what is
wrong (``novalidate``)."""

import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
FORM_TAG = re.compile(r"<form\b[^>]*>", re.S | re.I)
POST = re.compile(r"""method=["']?post""", re.I)


def templates():
    for path in sorted(BASE_DIR.glob("**/templates/**/*.html")):
        if ".venv" not in path.parts and "node_modules" not in path.parts:
            yield path


def test_every_template_form_that_posts_has_novalidate():
    missing = []
    forms = 0
    for path in templates():
        for tag in FORM_TAG.findall(path.read_text()):
            if POST.search(tag):
                forms += 1
                if "novalidate" not in tag:
                    missing.append(f"{path.relative_to(BASE_DIR)}: {tag}")
    assert forms > 50
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/fr/accounts/login/", "/fr/accounts/signup/", "/fr/accounts/password/reset/"]
)
def test_the_account_forms_have_novalidate_too(client, path):
    html = client.get(path).content.decode()
    tags = [tag for tag in FORM_TAG.findall(html) if POST.search(tag)]
    assert tags and all("novalidate" in tag for tag in tags), tags


@pytest.mark.django_db
def test_an_empty_project_form_answers_with_the_application_s_messages_in_french(as_role, cast):
    response = as_role("party_editor").post("/fr/projects/new/", {"title": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in html
    assert re.search(r"<form[^>]*novalidate", html)
