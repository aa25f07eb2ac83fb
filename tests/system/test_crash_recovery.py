"""A load killed half-way leaves no partial package, and the next run recovers it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from ingest.inbox import submit
from samples.generator import big_incidents_csv_bundle
from warehouse.refresh import refresh_inbox
from warehouse.settings import Settings

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
        [sys.executable, "-m", "warehouse.cli", "refresh", "--engine", "library", "--no-build"],
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
