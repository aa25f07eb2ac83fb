"""Reporting periods: ``YYYY-MM``, ``YYYY-Qn``, ``YYYY-Sn`` or ``YYYY`` (spec §3)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

PeriodType = Literal["M", "Q", "S", "A"]
# A period's year: no reported event is older than 1900 (values.EARLIEST_DATE), and nothing can
# be reported for a period after next year (a mistyped year such as 9999, whose dates and
# near-period bounds would not fit a date).
FIRST_PERIOD_YEAR = 1900
PERIOD_FORMS = (
    "YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY (e.g. 2024-03, 2024-Q1, 2024-S2, 2024), "
    f"a year from {FIRST_PERIOD_YEAR} to next year"
)
# A date within this many years of its period (before its start, after its end) is a late or
# early registration: a warning. Beyond, it is a wrong date (a mistyped year, a year read in the
# wrong century): an error.
NEAR_PERIOD_YEARS = 1

# Tolerated spellings: "2024-3", "2024/03", "2024 Q1", "2024q1", "Q1 2024", "2024-H1" (half),
# "T1 2024" (French trimestre). The canonical label is what the marts carry.
_MONTH = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$")
_MONTH_FIRST = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{4})$")
_SUB = re.compile(r"^(\d{4})\s*[-/ ]?\s*([QTSH])\s*([1-4])$")
_SUB_FIRST = re.compile(r"^([QTSH])\s*([1-4])\s*[-/ ]?\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_KIND = {"Q": "Q", "T": "Q", "S": "S", "H": "S"}


@dataclass(frozen=True)
class Period:
    type: PeriodType
    year: int
    number: int  # month, quarter or half; 1 for a year

    @property
    def label(self) -> str:
        if self.type == "M":
            return f"{self.year}-{self.number:02d}"
        if self.type == "A":
            return str(self.year)
        return f"{self.year}-{self.type}{self.number}"

    @property
    def months(self) -> int:
        return {"M": 1, "Q": 3, "S": 6, "A": 12}[self.type]

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        last_month = self.number * self.months
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def near_start(self) -> date:
        """The earliest date that is only a little outside the period."""
        return self.start.replace(year=self.year - NEAR_PERIOD_YEARS)

    @property
    def near_end(self) -> date:
        """The latest date that is only a little outside the period (a period ends on a month's
        last day, and so does this: 29 February 2024 gives 28 February 2025)."""
        end = self.end
        year = end.year + NEAR_PERIOD_YEARS
        return date(year, end.month, calendar.monthrange(year, end.month)[1])


def _year_ok(year: int) -> bool:
    return FIRST_PERIOD_YEAR <= year <= date.today().year + 1


def parse_period(text: str | None) -> Period | None:
    """The period ``text`` names, or None when it names none (see PERIOD_FORMS)."""
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.strip().upper())
    if t.endswith(" 00:00:00"):  # a month typed into Excel becomes a date: 2024-03-01
        t = t[: -len(" 00:00:00")]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-01", t):
        t = f"{m[1]}-{m[2]}"
    period: Period | None = None
    if m := _MONTH.match(t):
        period = Period("M", int(m[1]), int(m[2])) if 1 <= int(m[2]) <= 12 else None
    elif m := _MONTH_FIRST.match(t):
        period = Period("M", int(m[2]), int(m[1])) if 1 <= int(m[1]) <= 12 else None
    elif (m := _SUB.match(t)) or (m2 := _SUB_FIRST.match(t)):
        year, kind, n = (int(m[1]), m[2], int(m[3])) if m else (int(m2[3]), m2[1], int(m2[2]))
        ptype = _KIND[kind]
        period = None if ptype == "S" and n > 2 else Period(ptype, year, n)  # type: ignore[arg-type]
    elif m := _YEAR.match(t):
        period = Period("A", int(m[1]), 1)
    return period if period is not None and _year_ok(period.year) else None
