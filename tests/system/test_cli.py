"""The vrs command, run as a state's engineer or a data engineer would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from packages import baseline, write


def vrs(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, VRS_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "warehouse.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "command", [[], ["validate"], ["submit"], ["refresh"], ["status"], ["demo"]]
)
def test_help_everywhere(tmp_path: Path, command: list[str]) -> None:
    result = vrs(*command, "--help", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout


def test_validate_is_a_dry_run_with_an_exit_code(tmp_path: Path) -> None:
    home = tmp_path / "home"
    good = write(baseline(), tmp_path, "json", "good")
    result = vrs("validate", str(good), "--json", home=home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["accepted"] is True and report["issues"] == []
    assert report["submission"]["reporting_state"] == "IDN"

    pkg = baseline()
    pkg["incidents"][1]["route"] = "MMR"
    bad = write(pkg, tmp_path, "xlsx", "bad")
    result = vrs("validate", str(bad), home=home)
    assert result.returncode == 1
    assert "REJECTED (1 errors, 0 warnings)" in result.stdout
    assert "route_too_short" in result.stdout and "sheet 'incidents', cell D3" in result.stdout
    assert not home.exists(), "a dry run writes nothing"


def test_validate_in_another_language_with_a_workbook(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["incidents"][1]["route"] = "MMR"
    bad = write(pkg, tmp_path, "zip", "bad")
    out = tmp_path / "bad-report.xlsx"
    result = vrs(
        "validate",
        str(bad),
        "--json",
        "--language",
        "es",
        "--workbook",
        str(out),
        home=tmp_path / "home",
    )
    assert result.returncode == 1
    [issue] = json.loads(result.stdout)["issues"]
    assert issue["message"] == "La ruta tiene menos de dos países."
    assert out.exists()


def test_submit_refresh_status_query(tmp_path: Path) -> None:
    home = tmp_path / "home"
    good = write(baseline(), tmp_path, "xlsx", "idn-2024-q1")
    assert vrs("query", "select 1", home=home).returncode == 2  # nothing published yet
    assert vrs("submit", str(good), home=home).returncode == 0
    assert len(list((home / "inbox").iterdir())) == 1
    result = vrs("refresh", "--engine", "library", home=home)  # the DAGs: tests/dags
    assert result.returncode == 0, result.stderr
    assert "refresh: 1 accepted" in result.stdout
    assert "published snapshot" in result.stdout
    sql = "select incident_ref, migrants_total from marts.fct_incidents order by 1"
    table = vrs("query", sql, home=home).stdout
    assert "IDN-2024-0001 | 40" in table and "(2 rows)" in table
    assert vrs("query", sql, "--format", "csv", home=home).stdout.splitlines() == [
        "incident_ref,migrants_total",
        "IDN-2024-0001,40",
        "IDN-2024-0002,12",
    ]
    assert json.loads(vrs("query", sql, "--format", "json", home=home).stdout)[1] == {
        "incident_ref": "IDN-2024-0002",
        "migrants_total": 12,
    }
    again = vrs("refresh", "--engine", "library", home=home)
    assert "nothing to publish" in again.stdout
    status = vrs("status", home=home)
    assert "accepted | IDN | 2024-Q1 | Indonesian National Police | replace | 1" in status.stdout


def test_missing_file(tmp_path: Path) -> None:
    result = vrs("validate", str(tmp_path / "nope.xlsx"), home=tmp_path)
    assert result.returncode == 2
    assert "no such file" in result.stderr
