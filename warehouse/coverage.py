"""Reporting coverage and timeliness: which expected reports arrived, on time or late, and
which are missing — DHIS2's "reporting rate" and "reporting rate on time", for the states'
periodic reports.

Who is expected to report what comes from ``config/participants.yml`` (see the schema at the top
of that file): a state, optionally one of its agencies, a period type and a window of periods,
and the days after a period's end by which its report is due.

Everything is assessed **as of the start of a day** (00:00 UTC of ``as_of``):

* a period is expected when it ended before ``as_of`` (``period_end < as_of``);
* only packages received before ``as_of`` count, so assessing a past day gives the same answer
  whenever it is run, and two runs on the same day agree even if a package arrives in between;
* a report is **on time** when its first accepted receipt falls on or before the due date
  (``period_end + due_days``, UTC day of receipt), **late** when after it, **missing** when
  nothing was received and the due date has passed (``due_date < as_of``), and **not yet due**
  otherwise.

Rules for the packages (the rows of ``raw.submissions``):

* only ``accepted`` packages count; a rejected package is as if never sent;
* a resubmission does not move the receipt date: timeliness is measured on the first accepted
  receipt, the moment the secretariat first had usable data for the period;
* a withdrawal (an accepted package with ``action = 'delete'``) removes the report: from the
  withdrawal on it counts as not received (``missing`` once due), like
  ``raw.current_submissions``, because the marts no longer hold its data. If the state sends the
  report again, its timeliness is measured from the first receipt *after* the withdrawal: that
  is when the data now in force first arrived;
* agencies match by their normalised name (:func:`contracts.normalise.normalise_text`, the
  ``agency_key`` of the raw layer), so "Border Police" and " border police" are one agency; a
  participant without an agency is satisfied by a report from any agency of its state;
* accepted reports that no participant's schedule expects (unknown state or agency, another
  period type, outside the window) are listed separately as *unexpected*: they are not errors
  of the state but a sign that ``participants.yml`` needs updating.

Rates, per state and overall, over the reports that are due or already received (``on_time +
late + missing``): reporting rate = received / expected, timeliness rate = on time / expected
(DHIS2's "reporting rate on time").

Importing this module is cheap: DuckDB, polars (behind ``normalise_text``) and pyarrow are
imported by the functions that need them, so DAG parsing and CLI start-up do not pay for them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

import yaml

from contracts.periods import Period, PeriodType, parse_period

if TYPE_CHECKING:
    import duckdb

    from warehouse.settings import Settings

Status = Literal["on_time", "late", "missing", "not_yet_due"]
STATUSES: tuple[Status, ...] = get_args(Status)
PERIOD_TYPES: tuple[PeriodType, ...] = get_args(PeriodType)
_MONTHS: dict[PeriodType, int] = {"M": 1, "Q": 3, "S": 6, "A": 12}
_ISO3 = re.compile(r"^[A-Z]{3}$")

SCHEMA = "monitoring"
TABLE = f"{SCHEMA}.reporting_timeliness"
# The table's columns in order; CoverageRow carries these and a little more for the reports.
COLUMNS: tuple[str, ...] = (
    "as_of",
    "reporting_state",
    "agency",
    "period",
    "period_type",
    "period_end",
    "due_date",
    "status",
    "first_received_at",
    "days_late",
    "submission_id",
)
TABLE_DDL = f"""
create schema if not exists {SCHEMA};
create table if not exists {TABLE} (
    as_of date not null,
    reporting_state varchar not null,
    agency varchar,
    period varchar not null,
    period_type varchar not null,
    period_end date not null,
    due_date date not null,
    status varchar not null,
    first_received_at timestamptz,
    days_late integer,
    submission_id varchar
);
comment on table {TABLE} is 'Expected reports and their timeliness, one set of rows per as_of '
    '(warehouse.coverage; expectations from config/participants.yml).';
comment on column {TABLE}.agency is
    'As written in participants.yml; null: any agency of the state.';
comment on column {TABLE}.status is
    'on_time | late | missing | not_yet_due, as of 00:00 UTC of as_of.';
comment on column {TABLE}.first_received_at is
    'First accepted receipt (after the latest withdrawal, if any); null when not received.';
comment on column {TABLE}.days_late is
    'late: days after the due date; on_time: 0; missing: days overdue at as_of; not_yet_due: null.';
