"""Write projects/static/projects/sdg.css: one class per goal, ``sdg-goal-<number>``, with the
goal's colour from the SDG reference data (projects/data/sdg.json) and the text colour that
reads best on it (``Goal.text_colour``). The pages use the classes, never an inline style.

    python manage.py sdg_css           # write the file
    python manage.py sdg_css --check   # fail if the committed file is not what the data gives
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects import reference
from projects.models import Goal

CSS_PATH = Path(__file__).resolve().parents[2] / "static" / "projects" / "sdg.css"


def stylesheet() -> str:
    lines = [
        "/* The 17 sustainable development goals' colours, written by `manage.py sdg_css`",
        "   from projects/data/sdg.json: do not edit by hand. */",
    ]
    for entry in reference.read():
        goal = Goal(number=int(entry["code"]), colour=entry["colour"].lower())
        lines.append(f".sdg-goal-{goal.number} {{ background: {goal.colour}; color: {goal.text_colour}; }}")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Write the SDG colour classes (projects/static/projects/sdg.css) from the reference data."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only check that the file is up to date.")

    def handle(self, *args, check=False, **options):
        css = stylesheet()
        if check:
            if not CSS_PATH.exists() or CSS_PATH.read_text(encoding="utf-8") != css:
                raise CommandError(f"{CSS_PATH} is out of date: run manage.py sdg_css")
            return
        CSS_PATH.write_text(css, encoding="utf-8")
        self.stdout.write(f"{CSS_PATH}: {css.count('.sdg-goal-')} goals")
