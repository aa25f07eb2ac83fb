"""The real DAGs, run with dag.test() on Airflow's SQLite metadata (each run in its own
process, as `vrs refresh` runs them), on a slice of the demo set and on small fixtures."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
from packages import baseline, write

from ingest.inbox import submit
from samples.generator import big_incidents_csv_bundle
from warehouse.publish import current_snapshot
from warehouse.settings import REPO_ROOT, Settings

DEMO = REPO_ROOT / "samples" / "demo"
MANIFEST = json.loads((DEMO / "MANIFEST.json").read_text(encoding="utf-8"))


def vrs(settings: Settings, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, VRS_HOME=str(settings.home), **env)
    if settings.dbt_project_dir != Settings.from_env().dbt_project_dir:
        full_env["VRS_DBT_PROJECT_DIR"] = str(settings.dbt_project_dir)
    return subprocess.run(
        [sys.executable, "-m", "warehouse.cli", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _sql(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _task_instances(settings: Settings, dag_id: str) -> list[tuple]:
    con = sqlite3.connect(settings.airflow_home / "airflow.db")
    try:
        return con.execute(
            "select task_id, map_index, state, rendered_map_index from task_instance "
            "where dag_id = ? order by task_id, map_index",
            (dag_id,),
        ).fetchall()
    finally:
        con.close()


def _latest_run_states(settings: Settings, dag_id: str) -> dict[str, str]:
    con = sqlite3.connect(settings.airflow_home / "airflow.db")
    try:
        return dict(
            con.execute(
                "select task_id, state from task_instance where dag_id = ? and run_id = "
                "(select run_id from dag_run where dag_id = ? order by id desc limit 1)",
                (dag_id, dag_id),
            ).fetchall()
        )
    finally:
        con.close()


def test_ingest_and_build_dags_on_a_slice_of_the_demo(tmp_path: Path) -> None:
    settings = Settings.from_env(tmp_path / "home")
    files = MANIFEST["files"]
    # the first month of the demo, and a package the contracts reject
    entries = [*files[:12], next(e for e in files if e["expect"] == "rejected")]
    for entry in entries:
        submit(
            DEMO / entry["file"],
            settings.inbox,
            received_at=datetime.fromtimestamp(entry["mtime"], UTC),
        )
    result = vrs(settings, "refresh")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"vrs_ingest: success ({len(entries)} packages" in result.stdout
    assert "published:" in result.stdout
    mapped = [t for t in _task_instances(settings, "vrs_ingest") if t[0] == "process_package"]
    assert [t[2] for t in mapped] == ["success"] * len(entries)
    first = entries[0]
    assert mapped[0][3].startswith(f"{first['reporting_state']} {first['period']} · accepted")
    statuses = dict(
        _sql(settings.warehouse_db, "select original_name, status from raw.submissions")
    )
    assert statuses == {e["file"]: e["expect"] for e in entries}
    build = {t[0]: t[2] for t in _task_instances(settings, "vrs_build")}
    assert build == {"dbt_build": "success", "quality_gate": "success", "publish": "success"}
    snapshot = current_snapshot(settings)
    assert snapshot is not None and snapshot["marts"]["fct_incidents"] > 0
    assert (settings.current_dir / "quality" / "data_docs" / "index.html").exists()

    again = vrs(settings, "refresh")  # nothing new: nothing loaded, nothing built
    assert again.returncode == 0, again.stderr
    assert "vrs_ingest: not run, nothing waiting (0 packages)" in again.stdout
    assert "nothing to publish" in again.stdout
    assert current_snapshot(settings) == snapshot


def test_a_failing_expectation_blocks_publication(tmp_path: Path) -> None:
    settings = Settings.from_env(tmp_path / "home")
    submit(write(baseline(), tmp_path, "json", "v1"), settings.inbox)
    # the first publication is only the starting point: the library path is quicker
    assert vrs(settings, "refresh", "--engine", "library").returncode == 0
    published = current_snapshot(settings)
    assert published is not None
    # A project whose mart is wrong in a way no dbt test looks at: negative request counts.
    project = tmp_path / "dbt_project"
    shutil.copytree(settings.dbt_project_dir, project, ignore=shutil.ignore_patterns("target"))
    mart = project / "models" / "marts" / "mart_cooperation.sql"
    mart.write_text(mart.read_text().replace("sum(requests)::bigint", "-sum(requests)::bigint"))
    broken = Settings(home=settings.home, dbt_project_dir=project)
    result = vrs(broken, "refresh")
    assert result.returncode == 1
    states = _latest_run_states(settings, "vrs_build")
    assert states["quality_gate"] == "failed" and states["publish"] == "upstream_failed"
    assert current_snapshot(settings) == published
    reports = sorted(
        (settings.home / "quality").glob("*/quality-report.md"), key=lambda p: p.stat().st_mtime
    )
    report = reports[-1].read_text(encoding="utf-8")  # the failed build's
    assert "mart_cooperation" in report and "requests" in report


def test_a_run_killed_in_the_middle_of_a_task_duplicates_nothing_when_run_again(
    tmp_path: Path,
) -> None:
    settings = Settings.from_env(tmp_path / "home")
    rows = 300_000
    first, second = datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 5, 10, tzinfo=UTC)
    submit(big_incidents_csv_bundle(tmp_path / "big.zip", rows), settings.inbox, received_at=first)
    submit(write(baseline(), tmp_path, "xlsx", "small"), settings.inbox, received_at=second)
    env = dict(os.environ, VRS_HOME=str(settings.home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "warehouse.cli", "refresh", "--no-build"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # The task archives the package first, then spends a second validating 300,000 rows:
    # kill the whole run as soon as the archived copy appears.
    deadline = time.monotonic() + 600
    while not any(settings.archive.rglob("*.zip")) and time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be killed"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    if settings.warehouse_db.exists():  # killed before its transaction: nothing of it is there
        # (and nothing after it: a task first processes the packages that arrived before its own)
        assert _sql(settings.warehouse_db, "select original_name from raw.submissions") == []
    assert len(list(settings.inbox.glob("*big.zip"))) == 1, "still waiting"
    result = vrs(settings, "refresh", "--no-build")  # the retry
    assert result.returncode == 0, result.stdout + result.stderr
    registry = _sql(
        settings.warehouse_db,
        "select status, count(*) from raw.submissions group by all order by all",
    )
    assert registry == [("accepted", 2)]
    assert _sql(settings.warehouse_db, "select count(*) from raw.incidents") == [(rows + 2,)]


def test_the_coverage_dag_flags_a_missing_and_a_late_report(tmp_path: Path) -> None:
    settings = Settings.from_env(tmp_path / "home")
    participants = tmp_path / "participants.yml"
    participants.write_text(
        "defaults:\n  due_days: 30\n"
        "participants:\n"
        "  - {state: IDN, period_type: Q, from: 2024-01-01}\n"
        "  - {state: MYS, period_type: Q, from: 2024-01-01}\n",
        encoding="utf-8",
    )
    idn = baseline()  # IDN 2024-Q1, due 2024-04-30, sent on time
    late = baseline()
    late["submission"] |= {"reporting_state": "IDN", "period": "2024-Q2"}
    for incident in late["incidents"]:
        incident["detection_date"] = "2024-05-02"
    submit(
        write(idn, tmp_path, "json", "q1"),
        settings.inbox,
        received_at=datetime(2024, 4, 10, tzinfo=UTC),
    )
    submit(
        write(late, tmp_path, "json", "q2"),
        settings.inbox,
        received_at=datetime(2024, 8, 20, tzinfo=UTC),
    )
    assert vrs(settings, "refresh", "--no-build").returncode == 0
    result = vrs(settings, "coverage", "--as-of", "2024-09-15", VRS_PARTICIPANTS=str(participants))
    assert result.returncode == 0, result.stdout + result.stderr
    rows = _sql(
        settings.warehouse_db,
        "select reporting_state, period, status, days_late from monitoring.reporting_timeliness "
        "order by all",
    )
    assert rows == [
        ("IDN", "2024-Q1", "on_time", 0),
        ("IDN", "2024-Q2", "late", 21),  # due 2024-07-30, received 2024-08-20
        ("MYS", "2024-Q1", "missing", 138),  # due 2024-04-30, overdue as of 2024-09-15
        ("MYS", "2024-Q2", "missing", 47),  # due 2024-07-30
    ]
    report = (settings.reports / "coverage" / "2024-09-15.md").read_text(encoding="utf-8")
    assert "IDN" in report and "2024-Q2" in report and "late" in report and "missing" in report
