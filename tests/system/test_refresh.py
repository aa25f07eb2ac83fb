"""Loss-free ingestion: archive first, one transaction per package, idempotent, versioned."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from packages import baseline, write

from ingest.archive import sha256_of
from ingest.inbox import submit
from warehouse.refresh import refresh_inbox
from warehouse.settings import Settings

DATA_TABLES = (
    "incidents",
    "route_legs",
    "smuggled_migrants",
    "smugglers",
    "border_events",
    "fraudulent_documents",
    "cooperation",
    "narrative",
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env(tmp_path / "home")


def _counts(settings: Settings) -> dict[str, int]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        tables = ("submissions", "issues", "submission_tables", *DATA_TABLES)
        return {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def _query(settings: Settings, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _send(settings: Settings, tmp_path: Path, pkg: dict, encoding: str = "xlsx", name: str = "p"):
    path = write(pkg, tmp_path, encoding, name)
    submit(path, settings.inbox)
    return path, refresh_inbox(settings)


def test_a_valid_package_is_archived_reported_and_loaded_as_submitted(
    settings: Settings, tmp_path: Path
) -> None:
    pkg = baseline()
    pkg["incidents"][1]["transport_mode"] = " Bateau "  # kept exactly as submitted
    path, [outcome] = _send(settings, tmp_path, pkg)
    assert outcome.status == "accepted"
    sha = sha256_of(path)
    archived = settings.archive / sha[:2] / f"{sha}.xlsx"
    assert archived.read_bytes() == path.read_bytes()
    assert (
        json.loads((settings.archive / sha[:2] / f"{sha}.receipt.json").read_text())["sha256"]
        == sha
    )
    report = json.loads(outcome.report.read_text())
    assert report["accepted"] is True and report["submission"]["id"] == sha[:16]
    assert (outcome.report.parent / "report.xlsx").exists()
    assert list(settings.inbox.iterdir()) == []
    [registry] = _query(
        settings,
        "select status, reporting_state, period, period_type, action, version, sha256, "
        "error_count from raw.submissions",
    )
    assert registry == ("accepted", "IDN", "2024-Q1", "Q", "replace", 1, sha, 0)
    rows = _query(
        settings,
        "select source_row, incident_ref, transport_mode, migrants_total from raw.incidents "
        "order by source_row",
    )
    assert rows == [(2, "IDN-2024-0001", "sea", "40"), (3, "IDN-2024-0002", " Bateau ", "12")]
    counts = _counts(settings)
    assert counts["route_legs"] == 4 and counts["border_events"] == 2


def test_the_same_bytes_twice_change_nothing(settings: Settings, tmp_path: Path) -> None:
    path, _ = _send(settings, tmp_path, baseline())
    before = _counts(settings)
    submit(path, settings.inbox)  # the same file again, later
    [again] = refresh_inbox(settings)
    assert again.status == "duplicate"
    assert _counts(settings) == before
    assert list(settings.inbox.iterdir()) == []
    assert refresh_inbox(settings) == []  # and a run with nothing waiting is a no-op
    assert _counts(settings) == before


def test_a_rejected_package_is_quarantined_with_its_report_and_loads_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    pkg = baseline()
    pkg["incidents"][0]["migrants_total"] = "-1"
    path, [outcome] = _send(settings, tmp_path, pkg, "zip")
    assert outcome.status == "rejected" and outcome.errors >= 1
    quarantined = settings.quarantine / outcome.submission_id
    assert sorted(p.name for p in quarantined.iterdir()) == sorted(
        [f"{sha256_of(path)}.zip", "report.json"]
    )
    counts = _counts(settings)
    assert counts["submissions"] == 1 and all(counts[t] == 0 for t in DATA_TABLES)
    assert _query(settings, "select rule, table_name, source_row from raw.issues") == [
        ("invalid_count", "incidents", 2)
    ]


def test_replace_supersedes_and_delete_withdraws(settings: Settings, tmp_path: Path) -> None:
    first = baseline()
    _send(settings, tmp_path, first, "json", "v1")
    second = baseline()
    second["submission"]["reporting_agency"] = "  INDONESIAN national police"  # same agency
    second["incidents"] = second["incidents"][:1]
    second["route_legs"] = second["route_legs"]
    _send(settings, tmp_path, second, "json", "v2")
    current = _query(
        settings,
        "select version, (select count(*) from raw.incidents i where i.submission_id = "
        "c.submission_id) from raw.current_submissions c",
    )
    assert current == [(2, 1)]
    assert _counts(settings)["incidents"] == 3  # every version stays in the raw layer
    withdraw = {"submission": dict(baseline()["submission"], action="delete")}
    _, [outcome] = _send(settings, tmp_path, withdraw, "json", "v3")
    assert outcome.status == "accepted"
    assert _query(settings, "select count(*) from raw.current_submissions") == [(0,)]
    assert _query(settings, "select max(version) from raw.submissions") == [(3,)]
    # withdrawing again: nothing is current any more
    again = {"submission": dict(baseline()["submission"], action="delete", notes="again")}
    _, [outcome] = _send(settings, tmp_path, again, "json", "v4")
    report = json.loads(outcome.report.read_text())
    assert [i["rule"] for i in report["issues"]] == ["nothing_to_withdraw"]


def test_inbox_order_is_arrival_order(settings: Settings, tmp_path: Path) -> None:
    import os

    newer = baseline()
    newer["incidents"] = newer["incidents"][:1]
    older_path = write(baseline(), tmp_path, "json", "b_older")
    newer_path = write(newer, tmp_path, "json", "a_newer")
    waiting_old = submit(older_path, settings.inbox)
    waiting_new = submit(newer_path, settings.inbox)
    os.utime(waiting_old, (1_000_000_000, 1_000_000_000))
    os.utime(waiting_new, (1_000_000_100, 1_000_000_100))
    outcomes = refresh_inbox(settings)
    assert [o.file for o in outcomes] == ["b_older.json", "a_newer.json"]
    assert _query(settings, "select version from raw.current_submissions") == [(2,)]


def test_versions_follow_arrival_not_processing_order(settings: Settings, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from ingest.archive import archive_file
    from warehouse.raw_layer import connect, ensure_schema
    from warehouse.refresh import process_archived

    older, newer = baseline(), baseline()
    newer["incidents"] = newer["incidents"][:1]
    paths = {
        name: write(pkg, tmp_path, "json", name)
        for name, pkg in (("older", older), ("newer", newer))
    }
    received = {
        "older": datetime(2024, 4, 2, tzinfo=UTC),
        "newer": datetime(2024, 4, 9, tzinfo=UTC),
    }
    settings.ensure_dirs()
    con = connect(settings.warehouse_db)
    ensure_schema(con)
    for name in ("newer", "older"):  # e.g. two Airflow workers picking them up in reverse
        archived = archive_file(
            paths[name], settings.archive, original_name=f"{name}.json", received_at=received[name]
        )
        assert process_archived(con, settings, archived).status == "accepted"
    con.close()
    assert _query(settings, "select original_name, version from raw.submissions order by 2") == [
        ("older.json", 1),
        ("newer.json", 2),
    ]
    assert _query(settings, "select original_name from raw.current_submissions") == [
        ("newer.json",)
    ]


def test_a_rejected_package_can_be_sent_through_again(settings: Settings, tmp_path: Path) -> None:
    import pytest

    from warehouse.refresh import requeue_rejected

    bad = baseline()
    bad["incidents"][0]["transport_mode"] = "teleport"
    _, [first] = _send(settings, tmp_path, bad, "xlsx", "idn")
    _, [good] = _send(settings, tmp_path, baseline(), "json", "other")
    assert first.status == "rejected" and good.status == "accepted"
    with pytest.raises(ValueError, match="only rejected packages"):
        requeue_rejected(settings, good.submission_id)
    waiting = requeue_rejected(settings, first.submission_id)
    assert waiting.name.endswith("__idn.xlsx")
    [again] = refresh_inbox(settings)
    assert (again.submission_id, again.status, again.file) == (
        first.submission_id,
        "rejected",
        "idn.xlsx",
    )
    assert _query(
        settings,
        "select count(*) from raw.submissions where submission_id = ?",
        [first.submission_id],
    ) == [(1,)]
    history = _query(settings, "select submission_id, status from raw.submissions_reprocessed")
    assert history == [(first.submission_id, "rejected")]
    assert _query(settings, "select count(*) from raw.issues_reprocessed") == [(1,)]


def test_package_tasks_run_last_first_answer_as_in_arrival_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Airflow task of each package (warehouse.tasks.process_package), run in reverse as a
    scheduler may: every state gets the reports and versions of arrival order, and every task
    reports its own package's outcome, also when an earlier task processed it."""
    from datetime import UTC, datetime, timedelta

    from warehouse.tasks import process_package, waiting_packages

    replacement = baseline()
    replacement["incidents"] = replacement["incidents"][:1]
    sent = [
        write(baseline(), tmp_path, "json", "v1"),
        write(replacement, tmp_path, "xlsx", "v2"),
        write({"submission": dict(baseline()["submission"], action="delete")}, tmp_path),
        tmp_path / "v1.json",  # the same bytes again, after the withdrawal
        write(replacement, tmp_path, "zip", "v3"),  # sent again after the withdrawal
    ]
    homes = {name: Settings.from_env(tmp_path / name) for name in ("tasks", "library")}
    for settings in homes.values():
        for day, path in enumerate(sent):
            received = datetime(2024, 4, 2, tzinfo=UTC) + timedelta(days=day)
            submit(path, settings.inbox, received_at=received)

    monkeypatch.setenv("VRS_HOME", str(homes["tasks"].home))
    paths = waiting_packages("run-1")
    records = {path: process_package(path, "run-1") for path in reversed(paths)}
    outcomes = refresh_inbox(homes["library"])

    assert [records[p]["label"] for p in paths] == [o.label for o in outcomes]
    assert [records[p]["status"] for p in paths] == [
        "accepted",
        "accepted",
        "accepted",
        "duplicate",
        "accepted",
    ]
    # the first task to run took the four before it, in arrival order, on its way
    last = records[paths[-1]]
    assert [e["label"] for e in last["earlier"]] == [o.label for o in outcomes[:-1]]
    # a retry of a task that already reported (Airflow lost its result) reports the same again
    assert process_package(paths[0], "run-1") == records[paths[0]]

    def reports(settings: Settings) -> dict[str, str]:
        return {
            str(p.relative_to(settings.reports)): p.read_text(encoding="utf-8")
            for p in settings.reports.glob("*/report.json")
        }

    assert reports(homes["tasks"]) == reports(homes["library"])
    registry = (
        "select original_name, received_at, status, action, version, warning_count "
        "from raw.submissions order by received_at"
    )
    assert _query(homes["tasks"], registry) == _query(homes["library"], registry)
    assert [r[4] for r in _query(homes["tasks"], registry)] == [1, 2, 3, 4]
    assert _query(homes["tasks"], "select rule from raw.issues") == []  # no nothing_to_withdraw
    assert _query(homes["tasks"], "select original_name from raw.current_submissions") == [
        ("v3.zip",)
    ]


