"""The project's benchmark: each app's ``<app>/bench.py`` builds its data set and measures.

    python manage.py bench [--size full|tiny] [--requests 50] [--apps partners,...]

It never touches the configured database: it works on ``<NAME>_bench`` (created when
missing), migrates it, and each app builds its deterministic synthetic data once. Results
are printed as a table and written to ``var/bench/`` as JSON.

An app's module provides ``run(options) -> list[dict]``; each dict has at least ``app``,
``name``, ``queries``, ``p50_ms``, ``p95_ms`` (and may add ``target_ms``, ``peak_kb``...).
"""

import gc
import importlib
import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

APPS = ["partners", "projects", "conventions", "events"]


def bench_database_name(name: str) -> str:
    return name if name.endswith("_bench") else f"{name}_bench"


def use_bench_database() -> str:
    """Point the default connection at ``<NAME>_bench``, creating the database if needed."""
    import psycopg
    from psycopg import sql

    db = connections["default"].settings_dict
    name = bench_database_name(db["NAME"])
    params = {
        "dbname": "postgres",
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connections["default"].close()
    db["NAME"] = name
    return name


def reference_loop_ms(runs: int = 5) -> dict:
    """How fast this machine is right now: a fixed pure-Python loop, timed ``runs`` times.

    A shared machine's speed drifts by a third from one minute to the next; printed before and
    after the measures, it tells a slow run from slower code."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i % 7
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": round(times[len(times) // 2], 1), "best_ms": round(times[0], 1)}


def run_benchmarks(options: dict) -> list[dict]:
    rows: list[dict] = []
    for app in options.get("apps") or APPS:
        try:
            module = importlib.import_module(f"{app}.bench")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.bench":
                raise
            continue
        rows.extend(module.run(options))
    return rows


def format_table(rows: list[dict]) -> str:
    headers = ["app", "measure", "queries", "p50 ms", "p95 ms", "target ms", "peak KB"]
    lines = [
        [
            r["app"],
            r["name"],
            str(r["queries"]),
            f"{r['p50_ms']:.1f}",
            f"{r['p95_ms']:.1f}",
            str(r.get("target_ms", "")),
            str(r.get("peak_kb", "")),
        ]
        for r in rows
    ]
    widths = [
        max(len(h), *(len(line[i]) for line in lines)) if lines else len(h) for i, h in enumerate(headers)
    ]
    out = [" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    out.append("-+-".join("-" * w for w in widths))
    out += [" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join(out)


def write_results(rows: list[dict], directory: Path, meta: dict) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    payload = {**meta, "results": rows}
    path = directory / f"bench-{stamp}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str))
    (directory / "latest.json").write_text(path.read_text())
    return path


class Command(BaseCommand):
    help = "Benchmark the platform on a synthetic data set, in a database of its own."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=["full", "tiny"], default="full")
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--apps", default="", help="comma-separated apps (default: all)")
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "var" / "bench"))

    def handle(self, *args, size, requests, apps, output, **options):
        name = use_bench_database()
        self.stdout.write(f"Benchmark database: {name}")
        call_command("migrate", verbosity=0)
        call_command("load_reference", verbosity=0)
        # Measure a process like a web worker's, not one that just ran the migration graph:
        # drop that garbage and keep what remains out of the collector's way (as a preloading
        # server does before forking its workers).
        gc.collect()
        gc.freeze()
        bench_options = {
            "size": size,
            "requests": requests,
            "apps": [a for a in apps.split(",") if a] or None,
            "log": lambda message: self.stdout.write(f"  {message}"),
        }
        before = reference_loop_ms()
        rows = run_benchmarks(bench_options)
        after = reference_loop_ms()
        self.stdout.write(format_table(rows))
        self.stdout.write(
            f"Machine speed, a fixed loop (median / best of 5): {before['median_ms']} / "
            f"{before['best_ms']} ms before, {after['median_ms']} / {after['best_ms']} ms after"
        )
        if settings.DEBUG:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is on: development settings do about 7 % more work per request than"
                    " production; `make bench` runs the production settings."
                )
            )
        meta = {
            "debug": settings.DEBUG,
            "size": size,
            "requests": requests,
            "database": name,
            "reference_loop": {"before": before, "after": after},
        }
        path = write_results(rows, Path(output), meta)
        self.stdout.write(self.style.SUCCESS(f"Written to {path}"))
