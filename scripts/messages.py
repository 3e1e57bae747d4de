"""Interface catalogues: extract, compile, list what is left to translate, apply translations.

    python scripts/messages.py extract [APP]  # makemessages: locale/ and <app>/locale/ (or one)
    python scripts/messages.py compile        # compilemessages (the build runs this)
    python scripts/messages.py todo [FILE]    # untranslated or fuzzy entries, as JSON
    python scripts/messages.py apply FILE     # write translations from such a JSON file

Strings are written in English in the code; French is the default interface language.
The English catalogue is filled from the source strings (msgen), the others by people.
The JSON used by ``todo``/``apply`` is a list of
``{"catalogue": path, "msgctxt": str|null, "msgid": str, "msgid_plural": str|null,
"msgstr": str, "msgstr_plural": {"0": str, "1": str}}``.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LANGUAGES = ["fr", "nl", "en", "es"]
APPS = ["soliris", "partners", "projects", "conventions", "events", "maps", "opendata"]
# soliris/ shares the project catalogue in locale/ with templates/.
APP_CATALOGUES = ["partners", "projects", "conventions", "events", "maps", "opendata"]
IGNORE = [".venv", "var", "tests", "staticfiles", "node_modules", *APP_CATALOGUES]


def catalogues() -> list[Path]:
    found = sorted(BASE_DIR.glob("locale/*/LC_MESSAGES/django.po"))
    for app in APP_CATALOGUES:
        found += sorted((BASE_DIR / app).glob("locale/*/LC_MESSAGES/django.po"))
    return found


def makemessages(cwd: Path, extra_env: dict, ignore: list[str]) -> None:
    (cwd / "locale").mkdir(exist_ok=True)
    args = [PYTHON, str(BASE_DIR / "manage.py"), "makemessages", "--no-obsolete", "--add-location=file"]
    args += [f"--locale={code}" for code in LANGUAGES]
    args += [f"--ignore={pattern}" for pattern in ignore]
    subprocess.run(args, cwd=cwd, env={**os.environ, **extra_env}, check=True)


def extract(only: str | None = None) -> None:
    """All catalogues, or only ``only`` ("partners", ..., or "project" for locale/)."""
    if only in (None, "project"):
        makemessages(BASE_DIR, {}, IGNORE)
    for app in APP_CATALOGUES:
        if only in (None, app):
            makemessages(BASE_DIR / app, {"SOLIRIS_APP_MESSAGES": "1"}, ["migrations"])
    fill_english()


def fill_english() -> None:
    import polib

    for path in catalogues():
        if path.parts[-3] != "en":
            continue
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {
                    0: entry.msgid,
                    **dict.fromkeys(range(1, plural_count(po)), entry.msgid_plural),
                }
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()


def plural_count(po) -> int:
    import re

    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def compile_all() -> None:
    subprocess.run(
        [PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "--ignore=var", "-v", "0"],
        cwd=BASE_DIR,
        check=True,
    )


def todo(out: str | None) -> int:
    import polib

    items = []
    for path in catalogues():
        po = polib.pofile(str(path))
        for entry in po:
            if entry.obsolete:
                continue
            missing = not entry.translated() or "fuzzy" in entry.flags
            if entry.msgid_plural and not missing:
                missing = sum(1 for v in entry.msgstr_plural.values() if v) < plural_count(po)
            if missing:
                items.append(
                    {
                        "catalogue": str(path.relative_to(BASE_DIR)),
                        "msgctxt": entry.msgctxt,
                        "msgid": entry.msgid,
                        "msgid_plural": entry.msgid_plural or None,
                        "msgstr": "",
                        "msgstr_plural": {"0": "", "1": ""} if entry.msgid_plural else None,
                    }
                )
    text = json.dumps(items, ensure_ascii=False, indent=1)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        print(text)
    print(f"{len(items)} entries to translate", file=sys.stderr)
    return 0


def apply(source: str) -> int:
    import polib

    items = json.loads(Path(source).read_text(encoding="utf-8"))
    by_catalogue: dict[str, list] = {}
    for item in items:
        by_catalogue.setdefault(item["catalogue"], []).append(item)
    applied = 0
    for catalogue, entries in by_catalogue.items():
        po = polib.pofile(str(BASE_DIR / catalogue))
        nplurals = plural_count(po)
        for item in entries:
            entry = po.find(item["msgid"], msgctxt=item.get("msgctxt") or False)
            if entry is None:
                print(f"not found in {catalogue}: {item['msgid']!r}", file=sys.stderr)
                continue
            if item.get("msgid_plural"):
                plural = {int(k): v for k, v in (item.get("msgstr_plural") or {}).items() if v}
                if not plural:
                    continue
                # Forms beyond those given (Spanish has three) take the "many" form.
                last = plural[max(plural)]
                entry.msgstr_plural = {i: plural.get(i, last) for i in range(max(nplurals, len(plural)))}
            elif item.get("msgstr"):
                entry.msgstr = item["msgstr"]
            else:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
            entry.previous_msgctxt = None
            applied += 1
        po.save()
    print(f"{applied} translations applied", file=sys.stderr)
    return 0


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if action == "extract":
        extract(sys.argv[2] if len(sys.argv) > 2 else None)
    elif action == "compile":
        compile_all()
    elif action == "todo":
        sys.exit(todo(sys.argv[2] if len(sys.argv) > 2 else None))
    elif action == "apply":
        sys.exit(apply(sys.argv[2]))
    else:
        sys.exit(__doc__)
