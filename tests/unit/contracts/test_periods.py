"""Reporting periods and their canonical labels."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.periods import parse_period


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2024-03", "2024-03", date(2024, 3, 1), date(2024, 3, 31)),
        ("2024-2", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-Q1", "2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024 q4", "2024-Q4", date(2024, 10, 1), date(2024, 12, 31)),
        ("Q2 2023", "2023-Q2", date(2023, 4, 1), date(2023, 6, 30)),
        ("T3 2024", "2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
        ("2024-S2", "2024-S2", date(2024, 7, 1), date(2024, 12, 31)),
        ("2024-H1", "2024-S1", date(2024, 1, 1), date(2024, 6, 30)),
        ("2024", "2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-03-01 00:00:00", "2024-03", date(2024, 3, 1), date(2024, 3, 31)),
    ],
)
def test_forms(text: str, label: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert period is not None
    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize("text", ["2024-13", "2024-S3", "2024-Q5", "March", "", "24-03"])
def test_not_periods(text: str) -> None:
    assert parse_period(text) is None


@pytest.mark.parametrize(
    "text", ["9999", "9999-Q4", "9999-12", "S2 9999", "1899-12", str(date.today().year + 2)]
)
def test_a_year_before_1900_or_after_next_year_is_no_period(text: str) -> None:
    # 9999-Q4 would put near_end in year 10000, which no date holds.
    assert parse_period(text) is None


def test_next_year_is_still_a_period() -> None:
    next_year = date.today().year + 1
    period = parse_period(f"{next_year}-Q4")
    assert period is not None
    assert period.near_end == date(next_year + 1, 12, 31)


@given(st.integers(1900, date.today().year + 1), st.integers(1, 12))
def test_months_round_trip(year: int, month: int) -> None:
    period = parse_period(f"{year}-{month:02d}")
    assert period is not None
    assert parse_period(period.label) == period
    assert period.start <= period.end


@pytest.mark.parametrize(
    ("text", "near_start", "near_end"),
    [
        ("2024-Q1", date(2023, 1, 1), date(2025, 3, 31)),
        ("2024-02", date(2023, 2, 1), date(2025, 2, 28)),  # a period ending on 29 February
        ("2024", date(2023, 1, 1), date(2025, 12, 31)),
    ],
)
def test_a_date_within_a_year_of_the_period_is_near_it(
    text: str, near_start: date, near_end: date
) -> None:
    period = parse_period(text)
    assert period is not None
    assert (period.near_start, period.near_end) == (near_start, near_end)
