"""Strings built in Python modules reach the catalogues, and charts speak the page's language.

``makemessages`` (xgettext 0.21) does not look inside f-strings: ``f"<title>{_('…')}</title>"``
is translated at run time by nothing, and the catalogue tests cannot see it. This test reads
every module with ``ast`` (which does see inside f-strings) and asks the catalogue.
"""

import ast
from pathlib import Path

import polib
import pytest
from django.utils import translation

BASE_DIR = Path(__file__).resolve().parents[2]
APPS = [
    "partners",
    "projects",
    "conventions",
    "events",
    "maps",
    "opendata",
]  # scripts/messages.py APP_CATALOGUES
SKIP = {".venv", "var", "node_modules", "staticfiles", "migrations", "tests", "scripts"}
# name -> (index of the context argument or None, index of the message)
FUNCTIONS = {
    "_": (None, 0),
    "gettext": (None, 0),
    "gettext_lazy": (None, 0),
    "gettext_noop": (None, 0),
    "ngettext": (None, 0),
    "ngettext_lazy": (None, 0),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1),
    "npgettext_lazy": (0, 1),
}


def catalogue_for(module: Path) -> Path:
    app = module.relative_to(BASE_DIR).parts[0]
    root = BASE_DIR / app if app in APPS else BASE_DIR
    return root / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def modules():
    return sorted(
        path
        for path in BASE_DIR.glob("**/*.py")
        if not SKIP & set(path.relative_to(BASE_DIR).parts) and path.parts[len(BASE_DIR.parts)] != "manage.py"
    )


def literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages_in(path: Path):
    """(context, msgid, line) of every gettext call with literal arguments."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in FUNCTIONS or (name == "_" and not isinstance(node.func, ast.Name)):
            continue
        context_at, message_at = FUNCTIONS[name]
        if len(node.args) <= message_at:
            continue
        msgid = literal(node.args[message_at])
        context = literal(node.args[context_at]) if context_at is not None else None
        if msgid is not None:
            yield context, msgid, node.lineno


_catalogues = {}


def known(catalogue: Path) -> set:
    if catalogue not in _catalogues:
        _catalogues[catalogue] = {
            (e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue)) if not e.obsolete
        }
    return _catalogues[catalogue]


def test_every_string_marked_in_a_python_module_is_in_its_catalogue():
    missing = [
        f"{path.relative_to(BASE_DIR)}:{line}: {msgid!r}"
        for path in modules()
        for context, msgid, line in messages_in(path)
        if (context, msgid) not in known(catalogue_for(path))
    ]
    assert not missing, (
        "marked for translation but never extracted (inside an f-string? build the text before "
        "the f-string):\n" + "\n".join(missing)
    )


def test_the_check_finds_a_message_hidden_in_an_f_string(tmp_path):
    module = tmp_path / "chart.py"
    module.write_text("title = f\"<title>{escape(_('Average of each party'))}</title>\"\n", encoding="utf-8")
    assert [msgid for _c, msgid, _l in messages_in(module)] == ["Average of each party"]


def english_messages() -> set[str]:
    found = set()
    for path in BASE_DIR.glob("**/locale/en/LC_MESSAGES/django.po"):
        if SKIP & set(path.relative_to(BASE_DIR).parts):
            continue
        found |= {e.msgid for e in polib.pofile(str(path)) if len(e.msgid) > 12 and " " in e.msgid}
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "es"])
def test_the_checkin_chart_has_no_english_in_another_language(cast, language):
    from partners.charts import checkin_chart
    from partners.models import CheckInRound

    party = cast.partnership.parties.select_related("organisation").first()

    class Answer:
        party_id = party.pk

        def scores(self):
            return [3, 4, 5]

    rounds = [{"round": CheckInRound(number=n), "answers": [Answer()]} for n in (1, 2)]
    with translation.override(language):
        svg = str(checkin_chart(rounds, [party]))
    english = [msgid for msgid in english_messages() if msgid in svg]
    assert "<title" in svg and not english, english
