"""Charter templates: model charters in fr, nl, en and es, shipped as data files in data/."""

import json
from functools import cache
from pathlib import Path

from django.utils import translation

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("fr", "nl", "en", "es")


@cache
def all_templates() -> dict[str, dict]:
    templates = {}
    for path in sorted(DATA_DIR.glob("charter_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["languages"] = [code for code in LANGUAGES if code in data["title"]]
        templates[data["slug"]] = data
    return templates


def get(slug: str) -> dict | None:
    return all_templates().get(slug)


def choices() -> list[tuple[str, str]]:
    language = translation.get_language() or "fr"
    return [
        (slug, data["title"].get(language) or data["title"]["fr"]) for slug, data in all_templates().items()
    ]


def validate(data: dict) -> list[str]:
    """Problems of a template: every clause needs a heading and a body in every language."""
    problems = []
    for index, clause in enumerate(data["clauses"], start=1):
        for code in LANGUAGES:
            if not clause["heading"].get(code) or not clause["body"].get(code):
                problems.append(f"{data['slug']}: clause {index} lacks {code}")
    return problems
