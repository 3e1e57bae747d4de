"""The project's benchmark: each app's ``<app>/bench.py`` builds its data and names its pages.

    python manage.py bench [--size 10000] [--requests 40] [--apps partners,...] [--server]

It never touches the configured database: it works on ``<NAME>_bench`` (``<NAME>_bench_<N>`` for
another size than 10,000; created when missing), migrates it, and each app builds its
deterministic synthetic data once. Every page is
measured beside its floor (``soliris.benchkit``); ``--server`` also drives gunicorn with wrk.
Results go to ``var/bench/size-<N>.json``; when the other size's results are there too, the
table shows each page's growth from 10,000 to 100,000 organisations.
"""

import gc
import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.test.utils import override_settings

from soliris import benchkit

TARGET_RATIO = 2.0  # every page within twice its floor
TARGET_GROWTH = 1.3  # from 10,000 to 100,000 organisations
TARGET_THROUGHPUT = 0.6  # under gunicorn, of the minimal view's requests per second
SIZES = (10_000, 100_000)


def bench_database_name(name: str, size: int = SIZES[0]) -> str:
    """``<NAME>_bench`` for 10,000 organisations, ``<NAME>_bench_<size>`` for another size: each
    size keeps its data set (100,000 organisations take minutes to build)."""
    base = name.split("_bench")[0]
    return f"{base}_bench" if size == SIZES[0] else f"{base}_bench_{size}"


