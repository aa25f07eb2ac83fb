"""Run the project's Airflow DAGs: in-process with ``dag.test()`` (what ``vrs refresh`` and
``make demo`` do), or as a full ``airflow standalone`` (``make airflow``). Both use the same
DAG files and Airflow's SQLite metadata under ``$VRS_HOME/airflow``.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warehouse.progress import Progress, Step
from warehouse.settings import REPO_ROOT, Settings

log = logging.getLogger(__name__)

# Airflow's in-process execution API (dag.test()) imports svcs.fastapi, which imports
# starlette.testclient, which warns that it prefers httpx2 to httpx. Nothing here uses that
# test client: the warning says nothing about a run.
warnings.filterwarnings(
    "ignore",
    message="Using `httpx` with `starlette.testclient` is deprecated",
    module="fastapi.testclient",
)

DAGS_FOLDER = REPO_ROOT / "dags"
WRITER_POOL = "duckdb_writer"
WRITER_POOL_DESCRIPTION = "one writer per DuckDB file"
# The step of the job each task is (what the progress line shows).
TASK_STEPS = {
    "find_waiting": Step.INGEST,
    "process_package": Step.INGEST,
    "dbt_build": Step.BUILD,
    "quality_gate": Step.QUALITY,
    "publish": Step.PUBLISH,
    "assess_coverage": Step.COVERAGE,
}


def airflow_environment(settings: Settings, *, quiet: bool = False) -> dict[str, str]:
    """Environment for every Airflow process of this VRS_HOME (set before airflow is imported:
    Airflow reads its configuration once, at import)."""
    home = settings.airflow_home
    return {
        "VRS_HOME": str(settings.home),
        "VRS_DBT_PROJECT_DIR": str(settings.dbt_project_dir),
        "VRS_PARTICIPANTS": str(settings.participants),
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT": "60",
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(home / "logs"),
        # The project's tasks log through the standard library; keep them visible.
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING" if quiet else "INFO",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
    }


def airflow_executable() -> str:
    candidate = Path(sys.executable).with_name("airflow")
    return str(candidate) if candidate.exists() else "airflow"


def prepare_airflow(settings: Settings, *, quiet: bool = False) -> dict[str, str]:
    """Configure this process for the Airflow of this VRS_HOME, create Airflow's metadata
    database once and the writer pool; return the environment for Airflow processes started
    from here.

    Airflow reads its configuration once, at import: this comes before anything imports
    airflow, and a process serves one VRS_HOME."""
    os.environ.update(airflow_environment(settings, quiet=quiet))
    settings.airflow_home.mkdir(parents=True, exist_ok=True)
    if not (settings.airflow_home / "airflow.db").exists():
        subprocess.run(
            [airflow_executable(), "db", "migrate"],
            env=dict(os.environ),
            check=True,
            capture_output=True,
            text=True,
        )
    from airflow.models.pool import Pool

    # In this process, not as `airflow pools set`: a second Airflow start-up costs seconds.
    Pool.create_or_update_pool(WRITER_POOL, 1, WRITER_POOL_DESCRIPTION, include_deferred=False)
    return dict(os.environ)


@dataclass
class DagRunSummary:
    dag_id: str
    state: str
    seconds: float
    tasks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.state == "success"

    def failed_tasks(self) -> list[dict[str, Any]]:
        return [t for t in self.tasks if t["state"] in ("failed", "upstream_failed")]


def run_dag(
    settings: Settings,
    dag_id: str,
    conf: dict | None = None,
    *,
    quiet: bool = True,
    progress: Progress | None = None,
) -> DagRunSummary:
    """``dag.test()`` in this process: the real DAG, its real tasks, Airflow's real metadata.

    Airflow reads its configuration at import, so the environment is set first; a process
    runs DAGs of one VRS_HOME only. ``quiet``: Airflow's and our logs from warnings up only.
    ``progress`` hears which step runs.
    """
    import time

    prepare_airflow(settings, quiet=quiet)
    from airflow.dag_processing.dagbag import DagBag
    from airflow.sdk.listener import get_listener_manager

    bag = DagBag(str(DAGS_FOLDER))
    if bag.import_errors:
        raise RuntimeError(f"DAG import errors: {bag.import_errors}")
    dag = bag.get_dag(dag_id)
    listeners = get_listener_manager()
    listener = _progress_listener(progress) if progress is not None else None
    if listener is not None:
        listeners.add_listener(listener)
    started = time.perf_counter()
    try:
        run = dag.test(run_conf=conf or {})
    finally:
        if listener is not None:
            listeners.pm.unregister(listener)
    seconds = time.perf_counter() - started
    tasks = [
        {
            "task_id": ti.task_id,
            "map_index": ti.map_index,
            "label": ti.rendered_map_index,
            "state": str(ti.state.value if hasattr(ti.state, "value") else ti.state),
            "try_number": ti.try_number,
        }
        for ti in run.get_task_instances()
    ]
    state = str(run.state.value if hasattr(run.state, "value") else run.state)
    log.info("%s: %s in %.1f s (%d task instances)", dag_id, state, seconds, len(tasks))
    return DagRunSummary(dag_id, state, seconds, tasks)


def _progress_listener(progress: Progress) -> object:
    """An Airflow listener: dag.test() runs the tasks in this process and calls it as each
    starts. (Defined here: Airflow may only be imported once configured.)"""
    from airflow.listeners import hookimpl

    class ProgressListener:
        @hookimpl
        def on_task_instance_running(self, previous_state: object, task_instance: Any) -> None:
            if (step := TASK_STEPS.get(task_instance.task_id)) is not None:
                progress.step(step)

    return ProgressListener()


def standalone_command(settings: Settings, *, port: int = 8080) -> tuple[list[str], dict[str, str]]:
    """``airflow standalone`` (API server + UI, scheduler, DAG processor, triggerer) for this
    VRS_HOME on localhost, with a login whose password is generated once and kept in
    ``$VRS_HOME/airflow``. Returns the command and its environment."""
    import json
    import secrets

    venv_bin = str(Path(sys.executable).parent)
    env = prepare_airflow(settings) | {
        # standalone starts `airflow <component>` by name: the venv's airflow must come first
        "PATH": os.pathsep.join([venv_bin, os.environ.get("PATH", "")]),
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__API__BASE_URL": f"http://localhost:{port}",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(password_file(settings)),
    }
    if not password_file(settings).exists():
        # created readable by its owner only: never a moment with wider permissions
        fd = os.open(password_file(settings), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(json.dumps({"admin": secrets.token_urlsafe(12)}))
    return [airflow_executable(), "standalone"], env


def password_file(settings: Settings) -> Path:
    return settings.airflow_home / "passwords.json"


def login(settings: Settings) -> tuple[str, str]:
    import json

    user, password = next(iter(json.loads(password_file(settings).read_text()).items()))
    return user, password
