"""Publication: copy the marts of a passed build into an immutable snapshot, then make it
current with one atomic switch.

Everything of a build lives in its own folder, and one symlink says which is current::

    published/snapshots/<build-id>/   snapshot.duckdb, <mart>.parquet, shares/<ISO3>/, docs/,
                                      quality/, snapshot.json
    published/current          -> snapshots/<build-id>      the only link ever switched
    published/current.duckdb   -> current/snapshot.duckdb   fixed: made once, never switched
    published/shares           -> current/shares            fixed

Every path analysts and the portal read goes through ``current``, so they always agree on one
build: a kill at any point leaves the whole old build or the whole new one current (tested by
killing a publication at each step, tests/system/test_crash_recovery.py). Analysts never open
the build's warehouse: they read ``published/current.duckdb`` (read-only) or
``published/current/<mart>.parquet``. A build is never blocked by a reader, a reader never sees
a half-written snapshot, and a failed build publishes nothing. DuckDB files of one major
version may be unreadable by older readers (BI drivers often bundle one): the Parquet copy is
the portable one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import signal
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.raw_layer import connect, lock_conflicts
from warehouse.settings import SNAPSHOT_DATABASE, Settings
from warehouse.shares import build_shares

log = logging.getLogger(__name__)

MARTS_SCHEMA = "marts"
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
# Test hook: a process whose environment names a step here kills itself (SIGKILL, as `kill -9`
# would) when it reaches that step of a publication.
KILL_AT_STEP = "VRS_TEST_KILL_AT_STEP"
# What ``current`` named before repair_layout rolled it back: where the repair ends.
REPAIR_AHEAD = ".repair-ahead"
STEPS = (
    # publish
    "writing",  # the snapshot's DuckDB file written, the rest not yet
    "written",  # the snapshot complete in its hidden folder
    "placed",  # the snapshot in snapshots/, not yet current
    "switched",  # current switched, old snapshots not yet pruned
    "pruning",  # an old snapshot moved aside, not yet deleted
    # repair_layout: once on a new VRS_HOME, once when moving from the older layout
    "rolled-back",  # a half switch of the older layout: current back on current.duckdb's build
    "moved-databases",  # each older snapshot's DuckDB file linked into its folder
    "fixed-current-db",  # current.duckdb made the fixed link through current
    "fixed-shares",  # shares made the fixed link through current
    "rolled-forward",  # current forward again on the build it named before the repair
)


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
    con = connect(settings.warehouse_db, read_only=True)
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


def _step(step: str) -> None:
    """A point a publication can be killed at; the test hook KILL_AT_STEP kills it here. Every
    step is one of STEPS, so the hook can only name a step the tests know of."""
    assert step in STEPS, f"{step!r} is not a step of warehouse.publish.STEPS"
    if os.environ.get(KILL_AT_STEP) == step:
        log.warning("test hook %s: killing this process at step %r", KILL_AT_STEP, step)
        os.kill(os.getpid(), signal.SIGKILL)


def _point(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` (relative to the link's folder) atomically: a new symlink
    renamed over the old one, so a reader finds the old target or the new, never none."""
    tmp = link.with_name(f".{link.name}.switch")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    tmp.replace(link)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def repair_layout(settings: Settings) -> None:
    """Make ``current.duckdb`` and ``shares`` the fixed links through ``current``, moving the
    older layout over: there, a snapshot's DuckDB file was ``snapshots/<id>.duckdb`` beside
    ``snapshots/<id>/``, and three links were switched one after the other (``current``,
    ``current.duckdb``, ``shares``), so a kill could leave ``current`` on the new build and the
    others on the old one.

    Run before anything compares the published build's fingerprint: a half switch is never
    answered with "up to date". Each step changes one link or adds a name, and once the links
    agree on one build they keep agreeing (a half switch first goes back to the build
    ``current.duckdb`` names, and forward again once the links go through ``current``).
    Idempotent: a kill during it is finished by the next run, forward: the build ``current``
    named before a roll-back is written to ``published/.repair-ahead`` (on disk) first, and
    the next run rolls forward to it.
    """
    if not settings.snapshots.is_dir():
        return
    through_current = f"{settings.current_dir.name}/{SNAPSHOT_DATABASE}"
    fixed = [
        (settings.current_db, through_current, "fixed-current-db"),
        (settings.shares, f"{settings.current_dir.name}/shares", "fixed-shares"),
    ]
    older = sorted(p for p in settings.snapshots.glob("*.duckdb") if not p.name.startswith("."))
    record = settings.published / REPAIR_AHEAD
    if record.exists():  # a repair killed after rolling back: where current was
        ahead: str | None = record.read_text(encoding="utf-8")
    else:
        ahead = str(settings.current_dir.readlink()) if settings.current_dir.is_symlink() else None
    if _points_elsewhere(settings.current_db, through_current) and settings.current_dir.exists():
        named = settings.snapshots / settings.current_db.resolve().stem
        if named.is_dir() and named != settings.current_dir.resolve():
            if ahead is not None and not record.exists():
                _write_durably(record, ahead)
            _point(settings.current_dir, os.path.relpath(named, settings.published))
            _fsync(settings.published)
            _step("rolled-back")
    for database in older:
        folder = settings.snapshots / database.stem
        if folder.is_dir() and not (folder / SNAPSHOT_DATABASE).exists():
            # a second name for the same file: the older link keeps working until it is moved
            os.link(database, folder / SNAPSHOT_DATABASE)
            _fsync(folder)
    if older:
        _step("moved-databases")
    for link, target, step in fixed:
        if _points_elsewhere(link, target) or not link.is_symlink():
            _point(link, target)
            _fsync(settings.published)
            _step(step)
    if ahead is not None and str(settings.current_dir.readlink()) != ahead:
        _point(settings.current_dir, ahead)
        _fsync(settings.published)
        _step("rolled-forward")
    if record.exists():
        record.unlink()
        _fsync(settings.published)
    for database in older:  # a build without its folder was never current (folder came last)
        database.unlink()


