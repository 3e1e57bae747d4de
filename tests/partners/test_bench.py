"""A smoke run of the benchmark on a tiny data set, in-process on the test database: every app's
data is built once and every page is measured beside its floor."""

import json

import pytest

from conventions import bench as conventions_bench
from events import bench as events_bench
from partners import bench
from partners.models import Exchange, Organisation, Partnership
from projects import bench as projects_bench
from soliris import benchkit
from soliris.management.commands import bench as command

pytestmark = pytest.mark.django_db

SIZE = 80


def test_the_tiny_benchmark_builds_its_data_once_and_reports_every_measure(tmp_path):
    from conventions.models import Clause, ClauseText, Version
    from events.models import Event, Recommendation
    from projects.models import Project

    logs = []
    rows = command.run_benchmarks({"size": SIZE, "requests": 2, "log": logs.append})
    sizes = bench.sizes_for(SIZE)
    assert Organisation.objects.filter(slug__startswith="bench-").count() == sizes["organisations"]
    assert Partnership.objects.filter(name__startswith="⟨bench⟩").count() == sizes["partnerships"]
    assert Exchange.objects.filter(title__startswith="bench").count() == sizes["exchanges"]
    assert (
        Project.objects.filter(proposed_by__slug__startswith="bench-").count()
        == projects_bench.sizes_for(SIZE)["projects"]
    )
    assert Event.objects.filter(slug__startswith="bench-").count() == events_bench.sizes_for(SIZE)["events"]
    assert (
        Recommendation.objects.filter(section__event__slug__startswith="bench-").count()
        == events_bench.sizes_for(SIZE)["recommendations"]
    )
    convention = conventions_bench._main_document()
    assert Clause.objects.filter(document=convention).count() == 20
    assert set(ClauseText.objects.filter(clause__document=convention).values_list("language", flat=True)) == {
        "fr",
        "nl",
        "en",
        "es",
    }
    assert Version.objects.filter(document=convention).count() >= 2

    # Every app's pages are there, each measured beside its floor.
    measured = {(row["app"], row["name"]) for row in rows}
    for app, module in benchkit.modules():
        if hasattr(module, "pages"):
            names = {(page.app, page.name) for page in module.pages()}
            assert names and names <= measured, app
    assert {row["app"] for row in rows} == set(benchkit.APPS)
    for row in rows:
        assert row["queries"] > 0 and row["p50_ms"] > 0 and row["p95_ms"] >= row["p50_ms"]
        assert row["ratio"] > 0 and row["floor_p50_ms"] > 0 and row["raw_sql_ms"] > 0

    table = command.format_table(rows)
    assert "p50 ms" in table and "organisation directory" in table and "convention draft" in table
    path = command.write_results({"size": SIZE, "results": rows}, tmp_path)
    assert json.loads(path.read_text())["results"][0]["app"] == "partners"
    assert (tmp_path / "latest.json").exists() and (tmp_path / f"size-{SIZE}.json").exists()

    # A second build of the same size builds nothing.
    logs.clear()
    benchkit.build(SIZE, log=logs.append)
    assert len(logs) == len(list(benchkit.modules())) - 1  # soliris builds nothing of its own
    assert all("already there" in line for line in logs), logs


def test_the_bench_database_is_never_the_configured_one():
    assert command.bench_database_name("soliris") == "soliris_bench"
    assert command.bench_database_name("soliris_bench") == "soliris_bench"
    assert command.bench_database_name("soliris", 100_000) == "soliris_bench_100000"
    assert command.bench_database_name("soliris_bench_100000", 10_000) == "soliris_bench"


def test_the_machine_speed_is_measured_with_the_results():
    speed = command.reference_loop_ms(runs=1)
    assert 0 < speed["best_ms"] <= speed["median_ms"]
