"""The page sweep's language check: the English msgids of the catalogues that a French,
Dutch or Spanish page must not show (tests/browser/test_page_sweep.py)."""

import re

from tests.browser.sweep import BASE_DIR

_PLACEHOLDER = re.compile(r"%\(\w+\)[sdfi]|%[sdfi]|\{\w*\}|<[^>]+>|&\w+;")
_WORD = re.compile(r"\w+")


def _catalogues(language: str):
    import polib

    for path in sorted(BASE_DIR.glob(f"*/locale/{language}/LC_MESSAGES/django.po")) + sorted(
        BASE_DIR.glob(f"locale/{language}/LC_MESSAGES/django.po")
    ):
        yield polib.pofile(str(path))


class English:
    """The English msgids a page in ``language`` must not show: those whose translation into
    it differs from the msgid (missing and fuzzy translations included). A single word
    matches a whole text chunk; a run of two words or more matches inside one."""

    def __init__(self, language: str):
        from django.utils.translation import trans_real

        # What Django shows in that language: every catalogue merged (the project's, the
        # apps', allauth's, Django's own), in its order of precedence.
        shown = trans_real.translation(language)._catalog
        self.translations: set[str] = set()  # the page language's own strings excuse a chunk
        self.patterns: list[tuple[str, re.Pattern]] = []
        for translation in {value for _, value in shown.items()}:
            fragments = [re.escape(" ".join(f.split())) for f in _PLACEHOLDER.split(translation)]
            if len(fragments) == 1:
                self.translations.add(" ".join(translation.split()))
            elif any(len(f) > 3 for f in fragments):
                self.patterns.append((translation, re.compile(".+?".join(fragments))))
        same = {msgid for msgid in self._msgids() if " ".join(msgid.split()) in self.translations}
        self.whole: set[str] = set()
        self.runs: dict[str, list[str]] = {}
        for msgid in self._msgids():
            if msgid not in same:
                self._add(msgid)

    @staticmethod
    def _msgids():
        for catalogue in _catalogues("en"):
            for entry in catalogue:
                if not entry.obsolete:
                    yield from filter(None, (entry.msgid, entry.msgid_plural))

    def _add(self, msgid: str) -> None:
        fragments = [" ".join(f.split()) for f in _PLACEHOLDER.split(msgid)]
        whole = len(fragments) == 1
        for fragment in fragments:
            words = _WORD.findall(fragment)
            letters = sum(len(w) for w in words if not w.isdigit())
            if letters < 4:
                continue
            if len(words) >= 2:
                self.runs.setdefault(words[0], []).append(fragment.strip(" :,;.("))
            elif whole:
                self.whole.add(fragment.strip())

    def _translated(self, chunk: str, run: str) -> bool:
        """Whether the chunk is (or holds) a translation into the page's language that
        contains the English run: Dutch "is open", Spanish "Total"."""
        if chunk in self.translations or chunk.rstrip(" :.…*") in self.translations:
            return True
        if any(run in t and t in chunk for t in self.translations if len(t) > len(run)):
            return True
        return any(run in text and pattern.search(chunk) for text, pattern in self.patterns)

    def found(self, chunks, runs: bool = True) -> set[str]:
        """The English in ``chunks``; only whole chunks when ``runs`` is off (the admin, whose
        pages are full of the records' own names and titles)."""
        found = set()
        for chunk in chunks:
            if chunk in self.whole or chunk.rstrip(" :.…*") in self.whole:
                if not self._translated(chunk, chunk):
                    found.add(chunk)
                continue
            for word in _WORD.finditer(chunk) if runs else ():
                for run in self.runs.get(word.group(), ()):
                    end = word.start() + len(run)
                    if not chunk.startswith(run, word.start()) or (end < len(chunk) and chunk[end].isalnum()):
                        continue
                    if not self._translated(chunk, run):
                        found.add(run if run == chunk else f"{run} (in «{chunk[:80]}»)")
        return found