def test_a_run_keeps_its_records_from_another_run_until_they_are_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outcomes left for a run's own tasks survive a run started beside it (a `vrs refresh`
    during the scheduler's run) and are cleared by a run once stale."""
    import os
    import time

    from warehouse.tasks import TAKEN_KEPT_SECONDS, process_package, taken_folder, waiting_packages

    settings = Settings.from_env(tmp_path / "home")
    monkeypatch.setenv("VRS_HOME", str(settings.home))
    for name in ("first", "second"):
        submit(write(baseline(), tmp_path, "json", name), settings.inbox)
    first, second = waiting_packages("scheduled")
    taken = process_package(second, "scheduled")["earlier"]  # takes the first on its way
    assert [e["status"] for e in taken] == ["accepted"]

    assert waiting_packages("manual") == []  # a run beside it: the records stay
    assert process_package(first, "scheduled")["status"] == "accepted"  # not "gone"

    folder = taken_folder(settings, "scheduled")
    stale = time.time() - TAKEN_KEPT_SECONDS - 60
    os.utime(folder, (stale, stale))
    waiting_packages("a day later")
    assert not folder.exists()


def test_a_rejected_package_keeps_its_reporting_state_in_the_registry(
    settings: Settings, tmp_path: Path
) -> None:
    # An error elsewhere in the submission record does not hide whose package it is.
    pkg = baseline()
    pkg["submission"]["notes"] = "questions to a.b@example.org"
    _, [outcome] = _send(settings, tmp_path, pkg, "json")
    assert outcome.status == "rejected"
    assert _query(settings, "select status, reporting_state, period from raw.submissions") == [
        ("rejected", "IDN", None)
    ]
