"""Reporting coverage and timeliness (warehouse.coverage): a tiny plan and warehouse with one
case of each rule, then the real plan (config/participants.yml) against the demo set."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from contracts.normalise import normalise_text
from contracts.periods import parse_period
from warehouse.coverage import (
    TABLE,
    ParticipantsError,
    assess,
    expected_reports,
    load_participants,
    run_coverage,
    summarise,
    unexpected_reports,
)
from warehouse.raw_layer import ensure_schema
from warehouse.settings import REPO_ROOT, Settings

AS_OF = date(2024, 10, 15)

PLAN = """\
defaults:
  due_days: 60
participants:
  - state: XAA
    agency: Border Police
    period_type: Q
    from: 2024-01-01
    due_days: 30
  # Monthly for the first quarter of 2024, then quarterly.
  - state: XBB
    agency: Immigration Service
    period_type: M
    from: 2024-01-01
    until: 2024-03-31
  - state: XBB
    agency: Immigration Service
    period_type: Q
    from: 2024-04-01
  # No agency: a report from any agency of the state counts.
  - state: XCC
    period_type: S
    from: 2023-07-01
  - state: XDD
    agency: Coast Guard
    period_type: Q
    from: 2024-01-01
"""

# (id, state, agency as written, period, received on, status, action)
PACKAGES: list[tuple[str, str, str, str, str, str, str]] = [
    # XAA, due 30 days after the quarter: on time, written differently from the plan.
    ("a1", "XAA", " border police", "2024-Q1", "2024-04-20", "accepted", "replace"),
    # Rejected before the due date: does not count, so Q2 is late (due 2024-07-30).
    ("a2-rejected", "XAA", "Border Police", "2024-Q2", "2024-07-20", "rejected", "replace"),
    ("a2", "XAA", "BORDER POLICE", "2024-Q2", "2024-08-09", "accepted", "replace"),
    # Received after as_of: not seen yet, so Q3 is not yet due (due 2024-10-30).
    ("a3", "XAA", "Border Police", "2024-Q3", "2024-10-20", "accepted", "replace"),
    # XBB monthly (due 60 days after the month), then quarterly.
    ("b1", "XBB", "Immigration Service", "2024-01", "2024-02-15", "accepted", "replace"),
    ("b2", "XBB", "Immigration Service", "2024-02", "2024-03-10", "accepted", "replace"),
    ("b3", "XBB", "Immigration Service", "2024-03", "2024-04-12", "accepted", "replace"),
    # Still monthly after the switch: nobody expects it.
    ("b4", "XBB", "Immigration Service", "2024-04", "2024-05-10", "accepted", "replace"),
    # Resubmitted after the due date (2024-08-29): timeliness from the first receipt.
    ("b5", "XBB", "Immigration Service", "2024-Q2", "2024-07-25", "accepted", "replace"),
    ("b5-rev", "XBB", "Immigration Service", "2024-Q2", "2024-09-10", "accepted", "replace"),
    # Early: on time although not yet due.
    ("b6", "XBB", "Immigration Service", "2024-Q3", "2024-10-05", "accepted", "replace"),
    # XCC: the earliest report of any agency counts (due 2024-02-29).
    ("c1", "XCC", "Ministry of Interior", "2023-S2", "2024-02-10", "accepted", "replace"),
    ("c2", "XCC", "Federal Police", "2023-S2", "2024-03-15", "accepted", "replace"),
    # XDD: Q1 sent on time, then withdrawn: missing from the withdrawal on.
    ("d1", "XDD", "Coast Guard", "2024-Q1", "2024-05-01", "accepted", "replace"),
    ("d1-withdrawn", "XDD", "Coast Guard", "2024-Q1", "2024-06-15", "accepted", "delete"),
    # Q2 withdrawn and sent again after the due date (2024-08-29): late from the new receipt.
    ("d2", "XDD", "Coast Guard", "2024-Q2", "2024-08-01", "accepted", "replace"),
    ("d2-withdrawn", "XDD", "Coast Guard", "2024-Q2", "2024-08-10", "accepted", "delete"),
    ("d2-again", "XDD", "Coast Guard", "2024-Q2", "2024-09-05", "accepted", "replace"),
    # A state nobody expects.
    ("z1", "XZZ", "Whatever Agency", "2024-Q1", "2024-05-01", "accepted", "replace"),
]

# (state, agency, period) -> (status, days_late, submission_id, first received on)
EXPECTED: dict[tuple[str, str | None, str], tuple[str, int | None, str | None, str | None]] = {
    ("XAA", "Border Police", "2024-Q1"): ("on_time", 0, "a1", "2024-04-20"),
    ("XAA", "Border Police", "2024-Q2"): ("late", 10, "a2", "2024-08-09"),
    ("XAA", "Border Police", "2024-Q3"): ("not_yet_due", None, None, None),
    ("XBB", "Immigration Service", "2024-01"): ("on_time", 0, "b1", "2024-02-15"),
    ("XBB", "Immigration Service", "2024-02"): ("on_time", 0, "b2", "2024-03-10"),
    ("XBB", "Immigration Service", "2024-03"): ("on_time", 0, "b3", "2024-04-12"),
    ("XBB", "Immigration Service", "2024-Q2"): ("on_time", 0, "b5", "2024-07-25"),
    ("XBB", "Immigration Service", "2024-Q3"): ("on_time", 0, "b6", "2024-10-05"),
    ("XCC", None, "2023-S2"): ("on_time", 0, "c1", "2024-02-10"),
    # Due 2024-08-29; as of 2024-10-15 it is 47 days overdue.
    ("XCC", None, "2024-S1"): ("missing", 47, None, None),
    # Due 2024-05-30; the withdrawal is the package that made it missing.
    ("XDD", "Coast Guard", "2024-Q1"): ("missing", 138, "d1-withdrawn", None),
    ("XDD", "Coast Guard", "2024-Q2"): ("late", 7, "d2-again", "2024-09-05"),
    ("XDD", "Coast Guard", "2024-Q3"): ("not_yet_due", None, None, None),
}
LATE = {k for k, v in EXPECTED.items() if v[0] == "late"}
MISSING = {k for k, v in EXPECTED.items() if v[0] == "missing"}


def _stamp(day: str, n: int) -> datetime:
    # 09:00 UTC plus a few seconds, so packages of the same day keep their order.
    return datetime.fromisoformat(day).replace(hour=9, second=n, tzinfo=UTC)


def submission_rows(packages: list[tuple[str, str, str, str, str, str, str]]) -> list[dict]:
    """Rows as raw.submissions holds them: versions count accepted packages in receipt order."""
    versions: Counter[tuple[str, str, str]] = Counter()
    rows = []
    for n, (sid, state, agency, label, day, status, action) in enumerate(packages):
        period = parse_period(label)
        assert period is not None
        key = (state, normalise_text(agency), period.label)
        if status == "accepted":
            versions[key] += 1
        rows.append(
            {
                "submission_id": sid,
                "sha256": hashlib.sha256(sid.encode()).hexdigest(),
                "original_name": f"{sid}.xlsx",
                "size_bytes": 1000,
                "received_at": _stamp(day, n),
                "processed_at": _stamp(day, n) + timedelta(minutes=1),
                "status": status,
                "reporting_state": state,
                "reporting_agency": agency,
                "agency_key": normalise_text(agency),
                "period": period.label,
                "period_type": period.type,
                "period_start": period.start,
                "period_end": period.end,
                "action": action,
                "version": versions[key] if status == "accepted" else None,
                "error_count": 0 if status == "accepted" else 1,
                "warning_count": 0,
                "archive_path": f"archive/{sid}",
            }
        )
    return rows


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "participants.yml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A VRS_HOME whose warehouse holds the packages above in raw.submissions."""
    s = Settings(home=tmp_path / "home")
    s.warehouse_dir.mkdir(parents=True)
    con = duckdb.connect(str(s.warehouse_db))
    try:
        ensure_schema(con)
        rows = submission_rows(PACKAGES)
        cols = list(rows[0])
        con.executemany(
            f"insert into raw.submissions ({', '.join(cols)}) "
            f"values ({', '.join('?' for _ in cols)})",
            [[r[c] for c in cols] for r in rows],
        )
    finally:
        con.close()
    return s


