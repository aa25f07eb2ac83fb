"""Run the project's Airflow DAGs: in-process with ``dag.test()`` (what ``vrs refresh`` and
``make demo`` do), or as a full ``airflow standalone`` (``make airflow``). Both use the same
DAG files and Airflow's SQLite metadata under ``$VRS_HOME/airflow``.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warehouse.settings import REPO_ROOT, Settings

log = logging.getLogger(__name__)

DAGS_FOLDER = REPO_ROOT / "dags"
WRITER_POOL = "duckdb_writer"


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
    """Create Airflow's metadata database and the writer pool once; return the environment."""
    env = dict(os.environ) | airflow_environment(settings, quiet=quiet)
    settings.airflow_home.mkdir(parents=True, exist_ok=True)
    steps = [("pools", "set", WRITER_POOL, "1", "one writer per DuckDB file")]
    if not (settings.airflow_home / "airflow.db").exists():
        steps.insert(0, ("db", "migrate"))
    for args in steps:  # the pool every time: a migration that was interrupted left none
        subprocess.run(
            [airflow_executable(), *args], env=env, check=True, capture_output=True, text=True
        )
    return env


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


def run_dag(settings: Settings, dag_id: str, conf: dict | None = None, *, quiet: bool = True):
    """``dag.test()`` in this process: the real DAG, its real tasks, Airflow's real metadata.

    Airflow reads its configuration at import, so the environment is set first; a process
    runs DAGs of one VRS_HOME only.
    """
    import time

    os.environ.update(airflow_environment(settings, quiet=quiet))
    prepare_airflow(settings, quiet=quiet)
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(str(DAGS_FOLDER))
    if bag.import_errors:
        raise RuntimeError(f"DAG import errors: {bag.import_errors}")
    dag = bag.get_dag(dag_id)
    started = time.perf_counter()
    run = dag.test(run_conf=conf or {})
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
