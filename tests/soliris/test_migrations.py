"""Migrations import no live application code.

A migration runs years after it was written, against the code of that day: a data migration
that imports ``partners.documents`` or ``projects.reference`` breaks (or silently does
something else) the day those modules change. So a migration may import only:

- the standard library and ``django.*``;
- its own app's migrations package (relative imports, ``<app>.migrations``);
- the field modules its columns are declared with, listed in ``ALLOWED_MODULES``;
- in ``<app>.models`` (or its modules, where models are a package), only the callables Django's migration writer refers to by their
  import path (validators, defaults, ``upload_to``, managers), listed in
  ``ALLOWED_MODEL_REFERENCES``: they must stay importable there, but a migration may not
  reach the models' other contents (live models, services, constants).

Anything else a data migration needs is written out in it: historical models through
``apps.get_model``, constants copied.
"""

import ast
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
APPS = sorted(path.parent.name for path in BASE_DIR.glob("*/apps.py"))

ALLOWED_MODULES = {
    "soliris.keys": "KeyField, the column type of every public key",
    "django_countries.fields": "CountryField, the column type of countries",
    "django_countries": "the countries' names in each language, which search documents hold",
}
ALLOWED_MODEL_REFERENCES = {
    "events.models.events.validate_time_zone": "validator of Event.time_zone",
    "events.models.events.validate_languages": "validator of the events' and registrations' language lists",
    "partners.models.members.new_token": "default of Invitation.token",
    "partners.models.members.invitation_expiry": "default of Invitation.expires_at",
    "projects.models.projects.document_path": "upload_to of the documents' files",
    "soliris.models.EmailUserManager": "the User manager (use_in_migrations)",
}
# ``<app>.models`` and, where models are a package, its modules (``partners.models.members``).
MODEL_MODULES = {f"{app}.models" for app in APPS} | {
    f"{app}.models.{path.stem}" for app in APPS for path in (BASE_DIR / app / "models").glob("[!_]*.py")
}


def module_allowed(module: str, app: str) -> bool:
    top = module.split(".")[0]
    return (
        top in sys.stdlib_module_names
        or top == "django"
        or module == f"{app}.migrations"
        or module.startswith(f"{app}.migrations.")
        or module in ALLOWED_MODULES
    )


def dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for an attribute chain on a name, None for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def violations(source: str, app: str) -> list[str]:
    """What the migration's source imports or uses beyond what the module docstring allows."""
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    models_imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODEL_MODULES:
                    models_imported.add(alias.name)
                elif not module_allowed(alias.name, app):
                    found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            module = node.module or ""
            if module in MODEL_MODULES:
                found += [
                    (node.lineno, f"from {module} import {alias.name}")
                    for alias in node.names
                    if f"{module}.{alias.name}" not in ALLOWED_MODEL_REFERENCES
                ]
            elif not module_allowed(module, app):
                found.append((node.lineno, f"from {module} import ..."))
    # What is reached through ``import <app>.models``: ``<app>.models.<name>`` nodes.
    for node in ast.walk(tree):
        name = dotted(node) if isinstance(node, ast.Attribute) else None
        if name and name.rpartition(".")[0] in models_imported and name not in ALLOWED_MODEL_REFERENCES:
            found.append((node.lineno, name))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def migration_files() -> list[tuple[str, Path]]:
    return [(app, path) for app in APPS for path in sorted((BASE_DIR / app / "migrations").glob("*.py"))]


def test_there_are_migrations_to_check():
    """Each app starts from one initial migration, squashed while nothing was released
    (README, "Migrations"); what came after is added, numbered in order."""
    by_app: dict[str, list[str]] = {}
    for app, path in migration_files():
        if path.name != "__init__.py":
            by_app.setdefault(app, []).append(path.name)
    with_models = {
        app for app in APPS if any((BASE_DIR / app / name).exists() for name in ("models", "models.py"))
    }
    assert with_models - {"support"} <= set(by_app)
    for app, names in by_app.items():
        assert names[0] == "0001_initial.py", app
        assert [int(name[:4]) for name in sorted(names)] == list(range(1, len(names) + 1)), (app, names)


def test_no_migration_imports_live_application_code():
    problems = {
        str(path.relative_to(BASE_DIR)): found
        for app, path in migration_files()
        if (found := violations(path.read_text(encoding="utf-8"), app))
    }
    assert problems == {}


def test_every_allowed_model_reference_is_still_used():
    """The allowlist stays as small as the migrations need."""
    sources = "\n".join(path.read_text(encoding="utf-8") for _app, path in migration_files())
    assert [name for name in ALLOWED_MODEL_REFERENCES if name not in sources] == []


def test_the_check_catches_a_data_migration_that_imports_live_code():
    source = """
import partners.models
from django.db import migrations
from partners.models import Organisation


def fill(apps, schema_editor):
    from partners.documents import organisation_document
    for organisation in partners.models.Organisation.objects.all():
        organisation_document(organisation)


class Migration(migrations.Migration):
    operations = [migrations.RunPython(fill)]
"""
    assert violations(source, "partners") == [
        "line 4: from partners.models import Organisation",
        "line 8: from partners.documents import ...",
        "line 9: partners.models.Organisation",
    ]