comment on column {TABLE}.submission_id is
    'The package of first_received_at; for a withdrawn (missing) report, the withdrawal.';
"""


class ParticipantsError(ValueError):
    """``participants.yml`` is malformed; the message names every offending entry."""


# --- participants -------------------------------------------------------------------------
@cache
def _normalise(text: str) -> str:
    # Deferred import: contracts.normalise pulls in polars. Cached: a few dozen distinct names.
    from contracts.normalise import normalise_text

    return normalise_text(text)


@dataclass(frozen=True)
class Participant:
    """One line of the reporting plan: ``state`` (and ``agency``) reports ``period_type``
    periods starting on or after ``start`` and ending on or before ``until``."""

    state: str
    agency: str | None  # as the state writes it; None: any agency of the state
    period_type: PeriodType
    start: date  # ``from`` in the file: the first expected period's first day
    until: date | None  # the last expected period's last day; None: open-ended
    due_days: int
    entry: int = 0  # 1-based position in the file, for messages
    agency_key: str | None = field(init=False, compare=False)

    def __post_init__(self) -> None:
        key = _normalise(self.agency) if self.agency is not None else None
        object.__setattr__(self, "agency_key", key)

    @property
    def name(self) -> str:
        """How messages refer to the entry."""
        return f"participants[{self.entry}] ({self.state} / {self.agency or 'any agency'})"

    def covers(self, period: Period) -> bool:
        """Whether the plan expects this period at all (whatever the date of assessment)."""
        return (
            period.type == self.period_type
            and period.start >= self.start
            and (self.until is None or period.end <= self.until)
        )

    def due_date(self, period: Period) -> date:
        return period.end + timedelta(days=self.due_days)


def _period_starting(ptype: PeriodType, day: date) -> Period | None:
    """The period of this type that starts on ``day``, if one does."""
    months = _MONTHS[ptype]
    if day.day != 1 or (day.month - 1) % months:
        return None
    return Period(ptype, day.year, (day.month - 1) // months + 1)


def _is_period_end(ptype: PeriodType, day: date) -> bool:
    months = _MONTHS[ptype]
    return day.month % months == 0 and Period(ptype, day.year, day.month // months).end == day


def _next_period(p: Period) -> Period:
    if p.number < 12 // p.months:
        return Period(p.type, p.year, p.number + 1)
    return Period(p.type, p.year + 1, 1)


def _date(value: object, what: str, errors: list[str]) -> date | None:
    # YAML reads 2024-01-01 as a date already; accept the quoted form too. A datetime is a
    # date subclass but almost certainly a typo here, so it is refused.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    errors.append(f"{what}: {value!r} is not a date (YYYY-MM-DD)")
    return None


def _days(value: object, what: str, errors: list[str]) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    errors.append(f"{what}: {value!r} is not a whole number of days (0 or more)")
    return None


_ENTRY_KEYS = {"state", "agency", "period_type", "from", "until", "due_days"}
_DEFAULT_KEYS = {"due_days", "until"}


def _defaults(raw: object, errors: list[str]) -> tuple[dict[PeriodType, int], date | None]:
    """``defaults.due_days`` (a number, or a number per period type) and ``defaults.until``."""
    due: dict[PeriodType, int] = {}
    if raw is None:
        return due, None
    if not isinstance(raw, Mapping):
        errors.append("defaults: must be a mapping (due_days, until)")
        return due, None
    for key in sorted(set(raw) - _DEFAULT_KEYS, key=str):
        errors.append(f"defaults: unknown key {key!r} (known: {', '.join(sorted(_DEFAULT_KEYS))})")
    value = raw.get("due_days")
    if isinstance(value, Mapping):
        for ptype, days in value.items():
            if ptype not in PERIOD_TYPES:
                errors.append(f"defaults.due_days: unknown period type {ptype!r} (M, Q, S, A)")
            elif (n := _days(days, f"defaults.due_days.{ptype}", errors)) is not None:
                due[cast(PeriodType, ptype)] = n
    elif value is not None and (n := _days(value, "defaults.due_days", errors)) is not None:
        due = dict.fromkeys(PERIOD_TYPES, n)
    until = _date(raw["until"], "defaults.until", errors) if raw.get("until") is not None else None
    return due, until


def _participant(
    n: int,
    raw: object,
    due: Mapping[PeriodType, int],
    default_until: date | None,
    errors: list[str],
) -> Participant | None:
    where = f"participants[{n}]"
    if not isinstance(raw, Mapping):
        errors.append(f"{where}: must be a mapping (state, agency, period_type, from, …)")
        return None
    state_raw, agency_raw = raw.get("state"), raw.get("agency")
    where = f"{where} ({state_raw} / {agency_raw or 'any agency'})"
    before = len(errors)
    for key in sorted(set(raw) - _ENTRY_KEYS, key=str):
        errors.append(f"{where}: unknown key {key!r} (known: {', '.join(sorted(_ENTRY_KEYS))})")
    if not isinstance(state_raw, str) or not _ISO3.match(state_raw):
        errors.append(f"{where}: state must be an ISO 3166 alpha-3 code in capitals, e.g. THA")
    if agency_raw is not None and (not isinstance(agency_raw, str) or not agency_raw.strip()):
        errors.append(f"{where}: agency must be a name (or be left out: any agency)")
    ptype = raw.get("period_type")
    if ptype not in PERIOD_TYPES:
        errors.append(f"{where}: period_type must be one of M, Q, S, A (got {ptype!r})")
        return None
    ptype = cast(PeriodType, ptype)
    start = _date(raw.get("from"), f"{where}: from", errors) if "from" in raw else None
    if "from" not in raw:
        errors.append(f"{where}: from (the first expected period's first day) is required")
    elif start is not None and _period_starting(ptype, start) is None:
        errors.append(f"{where}: from {start} is not the first day of a period of type {ptype}")
    # ``until: null`` makes an entry open-ended even when defaults.until is set.
    until = None if "until" in raw else default_until
    if raw.get("until") is not None:
        until = _date(raw["until"], f"{where}: until", errors)
        if until is not None and not _is_period_end(ptype, until):
            errors.append(f"{where}: until {until} is not the last day of a period of type {ptype}")
    if start is not None and until is not None and until < start:
        errors.append(f"{where}: until {until} is before from {start}")
    days = (
        _days(raw["due_days"], f"{where}: due_days", errors)
        if "due_days" in raw
        else due.get(ptype)
    )
    if days is None and "due_days" not in raw:
        errors.append(f"{where}: no due_days, and defaults.due_days gives none for {ptype}")
    if len(errors) > before or start is None or days is None:
        return None
    return Participant(
        state=cast(str, state_raw),
        agency=cast(str, agency_raw).strip() if agency_raw is not None else None,
        period_type=ptype,
        start=start,
        until=until,
        due_days=days,
        entry=n,
    )


def _overlaps(participants: Sequence[Participant]) -> list[str]:
    """An agency follows one schedule at a time: overlapping windows would expect the same
    months twice (typically a monthly entry whose ``until`` was forgotten at a switch)."""
    by_agency: dict[tuple[str, str | None], list[Participant]] = defaultdict(list)
    for p in participants:
        by_agency[(p.state, p.agency_key)].append(p)
    errors: list[str] = []
    for group in by_agency.values():
        group.sort(key=lambda p: p.start)
        for prev, cur in pairwise(group):
            if prev.until is None or prev.until >= cur.start:
                errors.append(
                    f"{cur.name}: overlaps {prev.name} (from {cur.start}, while the other runs "
                    f"until {prev.until or 'further notice'}); end the earlier one with until"
                )
    return errors


def load_participants(path: str | os.PathLike[str]) -> list[Participant]:
    """Read and validate ``participants.yml``; raise :class:`ParticipantsError` listing every
    problem (not only the first), each naming its entry."""
    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParticipantsError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(doc, Mapping) or not isinstance(doc.get("participants"), list):
        raise ParticipantsError(f"{path}: expected a mapping with a 'participants' list")
    errors: list[str] = [
        f"unknown top-level key {key!r} (known: defaults, participants)"
        for key in sorted(set(doc) - {"defaults", "participants"}, key=str)
    ]
    due, until = _defaults(doc.get("defaults"), errors)
    participants = [
        p
        for n, raw in enumerate(doc["participants"], start=1)
        if (p := _participant(n, raw, due, until, errors)) is not None
    ]
    errors += _overlaps(participants)
    if errors:
        raise ParticipantsError(f"{path}:\n  " + "\n  ".join(errors))
    return participants


# --- expectations -------------------------------------------------------------------------
@dataclass(frozen=True)
class Expected:
    """One report a participant owes: its period and due date."""

    participant: Participant
    period: Period
    due_date: date

    @property
    def reporting_state(self) -> str:
        return self.participant.state

    @property
    def agency(self) -> str | None:
        return self.participant.agency


def expected_reports(participants: Iterable[Participant], as_of: date) -> list[Expected]:
    """Every report due from each participant for the periods that ended before ``as_of``
    (whether or not its due date has passed), sorted by state, agency and period."""
    out: list[Expected] = []
    for p in participants:
        period = _period_starting(p.period_type, p.start)
        if period is None:  # load_participants refuses this; a hand-built Participant may not
            raise ValueError(f"{p.name}: from {p.start} does not start a {p.period_type} period")
        while period.end < as_of and (p.until is None or period.end <= p.until):
            out.append(Expected(p, period, p.due_date(period)))
            period = _next_period(period)
    out.sort(key=lambda e: (e.reporting_state, e.agency or "", e.period.start, e.period.months))
    return out


# --- receipts -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Receipt:
    """An accepted package, as much of it as coverage needs."""

    submission_id: str
    state: str
    agency: str  # as written in the package
    agency_key: str
    period: Period
    received_at: datetime  # aware, UTC
    action: str  # replace | delete
    version: int


def _utc(value: object) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise TypeError(f"received_at must be a datetime, got {value!r}")
    # raw.submissions stores UTC; a naive value read through timezone('UTC', …) is UTC too.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _receipts(submissions: Iterable[Mapping[str, Any]], as_of: date) -> list[_Receipt]:
    """The accepted packages received before ``as_of`` (00:00 UTC), in receipt order."""
    cutoff = datetime.combine(as_of, time(), UTC)
    out: list[_Receipt] = []
    for row in submissions:
        if row.get("status") != "accepted" or not row.get("reporting_state"):
            continue
        period = parse_period(row.get("period"))
        received = _utc(row["received_at"])
        if period is None or received >= cutoff:
            continue
        agency = row.get("reporting_agency") or ""
        out.append(
            _Receipt(
                submission_id=str(row["submission_id"]),
                state=str(row["reporting_state"]),
                agency=agency,
                # Normalised again: agency_key is normalise_text already, but rows built by
                # hand (tests, the demo manifest) may only carry the name.
                agency_key=_normalise(row.get("agency_key") or agency),
                period=period,
                received_at=received,
                action=str(row.get("action") or "replace"),
                version=int(row.get("version") or 0),
            )
        )
    # Versions are numbered in receipt order (refresh renumbers them by received_at), so this
    # is the order raw.current_submissions reads them in.
    out.sort(key=lambda r: (r.received_at, r.version, r.submission_id))
    return out


def _in_force(packages: Sequence[_Receipt]) -> tuple[_Receipt | None, _Receipt | None]:
    """(first receipt of the report now in force, latest withdrawal) for one agency's period.

    Each withdrawal ends a run of versions; the report in force is the run after the last
    withdrawal, and its first package is when its data first arrived.
    """
    first: _Receipt | None = None
    withdrawal: _Receipt | None = None
    for r in packages:
        if r.action == "delete":
            first, withdrawal = None, r
        elif first is None:
            first = r
    return first, withdrawal


# --- assessment ---------------------------------------------------------------------------
@dataclass(frozen=True)
class CoverageRow:
    """One expected report as of a day: a row of ``monitoring.reporting_timeliness`` (plus
    ``withdrawn_at``, which only the reports show)."""

    as_of: date
    reporting_state: str
    agency: str | None
    period: str
    period_type: PeriodType
    period_end: date
    due_date: date
    status: Status
    first_received_at: datetime | None
    days_late: int | None  # see the table's column comment
    submission_id: str | None
    withdrawn_at: datetime | None = None  # set when a withdrawal made the report missing

    def record(self) -> dict[str, Any]:
        """JSON-able form, for the report file."""
        out: dict[str, Any] = {c: getattr(self, c) for c in COLUMNS}
        out["withdrawn_at"] = self.withdrawn_at
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in out.items()}


@dataclass(frozen=True)
class Unexpected:
    """An accepted report no participant's schedule asks for."""

    reporting_state: str
    agency: str  # as written in its first package
    period: str
    period_type: PeriodType
    first_received_at: datetime
    submission_id: str
    reason: str

    def record(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["first_received_at"] = self.first_received_at.isoformat()
        return out


def assess(
    expected: Iterable[Expected], submissions: Iterable[Mapping[str, Any]], as_of: date
) -> list[CoverageRow]:
    """Match every expected report with the packages received before ``as_of``.

    ``submissions`` are rows of ``raw.submissions`` as mappings (``submission_id``,
    ``reporting_state``, ``reporting_agency``, ``agency_key``, ``period``, ``received_at``,
    ``status``, ``action``, ``version``); the module docstring gives the rules.
    """
    packages: dict[tuple[str, str, str], list[_Receipt]] = defaultdict(list)
    agencies: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in _receipts(submissions, as_of):
        packages[(r.state, r.agency_key, r.period.label)].append(r)
        agencies[(r.state, r.period.label)].add(r.agency_key)

    rows: list[CoverageRow] = []
    for e in expected:
        state, label = e.reporting_state, e.period.label
        keys = (
            sorted(agencies.get((state, label), ()))
            if e.participant.agency_key is None
            else [e.participant.agency_key]
        )
        received: list[_Receipt] = []
        withdrawals: list[_Receipt] = []
        for key in keys:
            first, withdrawal = _in_force(packages.get((state, key, label), ()))
            if first is not None:
                received.append(first)
            elif withdrawal is not None:
                withdrawals.append(withdrawal)
        # Any agency may satisfy a state-wide expectation: the earliest report in force counts.
        first = min(received, key=lambda r: r.received_at, default=None)
        withdrawn = max(withdrawals, key=lambda r: r.received_at, default=None)
        status: Status
        if first is not None:
            late_by = (first.received_at.date() - e.due_date).days
            status, days_late, sid = ("late" if late_by > 0 else "on_time"), max(late_by, 0), first
        elif e.due_date < as_of:
            # At least this late: what it would be if it arrived on as_of.
            status, days_late, sid = "missing", (as_of - e.due_date).days, withdrawn
        else:
            status, days_late, sid = "not_yet_due", None, withdrawn
        rows.append(
            CoverageRow(
                as_of=as_of,
                reporting_state=state,
                agency=e.agency,
                period=label,
                period_type=e.period.type,
                period_end=e.period.end,
                due_date=e.due_date,
                status=status,
                first_received_at=first.received_at if first else None,
                days_late=days_late,
                submission_id=sid.submission_id if sid else None,
                withdrawn_at=withdrawn.received_at if withdrawn and not first else None,
            )
        )
    return rows


def unexpected_reports(
    participants: Sequence[Participant], submissions: Iterable[Mapping[str, Any]], as_of: date
) -> list[Unexpected]:
    """Reports received before ``as_of`` that no participant's schedule covers, one per state ×
    agency × period (its first accepted package)."""
    states = {p.state for p in participants}
    agencies = {(p.state, p.agency_key) for p in participants}
    seen: set[tuple[str, str, str]] = set()
    out: list[Unexpected] = []
    for r in _receipts(submissions, as_of):
        key = (r.state, r.agency_key, r.period.label)
        if key in seen:
            continue
        seen.add(key)
        if any(
            p.state == r.state and p.agency_key in (None, r.agency_key) and p.covers(r.period)
            for p in participants
        ):
            continue
        if r.state not in states:
            reason = "the state is not a participant"
        elif (r.state, r.agency_key) not in agencies and (r.state, None) not in agencies:
            reason = "the agency is not a participant"
        else:
            reason = "the period is not in the agency's schedule (period type or dates)"
        out.append(
            Unexpected(
                r.state,
                r.agency,
                r.period.label,
                r.period.type,
                r.received_at,
                r.submission_id,
                reason,
            )
        )
    out.sort(key=lambda u: (u.reporting_state, u.agency, u.period))
    return out


# --- summaries and reports ----------------------------------------------------------------
def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def summarise(rows: Iterable[CoverageRow]) -> dict[str, int | float | None]:
    """Counts per status, ``expected`` (= on time + late + missing: due or already received)
    and the two rates, in percent."""
    counts = dict.fromkeys(STATUSES, 0)
    for r in rows:
        counts[r.status] += 1
    expected = counts["on_time"] + counts["late"] + counts["missing"]
    return {
        "expected": expected,
        **counts,
        "reporting_rate": _rate(counts["on_time"] + counts["late"], expected),
        "timeliness_rate": _rate(counts["on_time"], expected),
    }


def _report_dict(
    as_of: date,
    rows: Sequence[CoverageRow],
    unexpected: Sequence[Unexpected],
    participants_path: Path,
) -> dict[str, Any]:
    by_state: dict[str, list[CoverageRow]] = defaultdict(list)
    for r in rows:
        by_state[r.reporting_state].append(r)
    return {
        "as_of": as_of.isoformat(),
        "counted_until": datetime.combine(as_of, time(), UTC).isoformat(),
        "participants": str(participants_path),
        # The content, not the file's time: the same plan gives the same report.
        "participants_sha256": hashlib.sha256(participants_path.read_bytes()).hexdigest(),
        "totals": summarise(rows),
        "states": [{"reporting_state": s, **summarise(by_state[s])} for s in sorted(by_state)],
        "late": [r.record() for r in rows if r.status == "late"],
        "missing": [r.record() for r in rows if r.status == "missing"],
        "unexpected": [u.record() for u in unexpected],
    }


def _pct(value: object) -> str:
    return "–" if value is None else f"{value:.1f} %"


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|")  # a pipe would split the cell


def _md_table(header: Sequence[str], lines: Iterable[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_cell(v) for v in line) + " |" for line in lines]
    return out


def _report_md(report: Mapping[str, Any]) -> str:
    def counts(label: str, s: Mapping[str, Any]) -> list[object]:
        return [
            label,
            s["expected"],
            s["on_time"],
            s["late"],
            s["missing"],
            s["not_yet_due"],
            _pct(s["reporting_rate"]),
            _pct(s["timeliness_rate"]),
        ]

    def day(stamp: str | None) -> str | None:
        return stamp[:10] if stamp else None

    lines = [
        f"# Reporting coverage as of {report['as_of']}",
        "",
        f"Packages received before {report['counted_until']}, against `{report['participants']}`.",
        "A report is *on time* when first accepted by its due date (period end + due days), "
        "*late* after it, *missing* when not received and overdue. Expected = on time + late + "
        "missing; reporting rate = received / expected; timeliness = on time / expected.",
        "",
        "## Summary per state",
        "",
        *_md_table(
            (
                "State",
                "Expected",
                "On time",
                "Late",
                "Missing",
                "Not yet due",
                "Reporting rate",
                "Timeliness",
            ),
            [
                *(counts(s["reporting_state"], s) for s in report["states"]),
                counts("**All**", report["totals"]),
            ],
        ),
        "",
        f"## Late reports ({len(report['late'])})",
        "",
        *_md_table(
            ("State", "Agency", "Period", "Due", "First received", "Days late", "Submission"),
            (
                (
                    r["reporting_state"],
                    r["agency"] or "(any)",
                    r["period"],
                    r["due_date"],
                    day(r["first_received_at"]),
                    r["days_late"],
                    r["submission_id"],
                )
                for r in report["late"]
            ),
        ),
        "",
        f"## Missing reports ({len(report['missing'])})",
        "",
        *_md_table(
            ("State", "Agency", "Period", "Due", "Days overdue", "Note"),
            (
                (
                    r["reporting_state"],
                    r["agency"] or "(any)",
                    r["period"],
                    r["due_date"],
                    r["days_late"],
                    f"withdrawn {day(r['withdrawn_at'])} ({r['submission_id']})"
                    if r["withdrawn_at"]
                    else "",
                )
                for r in report["missing"]
            ),
        ),
    ]
    if report["unexpected"]:
        lines += [
            "",
            f"## Unexpected reports ({len(report['unexpected'])})",
            "",
            "Accepted, but no participant expects them: update `participants.yml`?",
            "",
            *_md_table(
                ("State", "Agency", "Period", "First received", "Submission", "Why"),
                (
                    (
                        u["reporting_state"],
                        u["agency"],
                        u["period"],
                        day(u["first_received_at"]),
                        u["submission_id"],
                        u["reason"],
                    )
                    for u in report["unexpected"]
                ),
            ),
        ]
    return "\n".join(lines) + "\n"


def _write_atomically(path: Path, text: str) -> None:
    """Readers never see half a report: write beside it, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


# --- the warehouse ------------------------------------------------------------------------
_READ_SUBMISSIONS = """
select submission_id, reporting_state, reporting_agency, agency_key, period, period_type,
       timezone('UTC', received_at) as received_at, status, action, version
from raw.submissions
where status = 'accepted'
"""


def read_submissions(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The accepted rows of ``raw.submissions`` (none when the raw layer does not exist yet:
    before the first package, everything due is simply missing)."""
    exists = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'raw' and table_name = 'submissions'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    cur = con.execute(_READ_SUBMISSIONS)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def write_rows(con: duckdb.DuckDBPyConnection, as_of: date, rows: Sequence[CoverageRow]) -> None:
    """Replace the rows of ``as_of`` in one transaction: readers see the old set or the new."""
    import pyarrow as pa

    # Through Arrow rather than executemany: one columnar insert, whatever the row count.
    table = pa.table(
        {
            "as_of": pa.array([r.as_of for r in rows], pa.date32()),
            "reporting_state": pa.array([r.reporting_state for r in rows], pa.string()),
            "agency": pa.array([r.agency for r in rows], pa.string()),
            "period": pa.array([r.period for r in rows], pa.string()),
            "period_type": pa.array([r.period_type for r in rows], pa.string()),
            "period_end": pa.array([r.period_end for r in rows], pa.date32()),
            "due_date": pa.array([r.due_date for r in rows], pa.date32()),
            "status": pa.array([r.status for r in rows], pa.string()),
            "first_received_at": pa.array(
                [r.first_received_at for r in rows], pa.timestamp("us", tz="UTC")
            ),
            "days_late": pa.array([r.days_late for r in rows], pa.int32()),
            "submission_id": pa.array([r.submission_id for r in rows], pa.string()),
        }
    )
    cols = ", ".join(COLUMNS)
    con.execute("begin transaction")
    try:
        con.execute(TABLE_DDL)
        con.execute(f"delete from {TABLE} where as_of = ?", [as_of])
        con.register("_coverage_rows", table)
        con.execute(f"insert into {TABLE} ({cols}) select {cols} from _coverage_rows")
        con.unregister("_coverage_rows")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


@dataclass(frozen=True)
class CoverageResult:
    as_of: date
    totals: dict[str, int | float | None]  # summarise(): counts per status, expected, rates
    unexpected: int
    table_rows: int
    json_path: Path
    md_path: Path
    rows: tuple[CoverageRow, ...] = field(repr=False, default=())

    def summary(self) -> dict[str, Any]:
        """JSON-able, small: what the Airflow task returns through XCom."""
        return {
            "as_of": self.as_of.isoformat(),
            **self.totals,
            "unexpected": self.unexpected,
            "table": TABLE,
            "table_rows": self.table_rows,
            "report_json": str(self.json_path),
            "report_md": str(self.md_path),
        }


def run_coverage(
    settings: Settings, as_of: date, participants_path: str | os.PathLike[str] | None = None
) -> CoverageResult:
    """Assess coverage as of ``as_of``: write ``monitoring.reporting_timeliness`` (the rows of
    that day, replaced) and ``reports/coverage/<as_of>.json|.md``.

    The caller guarantees it is the warehouse's only writer (the Airflow pool
    ``duckdb_writer``). Idempotent: the same raw layer, plan and day give the same table rows
    and byte-identical files, since nothing received on or after ``as_of`` is read and no
    clock time is written.
    """
    from warehouse.raw_layer import connect  # deferred: DuckDB, for the commands that use it

    path = Path(participants_path or settings.participants)
    participants = load_participants(path)  # before touching the warehouse: fail fast
    con = connect(settings.warehouse_db)
    try:
        submissions = read_submissions(con)
        rows = assess(expected_reports(participants, as_of), submissions, as_of)
        unexpected = unexpected_reports(participants, submissions, as_of)
        write_rows(con, as_of, rows)
    finally:
        con.close()

    report = _report_dict(as_of, rows, unexpected, path)
    out_dir = settings.reports / "coverage"
    json_path, md_path = out_dir / f"{as_of}.json", out_dir / f"{as_of}.md"
    _write_atomically(json_path, json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    _write_atomically(md_path, _report_md(report))
    return CoverageResult(
        as_of=as_of,
        totals=report["totals"],
        unexpected=len(unexpected),
        table_rows=len(rows),
        json_path=json_path,
        md_path=md_path,
        rows=tuple(rows),
    )
