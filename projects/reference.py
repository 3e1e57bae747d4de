"""SDG reference data: the 17 goals and 169 targets shipped in ``projects/data/sdg.json``.

``load()`` re-syncs the database with the file (idempotent); the data migration runs the
same ``sync`` with the historical models.
"""

import json
from pathlib import Path

from projects.models import Goal, Target

DATA = Path(__file__).resolve().parent / "data" / "sdg.json"
LANGUAGES = ("fr", "nl", "en", "es")
UN_SOURCE = "UN text, open-sdg/sdg-translations 0cda585 (MIT)"
NL_SOURCE = "SDG Nederland"
# Dutch texts resting on a single transcription (projects/data/SOURCES.md).
NL_SINGLE_COPY = {"3.8", "3.d", "5.b", "5.c", "8.8", "9.c", "11.a", "11.b", "11.c"}
OWN_SOURCE = "Soliris (unofficial translation)"


def read() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def target_source(code: str, unofficial: list[str]) -> dict:
    source = {}
    for language in LANGUAGES:
        if language in unofficial:
            source[language] = OWN_SOURCE
        elif language == "nl":
            source[language] = NL_SOURCE + (" (single copy)" if code in NL_SINGLE_COPY else "")
        else:
            source[language] = UN_SOURCE
    return source


def sync(goal_model, target_model, *, historical: bool = False) -> tuple[int, int]:
    """Create or update every goal and target from the data file; returns the counts.

    ``historical``: the models of a migration, where the untranslated column is a plain field.
    """
    goals = targets = 0
    for entry in read():
        goal, _ = goal_model.objects.update_or_create(
            number=int(entry["code"]),
            defaults={
                "colour": entry["colour"],
                **{f"short_title_{lang}": entry["short_title"][lang] or "" for lang in LANGUAGES},
                **{f"title_{lang}": entry["title"][lang] or "" for lang in LANGUAGES},
                **(
                    {"short_title": entry["short_title"]["fr"], "title": entry["title"]["fr"]}
                    if historical
                    else {}
                ),
            },
        )
        goals += 1
        for position, item in enumerate(entry["targets"], start=1):
            unofficial = item.get("unofficial", [])
            target_model.objects.update_or_create(
                code=item["code"],
                defaults={
                    "goal": goal,
                    "position": position,
                    **({"title": item["title"]["fr"]} if historical else {}),
                    **{f"title_{lang}": item["title"][lang] or "" for lang in LANGUAGES},
                    "unofficial_languages": unofficial,
                    "source": target_source(item["code"], unofficial),
                },
            )
            targets += 1
    return goals, targets


def load() -> str:
    goals, targets = sync(Goal, Target)
    return f"SDG reference data: {goals} goals, {targets} targets"
