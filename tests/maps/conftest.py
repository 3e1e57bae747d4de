from tests.projects.conftest import goal6, project  # noqa: F401 (the projects' fixtures)
