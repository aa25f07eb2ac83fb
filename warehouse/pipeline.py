"""The main job, step by step: ingest the inbox, build the marts with dbt, check them with the
quality gate, publish them.

Each step is its own entry point: `vrs refresh --engine library` chains them here, and the
Airflow DAGs (dags/) call them one task at a time through warehouse.tasks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.build import DbtRun, dbt_build, dbt_docs
from warehouse.progress import Step
from warehouse.publish import (
    Snapshot,
    code_fingerprint,
    current_snapshot,
    project_fingerprint,
    publish,
    repair_layout,
)
from warehouse.quality import QualityReport, run_quality_gate
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


class QualityGateFailed(RuntimeError):
    """A critical expectation failed on a built mart: nothing was published."""

    def __init__(self, report: QualityReport) -> None:
        failed = [f for f in report.failures if f.severity == "critical"]
        lines = "\n".join(f"  {f.mart}: {f.expectation} {f.column or ''}" for f in failed[:20])
        super().__init__(
            f"quality gate failed ({len(failed)} critical); current is unchanged; "
            f"see {report.report_md}\n{lines}"
        )
        self.report = report


@dataclass(frozen=True)
class Build:
    fingerprint: str
    run: DbtRun
    docs_page: Path | None


@dataclass
class RefreshResult:
    outcomes: list[Outcome] = field(default_factory=list)
    build: DbtRun | None = None
    quality: QualityReport | None = None
    snapshot: Snapshot | None = None
    skipped_reason: str | None = None


def build(
    settings: Settings, *, force: bool = False, on_step: Callable[[Step], None] | None = None
) -> Build | None:
    """dbt build (seeds, models, tests) and the docs site; None when the published snapshot
    was built from the same data and the same project (nothing would change). ``on_step``
    hears of Step.BUILD only when dbt does run."""
    fingerprint = project_fingerprint(settings)
    repair_layout(settings)  # a half-switched publication is never "up to date"
    current = current_snapshot(settings)
    if not force and current is not None and current["fingerprint"] == fingerprint:
        log.info("snapshot %s is up to date", current["build_id"])
        return None
    if on_step is not None:
        on_step(Step.BUILD)
    run = dbt_build(settings)
    if not run.ok:
        raise BuildFailed(run)
    return Build(fingerprint, run, dbt_docs(settings, code_fingerprint(settings)))


def quality_dir(settings: Settings, fingerprint: str) -> Path:
    return settings.home / "quality" / fingerprint[:16]


def check_quality(settings: Settings, fingerprint: str) -> QualityReport:
    """The great-expectations checkpoint on every built mart; raises when a critical
    expectation fails."""
    report = run_quality_gate(settings.warehouse_db, quality_dir(settings, fingerprint))
    if not report.passed:
        raise QualityGateFailed(report)
    return report


def publish_build(settings: Settings, fingerprint: str, docs_page: Path | None) -> Snapshot:
    snapshot = publish(
        settings,
        fingerprint=fingerprint,
        docs_page=docs_page,
        quality=quality_dir(settings, fingerprint),
    )
    log.info("published snapshot %s", snapshot.build_id)
    return snapshot


def build_and_publish(
    settings: Settings, *, force: bool = False, on_step: Callable[[Step], None] | None = None
) -> RefreshResult:
    """``on_step`` hears of each step as it starts (the progress a terminal shows)."""
    step = on_step or (lambda _: None)
    result = RefreshResult()
    built = build(settings, force=force, on_step=step)
    if built is None:
        current = current_snapshot(settings)
        result.skipped_reason = f"snapshot {current['build_id'] if current else '?'} is up to date"
        return result
    result.build = built.run
    step(Step.QUALITY)
    result.quality = check_quality(settings, built.fingerprint)
    step(Step.PUBLISH)
    result.snapshot = publish_build(settings, built.fingerprint, built.docs_page)
    return result


def refresh(settings: Settings, *, force: bool = False) -> RefreshResult:
    outcomes = refresh_inbox(settings)
    result = build_and_publish(settings, force=force)
    result.outcomes = outcomes
    return result
