"""Run vrs_ingest with dag.test() as a scheduler would that gives the writer pool's one slot to
the highest map index first: the mapped process_package tasks run in REVERSE arrival order.

dag.test() runs the ready task instances of each loop in the iteration order of a set (object
ids: any order). Here Airflow's own DagRun.update_state still decides which instances are
ready; of the process_package instances only the last one is released per loop, as a pool of
one slot releases one.

    VRS_HOME=... python tests/dags/last_first.py    # prints the task instances as JSON
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from warehouse.orchestration import airflow_environment, run_dag
from warehouse.settings import Settings


def main() -> int:
    settings = Settings.from_env()
    os.environ.update(airflow_environment(settings, quiet=True))  # before Airflow is imported
    from airflow.models.dagrun import DagRun

    update_state = DagRun.update_state

    def last_package_first(self: DagRun, *args: Any, **kwargs: Any) -> Any:
        ready, callback = update_state(self, *args, **kwargs)
        packages = [ti for ti in ready if ti.task_id == "process_package"]
        if len(packages) > 1:
            last = max(packages, key=lambda ti: ti.map_index)
            ready = [ti for ti in ready if ti.task_id != "process_package" or ti is last]
        return ready, callback

    DagRun.update_state = last_package_first  # type: ignore[method-assign]
    summary = run_dag(settings, "vrs_ingest")
    print(json.dumps(summary.tasks))
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
