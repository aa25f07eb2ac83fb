"""A package with personal data in every place issue 11 lists goes through the real refresh
into a real DuckDB warehouse, and through ``vrs validate --json``: the package is rejected, and
none of its personal values is anywhere afterwards — in any text of any table of the
warehouse, in any file under VRS_HOME (reports, annotated workbook; the archive and the
quarantine keep the received bytes as received, spec §4), in the log, or on stdout.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest
from packages import baseline, write

from ingest.inbox import submit
from warehouse.refresh import refresh_inbox
from warehouse.settings import Settings

# What must never be found again, and where each is put.
PERSONAL = {
    "Karimi": ("incidents", 1, "comment", "MR. AHMED KARIMI paid the skipper"),
    "P1234567": ("incidents", 1, "incident_ref", "P1234567"),
    "3201012345670001": ("narrative", 0, "text", "NIK 3201012345670001, nacido el 5 de mayo"),
    "Dupont": ("incidents", 0, "conveyance", "M. Dupont's boat"),
    "0812 3456 7890": ("incidents", 0, "migrants_injured", "0812 3456 7890"),
    "République": ("incidents", 1, "detection_place", "45 rue de la République, 13001 Marseille"),
    "[at] example": ("incidents", 0, "remarks", "name [at] example [dot] com"),
    "Fernández": ("submission", None, "notes", "report by Doña María Fernández"),
    "Abdul Ghani": ("smugglers", 0, "Abdul Ghani", "x"),  # a header that is a name
}


def _package(directory: Path) -> Path:
    pkg = baseline()
    for table, index, column, value in PERSONAL.values():
        if index is None:
            pkg[table][column] = value
        else:
            pkg[table][index][column] = value
    return write(pkg, directory, "xlsx", "personal")


def _texts_of_warehouse(database: Path) -> list[str]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables"
        ).fetchall()
        texts = []
        for schema, table in tables:
            for row in con.execute(f'select * from "{schema}"."{table}"').fetchall():
                texts += [str(v) for v in row if v is not None]
        return texts
    finally:
        con.close()


def _texts_of_files(home: Path) -> dict[str, str]:
    """Every file under ``home`` but the archive and the quarantine, as text; a zip (an
    .xlsx) as the text of its members."""
    out = {}
    for path in home.rglob("*"):
        kept = {"archive", "quarantine"} & set(path.relative_to(home).parts)
        if not path.is_file() or kept:
            continue
        data = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as bundle:
                data = b"".join(bundle.read(name) for name in bundle.namelist())
        out[str(path.relative_to(home))] = data.decode("utf-8", errors="replace")
    return out


def test_no_personal_value_survives_a_refresh(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings.from_env(tmp_path / "home")
    submit(_package(tmp_path), settings.inbox)
    with caplog.at_level(logging.DEBUG):
        [outcome] = refresh_inbox(settings)
    assert outcome.status == "rejected"
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    located = con.execute(
        "select table_name, column_name from raw.issues where rule = 'personal_data_value'"
    ).fetchall()
    con.close()
    for table, _, column, _ in PERSONAL.values():
        expected = column if column != "Abdul Ghani" else "#9"  # smugglers: 8 columns + 1
        assert (table, expected) in located, located
    texts = _texts_of_warehouse(settings.warehouse_db)
    files = _texts_of_files(settings.home)
    assert any("report.xlsx" in name for name in files)  # the annotated copy was checked
    for personal in PERSONAL:
        assert not [t for t in texts if personal in t], personal
        assert not [name for name, text in files.items() if personal in text], personal
        assert personal not in caplog.text


def test_no_personal_value_in_a_dry_run_report(tmp_path: Path) -> None:
    package = _package(tmp_path)
    env = dict(os.environ, VRS_HOME=str(tmp_path / "home"))
    run = subprocess.run(
        [sys.executable, "-m", "warehouse.cli", "validate", str(package), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr
    assert '"personal_data_value"' in run.stdout
    for personal in PERSONAL:
        assert personal not in run.stdout and personal not in run.stderr, personal
