"""schemathesis against the published OpenAPI document: whatever it sends, no 5xx."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import Portal

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def test_no_server_error_for_any_request_the_spec_allows(portal: Portal, tmp_path: Path) -> None:
    report = tmp_path / "run.json"
    for user in ("aus-submitter", "secretariat"):
        run = subprocess.run(
            [
                str(SCHEMATHESIS),
                "run",
                f"{portal.url}/api/v1/openapi.json",
                "--header",
                f"Authorization: Bearer {portal.tokens[user]}",
                "--checks",
                "not_a_server_error",
                "--max-examples",
                "30",
                "--seed",
                "20261128",
                "--generation-deterministic",
                "--workers",
                "1",
                "--report",
                "ndjson",
                "--report-ndjson-path",
                str(report),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=tmp_path,  # it writes .schemathesis/ where it runs
            env={"SCHEMATHESIS_HOOKS": "", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        )
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
        events = [json.loads(line) for line in report.read_text().splitlines() if line]
        assert events, "schemathesis reported nothing"
        # it really exercised every operation of the API, with many requests
        tested = re.search(r"Tested: (\d+)", run.stdout)
        generated = re.search(r"(\d+) generated", run.stdout)
        assert tested and int(tested.group(1)) >= 10, run.stdout[-2000:]
        assert generated and int(generated.group(1)) >= 200, run.stdout[-2000:]
