"""What the Airflow tasks call: one small function per task, JSON-able in and out (XCom
carries ids and paths, never data), each idempotent and safe to retry.

Everything reads its settings from the environment (VRS_HOME, …), as an Airflow worker sees it.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from ingest.inbox import waiting, waiting_item
from warehouse.settings import Settings

log = logging.getLogger(__name__)


def waiting_packages() -> list[str]:
    """Paths of the packages waiting in the inbox, in arrival order."""
    return [str(item.path) for item in waiting(Settings.from_env().inbox)]


def process_package(path: str) -> dict[str, Any]:
    """Archive → validate → load (or quarantine with its report) one waiting package.

    Retried after a failure anywhere, it does the right thing: before its transaction
    committed the package is still waiting and is processed again; after, the same bytes are
    recognised and nothing changes. A package another run already took is reported as gone.
    """
    from warehouse.raw_layer import connect, ensure_schema
    from warehouse.refresh import process_waiting

    settings = Settings.from_env()
    settings.ensure_dirs()
    item = waiting_item(Path(path))
    if item is None:
        return {"file": Path(path).name, "status": "gone", "label": f"{Path(path).name} · gone"}
    con = connect(settings.warehouse_db)
    try:
        ensure_schema(con)
        outcome = process_waiting(con, settings, item)
    finally:
        con.close()
    log.info("%s: %s", outcome.label, outcome.file)
    record = asdict(outcome)
    record["report"] = str(outcome.report) if outcome.report else None
    record["label"] = outcome.label
    return record


def changed_raw_layer(outcome: dict[str, Any]) -> bool:
    """Whether a package's task may have changed the raw layer: loaded now, or by an earlier
    try of the same task (the retry then finds its bytes registered, or its file gone). A
    needless rebuild is skipped by vrs_build (same fingerprint); a lost one would leave loaded
    data out of the marts."""
    status = outcome.get("status")
    return status in ("accepted", "gone") or (
        status == "duplicate" and outcome.get("detail") == "accepted"
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
