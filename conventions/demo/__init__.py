"""Demo conventions drawn from the seeds: the Brasschaat–Tarija cooperation agreement, signed,
an operating charter of Jette still being drafted (open comments, a stale translation), and the
Herent – Nimlaha'kok project's convention. ``seed(log, context)`` is what ``seed_demo`` calls."""

from conventions.demo.seeds import seed, seed_agreement, seed_charter, seed_project_convention

__all__ = ["seed", "seed_agreement", "seed_charter", "seed_project_convention"]
