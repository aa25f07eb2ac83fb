"""# vrs_ingest — receive the states' packages

Every 15 minutes (and on demand): find the packages waiting in `$VRS_HOME/inbox`, then one
mapped task per package: **archive** (bytes + SHA-256) → **validate** (pandera contracts) →
**load** into the raw layer in one DuckDB transaction, or **quarantine** with the state's
report. Mapped tasks are labelled `<state> <period> · <status> · <submission id>`. Verdicts
follow the arrival order whatever order the tasks run in: a task first processes every
package that arrived before its own and is still waiting (its own task then reports it).

When anything was loaded, the `vrs_raw_layer` asset is updated, which schedules `vrs_build`.
Every task is idempotent: a retry after a failure at any point neither loses nor duplicates a
package (the same bytes are recognised by their hash). DuckDB writers share the pool
`duckdb_writer` (one slot): one writer per file.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, get_current_context, task

from warehouse.assets import RAW_LAYER


@dag(
    dag_id="vrs_ingest",
    schedule="*/15 * * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["vrs", "ingest"],
    default_args={"retries": 2, "retry_delay": timedelta(seconds=30)},
    doc_md=__doc__,
)
def vrs_ingest() -> None:
    @task
    def find_waiting() -> list[str]:
        from airflow.sdk.exceptions import AirflowSkipException

        from warehouse.tasks import waiting_packages

        paths = waiting_packages(get_current_context()["run_id"])
        if not paths:  # skips the rest: no task reads an empty map
            raise AirflowSkipException("nothing is waiting")
        return paths

    @task(pool="duckdb_writer", map_index_template="{{ package_label }}")
    def process_package(path: str) -> dict:
        from warehouse.tasks import process_package as process

        outcome = process(path, get_current_context()["run_id"])
        get_current_context()["package_label"] = outcome["label"]  # type: ignore[typeddict-unknown-key]
        return outcome

    # packages loaded by the other tasks must reach the marts even if one failed
    @task(outlets=[RAW_LAYER], trigger_rule="all_done_min_one_success")
    def announce_raw_layer(outcomes: list[dict | None]) -> int:
        from airflow.sdk.exceptions import AirflowSkipException

        from warehouse.tasks import changed_raw_layer

        # outcomes[:]: one read of them all; iterating the lazy sequence reads one at a time
        # and ends on a "not found" that Airflow logs as an error
        changed = sum(1 for o in outcomes[:] if o and changed_raw_layer(o))
        if not changed:  # a skipped task emits no asset event: no rebuild for nothing
            raise AirflowSkipException("no package was loaded")
        return changed

    @task
    def every_package_processed(outcomes: list[dict]) -> int:
        """Fails the run (upstream_failed) when any package's task failed."""
        return len(outcomes)

    outcomes = process_package.expand(path=find_waiting())
    announce_raw_layer(outcomes)
    every_package_processed(outcomes)


vrs_ingest()
