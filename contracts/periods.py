"""Reporting periods: ``YYYY-MM``, ``YYYY-Qn``, ``YYYY-Sn`` or ``YYYY`` (spec §3)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

PeriodType = Literal["M", "Q", "S", "A"]
PERIOD_FORMS = "YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY (e.g. 2024-03, 2024-Q1, 2024-S2, 2024)"

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


def parse_period(text: str | None) -> Period | None:
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.strip().upper())
    if t.endswith(" 00:00:00"):  # a month typed into Excel becomes a date: 2024-03-01
        t = t[: -len(" 00:00:00")]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-01", t):
        t = f"{m[1]}-{m[2]}"
    if m := _MONTH.match(t):
        year, month = int(m[1]), int(m[2])
        return Period("M", year, month) if 1 <= month <= 12 and year >= 1900 else None
    if m := _MONTH_FIRST.match(t):
        month, year = int(m[1]), int(m[2])
        return Period("M", year, month) if 1 <= month <= 12 and year >= 1900 else None
    if (m := _SUB.match(t)) or (m2 := _SUB_FIRST.match(t)):
        year, kind, n = (int(m[1]), m[2], int(m[3])) if m else (int(m2[3]), m2[1], int(m2[2]))
        ptype = _KIND[kind]
        if ptype == "S" and n > 2:
            return None
        return Period(ptype, year, n) if year >= 1900 else None  # type: ignore[arg-type]
    if m := _YEAR.match(t):
        return Period("A", int(m[1]), 1) if int(m[1]) >= 1900 else None
    return None
