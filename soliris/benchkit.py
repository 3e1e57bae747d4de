"""What `make bench` measures with: pages, their floors, paired timings, a real server.

Each app's ``<app>/bench.py`` provides

- ``build(organisations: int, log) -> None``: its deterministic synthetic data, in proportion to
  the number of organisations (80 for the smoke run, 10,000, 100,000); a second call with the
  same size builds nothing;
- ``pages() -> list[Page]``: the pages it measures, each with its :class:`Floor`.

A page's **floor** is what Django itself costs for the same rows: a minimal view that reads them
with one query and renders them with a template that extends nothing (``bench/floor.html``),
through the same middleware, the same settings, the same process. Page and floor are requested
in turns, and the page's cost is given as the median of the paired ratios page / floor: on a
shared machine whose speed drifts by a third from one minute to the next, a ratio of two
requests a few milliseconds apart is what can be measured reliably.
"""

from __future__ import annotations

import functools
import importlib
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import render
from django.test import Client
from django.test.utils import CaptureQueriesContext

APPS = ["partners", "projects", "events", "conventions", "soliris"]
FLOOR_PREFIX = "/_bench/floor/"


@dataclass(frozen=True)
class Floor:
    """The rows a page shows, as one query: ``queryset`` already sliced, ``fields`` to read."""

    queryset: QuerySet
    fields: tuple[str, ...]

    def rows(self) -> list[tuple]:
        return list(self.queryset.values_list(*self.fields))

    def sql(self) -> tuple[str, tuple]:
        return self.queryset.values_list(*self.fields).query.sql_with_params()


@dataclass
class Page:
    app: str
    name: str
    path: str
    floor: Floor
    user: str | None = None  # the e-mail of the account the page is read as (None: a visitor)
    slug: str = field(init=False)

    def __post_init__(self):
        self.slug = f"{self.app}-{re.sub(r'[^a-z0-9]+', '-', self.name.lower()).strip('-')}"

    @property
    def floor_path(self) -> str:
        return f"{FLOOR_PREFIX}{self.slug}/"


def app_module(app: str):
    try:
        return importlib.import_module(f"{app}.bench")
    except ModuleNotFoundError as error:
        if error.name != f"{app}.bench":
            raise
        return None


def modules(apps=None):
    for app in apps or APPS:
        module = app_module(app)
        if module is not None:
            yield app, module


def build(organisations: int, apps=None, log=print) -> None:
    for _app, module in modules(apps):
        if hasattr(module, "build"):
            module.build(organisations, log=log)


def clear_after(app: str, log=print) -> None:
    """The apps built after ``app`` remove their bench rows, the last built first.

    Their rows point at ``app``'s (a project's parties at the bench organisations, which are
    protected from deletion): ``app`` calls this before it deletes its own to build another
    size. Each app's optional ``clear(log)`` removes what its ``build`` wrote."""
    later = APPS[APPS.index(app) + 1 :]
    for _app, module in reversed(list(modules(later))):
        if hasattr(module, "clear"):
            module.clear(log=log)


def all_pages(apps=None) -> list[Page]:
    pages = []
    for _app, module in modules(apps):
        if hasattr(module, "pages"):
            pages.extend(module.pages())
    return pages


@functools.cache
def _registry() -> dict[str, Page]:
    return {page.slug: page for page in all_pages()}


def forget_registry() -> None:
    _registry.cache_clear()


def floor_view(request, slug):
    """The minimal view: the page's rows in one query, a template that extends nothing."""
    page = _registry().get(slug)
    if page is None:
        raise Http404
    return render(request, "bench/floor.html", {"rows": page.floor.rows()})


# -- measuring ------------------------------------------------------------------------------


def _consume(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def _percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def timed_get(client: Client, path: str) -> tuple[float, int, int]:
    """(time in ms, queries, bytes) of one request, its streamed body read to the end."""
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path, secure=True)  # as behind the TLS proxy of production
        size = _consume(response)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return elapsed, len(captured.captured_queries), size


