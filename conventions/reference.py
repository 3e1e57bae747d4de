"""Reference data of the conventions app: the charter templates (data/charter_*.json).

They are read from the files at each use; ``load()`` checks them, idempotently.
"""

from conventions import charters


def load() -> str:
    charters.all_templates.cache_clear()
    templates = charters.all_templates()
    problems = [problem for data in templates.values() for problem in charters.validate(data)]
    if problems:
        raise ValueError("; ".join(problems))
    clauses = sum(len(data["clauses"]) for data in templates.values())
    plural = "" if len(templates) == 1 else "s"
    return (
        f"{len(templates)} charter template{plural}, {clauses} clauses in {len(charters.LANGUAGES)} languages"
    )
