"""French typography: U+202F before : ; ! ? and inside « », in code, catalogues, pages and mails."""

import re
from pathlib import Path

import polib
import pytest
from django.template import Context, Template
from django.utils import translation

from soliris import mail
from soliris.models import OutboxMessage
from soliris.typography import NNBSP, typeset

BASE_DIR = Path(__file__).resolve().parents[2]
SKIP = (".venv", "var", "node_modules", "staticfiles")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("État: actif", f"État{NNBSP}: actif"),
        ("Où nous en sommes : ici", f"Où nous en sommes{NNBSP}: ici"),
        ("Note\u00a0: rien", f"Note{NNBSP}: rien"),
        ("Vraiment?! Oui!", f"Vraiment{NNBSP}?! Oui{NNBSP}!"),
        ("un ; deux", f"un{NNBSP}; deux"),
        ("«Bonjour»", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("Étape 1: lire", f"Étape 1{NNBSP}: lire"),
    ],
)
def test_french_gets_a_narrow_no_break_space_before_high_punctuation_and_inside_guillemets(text, expected):
    assert typeset(text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://soliris.example/fr/partenariats/?q=a&page=2",
        "mailto:contact@example.org",
        "Rendez-vous à 10:30, ratio 1:2, durée 01:15:00",
        "Écrire à marie.dupont+soliris@commune.example.be",
        '<a href="https://x.example/?a=1" title="a:b">lien</a>',
        "R&amp;D &#x27;ok&#x27; &quot;cité&quot;",
        "<style>p { color: red; }</style>",
        f"Déjà juste{NNBSP}: rien à faire{NNBSP}; «{NNBSP}ni ici{NNBSP}»{NNBSP}!",
        "(?)",
    ],
)
def test_what_is_not_prose_and_correct_text_are_left_as_they_are(text):
    assert typeset(text, "fr") == text


def test_addresses_and_times_inside_a_sentence_stay_intact_while_the_sentence_is_typeset():
    text = "Voir https://x.example/a?b=1: à 10:30; écrire à a@b.example!"
    assert typeset(text, "fr") == (
        f"Voir https://x.example/a?b=1{NNBSP}: à 10:30{NNBSP}; écrire à a@b.example{NNBSP}!"
    )


def test_it_is_idempotent_and_leaves_other_languages_unchanged():
    once = typeset("État: «actif» ; fin!", "fr")
    assert typeset(once, "fr") == once
    for language in ("en", "nl", "es", None):
        assert typeset("Status: «on» ; ¿sí? ¡no!", language) == "Status: «on» ; ¿sí? ¡no!"


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load soliris %}" + source).render(Context(context))


def test_the_filter_typesets_in_the_page_language_and_escapes_what_was_not_safe():
    html = render("{{ text|typeset }}", "fr", text="<b>État</b>: «x» & co")
    assert html == f"&lt;b&gt;État&lt;/b&gt;{NNBSP}: «{NNBSP}x{NNBSP}» &amp; co"
    assert render("{{ text|typeset }}", "es", text="<b>Estado</b>: x") == "&lt;b&gt;Estado&lt;/b&gt;: x"


def test_the_filter_block_keeps_markup_and_adds_the_space_after_a_closing_tag():
    source = '{% filter typeset %}<strong>{{ name }}</strong>: <a href="/x?a=1">{{ name }}</a>{% endfilter %}'
    html = render(source, "fr", name="Tarija & Co")
    assert html == f'<strong>Tarija &amp; Co</strong>{NNBSP}: <a href="/x?a=1">Tarija &amp; Co</a>'


@pytest.mark.django_db
def test_a_mail_in_french_is_typeset_and_its_link_is_left_as_it_is(make_user):
    user = make_user(language="fr")
    mail.send(
        [user], "tests_support/email/typography", {"name": "Tarija"}, link=lambda: "https://x.example/a?b=1"
    )
    message = OutboxMessage.objects.get()
    assert message.payload["subject"].endswith(f"Partenariat{NNBSP}: Tarija")
    assert message.payload["body"].startswith(
        f"Lien{NNBSP}: https://x.example/a?b=1\nÀ 10:30{NNBSP}; merci{NNBSP}!\n"
    )


def french_catalogues():
    return sorted(
        path
        for path in BASE_DIR.glob("**/locale/fr/LC_MESSAGES/django.po")
        if not set(SKIP) & set(path.parts)
    )


