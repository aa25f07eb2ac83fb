"""The main job: ingest the inbox, build the marts with dbt, publish them.

Each step is also its own entry point (the Airflow DAGs call them one by one).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from warehouse.build import DbtRun, dbt_build, dbt_docs
from warehouse.publish import Snapshot, current_snapshot, project_fingerprint, publish
from warehouse.refresh import Outcome, refresh_inbox
from warehouse.settings import Settings

log = logging.getLogger(__name__)


class BuildFailed(RuntimeError):
    """dbt build failed (a model or a test): nothing was published."""

    def __init__(self, run: DbtRun) -> None:
        super().__init__(
            f"dbt build failed (exit {run.returncode}); current is unchanged\n{run.log_tail}"
        )
        self.run = run


@dataclass
class RefreshResult:
    outcomes: list[Outcome] = field(default_factory=list)
    build: DbtRun | None = None
    snapshot: Snapshot | None = None
    skipped_reason: str | None = None


def build_and_publish(settings: Settings, *, force: bool = False) -> RefreshResult:
    """dbt build, then publish, unless the published snapshot was built from the same data
    and the same project (then nothing changes)."""
    result = RefreshResult()
    fingerprint = project_fingerprint(settings)
    current = current_snapshot(settings)
    if not force and current is not None and current["fingerprint"] == fingerprint:
        result.skipped_reason = f"snapshot {current['build_id']} is up to date"
        return result
    result.build = dbt_build(settings)
    if not result.build.ok:
        raise BuildFailed(result.build)
    docs = dbt_docs(settings)
    result.snapshot = publish(settings, fingerprint=fingerprint, docs_page=docs)
    log.info("published snapshot %s", result.snapshot.build_id)
    return result


def refresh(settings: Settings, *, force: bool = False) -> RefreshResult:
    outcomes = refresh_inbox(settings)
    result = build_and_publish(settings, force=force)
    result.outcomes = outcomes
    return result