def _table(s: Settings, as_of: date = AS_OF) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(s.warehouse_db), read_only=True)
    try:
        return con.execute(
            f"select reporting_state, agency, period, period_type, period_end, due_date, status, "
            f"days_late, submission_id, timezone('UTC', first_received_at) "
            f"from {TABLE} where as_of = ? order by all",
            [as_of],
        ).fetchall()
    finally:
        con.close()


# --- the plan -----------------------------------------------------------------------------
def test_load_participants(plan: Path) -> None:
    ps = load_participants(plan)
    assert [(p.state, p.agency, p.period_type, p.due_days) for p in ps] == [
        ("XAA", "Border Police", "Q", 30),
        ("XBB", "Immigration Service", "M", 60),
        ("XBB", "Immigration Service", "Q", 60),
        ("XCC", None, "S", 60),
        ("XDD", "Coast Guard", "Q", 60),
    ]
    assert ps[0].agency_key == "border police"
    assert ps[1].until == date(2024, 3, 31) and ps[2].until is None


def test_due_days_and_until_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.yml"
    path.write_text(
        "defaults: {due_days: {M: 45, A: 150}, until: 2024-12-31}\n"
        "participants:\n"
        "  - {state: AAA, period_type: M, from: 2024-01-01}\n"
        "  - {state: BBB, period_type: A, from: 2020-01-01, until: null, due_days: 7}\n",
        encoding="utf-8",
    )
    a, b = load_participants(path)
    assert (a.due_days, a.until) == (45, date(2024, 12, 31))
    assert (b.due_days, b.until) == (7, None)


