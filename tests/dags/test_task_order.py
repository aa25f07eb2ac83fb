"""The report a state receives and the version numbers do not depend on the order Airflow runs
the mapped package tasks in: the real vrs_ingest DAG (dag.test()), its tasks forced into
REVERSE arrival order, answers exactly as the library does in arrival order."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ingest.inbox import submit
from warehouse.refresh import refresh_inbox
from warehouse.settings import REPO_ROOT, Settings

DEMO = REPO_ROOT / "samples" / "demo"
MANIFEST = json.loads((DEMO / "MANIFEST.json").read_text(encoding="utf-8"))


def _acted_upon() -> list[dict]:
    """The demo's packages whose verdict depends on an earlier one: every package of the
    reports the demo withdraws (MMR 2022-S2, SGP 2023-Q2 with a replacement, CHN 2023-S1,
    AUS 2024-Q1: original, replacement, withdrawal), and the demo's same bytes sent twice."""
    files = MANIFEST["files"]
    withdrawn = {
        (e["reporting_state"], e["agency"], e["period"]) for e in files if e["action"] == "delete"
    }
    copy = next(e for e in files if e["kind"] == "duplicate")
    return [
        e
        for e in files
        if (e["reporting_state"], e["agency"], e["period"]) in withdrawn
        or e["sha256"] == copy["sha256"]
    ]


def _fill_inbox(settings: Settings, entries: list[dict]) -> None:
    for entry in entries:  # in the order, and at the time, the states sent them
        sent = datetime.fromtimestamp(entry["mtime"], UTC)
        submit(DEMO / entry["file"], settings.inbox, received_at=sent)


def _reports(settings: Settings) -> dict[str, dict]:
    return {
        str(path.relative_to(settings.reports)): json.loads(path.read_text(encoding="utf-8"))
        for path in settings.reports.glob("*/report.json")
    }


def _sql(settings: Settings, sql: str) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


REGISTRY = (
    "select submission_id, original_name, received_at, status, action, version, "
    "error_count, warning_count from raw.submissions order by submission_id"
)
ISSUES = "select submission_id, seq, severity, rule from raw.issues order by all"


def test_verdicts_and_versions_are_those_of_arrival_order_when_tasks_run_last_first(
    tmp_path: Path,
) -> None:
    entries = _acted_upon()
    kinds = {e["kind"] for e in entries}
    assert {"original", "resubmission", "withdrawal", "duplicate"} <= kinds
    airflow = Settings.from_env(tmp_path / "airflow")
    library = Settings.from_env(tmp_path / "library")
    for settings in (airflow, library):
        _fill_inbox(settings, entries)

    run = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("last_first.py"))],
        env=dict(os.environ, VRS_HOME=str(airflow.home), PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    tasks = json.loads(run.stdout.strip().splitlines()[-1])
    con = sqlite3.connect(airflow.airflow_home / "airflow.db")
    started = [
        index
        for (index,) in con.execute(
            "select map_index from task_instance where task_id = 'process_package' "
            "order by start_date"
        )
    ]
    con.close()
    assert started == sorted(range(len(entries)), reverse=True), "the tasks ran last first"

    outcomes = refresh_inbox(library)  # arrival order
    assert _reports(airflow) == _reports(library)
    assert _sql(airflow, REGISTRY) == _sql(library, REGISTRY)
    assert _sql(airflow, ISSUES) == _sql(library, ISSUES)
    # each task reports its own package's outcome, even when an earlier task processed it
    labels = {t["map_index"]: t["label"] for t in tasks if t["task_id"] == "process_package"}
    assert [labels[i] for i in range(len(entries))] == [o.label for o in outcomes]
    assert {t["task_id"]: t["state"] for t in tasks if t["map_index"] < 0} == {
        "find_waiting": "success",
        "announce_raw_layer": "success",
        "every_package_processed": "success",
    }
    # the withdrawals found the reports they withdraw (no nothing_to_withdraw), as the
    # manifest expects; the copy of the same bytes is a duplicate of the first, not the reverse
    rules = _sql(
        airflow,
        "select s.original_name, i.rule from raw.issues i join raw.submissions s "
        "using (submission_id)",
    )
    for entry in (e for e in entries if e["kind"] == "withdrawal"):
        found = {rule for name, rule in rules if name == entry["file"]}
        assert found == set(entry["expect_rules"]), entry["file"]
    names = {name for (name,) in _sql(airflow, "select original_name from raw.submissions")}
    assert not any(e["file"] in names for e in entries if e["kind"] == "duplicate")
    assert _sql(airflow, "select count(*) from raw.current_submissions") == _sql(
        library, "select count(*) from raw.current_submissions"
    )
