"""Differences between two frozen versions: per clause (added, removed, moved, changed), then
per language, word by word. Pure functions over the versions' snapshots."""

import difflib
import re
from dataclasses import dataclass, field

TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+", re.UNICODE)  # words keep their trailing space

ADDED, REMOVED, MOVED, CHANGED, UNCHANGED = "added", "removed", "moved", "changed", "unchanged"


def normalise(text: str) -> str:
    """A clause's text as it is compared and saved: ``\n`` line endings, no trailing whitespace
    on any line, none around the whole (what the kernel's middleware does to posted text, for
    callers that are not a browser)."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)] with op in "equal", "insert", "delete"; runs of the same op are merged.

    Tokens are compared without their whitespace: a text whose paragraphs or spaces only moved
    shows as equal (in the new text's layout), never as a phantom "." deleted and inserted."""
    a, b = tokens(old), tokens(new)
    a_keys, b_keys = [t.strip() for t in a], [t.strip() for t in b]
    out: list[tuple[str, str]] = []

    def push(op, text):
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False).get_opcodes():
        if tag == "equal":
            push("equal", "".join(b[j1:j2]))
        else:
            push("delete", "".join(a[i1:i2]))
            push("insert", "".join(b[j1:j2]))
    return out


def plain_word_diff(old: str, new: str) -> str:
    """:func:`word_diff` as plain text, for a mail: removed words in ``[-…-]``, added ones in
    ``{+…+}`` (as ``git diff --word-diff`` writes them), the rest in the new text's layout.
    The spaces after a run stay outside its marks; a run of spaces alone is not marked."""
    out = []
    runs = word_diff(old, new)
    for index, (op, text) in enumerate(runs):
        if op == "equal":
            out.append(text)
            continue
        core = text.rstrip()
        trail = text[len(core) :]
        if op == "delete" and index + 1 < len(runs) and runs[index + 1][0] == "insert":
            trail = ""  # the old layout's space: the inserted words bring the new one
        if not core:
            if op == "insert":
                out.append(trail)
            continue
        last = next((piece[-1] for piece in reversed(out) if piece), " ")
        if not last.isspace() and core[0].isalnum():
            out.append(" ")  # "a [-b-] {+c+}", not "a [-b-]{+c+}"
        out.append(f"[-{core}-]" if op == "delete" else f"{{+{core}+}}")
        out.append(trail)
    return "".join(out)


@dataclass
class ClauseDiff:
    key: str
    kinds: list[str]
    old_position: int | None
    new_position: int | None
    heading: list[tuple[str, str]] = field(default_factory=list)
    body: list[tuple[str, str]] = field(default_factory=list)
    language_missing: bool = False
    languages_changed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.kinds != [UNCHANGED]

    @property
    def position(self) -> int | None:
        """Where the clause stands in the new version (a removed one: where it stood)."""
        return self.new_position if self.new_position is not None else self.old_position

    @property
    def heading_text(self) -> str:
        """The heading as it now reads (a removed clause's: as it read)."""
        kept = ("equal", "delete") if self.kinds == [REMOVED] else ("equal", "insert")
        return "".join(text for op, text in self.heading if op in kept).strip()


def languages_changed(old: dict | None, new: dict | None) -> list[str]:
    """The languages in which a clause's text differs between two snapshots."""
    old_texts = (old or {}).get("texts", {})
    new_texts = (new or {}).get("texts", {})
    changed = []
    for code in sorted(set(old_texts) | set(new_texts)):
        a, b = old_texts.get(code) or {}, new_texts.get(code) or {}
        if _same(a) != _same(b):
            changed.append(code)
    return changed


def _same(text: dict) -> tuple[str, str]:
    """What two texts are compared on: whitespace-only differences are no change."""
    return (" ".join(text.get("heading", "").split()), " ".join(text.get("body", "").split()))


def _text(clause: dict | None, language: str) -> dict:
    if clause is None:
        return {"heading": "", "body": ""}
    return clause.get("texts", {}).get(language) or {"heading": "", "body": ""}


