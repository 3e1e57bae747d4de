"""Demo projects and a call for projects drawn from the seed documents (../shared/seeds).

Idempotent: every object is found again by a fixed key and updated. ``seed_demo`` calls
:func:`seed`; the data is in ``data.py``, the writing in ``seeding.py``.
"""

from projects.demo.data import CALL, PROJECTS
from projects.demo.seeding import seed

__all__ = ["CALL", "PROJECTS", "seed"]