def use_bench_database(size: int = SIZES[0]) -> str:
    """Point the default connection at the bench database of ``size``, created if needed."""
    import psycopg
    from psycopg import sql

    db = connections["default"].settings_dict
    name = bench_database_name(db["NAME"], size)
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
    """Build the data of ``options["size"]`` organisations, then measure every page."""
    log = options.get("log") or print
    apps = options.get("apps") or None
    benchkit.build(options["size"], apps=apps, log=log)
    requests = options.get("requests") or 40
    with override_settings(ROOT_URLCONF="soliris.bench_urls"):
        benchkit.forget_registry()
        pages = benchkit.all_pages(apps)
        rows = benchkit.measure(pages, requests, log=log)
        # The same pages rendered on every request, as the first reader after a change sees them.
        # The figures kept over many rows stay kept: what a first reader pays is the page itself.
        with override_settings(SOLIRIS_PAGE_CACHE=False, SOLIRIS_KEPT_FIGURES=True):
            cold = benchkit.measure(pages, max(3, requests // 2), log=log)
    for row, rendered in zip(rows, cold, strict=True):
        row["cold_p50_ms"] = rendered["p50_ms"]
        row["cold_ratio"] = rendered["ratio"]
        row["cold_queries"] = rendered["queries"]
    return rows


def with_growth(rows: list[dict], other: dict | None, size: int) -> list[dict]:
    """Each row's growth from the smaller size's p50 to the larger's, when both were measured."""
    if not other or other.get("size") == size:
        return rows
    theirs = {(r["app"], r["name"]): r for r in other.get("results", [])}
    small_first = other["size"] < size
    for row in rows:
        before = theirs.get((row["app"], row["name"]))
        if before:
            small, large = (before, row) if small_first else (row, before)
            row["growth"] = round(large["p50_ms"] / small["p50_ms"], 2)
            row["other_p50_ms"] = before["p50_ms"]
    return rows


def _mark(value, target) -> str:
    return f"{value:.2f}" + ("" if value <= target else " !")


def format_table(rows: list[dict]) -> str:
    headers = [
        "app",
        "page",
        "queries",
        "cold q.",
        "p50 ms",
        "p95 ms",
        "floor ms",
        "raw SQL ms",
        "ratio",
        "growth",
        "cold ms",
        "cold ratio",
        "KB",
    ]
    lines = [
        [
            r["app"],
            r["name"],
            str(r["queries"]),
            str(r.get("cold_queries", "")),
            f"{r['p50_ms']:.1f}",
            f"{r['p95_ms']:.1f}",
            f"{r['floor_p50_ms']:.1f}",
            f"{r['raw_sql_ms']:.2f}",
            _mark(r["ratio"], TARGET_RATIO),
            _mark(r["growth"], TARGET_GROWTH) if "growth" in r else "",
            f"{r['cold_p50_ms']:.1f}" if "cold_p50_ms" in r else "",
            f"{r['cold_ratio']:.2f}" if "cold_ratio" in r else "",
            f"{r['bytes'] / 1024:.0f}",
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


def write_results(payload: dict, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = directory / f"bench-{payload['size']}-{stamp}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str))
    (directory / f"size-{payload['size']}.json").write_text(path.read_text())
    (directory / "latest.json").write_text(path.read_text())
    return path


def read_results(directory: Path, size: int) -> dict | None:
    path = directory / f"size-{size}.json"
    return json.loads(path.read_text()) if path.exists() else None


class Command(BaseCommand):
    help = "Benchmark the platform on a synthetic data set, in a database of its own."

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=10_000, help="organisations (80 for a smoke run)")
        parser.add_argument("--requests", type=int, default=40)
        parser.add_argument("--apps", default="", help="comma-separated apps (default: all)")
        parser.add_argument("--server", action="store_true", help="also drive gunicorn with wrk")
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "var" / "bench"))

    def handle(self, *args, size, requests, apps, server, output, **options):
        name = use_bench_database(size)
        self.stdout.write(f"Benchmark database: {name}, {size} organisations")
        call_command("migrate", verbosity=0)
        call_command("load_reference", verbosity=0)
        # Measure a process like a web worker's, not one that just ran the migration graph:
        # drop that garbage and keep what remains out of the collector's way (as a preloading
        # server does before forking its workers).
        gc.collect()
        gc.freeze()
        apps = [a for a in apps.split(",") if a] or None
        options = {"size": size, "requests": requests, "apps": apps}
        options["log"] = lambda message: self.stdout.write(f"  {message}")
        before = reference_loop_ms()
        rows = run_benchmarks(options)
        after = reference_loop_ms()
        directory = Path(output)
        other_size = next((s for s in SIZES if s != size), None)
        rows = with_growth(rows, read_results(directory, other_size) if other_size else None, size)
        self.stdout.write(format_table(rows))
        self.stdout.write(
            f"ratio: p50 of the paired ratios page / floor (target ≤ {TARGET_RATIO}); growth: p50 at"
            f" {SIZES[1]:,} / p50 at {SIZES[0]:,} organisations (target ≤ {TARGET_GROWTH}); ! misses."
            " cold: rendered on each request (the cache of read pages off), as the first reader"
            " after a change sees the page."
        )
        with override_settings(ROOT_URLCONF="soliris.bench_urls"):
            compressed = benchkit.compressed_sizes(benchkit.all_pages(apps))
        self.stdout.write(benchkit.format_compressed(compressed))
        throughput = []
        if server:
            throughput = benchkit.serve_and_load(
                benchkit.server_pages(benchkit.all_pages(apps)), log=options["log"]
            )
            self.stdout.write(benchkit.format_throughput(throughput, TARGET_THROUGHPUT))
        self.stdout.write(
            f"Machine speed, a fixed loop (median / best of 5): {before['median_ms']} / "
            f"{before['best_ms']} ms before, {after['median_ms']} / {after['best_ms']} ms after"
        )
        if settings.DEBUG:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is on: development settings do more work per request than production;"
                    " `make bench` runs the production settings."
                )
            )
        payload = {
            "measured_at": time.strftime("%Y-%m-%d %H:%M"),
            "debug": settings.DEBUG,
            "size": size,
            "requests": requests,
            "database": name,
            "reference_loop": {"before": before, "after": after},
            "results": rows,
            "compressed": compressed,
            "throughput": throughput,
        }
        path = write_results(payload, directory)
        self.stdout.write(self.style.SUCCESS(f"Written to {path}"))
