"""`make airflow` serves the UI and API with the project's DAGs and assets."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


def test_airflow_standalone_is_healthy_and_shows_the_dags(tmp_path: Path) -> None:
    port = _free_port()
    home = tmp_path / "home"
    log = (tmp_path / "airflow.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "warehouse.cli", "airflow", "--port", str(port)],
        env=dict(os.environ, VRS_HOME=str(home)),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # standalone starts many processes: stop them as a group
    )
    base = f"http://127.0.0.1:{port}"
    try:
        health: dict = {}
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                status, health = _get(f"{base}/api/v2/monitor/health")
                if status == 200 and all(
                    part.get("status") == "healthy"
                    for key, part in health.items()
                    if key in ("metadatabase", "scheduler", "dag_processor", "triggerer")
                ):
                    break
            except OSError:
                pass
            time.sleep(2)
        assert health.get("scheduler", {}).get("status") == "healthy", health
        password = json.loads((home / "airflow" / "passwords.json").read_text())["admin"]
        request = urllib.request.Request(
            f"{base}/auth/token",
            data=json.dumps({"username": "admin", "password": password}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            token = json.loads(response.read())["access_token"]
        dags: list[str] = []
        while time.monotonic() < deadline and len(dags) < 3:  # the DAG processor parses them
            dags = sorted(d["dag_id"] for d in _get(f"{base}/api/v2/dags", token)[1]["dags"])
            time.sleep(1)
        assert dags == ["vrs_build", "vrs_coverage", "vrs_ingest"]
        assets = sorted(a["name"] for a in _get(f"{base}/api/v2/assets", token)[1]["assets"])
        assert assets == ["vrs_published_marts", "vrs_raw_layer"]
        printed = (tmp_path / "airflow.log").read_text()
        assert f"http://localhost:{port}  login: admin / {password}" in printed
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()
    time.sleep(1)
    # Cleanup, not a check: standalone's components (API server workers, scheduler executors)
    # take longer than its main process to wind down after SIGTERM.
    leftovers = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True)
    if leftovers.stdout.strip():
        os.killpg(proc.pid, signal.SIGKILL)
