"""Publication: copy the marts of a passed build into an immutable snapshot, then switch
``current`` to it atomically.

Analysts never open the build's warehouse: they read ``published/current.duckdb`` (a symlink to
``snapshots/<build-id>.duckdb``, read-only) or ``published/current/<mart>.parquet``. A build is
never blocked by a reader, a reader never sees a half-written snapshot, and a failed build
publishes nothing. DuckDB files of one major version may be unreadable by older readers (BI
drivers often bundle one): the Parquet copy is the portable one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.settings import Settings
from warehouse.shares import build_shares

MARTS_SCHEMA = "marts"
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


@dataclass(frozen=True)
class Snapshot:
    build_id: str
    database: Path
    folder: Path
    row_counts: dict[str, int]


def project_fingerprint(settings: Settings) -> str:
    """What a build depends on: every package's id and status, and the dbt project's files.
    Equal fingerprints build equal marts, so a refresh with nothing new publishes nothing."""
    digest = hashlib.sha256()
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        for sid, status in con.execute(
            "select submission_id, status from raw.submissions order by submission_id"
        ).fetchall():
            digest.update(f"{sid}:{status};".encode())
    finally:
        con.close()
    digest.update(code_fingerprint(settings).encode())
    return digest.hexdigest()


def code_fingerprint(settings: Settings) -> str:
    """The dbt project's own files (models, seeds, macros, tests, dbt_project.yml): what the
    documentation site depends on."""
    digest = hashlib.sha256()
    project = settings.dbt_project_dir
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project)
        if path.is_file() and relative.parts[0] in {"models", "seeds", "macros", "tests"}:
            digest.update(str(relative).encode())
            digest.update(path.read_bytes())
    digest.update((project / "dbt_project.yml").read_bytes())
    return digest.hexdigest()


def current_snapshot(settings: Settings) -> dict | None:
    """The manifest of the snapshot ``current`` points to, or None."""
    manifest = settings.current_dir / "snapshot.json"
    if not manifest.exists():
        return None
    return json.loads(manifest.read_text(encoding="utf-8"))


def _switch(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` atomically (a new symlink renamed over the old one)."""
    tmp = link.with_name(f".{link.name}.switch")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(os.path.relpath(target, link.parent))
    tmp.replace(link)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(
    settings: Settings,
    *,
    fingerprint: str,
    docs_page: Path | None = None,
    quality: Path | None = None,
) -> Snapshot:
    """Write snapshot ``<build-id>`` from the warehouse's marts and make it current, with the
    dbt docs (``docs/index.html``) and the quality gate's report and Data Docs (``quality/``)."""
    built_at = datetime.now(UTC)
    build_id = f"{built_at.strftime('%Y%m%dT%H%M%S%fZ')}-{fingerprint[:8]}"
    settings.snapshots.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(settings)
    database = settings.snapshots / f"{build_id}.duckdb"
    folder = settings.snapshots / build_id
    tmp_database = settings.snapshots / f".{build_id}.duckdb.tmp"
    tmp_folder = settings.snapshots / f".{build_id}.tmp"
    tmp_folder.mkdir()
    counts: dict[str, int] = {}
    con = duckdb.connect(str(tmp_database))
    try:
        con.execute("attach ? as build (read_only)", [str(settings.warehouse_db)])
        marts = [
            name
            for (name,) in con.execute(
                "select table_name from duckdb_tables() "
                "where database_name = 'build' and schema_name = ? order by table_name",
                [MARTS_SCHEMA],
            ).fetchall()
        ]
        if not marts:
            raise RuntimeError("the warehouse has no marts: run dbt build first")
        con.execute(f"create schema {MARTS_SCHEMA}")
        for mart in marts:
            con.execute(
                f"create table {MARTS_SCHEMA}.{mart} as select * from build.{MARTS_SCHEMA}.{mart}"
            )
            con.execute(
                f"copy {MARTS_SCHEMA}.{mart} to ? (format parquet, compression zstd)",
                [str(tmp_folder / f"{mart}.parquet")],
            )
            counts[mart] = con.execute(f"select count(*) from {MARTS_SCHEMA}.{mart}").fetchone()[0]
        # The registry as it stood at this build: the portal reads a submission's "published"
        # state from here, never from the private warehouse (which a build may be writing).
        submissions = {
            sid: status
            for sid, status in con.execute(
                "select submission_id, status from build.raw.submissions order by submission_id"
            ).fetchall()
        }
        con.execute("detach build")
        con.execute("create schema meta")
        con.execute(
            "create table meta.snapshot as select ? as build_id, ?::timestamptz as built_at, "
            "? as fingerprint",
            [build_id, built_at, fingerprint],
        )
        con.execute("checkpoint")
    finally:
        con.close()
    build_shares(
        tmp_database,
        tmp_folder / "shares",
        states=_participant_states(settings),
        build_id=build_id,
        k=settings.share_min_count,
        window_years=settings.share_window_years,
    )
    if docs_page is not None:
        (tmp_folder / "docs").mkdir()
        shutil.copyfile(docs_page, tmp_folder / "docs" / "index.html")
    if quality is not None and quality.exists():
        shutil.copytree(quality, tmp_folder / "quality")
    manifest = {
        "build_id": build_id,
        "built_at": built_at.isoformat(),
        "fingerprint": fingerprint,
        "database": database.name,
        "marts": counts,
        "submissions": submissions,
    }
    (tmp_folder / "snapshot.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    for path in (tmp_database, *tmp_folder.rglob("*")):
        if path.is_file():
            path.chmod(READ_ONLY)
    tmp_database.replace(database)
    tmp_folder.replace(folder)
    _fsync_dir(settings.snapshots)
    # Parquet folder first: whoever reads current.duckdb's build id finds its folder ready.
    _switch(settings.current_dir, folder)
    _switch(settings.current_db, database)
    _switch(settings.shares, folder / "shares")
    _fsync_dir(settings.published)
    prune(settings)
    return Snapshot(build_id, database, folder, counts)


def prune(settings: Settings) -> list[str]:
    """Keep the newest ``keep_snapshots`` snapshots (and always the current one)."""
    current = settings.current_db.resolve().stem if settings.current_db.exists() else None
    builds = sorted(
        (p.stem for p in settings.snapshots.glob("*.duckdb") if not p.name.startswith(".")),
        reverse=True,
    )
    removed = []
    for build_id in builds[settings.keep_snapshots :]:
        if build_id == current:
            continue
        (settings.snapshots / f"{build_id}.duckdb").unlink(missing_ok=True)
        shutil.rmtree(settings.snapshots / build_id, ignore_errors=True)
        removed.append(build_id)
    return removed


def _participant_states(settings: Settings) -> set[str]:
    """States that get a share even before they report: those of the reporting plan."""
    from warehouse.coverage import load_participants

    if not settings.participants.exists():
        return set()
    return {p.state for p in load_participants(settings.participants)}


def _clear_leftovers(settings: Settings) -> None:
    """Half-written snapshots of a publication that was killed (one publisher at a time)."""
    for path in settings.snapshots.glob(".*.tmp"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
