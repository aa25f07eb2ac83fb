"""The vrs command, run as a state's engineer or a data engineer would run it."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from packages import baseline, write

from warehouse.settings import REPO_ROOT

# What a run that went well never prints: an error, a warning, a Python warning ("…Warning:").
NOISE = re.compile(r"error|warning", re.IGNORECASE)


def vrs(*args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, VRS_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "warehouse.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def in_terminal(*args: str, home: Path, timeout: float = 1800) -> tuple[int, str]:
    """`vrs` with a pseudo-terminal as stdout and stderr, as at a person's terminal: its exit
    code and everything it wrote, control characters included."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "warehouse.cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=dict(os.environ, VRS_HOME=str(home)),
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if select.select([leader], [], [], 1.0)[0]:
                try:
                    data = os.read(leader, 65536)
                except OSError:  # EIO: every writer closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
        else:
            proc.kill()
    finally:
        os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def noise(output: str, home: Path) -> list[str]:
    """The lines that say error or warning. The home is left out: pytest names its folder
    after the test."""
    return [
        line
        for line in re.split(r"[\r\n]+", output.replace(str(home), "<home>"))
        if NOISE.search(line)
    ]


def quarter(q: int) -> dict:
    """The baseline package (no problem at all) for another quarter of 2024."""
    package = baseline()
    package["submission"]["period"] = f"2024-Q{q}"
    for incident in package["incidents"]:
        year, month, day = incident["detection_date"].split("-")
        incident["detection_date"] = f"{year}-{int(month) + 3 * (q - 1):02d}-{day}"
    return package


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
    assert "dbt build" not in again.stderr  # nothing was built: no step says so
    status = vrs("status", home=home)
    assert "accepted | IDN | 2024-Q1 | Indonesian National Police | replace | 1" in status.stdout


def test_missing_file(tmp_path: Path) -> None:
    result = vrs("validate", str(tmp_path / "nope.xlsx"), home=tmp_path)
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_a_good_refresh_is_quiet_with_both_engines_and_shows_progress_on_a_terminal(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    for q, encoding in ((1, "xlsx"), (2, "json"), (3, "zip")):
        package = write(quarter(q), tmp_path, encoding, f"q{q}")
        assert vrs("submit", str(package), home=home).returncode == 0

    code, output = in_terminal("refresh", home=home)  # the DAGs (the default), at a terminal
    assert code == 0, output
    assert noise(output, home) == []
    assert "vrs_ingest: success (3 packages" in output
    assert "vrs_build: success" in output and "published:" in output
    # one line, redrawn in place: packages done/total, packages/s, the current step
    assert "\r\x1b[Kingest · 3/3 packages (" in output and " packages/s) · " in output
    for step in ("dbt build", "quality gate", "publish"):
        assert f"\r\x1b[K{step} · 3/3 packages" in output, step
    assert "packages waiting" not in output  # the plain lines are for logs

    package = write(quarter(4), tmp_path, "json", "q4")
    assert vrs("submit", str(package), home=home).returncode == 0
    library = vrs("refresh", "--engine", "library", home=home, timeout=1800)  # not a terminal
    assert library.returncode == 0, library.stdout + library.stderr
    assert noise(library.stdout + library.stderr, home) == []
    assert "refresh: 1 accepted" in library.stdout and "published snapshot" in library.stdout
    assert re.fullmatch(
        r"ingest: 1 package waiting\n"
        r"(ingest: [01]/1 package \([\d.]+ packages/s\)\n)*"  # every 30 s, on a slow machine
        r"ingest: 1/1 package \([\d.]+ packages/s\) in [\d.]+ s\n"
        r"dbt build…\nquality gate…\npublish…\n",
        library.stderr,
    ), library.stderr  # a few plain lines

    replacement = baseline()
    replacement["incidents"] = replacement["incidents"][:1]
    package = write(replacement, tmp_path, "json", "q1-corrected")
    assert vrs("submit", str(package), home=home).returncode == 0
    detailed = vrs("refresh", "--verbose", "--no-build", home=home, timeout=1800)
    assert detailed.returncode == 0, detailed.stdout + detailed.stderr
    logs = detailed.stdout + detailed.stderr
    assert "[DAG TEST] starting task_id=process_package" in logs  # Airflow's
    assert re.search(r"submission \w+ \(q1-corrected\.json\): accepted", logs)  # ours


def test_the_demo_is_quiet_and_ends_with_where_things_are(tmp_path: Path) -> None:
    demo = REPO_ROOT / "samples" / "demo"
    manifest = json.loads((demo / "MANIFEST.json").read_text(encoding="utf-8"))
    samples = tmp_path / "samples"
    samples.mkdir()
    entries = manifest["files"][:6]
    for entry in entries:
        shutil.copyfile(demo / entry["file"], samples / entry["file"])
    (samples / "MANIFEST.json").write_text(json.dumps(manifest | {"files": entries}))
    home = tmp_path / "home"
    result = vrs("demo", "--samples", str(samples), home=home, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    assert noise(result.stdout + result.stderr, home) == []
    lines = result.stdout.replace(str(home), "<home>").splitlines()
    assert lines[0] == "submitted 6 sample packages to <home>/inbox"
    assert lines[1].startswith("vrs_ingest: success (6 packages, ")
    assert "published: <home>/published/current.duckdb" in lines
    assert any(line.startswith("vrs_coverage: success") for line in lines)
    assert "marts:    <home>/published/current.duckdb (schema marts)" in lines
    assert "example: the largest routes by migrants in the latest year" in lines
    assert re.fullmatch(r"\(\d+ rows?\)", lines[-1])  # the example query's answer, as a table
