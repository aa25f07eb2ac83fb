"""Process the inbox: archive → validate → report → load (or quarantine), one package at a time.

Each package is one DuckDB transaction (registry row, issues, raw rows: all or nothing). A
package leaves the inbox only after its transaction committed, so a run killed at any point
leaves it waiting and the next run picks it up; the same bytes twice are recognised by their
hash and change nothing.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb
import polars as pl

from contracts.issues import Issue, count
from contracts.validate import SubmissionHeader, ValidationResult, validate_package
from ingest.archive import ArchivedFile, archive_file
from ingest.inbox import Waiting, submit, waiting
from ingest.package import SOURCE_ROW
from ingest.reports import report_dict, submission_summary, write_json, write_workbook
from warehouse.raw_layer import RAW, connect, ensure_schema
from warehouse.settings import Settings

log = logging.getLogger(__name__)

Status = Literal["accepted", "rejected", "duplicate"]


@dataclass(frozen=True)
class Outcome:
    file: str
    submission_id: str
    status: Status
    errors: int = 0
    warnings: int = 0
    rows: int = 0
    report: Path | None = None
    detail: str = ""
    reporting_state: str | None = None
    period: str | None = None

    @property
    def label(self) -> str:
        """How the package reads in logs and in Airflow's list of mapped tasks."""
        what = " ".join(v for v in (self.reporting_state, self.period) if v) or self.file
        return f"{what} · {self.status} · {self.submission_id}"


def refresh_inbox(settings: Settings) -> list[Outcome]:
    """Process everything waiting in the inbox, in arrival order."""
    settings.ensure_dirs()
    con = connect(settings.warehouse_db)
    try:
        ensure_schema(con)
        return [process_waiting(con, settings, item) for item in waiting(settings.inbox)]
    finally:
        con.close()


def process_waiting(con: duckdb.DuckDBPyConnection, settings: Settings, item: Waiting) -> Outcome:
    archived = archive_file(
        item.path, settings.archive, original_name=item.original_name, received_at=item.received_at
    )
    outcome = process_archived(con, settings, archived)
    item.path.unlink(missing_ok=True)  # only now: the package is committed (or was already)
    # The same bytes may come back under another name: answer with the name it came as.
    return replace(outcome, file=item.original_name)


def process_archived(
    con: duckdb.DuckDBPyConnection, settings: Settings, archived: ArchivedFile
) -> Outcome:
    sid = archived.submission_id
    known = con.execute(
        f"select submission_id, status, reporting_state, period from {RAW}.submissions "
        "where sha256 = ?",
        [archived.sha256],
    ).fetchone()
    if known is not None:
        log.info("submission %s: same bytes already received (%s)", known[0], known[1])
        return Outcome(
            archived.original_name,
            known[0],
            "duplicate",
            detail=str(known[1]),
            reporting_state=known[2],
            period=known[3],
        )
    result = validate_package(archived.path, settings.limits)
    withdrawal = result.accepted and result.header is not None and result.header.action == "delete"
    if withdrawal and not _has_current(con, result):
        result.issues.append(Issue("nothing_to_withdraw", table="submission"))
    report_dir = settings.reports / sid
    report = report_dict(result, submission=_summary(result, archived))
    json_path = write_json(report, report_dir / "report.json")
    write_workbook(result, report_dir / "report.xlsx")
    quarantine = None
    if not result.accepted:
        quarantine = settings.quarantine / sid
        quarantine.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(archived.path, quarantine / archived.path.name)
        shutil.copyfile(json_path, quarantine / "report.json")
    rows = _load(con, archived, result, json_path, quarantine)
    status: Status = "accepted" if result.accepted else "rejected"
    log.info(
        "submission %s (%s): %s, %d errors, %d warnings, %d rows",
        sid,
        archived.original_name,
        status,
        count(result.issues, "error"),
        count(result.issues, "warning"),
        rows,
    )
    return Outcome(
        archived.original_name,
        sid,
        status,
        errors=count(result.issues, "error"),
        warnings=count(result.issues, "warning"),
        rows=rows,
        report=json_path,
        reporting_state=result.header.reporting_state if result.header else None,
        period=result.header.period.label if result.header else None,
    )


def _summary(result: ValidationResult, archived: ArchivedFile) -> dict:
    return submission_summary(result) | {
        "id": archived.submission_id,
        "sha256": archived.sha256,
        "file": archived.original_name,
        "received_at": archived.received_at.isoformat(),
    }


def _has_current(con: duckdb.DuckDBPyConnection, result: ValidationResult) -> bool:
    header = result.header
    assert header is not None
    found = con.execute(
        f"select count(*) from {RAW}.current_submissions "
        "where reporting_state = ? and agency_key = ? and period = ?",
        [header.reporting_state, header.agency_key, header.period.label],
    ).fetchone()
    return bool(found and found[0])


def _load(
    con: duckdb.DuckDBPyConnection,
    archived: ArchivedFile,
    result: ValidationResult,
    report_path: Path,
    quarantine: Path | None,
) -> int:
    """Write the package in one transaction; return the number of raw rows loaded."""
    sid = archived.submission_id
    header = result.header
    loaded = 0
    log.info("submission %s: begin load transaction", sid)
    con.begin()
    try:
        row = _registry_row(archived, result, report_path, quarantine)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        con.execute(
            f"insert into {RAW}.submissions ({columns}) values ({marks})", list(row.values())
        )
        if result.accepted and header is not None:
            _number_versions(con, header)
        for name, table in result.tables.items():
            dialect = table.dialect
            con.execute(
                f"insert into {RAW}.submission_tables values (?, ?, ?, ?, ?, ?, ?)",
                [
                    sid,
                    name,
                    table.origin,
                    table.frame.height,
                    dialect.encoding if dialect else None,
                    dialect.delimiter if dialect else None,
                    table.decimal_comma,
                ],
            )
        _insert_issues(con, sid, result.issues)
        if result.accepted:
            for name, table in result.tables.items():
                frame = table.frame.rename({SOURCE_ROW: "source_row"}).with_columns(
                    submission_id=pl.lit(sid)
                )
                con.register("incoming", frame.to_arrow())
                con.execute(f"insert into {RAW}.{name} by name select * from incoming")
                con.unregister("incoming")
                loaded += frame.height
        con.commit()
        log.info("submission %s: committed", sid)
    except BaseException:
        con.rollback()
        raise
    return loaded


