"""A run killed anywhere leaves no partial package and no half-published build, and the next
run recovers: a load killed inside its transaction, a publication killed at each of its steps
(the test hook warehouse.publish.KILL_AT_STEP), the move from the older published layout
killed at each of its steps, a refresh killed while dbt runs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import duckdb
import psutil
import pytest
from packages import baseline, write
from share_snapshot import make_snapshot

from ingest.inbox import submit
from samples.generator import big_incidents_csv_bundle
from warehouse import publish as publish_module
from warehouse.publish import (
    KILL_AT_STEP,
    REPAIR_AHEAD,
    STEPS,
    current_snapshot,
    project_fingerprint,
    publish,
)
from warehouse.raw_layer import connect, ensure_schema
from warehouse.refresh import refresh_inbox
from warehouse.settings import SNAPSHOT_DATABASE, Settings

ROWS = 300_000


def _registry(settings: Settings) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(
            "select s.submission_id, s.status, (select count(*) from raw.incidents i "
            "where i.submission_id = s.submission_id) from raw.submissions s"
        ).fetchall()
    finally:
        con.close()


def test_kill_during_the_load_transaction_then_recover(tmp_path: Path) -> None:
    settings = Settings.from_env(tmp_path / "home")
    package = big_incidents_csv_bundle(tmp_path / "big.zip", ROWS)
    submit(package, settings.inbox)
    env = dict(os.environ, VRS_HOME=str(settings.home), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        # --verbose: the loader's INFO line, "begin load", says when its transaction began
        [
            sys.executable,
            "-m",
            "warehouse.cli",
            "refresh",
            "--verbose",
            "--engine",
            "library",
            "--no-build",
        ],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stderr is not None
    seen = []
    deadline = time.monotonic() + 300
    for line in proc.stderr:  # the loader logs when its transaction begins
        seen.append(line)
        if "begin load" in line or time.monotonic() > deadline:
            break
    time.sleep(0.05)  # well inside the insert of 300,000 rows
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    rest = proc.stderr.read()
    assert any("begin load" in line for line in seen), "".join(seen)
    assert "committed" not in rest, "the kill came too late to test anything"

    # Nothing of the package is in the warehouse, and it is still waiting in the inbox.
    assert _registry(settings) == []
    assert len(list(settings.inbox.iterdir())) == 1

    [outcome] = refresh_inbox(settings)
    assert outcome.status == "accepted"
    assert _registry(settings) == [(outcome.submission_id, "accepted", ROWS)]
    assert list(settings.inbox.iterdir()) == []


# --- Publication: one atomic switch, whatever step a kill lands on ------------------------------

PUBLISH = (
    "import sys; from warehouse.publish import publish; from warehouse.settings import Settings; "
    "publish(Settings.from_env(), fingerprint=sys.argv[1])"
)


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    env = dict(os.environ, VRS_HOME=str(settings.home), PYTHONUNBUFFERED="1")
    env.pop(KILL_AT_STEP, None)
    return env | {"VRS_DBT_PROJECT_DIR": str(settings.dbt_project_dir), **extra}


def _publish_in_a_process(settings: Settings, fingerprint: str, **extra: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PUBLISH, fingerprint],
        env=_env(settings, VRS_KEEP_SNAPSHOTS="1", **extra),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, -signal.SIGKILL), done.stderr
    return done.returncode


def _vrs(settings: Settings, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warehouse.cli", *args],
        env=_env(settings, **extra),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _builds_named(settings: Settings) -> dict[str, str]:
    """The build each published path leads a reader to (current/, current.duckdb, shares/)."""
    manifest = json.loads((settings.current_dir / "snapshot.json").read_text(encoding="utf-8"))
    con = duckdb.connect(str(settings.current_db), read_only=True)
    try:
        [(in_database,)] = con.execute("select build_id from meta.snapshot").fetchall()
    finally:
        con.close()
    shares = {
        json.loads((folder / "share.json").read_text(encoding="utf-8"))["build_id"]
        for folder in settings.shares.iterdir()
    }
    assert len(shares) == 1, shares
    return {"current": manifest["build_id"], "current.duckdb": in_database, "shares": shares.pop()}


def _published_build(settings: Settings) -> str:
    """The one build every published path names, read whole (DuckDB and Parquet agree with the
    manifest's row counts); fails when two paths lead to different builds."""
    named = _builds_named(settings)
    assert len(set(named.values())) == 1, named
    build_id = named["current"]
    assert settings.current_dir.resolve() == settings.snapshots / build_id
    manifest = json.loads((settings.current_dir / "snapshot.json").read_text(encoding="utf-8"))
    con = duckdb.connect(str(settings.current_db), read_only=True)
    try:
        for mart, rows in manifest["marts"].items():
            parquet = str(settings.current_dir / f"{mart}.parquet")
            assert con.execute(f"select count(*) from marts.{mart}").fetchone() == (rows,)
            assert con.execute("select count(*) from read_parquet(?)", [parquet]).fetchone() == (
                rows,
            )
    finally:
        con.close()
    return build_id


def _fingerprint_of(settings: Settings, build_id: str) -> str:
    manifest = settings.snapshots / build_id / "snapshot.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["fingerprint"]


@pytest.fixture(scope="module")
def built_home(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A VRS_HOME whose warehouse holds built marts (the small snapshot of the share tests, on a
    real raw layer), with its own copy of the dbt project: its fingerprint stays put."""
    root = tmp_path_factory.mktemp("built")
    project = root / "dbt_project"
    shutil.copytree(
        Settings.from_env().dbt_project_dir, project, ignore=shutil.ignore_patterns("target")
    )
    settings = Settings(home=root / "home", dbt_project_dir=project)
    marts = make_snapshot(root / "built.duckdb")
    con = connect(settings.warehouse_db)
    try:
        ensure_schema(con)
        con.execute("attach ? as built (read_only)", [str(marts)])
        con.execute("copy from database built to vrs")
    finally:
        con.close()
    return settings


def _copy(settings: Settings, to: Path) -> Settings:
    shutil.copytree(settings.home, to, symlinks=True)
    return replace(settings, home=to)


@pytest.fixture(scope="module")
def one_published(built_home: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The built home with an older build A published (a fingerprint the warehouse no longer
    has: the warehouse's marts are a newer build, waiting to be published)."""
    settings = _copy(built_home, tmp_path_factory.mktemp("one") / "home")
    publish(settings, fingerprint="a" * 64)
    return settings


def test_every_folder_of_a_snapshot_is_on_disk_before_it_is_placed(
    built_home: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a power cut a visible snapshot is whole: its files and then its folders, deepest
    first, are synced before the rename that places it (the folder it is renamed into after)."""
    settings = _copy(built_home, tmp_path / "home")
    synced: list[Path] = []
    sync = publish_module._fsync

    def recorded(path: Path) -> None:
        synced.append(path)
        sync(path)

    monkeypatch.setattr(publish_module, "_fsync", recorded)
    snapshot = publish(settings, fingerprint="d" * 64)
    hidden = settings.snapshots / f".{snapshot.build_id}.tmp"
    before = synced[: synced.index(settings.snapshots)]
    folders = [
        hidden / p.relative_to(snapshot.folder) for p in snapshot.folder.rglob("*") if p.is_dir()
    ]
    assert folders, "a snapshot has folders (shares/<ISO3>/, quality/)"
    for folder in folders:
        assert folder in before, folder
        assert before.index(folder) < before.index(folder.parent), folder  # deepest first
    assert hidden in before


# (home, step the publication is killed at, what must be current after the kill)
KILLS = [
    ("fresh", "fixed-current-db", None),
    ("fresh", "fixed-shares", None),
    ("published", "writing", "old"),
    ("published", "written", "old"),
    ("published", "placed", "old"),
    ("published", "switched", "new"),
    ("published", "pruning", "new"),
]


@pytest.mark.parametrize(("home", "step", "after"), KILLS, ids=[s for _, s, _ in KILLS])
def test_a_publication_killed_at_any_step_leaves_one_whole_build_current(
    built_home: Settings,
    one_published: Settings,
    tmp_path: Path,
    home: str,
    step: str,
    after: str | None,
) -> None:
    settings = _copy(built_home if home == "fresh" else one_published, tmp_path / "home")
    old = _published_build(settings) if home == "published" else None
    new = project_fingerprint(settings)

    killed = _publish_in_a_process(settings, new, **{KILL_AT_STEP: step})
    assert killed == -signal.SIGKILL, f"the publication never reached step {step!r}"

    if after is None:  # nothing was published, and a reader is told so
        assert not settings.current_dir.exists() and not settings.current_db.exists()
        assert current_snapshot(settings) is None
    elif after == "old":
        assert _published_build(settings) == old
    else:
        assert _fingerprint_of(settings, _published_build(settings)) == new

    if after == "new":  # the whole new build is current: the next refresh has nothing to do
        again = _vrs(settings, "refresh", "--engine", "library")
        assert again.returncode == 0, again.stderr
        assert "up to date" in again.stdout
    else:  # the warehouse's build is not current: the next refresh rebuilds, then publishes
        assert (
            current_snapshot(settings) is None or current_snapshot(settings)["fingerprint"] != new
        )
        assert _publish_in_a_process(settings, new) == 0
        # what the kill left is gone, and so is the old build (one snapshot kept)
        assert [p.name for p in settings.snapshots.iterdir()] == [_published_build(settings)]
    assert _fingerprint_of(settings, _published_build(settings)) == new


# --- The layout before the one switch: moved over, and a half switch repaired --------------------


def _as_older_layout(settings: Settings, *, current_db_on: str, shares_on: str) -> None:
    """What publication left before the one-switch layout: ``snapshots/<id>.duckdb`` beside
    ``snapshots/<id>/``, and three links switched one after the other (``current`` first)."""
    for folder in [p for p in settings.snapshots.iterdir() if p.is_dir()]:
        (folder / SNAPSHOT_DATABASE).replace(settings.snapshots / f"{folder.name}.duckdb")
    for link, target in (
        (settings.current_db, f"snapshots/{current_db_on}.duckdb"),
        (settings.shares, f"snapshots/{shares_on}/shares"),
    ):
        link.unlink()
        link.symlink_to(target)


@pytest.fixture(scope="module")
def two_published(built_home: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The built home with build A, then build B (the warehouse's own) published."""
    settings = _copy(built_home, tmp_path_factory.mktemp("two") / "home")
    publish(settings, fingerprint="a" * 64)
    publish(settings, fingerprint=project_fingerprint(settings))
    return settings


def _older_home(two_published: Settings, to: Path, left: str) -> tuple[Settings, str, str]:
    """A home as the older code left it: whole, or killed after switching ``current`` or
    after switching ``current.duckdb`` too (build A, then B)."""
    settings = _copy(two_published, to)
    older, newer = sorted(p.name for p in settings.snapshots.iterdir() if p.is_dir())
    current_db_on, shares_on = {
        "whole": (newer, newer),
        "after-current": (older, older),
        "after-current-db": (newer, older),
    }[left]
    _as_older_layout(settings, current_db_on=current_db_on, shares_on=shares_on)
    named = _builds_named(settings)
    assert named["current"] == newer
    assert (named["current.duckdb"], named["shares"]) == (current_db_on, shares_on)
    return settings, older, newer


def _assert_moved(settings: Settings) -> None:
    assert settings.current_db.readlink() == Path("current") / SNAPSHOT_DATABASE
    assert settings.shares.readlink() == Path("current/shares")
    assert not list(settings.snapshots.glob("*.duckdb"))
    for folder in settings.snapshots.iterdir():  # every build moved, current or not
        assert (folder / SNAPSHOT_DATABASE).is_file()


@pytest.mark.parametrize("left", ["whole", "after-current", "after-current-db"])
def test_the_older_layout_is_moved_over_and_a_half_switch_repaired(
    two_published: Settings, tmp_path: Path, left: str
) -> None:
    settings, older, newer = _older_home(two_published, tmp_path / "home", left)

    done = _vrs(settings, "refresh", "--engine", "library")
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout  # B is the warehouse's build: repaired, not rebuilt
    assert _published_build(settings) == newer
    _assert_moved(settings)
    assert sorted(p.name for p in settings.snapshots.iterdir()) == [older, newer]
    # publication and pruning work on the moved home
    assert _publish_in_a_process(settings, "c" * 64) == 0
    assert [p.name for p in settings.snapshots.iterdir()] == [_published_build(settings)]


# (what the older code left, step the move is killed at, what is current right after the kill;
# the next run settles on the newer build in every case)
MOVES = [
    ("after-current", "rolled-back", "old"),
    ("after-current", "moved-databases", "old"),
    ("after-current", "fixed-current-db", "old"),
    ("after-current", "fixed-shares", "old"),
    ("after-current", "rolled-forward", "new"),
    ("whole", "fixed-current-db", "new"),
]


def test_every_step_of_a_publication_is_killed_by_a_test() -> None:
    assert {step for _, step, _ in KILLS + MOVES} == set(STEPS)


@pytest.mark.parametrize(
    ("left", "step", "after"), MOVES, ids=[f"{left}-{step}" for left, step, _ in MOVES]
)
def test_moving_from_the_older_layout_killed_at_any_step(
    two_published: Settings, tmp_path: Path, left: str, step: str, after: str
) -> None:
    settings, older, newer = _older_home(two_published, tmp_path / "home", left)
    new = _fingerprint_of(settings, newer)

    killed = _publish_in_a_process(settings, "c" * 64, **{KILL_AT_STEP: step})
    assert killed == -signal.SIGKILL, f"the move never reached step {step!r}"
    assert _published_build(settings) == (older if after == "old" else newer)

    # the next run finishes the move forward: B, the warehouse's build, is current again
    again = _vrs(settings, "refresh", "--engine", "library")
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout
    assert _published_build(settings) == newer
    assert _fingerprint_of(settings, newer) == new
    assert not (settings.published / REPAIR_AHEAD).exists()
    _assert_moved(settings)


# --- dbt dies with the refresh that started it; a held warehouse is one line ---------------------


def _gone(process: psutil.Process) -> bool:
    """Exited (a zombie nobody reaped yet holds no file and no lock)."""
    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _dbt_holding(refresh: subprocess.Popen, warehouse: Path, timeout: float) -> psutil.Process:
    """dbt, started by ``refresh``, once it has the warehouse file open (so holds its lock)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and refresh.poll() is None:
        for child in psutil.Process(refresh.pid).children(recursive=True):
            try:
                if "build" in child.cmdline() and any(
                    Path(f.path) == warehouse for f in child.open_files()
                ):
                    return child
            except psutil.NoSuchProcess:
                continue
        time.sleep(0.2)
    raise AssertionError(f"dbt build never opened {warehouse} (refresh exit {refresh.poll()})")


@pytest.mark.parametrize("engine", ["library", "airflow"])
def test_a_killed_refresh_takes_dbt_with_it(tmp_path: Path, engine: str) -> None:
    settings = Settings.from_env(tmp_path / "home")
    submit(write(baseline(), tmp_path, "json", "package"), settings.inbox)
    with (tmp_path / "refresh.log").open("w") as log:
        refresh = subprocess.Popen(
            [sys.executable, "-m", "warehouse.cli", "refresh", "--engine", engine],
            env=dict(os.environ, VRS_HOME=str(settings.home)),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    family: list[psutil.Process] = []
    try:
        dbt = _dbt_holding(refresh, settings.warehouse_db.resolve(), timeout=600)
        family = [dbt, *dbt.children(recursive=True)]
        # dbt's one helper (multiprocessing's resource tracker): dies with dbt, tested here
        assert len(family) >= 2, [" ".join(p.cmdline()) for p in family]
        refresh.kill()
        refresh.wait(timeout=30)
        deadline = time.monotonic() + 5
        while not all(_gone(p) for p in family) and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = [" ".join(p.cmdline()) for p in family if not _gone(p)]
        assert alive == [], "outlived the refresh that started them"
        connect(settings.warehouse_db).close()  # read-write: nobody holds the lock
    finally:
        refresh.kill()
        for process in family:
            if not _gone(process):
                process.kill()


HOLD = (
    "import sys, time, duckdb; con = duckdb.connect(sys.argv[1]); print('holding', flush=True); "
    "time.sleep(600)"
)


def test_a_warehouse_held_by_another_process_is_one_line(tmp_path: Path) -> None:
    settings = Settings.from_env(tmp_path / "home")
    con = connect(settings.warehouse_db)
    ensure_schema(con)
    con.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(settings.warehouse_db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        expected = (
            f"the warehouse {settings.warehouse_db} is in use by another process "
            f"(pid {holder.pid}: {Path(sys.executable).name} -c); wait for it to finish or stop it"
        )
        commands = (
            ["refresh", "--engine", "library"],
            ["refresh"],
            ["status"],
            ["reprocess", "0123456789abcdef"],
            ["coverage", "--engine", "library"],
            ["coverage"],
            ["demo"],
        )
        for command in commands:
            done = _vrs(settings, *command)
            assert (done.returncode, done.stdout, done.stderr.strip()) == (75, "", expected), (
                command
            )
        assert not settings.inbox.exists() or not list(settings.inbox.iterdir())  # demo: none
    finally:
        holder.kill()
        holder.wait()