def raw_query_ms(floor: Floor, runs: int) -> float:
    """The median time of the floor's SQL on psycopg's own cursor, rows fetched."""
    sql, params = floor.sql()
    connection.ensure_connection()
    times = []
    for _ in range(runs):
        with connection.connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def client_for(user: str | None, clients: dict) -> Client:
    if user not in clients:
        client = Client(HTTP_HOST="localhost")
        if user:
            from django.contrib.auth import get_user_model

            client.force_login(get_user_model().objects.get(email=user))
        clients[user] = client
    return clients[user]


def measure(pages: list[Page], requests: int, log: Callable = print) -> list[dict]:
    """Every page and its floor, ``requests`` rounds, one of each per round, in turns."""
    clients: dict = {}
    for page in pages:  # logged in first: a log-in writes (last_login), which forgets kept pages
        client_for(page.user, clients)
    for page in pages:  # warm-up: templates compiled, caches filled, connections open
        client = client_for(page.user, clients)
        for path in (page.path, page.floor_path):
            timed_get(client, path)
    samples = {page.slug: {"page": [], "floor": [], "queries": [], "floor_queries": []} for page in pages}
    sizes = {}
    for _round in range(requests):
        for page in pages:
            client = client_for(page.user, clients)
            elapsed, queries, size = timed_get(client, page.path)
            floor_elapsed, floor_queries, _ = timed_get(client, page.floor_path)
            sample = samples[page.slug]
            sample["page"].append(elapsed)
            sample["floor"].append(floor_elapsed)
            sample["queries"].append(queries)
            sample["floor_queries"].append(floor_queries)
            sizes[page.slug] = size
    rows = []
    for page in pages:
        sample = samples[page.slug]
        ratios = [p / f for p, f in zip(sample["page"], sample["floor"], strict=True)]
        rows.append(
            {
                "app": page.app,
                "name": page.name,
                "path": page.path,
                "requests": requests,
                "queries": statistics.median_low(sample["queries"]),
                "max_queries": max(sample["queries"]),
                "floor_queries": max(sample["floor_queries"]),
                "p50_ms": round(statistics.median(sample["page"]), 2),
                "p95_ms": round(_percentile(sample["page"], 0.95), 2),
                "floor_p50_ms": round(statistics.median(sample["floor"]), 2),
                "raw_sql_ms": round(raw_query_ms(page.floor, max(5, requests // 2)), 2),
                "ratio": round(statistics.median(ratios), 2),
                "bytes": sizes[page.slug],
            }
        )
    return rows


def compressed_sizes(pages: list[Page]) -> list[dict]:
    """Bytes of each page as served, plain and to a client that accepts gzip / brotli."""
    clients: dict = {}
    rows = []
    for page in pages:
        client = client_for(page.user, clients)
        row = {"app": page.app, "name": page.name}
        for label, accept in (("plain", ""), ("gzip", "gzip"), ("br", "br, gzip")):
            response = client.get(page.path, secure=True, headers={"accept-encoding": accept})
            row[label] = _consume(response)
            row[f"{label}_encoding"] = response.get("Content-Encoding", "")
        rows.append(row)
    return rows


def format_compressed(rows: list[dict]) -> str:
    lines = ["Bytes served (plain / gzip / brotli, as the client accepts):"]
    for row in rows:
        lines.append(
            f"  {row['app']}: {row['name']}: {row['plain'] / 1024:.1f} KB / {row['gzip'] / 1024:.1f} KB"
            f" ({row['gzip_encoding'] or 'none'}) / {row['br'] / 1024:.1f} KB ({row['br_encoding'] or 'none'})"
        )
    return "\n".join(lines)


# -- under a real server ----------------------------------------------------------------------

SERVER_PAGES = ("partners-organisation-directory", "partners-partnership-page")


def server_pages(pages: list[Page]) -> list[Page]:
    return [page for page in pages if page.slug in SERVER_PAGES]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    from urllib.parse import quote

    db = connection.settings_dict
    user = quote(db.get("USER") or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    host = db.get("HOST") or ""
    if host.startswith("/"):  # a socket directory: psycopg takes it as ?host=
        return f"postgresql://{auth}/{db['NAME']}?host={quote(host)}&port={db.get('PORT') or 5432}"
    return f"postgresql://{auth}{host or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"


WRK_LINE = {
    "rps": re.compile(r"Requests/sec:\s+([\d.]+)"),
    "p50": re.compile(r"^\s+50%\s+([\d.]+)(us|ms|s)", re.M),
    "p99": re.compile(r"^\s+99%\s+([\d.]+)(us|ms|s)", re.M),
    "non2xx": re.compile(r"Non-2xx or 3xx responses:\s+(\d+)"),
    "socket": re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"),
}
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str) -> dict:
    result = {"rps": float(WRK_LINE["rps"].search(output).group(1))}
    for name in ("p50", "p99"):
        match = WRK_LINE[name].search(output)
        result[f"{name}_ms"] = round(float(match.group(1)) * UNIT_MS[match.group(2)], 2) if match else None
    non2xx = WRK_LINE["non2xx"].search(output)
    socket_errors = WRK_LINE["socket"].search(output)
    result["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    )
    return result


def serve_and_load(
    pages: list[Page], connections_list=(8, 32), seconds: int = 20, workers: int = 2, log: Callable = print
) -> list[dict]:
    """gunicorn with the production settings on loopback, driven by wrk: each page, then its floor,
    at each number of connections. Pages read as a member are skipped (wrk sends no cookie)."""
    import os
    import shutil
    import subprocess
    import sys
    import urllib.request

    wrk = shutil.which("wrk")
    if not wrk:
        raise RuntimeError("wrk is missing: `make bench` installs it (Debian package wrk)")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "soliris.settings"}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "soliris.bench_wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--preload",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env)  # noqa: S603 — our own interpreter and module
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                ready = urllib.request.Request(  # noqa: S310 — loopback
                    f"{base}/robots.txt", headers={"X-Forwarded-Proto": "https", "Host": "localhost"}
                )
                urllib.request.urlopen(ready, timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        rows = []
        for page in pages:
            if page.user:
                continue
            for count in connections_list:
                row = {"app": page.app, "name": page.name, "connections": count}
                for label, path in (("page", page.path), ("floor", page.floor_path)):
                    # X-Forwarded-Proto: as behind the TLS proxy (no redirect to https).
                    done = subprocess.run(  # noqa: S603
                        [
                            wrk,
                            f"-t{min(2, count)}",
                            f"-c{count}",
                            f"-d{seconds}s",
                            "--latency",
                            "-H",
                            "X-Forwarded-Proto: https",
                            "-H",
                            "Host: localhost",
                            f"{base}{path}",
                        ],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    row[label] = parse_wrk(done.stdout)
                row["throughput_ratio"] = round(row["page"]["rps"] / row["floor"]["rps"], 2)
                log(f"gunicorn: {page.name}, {count} connections: {row['throughput_ratio']:.0%} of the floor")
                rows.append(row)
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)


def format_throughput(rows: list[dict], target: float) -> str:
    lines = [f"Under gunicorn ({'page / floor'}: requests per second, p50 / p99 ms, errors):"]
    for row in rows:
        page, floor = row["page"], row["floor"]
        mark = "" if row["throughput_ratio"] >= target and not page["errors"] else " !"
        lines.append(
            f"  {row['name']}, {row['connections']} connections: {page['rps']:.0f} / {floor['rps']:.0f} rps"
            f" = {row['throughput_ratio']:.0%}{mark}; p50 {page['p50_ms']} / {floor['p50_ms']},"
            f" p99 {page['p99_ms']} / {floor['p99_ms']}; errors {page['errors']} / {floor['errors']}"
        )
    return "\n".join(lines)
