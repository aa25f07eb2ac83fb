"""What the Airflow tasks call: one small function per task, JSON-able in and out (XCom
carries ids and paths, never data), each idempotent and safe to retry.

Everything reads its settings from the environment (VRS_HOME, …), as an Airflow worker sees it.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.inbox import Waiting, arrival, safe_name, waiting, waiting_item
from warehouse.settings import Settings

if TYPE_CHECKING:
    import duckdb

log = logging.getLogger(__name__)

# In the inbox, one folder per run: the outcome of a package another task of the run processed,
# for the package's own task (and its retries).
TAKEN = ".taken"
# A run's records are kept this long after its last one was written: longer than any run and
# its retries, so a run never clears those of another run still going (a `vrs refresh` beside
# the scheduler's run).
TAKEN_KEPT_SECONDS = 24 * 3600


def taken_folder(settings: Settings, run_id: str) -> Path:
    """Where the run ``run_id`` leaves the outcomes of packages taken out of their turn."""
    return settings.inbox / TAKEN / safe_name(run_id)


def waiting_packages(run_id: str) -> list[str]:
    """Paths of the packages waiting in the inbox, in arrival order.

    A run starts here: the records of earlier runs untouched for ``TAKEN_KEPT_SECONDS`` (left
    for tasks that never came or were never retried) are cleared."""
    settings = Settings.from_env()
    own = taken_folder(settings, run_id)
    if (runs := settings.inbox / TAKEN).is_dir():
        stale = time.time() - TAKEN_KEPT_SECONDS
        for folder in runs.iterdir():
            if folder != own and folder.stat().st_mtime < stale:
                shutil.rmtree(folder, ignore_errors=True)
    return [str(item.path) for item in waiting(settings.inbox)]


def process_package(path: str, run_id: str) -> dict[str, Any]:
    """Archive → validate → load (or quarantine with its report) one waiting package, after
    every package that arrived before it and is still waiting.

    A verdict depends on the packages before it (a withdrawal needs the report it withdraws;
    of the same bytes sent twice, the first is the original), but Airflow may run the mapped
    tasks in any order (dag.test() does; so does a retry). So a task first processes, in
    arrival order, every earlier package still waiting, and leaves each one's outcome for that
    package's own task, which reports it. In a run in arrival order there is nothing earlier:
    one listing of the inbox. The pool has one slot, so no parallelism is lost.

    Retried after a failure anywhere, it does the right thing: before its transaction
    committed the package is still waiting and is processed again; after, the same bytes are
    recognised and nothing changes. A package another run already took is reported as gone.
    Outcomes left for other tasks are kept under ``run_id`` until a later run clears them, so a
    retry of a task that already reported reports the same again.
    """
    from warehouse.raw_layer import connect, ensure_schema

    settings = Settings.from_env()
    settings.ensure_dirs()
    own = Path(path)
    place = arrival(own)
    if place is None:
        return _taken_outcome(settings, run_id, own)
    con = connect(settings.warehouse_db)
    try:
        ensure_schema(con)
        # What announce_raw_layer needs of them (the full outcome is their own task's)
        earlier = [
            {key: record[key] for key in ("label", "status", "detail")}
            for item in waiting(own.parent, before=place)
            if (record := _take_earlier(con, settings, run_id, item)) is not None
        ]
        item = waiting_item(own)
        if item is None:  # taken while this task waited for the warehouse
            return _taken_outcome(settings, run_id, own) | {"earlier": earlier}
        record = _process(con, settings, item)
    finally:
        con.close()
    log.info("%s: %s", record["label"], record["file"])
    return record | {"earlier": earlier}


def _process(con: duckdb.DuckDBPyConnection, settings: Settings, item: Waiting) -> dict[str, Any]:
    from warehouse.refresh import process_waiting

    outcome = process_waiting(con, settings, item)
    record = asdict(outcome)
    record["report"] = str(outcome.report) if outcome.report else None
    record["label"] = outcome.label
    return record


def _take_earlier(
    con: duckdb.DuckDBPyConnection, settings: Settings, run_id: str, item: Waiting
) -> dict[str, Any] | None:
    """Process a package that arrived before this task's own and record its outcome for its
    own task; None when it failed (it stays waiting: its own task retries it and fails
    visibly, without holding back every package after it)."""
    try:
        record = _process(con, settings, item)
    except Exception:
        log.warning("%s failed; left for its own task", item.path.name, exc_info=True)
        return None
    taken = taken_folder(settings, run_id) / f"{item.path.name}.json"
    taken.parent.mkdir(parents=True, exist_ok=True)
    partial = taken.with_suffix(".tmp")
    partial.write_text(json.dumps(record), encoding="utf-8")
    partial.replace(taken)
    log.info("%s: %s (arrived earlier, processed first)", record["label"], record["file"])
    return record


def _taken_outcome(settings: Settings, run_id: str, own: Path) -> dict[str, Any]:
    """The outcome of a package another task of this run processed, as that task recorded it
    (kept: a retry of this task, after Airflow failed to store its result, reads it again)."""
    taken = taken_folder(settings, run_id) / f"{own.name}.json"
    try:
        return json.loads(taken.read_text(encoding="utf-8"))
    except FileNotFoundError:  # taken by another run (or by a task killed before recording)
        return {"file": own.name, "status": "gone", "label": f"{own.name} · gone"}


def changed_raw_layer(outcome: dict[str, Any]) -> bool:
    """Whether a package's task may have changed the raw layer: loaded now, or by an earlier
    try of the same task (the retry then finds its bytes registered, or its file gone), or
    loaded an earlier package on its way. A needless rebuild is skipped by vrs_build (same
    fingerprint); a lost one would leave loaded data out of the marts."""
    status = outcome.get("status")
    return (
        status in ("accepted", "gone")
        or (status == "duplicate" and outcome.get("detail") == "accepted")
        or any(changed_raw_layer(e) for e in outcome.get("earlier", []))
    )


def build_marts(force: bool = False) -> dict[str, Any] | None:
    """dbt build and docs; None when nothing changed since the published snapshot."""
    from warehouse.pipeline import build

    built = build(Settings.from_env(), force=force)
    if built is None:
        return None
    return {
        "fingerprint": built.fingerprint,
        "dbt_seconds": round(built.run.seconds, 2),
        "docs_page": str(built.docs_page) if built.docs_page else None,
    }


def check_quality(fingerprint: str) -> dict[str, Any]:
    """The quality gate; raises (the task fails, nothing is published) on a critical failure."""
    from warehouse.pipeline import check_quality as gate

    report = gate(Settings.from_env(), fingerprint)
    return {
        "passed": report.passed,
        "warnings": sum(1 for f in report.failures if f.severity != "critical"),
        "anomalies": len(report.anomalies),
        "report": str(report.report_md),
        "seconds": round(report.seconds, 2),
    }


def publish_marts(fingerprint: str, docs_page: str | None) -> dict[str, Any]:
    from warehouse.pipeline import publish_build

    snapshot = publish_build(
        Settings.from_env(), fingerprint, Path(docs_page) if docs_page else None
    )
    return {"build_id": snapshot.build_id, "database": str(snapshot.database)}


def assess_coverage(as_of: date | str) -> dict[str, Any]:
    """Expected versus received reports as of a day (DHIS2-style timeliness)."""
    from warehouse.coverage import run_coverage

    settings = Settings.from_env()
    day = as_of if isinstance(as_of, date) else date.fromisoformat(as_of)
    result = run_coverage(settings, day, settings.participants)
    return result.summary()
