"""A smoke run of the benchmark on a tiny data set, in-process on the test database."""

import json

import pytest

from partners import bench
from partners.models import Exchange, Organisation, Partnership
from soliris.management.commands import bench as command

pytestmark = pytest.mark.django_db


def test_the_tiny_benchmark_builds_its_data_once_and_reports_every_measure(tmp_path):
    logs = []
    rows = command.run_benchmarks({"size": "tiny", "requests": 3, "apps": ["partners"], "log": logs.append})
    assert (
        Organisation.objects.filter(slug__startswith="bench-").count() == bench.SIZES["tiny"]["organisations"]
    )
    assert (
        Partnership.objects.filter(name__startswith="⟨bench⟩").count() == bench.SIZES["tiny"]["partnerships"]
    )
    assert Exchange.objects.count() == bench.SIZES["tiny"]["exchanges"]
    names = [row["name"] for row in rows]
    assert "search ?q=tari" in names and "CSV export (streamed)" in names and "partnership page" in names
    for row in rows:
        assert row["queries"] > 0 and row["p50_ms"] > 0 and row["p95_ms"] >= row["p50_ms"]
    assert any("peak_kb" in row for row in rows)

    table = command.format_table(rows)
    assert "p50 ms" in table and "directory list" in table
    path = command.write_results(rows, tmp_path, {"size": "tiny"})
    assert json.loads(path.read_text())["results"][0]["app"] == "partners"
    assert (tmp_path / "latest.json").exists()

    bench.build("tiny", log=logs.append)  # already there: nothing rebuilt
    assert "already there" in logs[-1]


def test_the_bench_database_is_never_the_configured_one():
    assert command.bench_database_name("soliris") == "soliris_bench"
    assert command.bench_database_name("soliris_bench") == "soliris_bench"


def test_the_machine_speed_is_measured_with_the_results():
    speed = command.reference_loop_ms(runs=1)
    assert 0 < speed["best_ms"] <= speed["median_ms"]
