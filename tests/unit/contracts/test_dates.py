"""Dates as states write them: ISO, the declared day/month formats, and two-digit years read in
the century nearest the package's period (contracts.values.date_value), and the same readings
by its SQL twin (dbt_project/macros/parse_values.sql)."""

from datetime import date
from pathlib import Path

import duckdb
import jinja2
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.values import date_value, full_year

ROOT = Path(__file__).resolve().parents[3]
# One table of date texts, each with the reading both twins must give (blank: no date).
READINGS = ROOT / "tests" / "data" / "date_readings.csv"
MACROS = ROOT / "dbt_project" / "macros" / "parse_values.sql"


def _read(text: str, date_format: str, period_year: int | None = 2024) -> date | None:
    return pl.select(date_value(pl.lit(text, pl.String), date_format, period_year)).item()


@pytest.mark.parametrize(
    ("text", "date_format", "read"),
    [
        ("02/24/19", "MM/DD/YYYY", date(2019, 2, 24)),  # LibreOffice's re-export
        ("2/4/19", "MM/DD/YYYY", date(2019, 2, 4)),
        ("24/02/19", "DD/MM/YYYY", date(2019, 2, 24)),
        ("2/4/19", "DD/MM/YYYY", date(2019, 4, 2)),
        ("02/24/74", "MM/DD/YYYY", date(1974, 2, 24)),  # 50 years either way: the earlier
        ("02/24/73", "MM/DD/YYYY", date(2073, 2, 24)),
        ("02/24/2019", "MM/DD/YYYY", date(2019, 2, 24)),
        ("2019-02-24 00:00:00", "DD/MM/YYYY", date(2019, 2, 24)),  # an Excel date
        ("02/24/0019", "MM/DD/YYYY", date(19, 2, 24)),  # read as written; refused as < 1900
        ("0019-02-24", "YYYY-MM-DD", date(19, 2, 24)),
        ("19-02-24", "YYYY-MM-DD", None),  # an ISO year has four digits
        ("02/24/019", "MM/DD/YYYY", None),  # a declared-format year has four or two
        ("+2024-02-03", "YYYY-MM-DD", None),  # no sign: DuckDB reads none
        ("02/03/+2024", "MM/DD/YYYY", None),
        ("02/24/19", "YYYY-MM-DD", None),  # not the declared format
        ("02/24/19", "DD/MM/YYYY", None),  # no 24th month
        ("02/30/19", "MM/DD/YYYY", None),
    ],
)
def test_dates(text: str, date_format: str, read: date | None) -> None:
    assert _read(text, date_format) == read


def test_a_two_digit_year_needs_a_period() -> None:
    assert _read("02/24/19", "MM/DD/YYYY", None) is None
    assert _read("02/24/2019", "MM/DD/YYYY", None) == date(2019, 2, 24)


@given(st.integers(1900, 2200), st.integers(0, 99))
def test_full_year_is_the_nearest_year_with_those_digits(period_year: int, digits: int) -> None:
    year = pl.select(full_year(pl.lit(digits, pl.Int32), period_year)).item()
    assert year % 100 == digits
    assert -50 < period_year - year <= 50  # a tie goes to the earlier year


def _readings() -> pl.DataFrame:
    return pl.read_csv(
        READINGS, schema=dict.fromkeys(["text", "date_format", "period_year", "read"], pl.String)
    )


def _python_days(table: pl.DataFrame) -> list[int | None]:
    """Days since 1970 as date_value reads each row (days: a year 0 has no Python date)."""
    out = []
    for text, date_format, period_year in table.select("text", "date_format", "period_year").rows():
        year = int(period_year) if period_year else None
        day = date_value(pl.lit(text, pl.String), date_format, year).cast(pl.Int32)
        out.append(pl.select(day).item())
    return out


def _sql_days(table: pl.DataFrame) -> list[int | None]:
    """Days since 1970 as the dbt macro reads each row: the macro file is plain Jinja (no
    adapter call), rendered as dbt renders it, and run by DuckDB as the staging model runs it."""
    macros = jinja2.Environment().from_string(MACROS.read_text(encoding="utf-8")).module
    parsed = macros.parse_date(macros.clean_text("text"), "date_format", "period_year")
    con = duckdb.connect()
    con.execute(
        "create table t (n integer, text varchar, date_format varchar, period_year integer)"
    )
    con.executemany(
        "insert into t values (?, ?, ?, ?)",
        [
            [n, text, date_format, int(year) if year else None]
            for n, (text, date_format, year) in enumerate(
                table.select("text", "date_format", "period_year").rows()
            )
        ],
    )
    rows = con.execute(f"select ({parsed}) - date '1970-01-01' from t order by n").fetchall()
    return [row[0] for row in rows]


def test_python_and_sql_read_every_date_of_the_shared_table_alike() -> None:
    table = _readings()
    expected = table.select(pl.col("read").str.to_date("%Y-%m-%d").cast(pl.Int32)).to_series()
    python, sql = _python_days(table), _sql_days(table)
    rows = zip(table.get_column("text"), expected.to_list(), python, sql, strict=True)
    wrong = [(text, want, py, db) for text, want, py, db in rows if not want == py == db]
    assert wrong == [], "(text, expected, date_value, parse_date) in days since 1970"
