"""# vrs_build — build, check and publish the marts

Scheduled on the `vrs_raw_layer` asset (and runnable by hand). **dbt build** (seeds, models,
data and unit tests) runs as one subprocess on the private warehouse; the **quality gate**
(great-expectations checkpoint on every built mart: non-negative measures, code lists,
referential integrity, conservation totals; period-over-period anomalies as warnings) must
pass; then **publish** writes an immutable snapshot (DuckDB + Parquet + dbt docs + Data Docs)
and switches `published/current` to it atomically, updating the `vrs_published_marts` asset.

A failing dbt test or critical expectation stops the run: nothing is published and the
previous snapshot stays current. When nothing changed since the current snapshot, the build is
skipped. All three tasks open the warehouse, so all three hold the `duckdb_writer` pool slot.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, get_current_context, task

from warehouse.assets import PUBLISHED_MARTS, RAW_LAYER


@dag(
    dag_id="vrs_build",
    schedule=[RAW_LAYER],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["vrs", "dbt", "quality"],
    default_args={"retries": 1, "retry_delay": timedelta(minutes=1), "pool": "duckdb_writer"},
    doc_md=__doc__,
)
def vrs_build() -> None:
    @task(execution_timeout=timedelta(hours=1))
    def dbt_build() -> dict:
        from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException

        from warehouse.pipeline import BuildFailed
        from warehouse.tasks import build_marts

        try:
            built = build_marts(force=bool(get_current_context()["dag_run"].conf.get("force")))
        except BuildFailed as failure:  # a failing model or test fails again: no retry
            raise AirflowFailException(str(failure)) from failure
        if built is None:
            raise AirflowSkipException("the published snapshot is up to date")
        return built

    @task(retries=0)  # a failed expectation fails again: no point retrying
    def quality_gate(built: dict) -> dict:
        from warehouse.tasks import check_quality

        return check_quality(built["fingerprint"])

    @task(outlets=[PUBLISHED_MARTS])
    def publish(built: dict, quality: dict) -> dict:
        from warehouse.tasks import publish_marts

        return publish_marts(built["fingerprint"], built["docs_page"])

    built = dbt_build()
    publish(built, quality_gate(built))


vrs_build()
