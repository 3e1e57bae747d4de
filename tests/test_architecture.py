"""The layers of ARCHITECTURE.md, checked on the code: every module read with ``ast``."""

import ast
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
APPS = ["soliris", "partners", "projects", "conventions", "events", "maps", "opendata"]
# What each app may import besides itself and the kernel (soliris).
ALLOWED_APPS = {
    "partners": set(),
    "projects": {"partners"},
    "conventions": {"partners", "projects"},
    "events": {"partners", "projects"},
    "maps": {"partners", "projects"},
    "opendata": {"partners", "projects", "conventions", "events", "maps"},
}
# The kernel's top layer, which may reach the apps (``soliris.bench``: the benchmark's home and
# dashboard pages, whose floors are the apps' rows; not ``soliris.benchkit``, which reaches none).
KERNEL_TOP = ("soliris.urls", "soliris.management")
KERNEL_TOP_MODULES = ("soliris.bench",)
WEB = ("views", "forms", "filters", "templatetags", "urls", "admin")
DOMAIN = ("models", "services", "selectors", "permissions", "pdfs", "search_text", "tasks")
# Project imports inside a function, each for a reason (ARCHITECTURE.md, "Imports").
INNER_IMPORTS_ALLOWED = {
    "soliris.outbox": "the cycle outbox ↔ tasks (a task delivers, delivering queues a task)",
    "soliris.models": "the cycle models ↔ audit (an entry's label is the audit's)",
    "partners.bench": "the benchmark builds its data set on demand, after Django is set up",
}
MAX_LINES = 420


def modules():
    for app in APPS:
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(BASE_DIR).with_suffix("").parts).removesuffix(".__init__")
            yield name, path, ast.parse(path.read_text(), str(path))


def imported(node) -> list[str]:
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return []


def project_imports(tree):
    for node in ast.walk(tree):
        for name in imported(node):
            if name.split(".")[0] in APPS:
                yield node, name


def layer(module: str, parts: tuple) -> str:
    if any(part in WEB for part in parts) or module.startswith(KERNEL_TOP):
        return "web"
    if any(part in DOMAIN for part in parts):
        return "domain"
    return "other"


ALL = list(modules())


def test_each_app_imports_only_the_apps_below_it():
    wrong = []
    for module, _path, tree in ALL:
        app = module.split(".")[0]
        for _node, name in project_imports(tree):
            target = name.split(".")[0]
            if target in (app, "soliris"):
                continue
            if app == "soliris":
                if not module.startswith(KERNEL_TOP) and module not in KERNEL_TOP_MODULES:
                    wrong.append(f"{module} imports {name}: the kernel imports no app")
            elif target not in ALLOWED_APPS[app]:
                wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_domain_code_never_imports_the_web_layer():
    wrong = []
    for module, _path, tree in ALL:
        if layer(module, tuple(module.split("."))) != "domain":
            continue
        for _node, name in project_imports(tree):
            if any(part in WEB for part in name.split(".")[1:]):
                wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_only_templates_use_template_tags():
    wrong = [
        f"{module} imports {name}"
        for module, _path, tree in ALL
        if ".templatetags" not in module
        for _node, name in project_imports(tree)
        if ".templatetags" in name
    ]
    assert wrong == []


def test_project_imports_sit_at_the_top_of_modules():
    wrong = []
    for module, path, tree in ALL:
        if path.name == "apps.py" or module in INNER_IMPORTS_ALLOWED:
            continue
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    for name in imported(node):
                        if name.split(".")[0] in APPS:
                            wrong.append(f"{module}.{function.name} imports {name}")
    assert wrong == []


@pytest.mark.parametrize("app", APPS)
def test_no_module_grows_past_about_400_lines(app):
    long = {
        str(path.relative_to(BASE_DIR)): count
        for module, path, _tree in ALL
        if module.split(".")[0] == app and (count := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}