def _write_durably(path: Path, text: str) -> None:
    """``path`` holds ``text`` on disk, whole, once this returns (written aside, renamed)."""
    partial = path.with_name(f"{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    _fsync(partial)
    partial.replace(path)
    _fsync(path.parent)


def _points_elsewhere(link: Path, target: str) -> bool:
    return link.is_symlink() and str(link.readlink()) != target


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
    repair_layout(settings)
    _clear_leftovers(settings)
    folder = settings.snapshots / build_id
    tmp_folder = settings.snapshots / f".{build_id}.tmp"
    tmp_folder.mkdir()
    tmp_database = tmp_folder / SNAPSHOT_DATABASE
    counts: dict[str, int] = {}
    con = duckdb.connect(str(tmp_database))
    try:
        with lock_conflicts(settings.warehouse_db):
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
    _step("writing")
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
        "database": SNAPSHOT_DATABASE,
        "marts": counts,
        "submissions": submissions,
    }
    (tmp_folder / "snapshot.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    # Every file, then every folder deepest first (a folder's entries name its files), on disk
    # before the rename makes the snapshot visible: after a power cut, a visible snapshot is
    # whole.
    folders = [tmp_folder]
    for path in tmp_folder.rglob("*"):
        if path.is_dir():
            folders.append(path)
        else:
            path.chmod(READ_ONLY)
            _fsync(path)
    for path in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        _fsync(path)
    _step("written")
    tmp_folder.replace(folder)
    _fsync(settings.snapshots)
    _step("placed")
    _point(settings.current_dir, os.path.relpath(folder, settings.published))  # THE switch
    _fsync(settings.published)
    _step("switched")
    prune(settings)
    return Snapshot(build_id, folder / SNAPSHOT_DATABASE, folder, counts)


def prune(settings: Settings) -> list[str]:
    """Keep the newest ``keep_snapshots`` snapshots (and always the current one)."""
    current = settings.current_dir.resolve().name if settings.current_dir.exists() else None
    builds = sorted(
        (p.name for p in settings.snapshots.iterdir() if p.is_dir() and not p.name.startswith(".")),
        reverse=True,
    )
    removed = []
    for build_id in builds[settings.keep_snapshots :]:
        if build_id == current:
            continue
        # moved aside first: a snapshot is never seen half deleted under its own name
        doomed = settings.snapshots / f".{build_id}.pruned"
        (settings.snapshots / build_id).replace(doomed)
        _step("pruning")
        shutil.rmtree(doomed, ignore_errors=True)  # what stays is cleared by the next publication
        removed.append(build_id)
    return removed


def _participant_states(settings: Settings) -> set[str]:
    """States that get a share even before they report: those of the reporting plan."""
    from warehouse.coverage import load_participants

    if not settings.participants.exists():
        return set()
    return {p.state for p in load_participants(settings.participants)}


def _clear_leftovers(settings: Settings) -> None:
    """Half-written or half-deleted snapshots of a publication that was killed (hidden names;
    one publisher at a time)."""
    for path in settings.snapshots.glob(".*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
