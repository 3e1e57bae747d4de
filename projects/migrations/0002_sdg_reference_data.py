import json
from pathlib import Path

from django.db import migrations

# Written out here rather than imported from projects.reference (live code that may change):
# the data file, the languages and the sources as they were when this migration was written.
DATA = Path(__file__).resolve().parent.parent / "data" / "sdg.json"
LANGUAGES = ("fr", "nl", "en", "es")
UN_SOURCE = "UN text, open-sdg/sdg-translations 0cda585 (MIT)"
NL_SOURCE = "SDG Nederland"
NL_SINGLE_COPY = {"3.8", "3.d", "5.b", "5.c", "8.8", "9.c", "11.a", "11.b", "11.c"}
OWN_SOURCE = "Soliris (unofficial translation)"


def target_source(code, unofficial):
    source = {}
    for language in LANGUAGES:
        if language in unofficial:
            source[language] = OWN_SOURCE
        elif language == "nl":
            source[language] = NL_SOURCE + (" (single copy)" if code in NL_SINGLE_COPY else "")
        else:
            source[language] = UN_SOURCE
    return source


def load_sdgs(apps, schema_editor):
    Goal = apps.get_model("projects", "Goal")
    Target = apps.get_model("projects", "Target")
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        goal, _ = Goal.objects.update_or_create(
            number=int(entry["code"]),
            defaults={
                "colour": entry["colour"],
                # The historical model has the untranslated column as a plain field.
                "short_title": entry["short_title"]["fr"],
                "title": entry["title"]["fr"],
                **{f"short_title_{lang}": entry["short_title"][lang] or "" for lang in LANGUAGES},
                **{f"title_{lang}": entry["title"][lang] or "" for lang in LANGUAGES},
            },
        )
        for position, item in enumerate(entry["targets"], start=1):
            unofficial = item.get("unofficial", [])
            Target.objects.update_or_create(
                code=item["code"],
                defaults={
                    "goal": goal,
                    "position": position,
                    "title": item["title"]["fr"],
                    **{f"title_{lang}": item["title"][lang] or "" for lang in LANGUAGES},
                    "unofficial_languages": unofficial,
                    "source": target_source(item["code"], unofficial),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(load_sdgs, migrations.RunPython.noop)]