def diff_snapshots(old: dict, new: dict, language: str) -> list[ClauseDiff]:
    """The clauses of ``new`` in order, with the removed ones of ``old`` where they stood."""
    old_clauses = old.get("clauses", [])
    new_clauses = new.get("clauses", [])
    old_by_key = {c["key"]: (i, c) for i, c in enumerate(old_clauses)}
    new_keys = [c["key"] for c in new_clauses]
    common_old = [c["key"] for c in old_clauses if c["key"] in set(new_keys)]
    common_new = [k for k in new_keys if k in old_by_key]
    # Clauses outside the longest common order are the moved ones.
    in_place = set()
    for block in difflib.SequenceMatcher(None, common_old, common_new, autojunk=False).get_matching_blocks():
        in_place.update(common_old[block.a : block.a + block.size])

    result: list[ClauseDiff] = []
    removed = [(i, c) for i, c in enumerate(old_clauses) if c["key"] not in set(new_keys)]
    for j, clause in enumerate(new_clauses):
        while removed and removed[0][0] <= (old_by_key.get(clause["key"], (10**9,))[0]):
            i, gone = removed.pop(0)
            result.append(_removed(gone, i, language))
        new_text = _text(clause, language)
        if clause["key"] not in old_by_key:
            result.append(
                ClauseDiff(
                    clause["key"],
                    [ADDED],
                    None,
                    j + 1,
                    [("insert", new_text["heading"])] if new_text["heading"] else [],
                    [("insert", new_text["body"])] if new_text["body"] else [],
                    not new_text["body"],
                )
            )
            continue
        i, before = old_by_key[clause["key"]]
        old_text = _text(before, language)
        kinds = []
        if clause["key"] not in in_place:
            kinds.append(MOVED)
        if _same(old_text) != _same(new_text):
            kinds.append(CHANGED)
        changed_in = languages_changed(before, clause)
        if changed_in and CHANGED not in kinds:
            kinds.append(CHANGED)  # changed in another language than the one shown
        result.append(
            ClauseDiff(
                clause["key"],
                kinds or [UNCHANGED],
                i + 1,
                j + 1,
                word_diff(old_text["heading"], new_text["heading"]),
                word_diff(old_text["body"], new_text["body"]),
                not new_text["body"] and not old_text["body"],
                changed_in,
            )
        )
    for i, gone in removed:
        result.append(_removed(gone, i, language))
    return result


def _removed(clause: dict, index: int, language: str) -> ClauseDiff:
    text = _text(clause, language)
    return ClauseDiff(
        clause["key"],
        [REMOVED],
        index + 1,
        None,
        [("delete", text["heading"])] if text["heading"] else [],
        [("delete", text["body"])] if text["body"] else [],
        not text["body"],
    )


def summary(diffs: list[ClauseDiff]) -> dict[str, int]:
    counts = {ADDED: 0, REMOVED: 0, MOVED: 0, CHANGED: 0}
    for d in diffs:
        for kind in d.kinds:
            if kind in counts:
                counts[kind] += 1
    return counts


@dataclass
class Run:
    """A piece of the diff page: one changed clause shown open, or a run of consecutive
    unchanged clauses folded under one summary."""

    changed: ClauseDiff | None = None
    unchanged: list[ClauseDiff] = field(default_factory=list)


def runs(diffs: list[ClauseDiff]) -> list[Run]:
    """``diffs`` in order, each run of consecutive unchanged clauses gathered into one."""
    out: list[Run] = []
    for d in diffs:
        if d.changed:
            out.append(Run(changed=d))
        elif out and out[-1].changed is None:
            out[-1].unchanged.append(d)
        else:
            out.append(Run(unchanged=[d]))
    return out


def changed_first(diffs: list[ClauseDiff]) -> list[ClauseDiff]:
    """The clauses that changed (added, removed, moved, changed), in the document's order: what
    the top of the page lists, before the count of those that did not."""
    return [d for d in diffs if d.changed]
