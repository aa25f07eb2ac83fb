"""The benchmark's own machinery: its DuckDB baseline reads what vrs reads, its percentiles and
its verdicts are right (the timings themselves are not tested: they are measured)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from bench.report import render, verdicts
from bench.run import _detect_encoding, _pct, extract_csvs, step_duck_csv
from bench.scale import generate, load_manifest


def test_percentiles_are_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert _pct(values, 50) == 50.0
    assert _pct(values, 95) == 95.0
    assert _pct([3.0], 95) == 3.0


def test_encodings_are_told_as_duckdb_names_them() -> None:
    assert _detect_encoding("a;b\n".encode("utf-16")) == "utf-16"
    assert _detect_encoding("é;ü\n".encode()) == "utf-8"
    assert _detect_encoding("a;b\né;ü\n".encode("cp1252")) == "latin-1"


def test_the_duckdb_baseline_reads_every_row_of_every_csv(tmp_path: Path) -> None:
    packages = generate("M", tmp_path / "packages", limit=12, workers=1)
    entries = [e for e in load_manifest(packages)["files"] if e["encoding"] == "csv_zip"]
    assert entries, "the slice has CSV bundles"
    extract_csvs(entries, packages, tmp_path / "csv")
    result = step_duck_csv(str(tmp_path / "csv"), str(tmp_path / "baseline.duckdb"))
    expected: dict[str, int] = {}
    for entry in entries:
        for table, n in entry["rows"].items():
            expected[table] = expected.get(table, 0) + n
    # submission.csv is read as the lines it has (a field per line), the manifest counts one
    assert result["tables"]["submission"] > len(entries)
    del result["tables"]["submission"], expected["submission"]
    assert result["tables"] == expected


SAMPLE = {
    "size": "L",
    "date": "2026-11-28T00:00:00+00:00",
    "bench_seconds": 1.0,
    "machine": {"cpus": 2, "cpu": "x", "memory_gb": 24, "os": "linux", "versions": {}},
    "set": {"packages": 1, "csv_bundles": 1, "rows": {"incidents": 1}},
    "ingest_large": {
        "rows": 1,
        "vrs_seconds": 3.5,
        "duckdb_seconds": 1.0,
        "ratio": 3.5,
        "vrs_rows_per_s": 1,
        "vrs_peak_rss_mb": 100.0,
    },
    "ingest_many": {
        "packages": 1,
        "vrs_rows": 1,
        "duckdb_rows": 1,
        "vrs_seconds": 2.0,
        "duckdb_seconds": 1.0,
        "ratio": 2.0,
        "vrs_packages_per_s": 1,
        "vrs_rows_per_s": 1,
        "vrs_peak_rss_mb": 100.0,
    },
    "ingest_all": {"seconds": 1.0, "rows": 1, "peak_rss_mb": 100.0},
    "dbt_vs_sql": {
        "dbt_build_seconds": 3.0,
        "sql_seconds": 2.0,
        "ratio": 1.5,
        "marts_equal": True,
        "dbt_nodes": {"model": [1, 1.0]},
        "dbt_peak_rss_mb": 5000.0,
        "sql_peak_rss_mb": 100.0,
    },
    "first_publication": {
        "seconds": 1.0,
        "marts": {"fct_incidents": 1},
        "peak_rss_mb": 1.0,
        "stages": {"dbt_build": 1, "dbt_docs": 0, "quality_gate": 0, "publish": 0},
    },
    "incremental": {
        "seconds": 16.0,
        "peak_rss_mb": 1.0,
        "stages": {"ingest": 1, "dbt_build": 1, "dbt_docs": 0, "quality_gate": 0, "publish": 0},
    },
    "queries": {
        "p50_ms": 150.0,
        "p95_ms": 400.0,
        "peak_rss_mb": 1.0,
        "queries": {"q": {"p50_ms": 150.0, "p95_ms": 400.0}, "r": {"p50_ms": 200.0, "p95_ms": 9.0}},
    },
}


def test_verdicts_mark_each_target_met_or_missed() -> None:
    small = copy.deepcopy(SAMPLE) | {"size": "S"}
    small["incremental"] = dict(SAMPLE["incremental"], seconds=10.0)
    found = {t: (v, ok) for t, v, ok in verdicts({"S": small, "L": SAMPLE})}
    ingest = [ok for t, (v, ok) in found.items() if "(one large package, L)" in t]
    assert ingest == ["**missed**"]  # 3.5x > 3x
    assert "**met**" in [ok for t, (v, ok) in found.items() if "(many small, L)" in t]
    by_start = {t.split(" ≤")[0]: ok for t, (v, ok) in found.items()}
    assert by_start["full dbt build"] == "**met**"
    assert by_start["one-package incremental refresh at L"] == "**missed**"  # 16 s
    small["incremental"]["seconds"] = 8.0  # L's 16 s is then exactly twice S's
    at_limit = {t.split(" ≤")[0]: ok for t, v, ok in verdicts({"S": small, "L": SAMPLE})}
    assert at_limit["incremental refresh at L"] == "**met**"
    assert by_start["incremental refresh at L"] == "**met**"  # 1.6x its time at S
    assert by_start["reference queries on L: p50"] == "**met**"  # exactly at a limit is met
    slow = copy.deepcopy(SAMPLE)
    slow["queries"]["queries"]["r"]["p50_ms"] = 201.0  # one slow query, a pooled p50 of 150
    verdict = [ok for t, v, ok in verdicts({"L": slow}) if t.startswith("reference queries")]
    assert verdict == ["**missed**"]
    assert found[next(t for t in found if t.startswith("peak memory"))] == (
        "4.88 GB (dbt build)",
        "**missed**",
    )


def test_without_l_the_l_targets_are_not_measured() -> None:
    found = verdicts({"S": copy.deepcopy(SAMPLE) | {"size": "S"}})
    assert [ok for t, v, ok in found if "at L" in t or "on L" in t] == ["not measured"] * 5


@pytest.mark.parametrize("sizes", [["S"], ["S", "M", "L"]])
def test_the_page_has_a_column_per_size(sizes: list[str]) -> None:
    page = render({s: json.loads(json.dumps(SAMPLE)) | {"size": s} for s in sizes})
    assert "| | " + " | ".join(sizes) + " |" in page
    assert "## Targets" in page and "## Peak memory" in page