def test_invalid_plan_names_every_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(
        "defaults: {due_days: 60}\n"
        "participants:\n"
        "  - {state: tha, agency: Police, period_type: Q, from: 2024-01-01}\n"
        "  - {state: THA, agency: Police, period_type: Q, from: 2024-02-01}\n"
        "  - {state: THA, agency: Navy, period_type: W, from: 2024-01-01}\n"
        "  - {state: THA, agency: Army, period_type: M, from: 2024-01-01, due_day: 5}\n"
        # The monthly entry lacks its until: it overlaps the quarterly one.
        "  - {state: LKA, agency: Navy, period_type: M, from: 2020-01-01}\n"
        "  - {state: LKA, agency: ' navy', period_type: Q, from: 2022-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(ParticipantsError) as info:
        load_participants(path)
    message = str(info.value)
    assert "participants[1] (tha / Police): state must be an ISO 3166 alpha-3" in message
    assert (
        "participants[2] (THA / Police): from 2024-02-01 is not the first day of a period of type Q"
        in message
    )
    assert "participants[3] (THA / Navy): period_type must be one of M, Q, S, A" in message
    assert "participants[4] (THA / Army): unknown key 'due_day'" in message
    assert "participants[6] (LKA / navy): overlaps participants[5] (LKA / Navy)" in message


def test_expected_reports_up_to_the_last_ended_period(plan: Path) -> None:
    expected = expected_reports(load_participants(plan), AS_OF)
    assert {(e.reporting_state, e.agency, e.period.label) for e in expected} == set(EXPECTED)
    xbb = [(e.period.label, e.due_date) for e in expected if e.reporting_state == "XBB"]
    assert xbb == [
        ("2024-01", date(2024, 3, 31)),
        ("2024-02", date(2024, 4, 29)),  # 2024 is a leap year
        ("2024-03", date(2024, 5, 30)),
        ("2024-Q2", date(2024, 8, 29)),
        ("2024-Q3", date(2024, 11, 29)),
    ]
    # The third quarter ends on 2024-09-30: expected from 2024-10-01 on, not the day before.
    assert "2024-Q3" not in {
        e.period.label for e in expected_reports(load_participants(plan), date(2024, 9, 30))
    }


# --- assessment ---------------------------------------------------------------------------
def test_assess_statuses(plan: Path) -> None:
    rows = assess(
        expected_reports(load_participants(plan), AS_OF), submission_rows(PACKAGES), AS_OF
    )
    got = {
        (r.reporting_state, r.agency, r.period): (
            r.status,
            r.days_late,
            r.submission_id,
            r.first_received_at.date().isoformat() if r.first_received_at else None,
        )
        for r in rows
    }
    assert got == EXPECTED
    withdrawn = {(r.reporting_state, r.period): r.withdrawn_at for r in rows if r.withdrawn_at}
    assert withdrawn == {("XDD", "2024-Q1"): _stamp("2024-06-15", 14)}
    assert summarise(rows) == {
        "expected": 11,
        "on_time": 7,
        "late": 2,
        "missing": 2,
        "not_yet_due": 2,
        "reporting_rate": 81.8,
        "timeliness_rate": 63.6,
    }


def test_unexpected_reports(plan: Path) -> None:
    got = unexpected_reports(load_participants(plan), submission_rows(PACKAGES), AS_OF)
    assert [(u.reporting_state, u.period, u.submission_id, u.reason) for u in got] == [
        (
            "XBB",
            "2024-04",
            "b4",
            "the period is not in the agency's schedule (period type or dates)",
        ),
        ("XZZ", "2024-Q1", "z1", "the state is not a participant"),
    ]


def test_run_coverage_writes_the_table(settings: Settings, plan: Path) -> None:
    result = run_coverage(settings, AS_OF, plan)
    rows = _table(settings)
    got = {
        (state, agency, period): (
            status,
            days_late,
            sid,
            received.date().isoformat() if received else None,
        )
        for state, agency, period, _, _, _, status, days_late, sid, received in rows
    }
    assert got == EXPECTED
    assert len(rows) == len(EXPECTED) == result.table_rows
    assert ("XDD", "Coast Guard", "2024-Q2", "Q", date(2024, 6, 30), date(2024, 8, 29)) in {
        r[:6] for r in rows
    }
    summary = result.summary()
    assert (summary["late"], summary["missing"], summary["unexpected"]) == (2, 2, 2)
    assert summary["report_json"] == str(settings.reports / "coverage" / "2024-10-15.json")
    json.dumps(summary)  # what Airflow passes through XCom


def test_run_coverage_is_idempotent(settings: Settings, plan: Path) -> None:
    first = run_coverage(settings, AS_OF, plan)
    table, report_json, report_md = (
        _table(settings),
        first.json_path.read_bytes(),
        first.md_path.read_bytes(),
    )
    other = date(2024, 12, 1)
    run_coverage(settings, other, plan)
    again = run_coverage(settings, AS_OF, plan)
    assert _table(settings) == table  # replaced, not appended
    assert again.json_path.read_bytes() == report_json
    assert again.md_path.read_bytes() == report_md
    assert _table(settings, other)  # another day's rows are left alone
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        assert con.execute(f"select count(*) from {TABLE}").fetchone() == (
            len(table) + len(_table(settings, other)),
        )
    finally:
        con.close()


def test_report_lists_exactly_the_late_and_missing(settings: Settings, plan: Path) -> None:
    result = run_coverage(settings, AS_OF, plan)
    report = json.loads(result.json_path.read_text(encoding="utf-8"))
    key = lambda r: (r["reporting_state"], r["agency"], r["period"])  # noqa: E731
    assert {key(r) for r in report["late"]} == LATE
    assert {key(r) for r in report["missing"]} == MISSING
    assert [r["days_late"] for r in report["late"]] == [10, 7]
    assert report["totals"]["reporting_rate"] == 81.8
    assert {s["reporting_state"]: s["missing"] for s in report["states"]} == {
        "XAA": 0,
        "XBB": 0,
        "XCC": 1,
        "XDD": 1,
    }
    assert [u["submission_id"] for u in report["unexpected"]] == ["b4", "z1"]

    md = result.md_path.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (\w+) reports \(\d+\)\n\n(.*?)(?=\n## |\Z)", md, re.S | re.M))

    def listed(section: str) -> set[tuple[str, str | None, str]]:
        lines = sections[section].strip().splitlines()[2:]  # header and rule
        cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
        return {(c[0], None if c[1] == "(any)" else c[1], c[2]) for c in cells}

    assert listed("Late") == LATE
    assert listed("Missing") == MISSING
    assert "withdrawn 2024-06-15 (d1-withdrawn)" in sections["Missing"]
    assert "| **All** | 11 | 7 | 2 | 2 | 2 | 81.8 % | 63.6 % |" in md


def test_no_warehouse_yet(tmp_path: Path, plan: Path) -> None:
    """Before the first package there is no raw layer: everything due is missing."""
    s = Settings(home=tmp_path / "empty")
    result = run_coverage(s, AS_OF, plan)
    # XBB's third quarter, received early above, is now simply not yet due.
    assert (result.totals["expected"], result.totals["missing"]) == (10, 10)
    assert result.totals["reporting_rate"] == 0.0


# --- the real plan against the demo set ---------------------------------------------------
def _demo_submissions() -> tuple[list[dict], date]:
    """raw.submissions as processing the demo set in order would fill it (from MANIFEST.json:
    the send time is ``mtime``; the same bytes twice are recorded once)."""
    manifest = json.loads((REPO_ROOT / "samples" / "demo" / "MANIFEST.json").read_text("utf-8"))
    seen: set[str] = set()
    versions: Counter[tuple[str, str, str]] = Counter()
    rows = []
    for f in manifest["files"]:
        if f["sha256"] in seen:
            continue
        seen.add(f["sha256"])
        key = (f["reporting_state"], normalise_text(f["agency"]), f["period"])
        accepted = f["expect"] == "accepted"
        versions[key] += accepted
        rows.append(
            {
                "submission_id": f["sha256"][:16],
                "reporting_state": f["reporting_state"],
                "reporting_agency": f["agency"],
                "period": f["period"],
                "received_at": datetime.fromtimestamp(f["mtime"], UTC),
                "status": f["expect"],
                "action": f["action"],
                "version": versions[key] if accepted else None,
            }
        )
    # The day after the last package: every report of the demo has had its chance.
    return rows, max(r["received_at"] for r in rows).date() + timedelta(days=1)


def test_demo_plan_against_the_demo_set() -> None:
    participants = load_participants(REPO_ROOT / "config" / "participants.yml")
    submissions, as_of = _demo_submissions()
    rows = assess(expected_reports(participants, as_of), submissions, as_of)
    totals = summarise(rows)
    assert totals["late"] and totals["late"] >= 1
    assert totals["missing"] and totals["missing"] >= 1
    assert totals["reporting_rate"] is not None and totals["reporting_rate"] > 80
    assert totals["on_time"] > totals["late"] + totals["missing"]  # most are on time
    # The plan covers every report the demo states send, and every state of the demo.
    assert unexpected_reports(participants, submissions, as_of) == []
    manifest = json.loads((REPO_ROOT / "samples" / "demo" / "MANIFEST.json").read_text("utf-8"))
    assert {p.state for p in participants} == set(manifest["states"])
    # The demo's withdrawals leave their reports missing.
    withdrawn = {
        (f["reporting_state"], f["period"]) for f in manifest["files"] if f["action"] == "delete"
    }
    assert withdrawn <= {(r.reporting_state, r.period) for r in rows if r.status == "missing"}
