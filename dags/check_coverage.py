"""# vrs_coverage — who reported, who is late, who is missing

Daily. Compares the reports received (`raw.submissions`) with what is expected from each
participating state (`config/participants.yml`: period type and due days after the period
ends, as DHIS2's "timely" rule), writes `monitoring.reporting_timeliness` in the warehouse and
a report listing late and missing reports to `$VRS_HOME/reports/coverage/<date>.json|.md`.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, get_current_context, task


@dag(
    dag_id="vrs_coverage",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["vrs", "monitoring"],
    default_args={"retries": 2, "retry_delay": timedelta(minutes=5)},
    doc_md=__doc__,
)
def vrs_coverage() -> None:
    @task(pool="duckdb_writer")
    def assess_coverage() -> dict:
        from warehouse.tasks import assess_coverage as assess

        context = get_current_context()
        # a run triggered without a logical date (Airflow 3) has none in its context
        day = context.get("logical_date") or context["dag_run"].run_after
        as_of = context["dag_run"].conf.get("as_of") or day.date()
        return assess(as_of)

    assess_coverage()


vrs_coverage()
