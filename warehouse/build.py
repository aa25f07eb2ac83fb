"""Run dbt on the private warehouse, as a subprocess (an in-process dbtRunner can keep the
DuckDB file locked after it returns), always with explicit project, profiles and target paths.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warehouse.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DbtRun:
    command: tuple[str, ...]
    returncode: int
    seconds: float
    log_tail: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def dbt_executable() -> str:
    """The dbt next to this interpreter (the project's venv), not whatever is on PATH."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child die with this process (Linux): the kernel sends it
    SIGKILL when its parent dies, even by ``kill -9``. Without it a killed ``vrs refresh`` left
    dbt running, re-parented, holding the warehouse's lock. None elsewhere.

    The kernel's "parent" is the *thread* that started the child: ``run_dbt`` starts and waits
    for dbt in the same thread (an Airflow task's, under ``dag.test()`` or a worker), so that
    thread outlives dbt unless the whole process dies. dbt runs its models in threads of its
    own process, which die with it; its one helper process (multiprocessing's resource tracker)
    exits when dbt does (tests/system/test_crash_recovery.py checks both).
    """
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the child only calls it
    parent = os.getpid()

    def in_child() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request was in place
            os.kill(os.getpid(), signal.SIGKILL)

    return in_child


def run_dbt(settings: Settings, *args: str, capture: bool = True) -> DbtRun:
    target = settings.dbt_target
    command = (
        dbt_executable(),
        *args,
        "--project-dir",
        str(settings.dbt_project_dir),
        "--profiles-dir",
        str(settings.dbt_project_dir),
        "--target-path",
        str(target),
        "--log-path",
        str(target / "logs"),
    )
    env = dict(
        os.environ,
        VRS_WAREHOUSE_DB=str(settings.warehouse_db),
        VRS_DBT_THREADS=str(settings.dbt_threads),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    target.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    done = subprocess.run(
        command,
        env=env,
        capture_output=capture,
        text=True,
        check=False,
        # safe beside other threads: between fork and exec the child takes no lock they hold
        preexec_fn=die_with_parent(),
    )
    seconds = time.perf_counter() - started
    tail = "\n".join((done.stdout or "").splitlines()[-40:]) if capture else ""
    log.info("dbt %s: exit %d in %.1f s", " ".join(args), done.returncode, seconds)
    return DbtRun(command, done.returncode, seconds, tail)


def dbt_build(settings: Settings) -> DbtRun:
    """Seeds, models and every data and unit test; fails on any failing test.

    dbt's run_results.json of the build is kept as ``build_run_results.json`` (the docs step
    overwrites run_results.json): where the last build spent its time, node by node.
    """
    results = settings.dbt_target / "run_results.json"
    results.unlink(missing_ok=True)  # a crash before dbt writes it must not leave an older one
    run = run_dbt(settings, "build")
    if results.exists():
        shutil.copyfile(results, settings.dbt_target / "build_run_results.json")
    return run


def dbt_docs(settings: Settings, code_fingerprint: str) -> Path | None:
    """The documentation site as one static HTML file (docs generate --static).

    The site describes the project (models, columns, tests, lineage), not the data, so it is
    generated once per version of the project and reused by every build of that version:
    generating it costs a few seconds, which would be most of a one-package refresh.
    """
    cached = settings.docs_dir / f"{code_fingerprint[:16]}.html"
    if cached.exists():
        return cached
    run = run_dbt(settings, "docs", "generate", "--static")
    page = settings.dbt_target / "static_index.html"
    if not (run.ok and page.exists()):
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    shutil.copyfile(page, tmp)
    tmp.replace(cached)
    return cached
