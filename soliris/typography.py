"""Typography per language: the spaces a language puts around its punctuation.

French puts a narrow no-break space (U+202F) before ``: ; ! ?`` and inside « »; Dutch,
English and Spanish (whose ¿ ¡ need no space) put none, so their text is left as it is.
:func:`typeset` is pure and idempotent. It never touches what is not prose — HTML tags,
entities, ``<style>``/``<script>`` blocks, web and e-mail addresses, times and ratios
(``10:30``, ``1:2``), a catalogue's placeholders — so it can run over rendered pages, mails
and PDFs. In templates: ``{{ text|typeset }}`` or ``{% filter typeset %}…{% endfilter %}``
(``soliris`` tags), in the page's language.
"""

import re

NNBSP = "\u202f"
_SPACES = " \u00a0\u2009\u202f"  # where a writer may have put one, French wants U+202F
_WORD = "\ue000"  # stands for a protected part while the rules run: it ends a word

_PROTECTED = re.compile(
    r"<(style|script)\b[^>]*>.*?</\1\s*>"  # a style sheet or a script, as it is
    r"|<[A-Za-z/!?][^>]*>"  # an HTML tag, comment or declaration, attributes included
    r"|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"  # an HTML entity (&amp; &#x27;)
    r"|\b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"']*[^\s<>\"'.,;:!?)»]"  # a web address (https://…?a=1)
    r"|\b(?:mailto|tel|urn):[^\s<>\"']*[^\s<>\"'.,;:!?)»]"  # other addresses with a colon
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\d+(?::\d+)+"  # a time or a ratio: 10:30, 1:2, 10:30:15
    r"|%\(\w+\)[sdif]|%[sd]"  # a placeholder of a catalogue's message
    r"|\{\{.*?\}\}|\{%.*?%\}",  # a template variable or tag
    re.DOTALL,
)

# Before : ; ! ? after a word, any run of spaces (or none) becomes one U+202F.
_BEFORE = re.compile(rf"(?<=[^\s:;!?«(\[/])[{_SPACES}]*(?=[:;!?])")
_NBSP_ENTITY = re.compile(r"&(?:nbsp|#160|#[xX]0*[aA]0);(?=[:;!?»])|(?<=«)&(?:nbsp|#160|#[xX]0*[aA]0);")
_AFTER_OPENING = re.compile(rf"«[{_SPACES}]*")
_BEFORE_CLOSING = re.compile(rf"[{_SPACES}]*»")


def _french(prose: str) -> str:
    prose = _BEFORE.sub(NNBSP, prose)
    prose = _AFTER_OPENING.sub("«" + NNBSP, prose)
    return _BEFORE_CLOSING.sub(NNBSP + "»", prose)


RULES = {"fr": _french}


def typeset(text: str, language: str | None) -> str:
    """``text`` with the spaces ``language`` puts around punctuation (only French has rules)."""
    rule = RULES.get((language or "").split("-")[0].lower())
    if rule is None or not text:
        return text
    kept = []
    text = _NBSP_ENTITY.sub("\u00a0", text.replace(_WORD, ""))

    def keep(match):
        kept.append(match.group())
        return _WORD

    prose = rule(_PROTECTED.sub(keep, text))
    parts = prose.split(_WORD)
    return "".join(part + (kept[i] if i < len(kept) else "") for i, part in enumerate(parts))