def _number_versions(con: duckdb.DuckDBPyConnection, header: SubmissionHeader) -> None:
    """Versions of a state × agency × period follow the order the packages ARRIVED in
    (received_at), whatever order they are processed in: renumber the accepted ones."""
    con.execute(
        f"""
        update {RAW}.submissions as s
        set version = numbered.version
        from (
            select
                submission_id,
                row_number() over (order by received_at, submission_id) as version
            from {RAW}.submissions
            where status = 'accepted' and reporting_state = ? and agency_key = ? and period = ?
        ) as numbered
        where s.submission_id = numbered.submission_id
        """,
        [header.reporting_state, header.agency_key, header.period.label],
    )


def _registry_row(
    archived: ArchivedFile,
    result: ValidationResult,
    report_path: Path,
    quarantine: Path | None,
) -> dict[str, object]:
    header = result.header
    # Whose package it is, even when rejected for an error elsewhere in its submission record.
    harmonised: dict[str, object] = {"reporting_state": result.reporting_state}
    if header is not None:
        harmonised = {
            "reporting_state": header.reporting_state,
            "reporting_agency": header.reporting_agency,
            "agency_key": header.agency_key,
            "agency_type": header.agency_type,
            "period": header.period.label,
            "period_type": header.period.type,
            "period_start": header.period.start,
            "period_end": header.period.end,
            "action": header.action,
            "version": None,  # numbered in arrival order once inserted
            "template_version": header.template_version,
            "language": header.language,
            "date_format": header.date_format,
            "benefit_required": header.benefit_required,
            "stay_facilitation_criminalised": header.stay_facilitation_criminalised,
            "notes": header.notes,
        }
    return {
        "submission_id": archived.submission_id,
        "sha256": archived.sha256,
        "original_name": archived.original_name,
        "file_encoding": result.conformed.package.encoding,
        "size_bytes": archived.size,
        "received_at": archived.received_at,
        "processed_at": datetime.now(UTC),
        "status": "accepted" if result.accepted else "rejected",
        **harmonised,
        "submission_raw": json.dumps(dict(result.submission_raw), ensure_ascii=False),
        "error_count": count(result.issues, "error"),
        "warning_count": count(result.issues, "warning"),
        "archive_path": str(archived.path),
        "report_path": str(report_path),
        "quarantine_path": str(quarantine) if quarantine else None,
    }


def _insert_issues(con: duckdb.DuckDBPyConnection, sid: str, issues: list[Issue]) -> None:
    if not issues:
        return
    rows = [
        {
            "submission_id": sid,
            "seq": seq,
            "severity": i.severity,
            "rule": i.rule,
            "table_name": i.table,
            "source_row": i.row,
            "column_name": i.column,
            "value": i.value,
            "message": i.message("en"),
            "hint": i.hint("en"),
        }
        for seq, i in enumerate(issues, start=1)
    ]
    frame = pl.DataFrame(rows, schema_overrides={"source_row": pl.Int64, "value": pl.String})
    con.register("incoming_issues", frame.to_arrow())
    con.execute(f"insert into {RAW}.issues by name select * from incoming_issues")
    con.unregister("incoming_issues")


def requeue_rejected(settings: Settings, submission_id: str) -> Path:
    """Send a rejected package through again (after a code list learnt a term, or a rule was
    fixed) without asking the state to resend it: its verdict moves to the *_reprocessed
    history tables and its archived bytes go back into the inbox with their original receipt
    time. Accepted packages are not re-run: the state's own resubmission supersedes them."""
    con = connect(settings.warehouse_db)
    try:
        ensure_schema(con)
        found = con.execute(
            f"select status, archive_path, original_name, received_at from {RAW}.submissions "
            "where submission_id = ?",
            [submission_id],
        ).fetchone()
        if found is None:
            raise LookupError(f"no package {submission_id}")
        status, archive_path, original_name, received_at = found
        if status != "rejected":
            raise ValueError(f"{submission_id} is {status}: only rejected packages are re-run")
        # Staged before its verdict is moved: a failed copy changes nothing.
        staged = settings.inbox / ".reprocess" / original_name
        staged.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(archive_path, staged)  # named as the state named it, for its report
        con.begin()
        try:
            for table in ("submissions", "issues"):
                con.execute(
                    f"insert into {RAW}.{table}_reprocessed by name "
                    f"select *, now() as reprocessed_at from {RAW}.{table} "
                    "where submission_id = ?",
                    [submission_id],
                )
            for table in ("issues", "submission_tables", "submissions"):
                con.execute(f"delete from {RAW}.{table} where submission_id = ?", [submission_id])
            con.commit()
        except BaseException:
            con.rollback()
            raise
    finally:
        con.close()
    queued = submit(staged, settings.inbox, received_at=received_at)
    staged.unlink()  # only once it is in the inbox (the archive keeps the bytes regardless)
    return queued
