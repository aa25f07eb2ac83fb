"""Upload latency over HTTP: every package of the demo set through a real `vrs serve`, timed
from the first byte sent to the report received, next to `validate_package` on the same file
in this process (what the HTTP path adds).

python -m bench.portal_upload [--limit N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from contracts.validate import validate_package
from portal import accounts
from portal.accounts import Role
from warehouse.settings import REPO_ROOT, Settings

DEMO = REPO_ROOT / "samples" / "demo"


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "max": ordered[-1],
        "total": sum(ordered),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N packages")
    args = parser.parse_args()
    manifest = json.loads((DEMO / "MANIFEST.json").read_text(encoding="utf-8"))
    files = manifest["files"][: args.limit or None]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(Path(tmp) / "home")
        tokens = {}
        for state in sorted({f["reporting_state"] for f in files}):
            name = f"{state.lower()}-bench"
            accounts.add_user(settings, name, Role.submitter, state, "benchmark password")
            tokens[state] = accounts.create_token(settings, name)
        port = 8799
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "warehouse.cli",
                "serve",
                "--port",
                str(port),
                "--home",
                str(settings.home),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{url}/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            http: dict[str, list[float]] = {}
            local: dict[str, list[float]] = {}
            codes: dict[int, int] = {}
            with httpx.Client(base_url=url, timeout=300) as client:
                for entry in files:
                    path = DEMO / entry["file"]
                    body = path.read_bytes()
                    headers = {"Authorization": f"Bearer {tokens[entry['reporting_state']]}"}
                    t0 = time.perf_counter()
                    r = client.post(
                        "/api/v1/submissions", headers=headers, files={"file": (path.name, body)}
                    )
                    http.setdefault(entry["encoding"], []).append(time.perf_counter() - t0)
                    codes[r.status_code] = codes.get(r.status_code, 0) + 1
                    t0 = time.perf_counter()
                    validate_package(path, settings.limits)
                    local.setdefault(entry["encoding"], []).append(time.perf_counter() - t0)
        finally:
            server.terminate()
            server.wait(30)
    everything = [v for values in http.values() for v in values]
    print(
        json.dumps(
            {
                "packages": len(files),
                "status_codes": codes,
                "http_all": _percentiles(everything),
                "http_by_encoding": {k: _percentiles(v) for k, v in http.items()},
                "in_process_validate_by_encoding": {k: _percentiles(v) for k, v in local.items()},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