@pytest.mark.parametrize("path", french_catalogues(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_every_french_message_has_its_narrow_no_break_spaces(path):
    wrong = []
    for entry in polib.pofile(str(path)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text and typeset(text, "fr") != text:
                wrong.append(text)
    assert not wrong, f"{len(wrong)} French messages without U+202F before : ; ! ? or inside « »: {wrong[:5]}"


def templates():
    return sorted(
        path
        for pattern in ("**/templates/**/*.html", "**/templates/**/*.txt")
        for path in BASE_DIR.glob(pattern)
        if not set(SKIP) & set(path.parts)
    )


TRANSLATED_THEN_PUNCTUATION = re.compile(
    r"""(\{%\s*(?:translate|trans)\s+(?:"[^"]*"|'[^']*')[^%]*%\}|\{%\s*endblocktrans(?:late)?\s*%\})"""
    r"(?:\s*</\w+>)?[ \u00a0]?[:;!?](?=\s|<|$|\{)"
)


def test_no_template_puts_a_colon_right_after_a_translated_string():
    """The colon belongs to the message: French writes « État : », English "State:"."""
    found = [
        f"{path.relative_to(BASE_DIR)}: {match.group(0)}"
        for path in templates()
        for match in TRANSLATED_THEN_PUNCTUATION.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, "put the punctuation inside the msgid:\n" + "\n".join(found)


ASSEMBLED_THEN_PUNCTUATION = re.compile(r"(\}\}|%\}|</\w+>)([ \u00a0]?)([:;!?])(?=\s|<|$|\{)")
TYPESET_BLOCK = re.compile(r"\{%\s*filter\s+typeset\s*%\}.*?\{%\s*endfilter\s*%\}", re.DOTALL)
BLOCKTRANSLATE = re.compile(r"\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.DOTALL)
TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def _inside_markup(text: str, position: int) -> bool:
    """Whether ``position`` is inside an HTML tag (an attribute: ``style="color: {{ c }};"``)."""
    plain = TEMPLATE_CODE.sub(lambda m: "x" * len(m.group()), text[:position])
    return plain.rfind("<") > plain.rfind(">")


def test_punctuation_assembled_around_values_in_pages_goes_through_the_typeset_filter():
    """``<strong>{{ name }}</strong>: …`` is French only inside ``{% filter typeset %}``.

    Mails are typeset whole by ``soliris.mail``; style sheets are not prose."""
    found = []
    for path in templates():
        if "email" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"<style\b.*?</style>", lambda m: " " * len(m.group()), text, flags=re.DOTALL)
        text = TYPESET_BLOCK.sub(lambda m: " " * len(m.group()), text)
        # a message's own punctuation is checked in the catalogues
        text = BLOCKTRANSLATE.sub(lambda m: "{% blocktranslate %}" + " " * (len(m.group()) - 20), text)
        for match in ASSEMBLED_THEN_PUNCTUATION.finditer(text):
            if not _inside_markup(text, match.start()):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(BASE_DIR)}:{line}: {match.group(0)!r}")
    assert not found, "wrap in {% filter typeset %}…{% endfilter %}:\n" + "\n".join(found)


def test_the_punctuation_tag_glues_a_mark_to_a_value_with_the_languages_space():
    source = '<strong>{{ name }}</strong>{% punctuation ":" %} {{ value }}'
    assert render(source, "fr", name="Jette", value="oui") == f"<strong>Jette</strong>{NNBSP}: oui"
    assert render(source, "es", name="Jette", value="sí") == "<strong>Jette</strong>: sí"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Pas encore traduit\u202f: affiché en espagnol."),
        ("es", "Aún no traducido: se muestra en francés."),
        # Dutch orthography capitalises language names, inside a sentence too.
        ("nl", "Nog niet vertaald: weergegeven in het Frans."),
        ("en", "Not yet translated: shown in French."),
    ],
)
def test_a_fallback_names_its_language_as_the_readers_language_writes_it_in_a_sentence(language, expected):
    class Text:
        title_fr, title_nl, title_en, title_es, title = "", "", "", "", ""

    text = Text()
    setattr(text, "title_" + ("es" if language == "fr" else "fr"), "x")
    html = render('{% translated text "title" %}', language, text=text)
    assert expected in html
