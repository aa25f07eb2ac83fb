"""The Airflow assets the DAGs exchange: defined once, imported by the DAG files (light: only
``airflow.sdk``)."""

from __future__ import annotations

from airflow.sdk import Asset

# Updated by vrs_ingest when a package was loaded; schedules vrs_build.
RAW_LAYER = Asset(name="vrs_raw_layer", uri="vrs://warehouse/raw")
# Updated by vrs_build when a snapshot was published.
PUBLISHED_MARTS = Asset(name="vrs_published_marts", uri="vrs://published/marts")
