"""An upload, from the bytes received to the state's answer.

The order is the pipeline's own: archive the bytes with their hash first, then validate, then
answer. An accepted package for the uploader's own state goes into the inbox, where the
`vrs_ingest` DAG takes it like any other (nothing bypasses archive → inbox → Airflow); a package
for another state is refused (archived all the same, and audited). A file name from the client
is cleaned and kept for display only: files are stored under their hash or a random id.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import tempfile
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from contracts.issues import as_language
from contracts.validate import validate_package
from ingest.archive import archive_file
from ingest.inbox import safe_name, submit
from ingest.reports import report_dict, submission_summary, write_json, write_workbook
from portal.accounts import User
from portal.store import connect, portal_dir
from warehouse.publish import current_snapshot
from warehouse.settings import Settings

CHUNK = 1024 * 1024


class TooLarge(ValueError):
    """The upload is larger than the package limit (spec §1)."""


@dataclass(frozen=True)
class Receipt:
    upload_id: str
    submission_id: str
    verdict: str  # validated | rejected | refused
    reporting_state: str | None
    report: dict[str, Any]


def reports_dir(settings: Settings, upload_id: str) -> Path:
    return portal_dir(settings) / "reports" / upload_id


def _spool(stream: BinaryIO, directory: Path, limit: int) -> tuple[Path, int]:
    """Copy the request body to a private temporary file, refusing more than ``limit`` bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=directory, prefix=".upload-")
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"the package is larger than {limit:,} bytes")
                out.write(chunk)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name), size


def receive(
    settings: Settings,
    user: User,
    file_name: str,
    stream: BinaryIO,
    *,
    language: str | None = None,
) -> Receipt:
    """Archive, validate and answer one uploaded package (see the module's docstring)."""
    received_at = datetime.now(UTC)
    shown_name = safe_name(file_name or "package")
    spooled, size = _spool(
        stream, portal_dir(settings) / "incoming", settings.limits.max_package_bytes
    )
    upload_id = secrets.token_hex(12)
    try:
        archived = archive_file(
            spooled, settings.archive, original_name=shown_name, received_at=received_at
        )
    finally:
        spooled.unlink(missing_ok=True)
    with connect(settings) as con:
        con.execute(
            "insert into uploads (upload_id, username, user_state, submission_id, sha256, size, "
            "file_name, received_at, verdict) values (?, ?, ?, ?, ?, ?, ?, ?, 'received')",
            [
                upload_id,
                user.username,
                user.state,
                archived.submission_id,
                archived.sha256,
                size,
                shown_name,
                received_at.isoformat(),
            ],
        )
    result = validate_package(archived.path, settings.limits)
    header = result.header
    state = result.reporting_state  # also when another field of the submission has an error
    if state is not None and not user.may_see_state(state):
        verdict = "refused"
    elif result.accepted:
        verdict = "validated"
    else:
        verdict = "rejected"
    lang = as_language(language) if language else result.language
    summary = submission_summary(result) | {
        "id": archived.submission_id,
        "upload_id": upload_id,
        "sha256": archived.sha256,
        "file": shown_name,
    }
    report = report_dict(result, submission=summary, language=lang)
    if verdict != "refused":  # a report about another state's package is not for this user
        directory = reports_dir(settings, upload_id)
        write_json(report, directory / "report.json")
        write_workbook(result, directory / "report.xlsx", lang)
    if verdict == "validated":
        submit(archived.path, settings.inbox, received_at=received_at, name=shown_name)
    with connect(settings) as con:
        con.execute(
            "update uploads set verdict = ?, reporting_state = ?, reporting_agency = ?, "
            "period = ?, action = ?, errors = ?, warnings = ?, language = ? where upload_id = ?",
            [
                verdict,
                state,
                header.reporting_agency if header else None,
                result.period.label if result.period else None,  # as reporting_state
                header.action if header else None,
                report["submission"]["errors"],
                report["submission"]["warnings"],
                lang,
                upload_id,
            ],
        )
    return Receipt(upload_id, archived.submission_id, verdict, state, report)


@dataclass(frozen=True)
class Upload:
    upload_id: str
    submission_id: str
    username: str
    file_name: str
    size: int
    received_at: str
    verdict: str
    status: str  # received, validated, rejected, refused, loaded, published
    reporting_state: str | None
    reporting_agency: str | None
    period: str | None
    action: str | None
    errors: int | None
    warnings: int | None
    language: str | None


def _pipeline_verdict(settings: Settings, submission_id: str) -> bool | None:
    """What the pipeline made of the package: accepted (loaded), not (rejected), or None
    while it is still waiting in the inbox."""
    path = settings.reports / submission_id / "report.json"
    try:
        return bool(json.loads(path.read_text(encoding="utf-8"))["accepted"])
    except (FileNotFoundError, KeyError, ValueError):
        return None


def status_of(verdict: str, submission_id: str, settings: Settings, published: dict) -> str:
    """received → validated/rejected → loaded → published (or refused)."""
    if verdict != "validated":
        return verdict
    if published.get(submission_id) == "accepted":
        return "published"
    loaded = _pipeline_verdict(settings, submission_id)
    if loaded is None:
        return "validated"
    return "loaded" if loaded else "rejected"


def _published(settings: Settings) -> dict[str, str]:
    snapshot = current_snapshot(settings)
    return (snapshot or {}).get("submissions", {})


def _visible_to(user: User) -> tuple[str, list[Any]]:
    """The one rule of who sees an upload, as a SQL condition: the secretariat every upload;
    others their state's uploads, and a refused upload only the one who sent it."""
    if user.is_secretariat:
        return "true", []
    return "((user_state = ? and verdict != 'refused') or username = ?)", [
        user.state,
        user.username,
    ]


def uploads_for(settings: Settings, user: User, *, state: str | None = None) -> list[Upload]:
    """The uploads ``user`` may see, newest first (``state``: only that state's)."""
    condition, params = _visible_to(user)
    if state:
        condition += " and (reporting_state = ? or user_state = ?)"
        params += [state, state]
    with connect(settings) as con:
        rows = con.execute(
            f"select * from uploads where {condition} order by received_at desc, upload_id",
            params,
        ).fetchall()
    published = _published(settings)
    return [_upload(row, settings, published) for row in rows]


def upload_for(settings: Settings, user: User, upload_id: str) -> Upload | None:
    """The upload if ``user`` may see it, else None (the same answer as for no such upload)."""
    condition, params = _visible_to(user)
    with connect(settings) as con:
        row = con.execute(
            f"select * from uploads where upload_id = ? and {condition}", [upload_id, *params]
        ).fetchone()
    return _upload(row, settings, _published(settings)) if row else None


def _upload(row: sqlite3.Row, settings: Settings, published: dict[str, str]) -> Upload:
    """The record of a row of ``uploads``, with its current status."""
    names = {f.name for f in fields(Upload)} - {"status"}
    status = status_of(row["verdict"], row["submission_id"], settings, published)
    return Upload(**{name: row[name] for name in names}, status=status)


def report_path(settings: Settings, upload: Upload, kind: str) -> Path | None:
    """The upload's report (``json`` or ``xlsx``), where there is one."""
    path = reports_dir(settings, upload.upload_id) / f"report.{kind}"
    return path if path.is_file() else None
