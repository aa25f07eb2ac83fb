"""Vectorised readings of counts, amounts and dates from their text as submitted.

Each function turns a String expression into a typed one, null where the text is not a valid
value; a check compares that with the text to find the invalid cells. Blank cells are null
before they get here. dbt_project/macros/parse_values.sql holds their SQL twins, which must
read every value the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import polars as pl

DateFormat = Literal["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"]
DATE_FORMATS: dict[str, str] = {
    "YYYY-MM-DD": "%Y-%m-%d",
    "DD/MM/YYYY": "%d/%m/%Y",
    "MM/DD/YYYY": "%m/%d/%Y",
}
# No reported event is older: a date before this is a mistyped or misread year.
EARLIEST_DATE = date(1900, 1, 1)
MAX_COUNT = 2**53  # beyond this a figure is certainly an error (and loses float precision)


def _number(expr: pl.Expr, decimal_comma: bool) -> pl.Expr:
    """A plain decimal number (no sign, no thousands separators, no currency) as Float64."""
    text = expr.str.strip_chars()
    if decimal_comma:
        # With decimal commas a dot can only be a thousands separator: refuse it rather
        # than read "1.000" as one.
        text = pl.when(text.str.contains(".", literal=True)).then(None).otherwise(text)
        text = text.str.replace(",", ".", literal=True)
    # Excel renders big numbers as 1e+20; JSON too. Anything else non-numeric stays null.
    plain = text.str.contains(r"^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
    return pl.when(plain).then(text.cast(pl.Float64, strict=False))


def count_value(expr: pl.Expr, *, decimal_comma: bool = False) -> pl.Expr:
    """Whole number >= 0 as Int64 (``12``, ``12.0``; ``12,0`` with decimal commas)."""
    number = _number(expr, decimal_comma)
    whole = (number == number.floor()) & (number <= MAX_COUNT)
    return pl.when(whole).then(number.cast(pl.Int64, strict=False))


def count_problem(value: str, *, decimal_comma: bool = False) -> str:
    """Why ``value`` is not a count, in a few words (English; it fills ``{detail}``)."""
    text = value.strip()
    if decimal_comma and "." in text:
        return "thousands separators are not accepted"
    candidate = text.replace(",", ".") if decimal_comma else text
    try:
        number = float(candidate)
    except ValueError:
        if any(sep in text for sep in (",", " ", "\u00a0", "'")):
            return "thousands separators are not accepted"
        return "not a number"
    if number < 0:
        return "negative"
    if number != int(number):
        return "fractional"
    if number > MAX_COUNT:
        return "too large"
    return "not a plain whole number"


def amount_value(expr: pl.Expr, *, decimal_comma: bool = False) -> pl.Expr:
    """Decimal amount >= 0 as Float64."""
    return _number(expr, decimal_comma)


def full_year(two_digits: pl.Expr, period_year: int) -> pl.Expr:
    """The year ending in ``two_digits`` nearest to ``period_year`` (a tie, 50 years either
    way, goes to the earlier): ``19`` is 2019 for a 2024 period, ``99`` is 1999 for 2001."""
    behind = (period_year - two_digits) % 100
    return pl.when(behind <= 50).then(period_year - behind).otherwise(period_year - behind + 100)


def _date_text(expr: pl.Expr) -> pl.Expr:
    # Excel dates arrive with a midnight time; the time part says nothing here.
    return expr.str.strip_chars().str.replace(r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$", "")


# The shapes a date may have, anchored: strptime alone takes a sign (+2024-02-03) and years of
# any length, which DuckDB's try_strptime refuses; both sides test these same patterns first.
ISO_DATE = r"^\d{4}-\d{1,2}-\d{1,2}$"
DAY_MONTH_DATE = r"^\d{1,2}/\d{1,2}/\d{4}$"  # after a two-digit year was widened


def _ends_in_two_digit_year(text: pl.Expr) -> pl.Expr:
    # 02/24/19, 2/4/19: spreadsheet software re-exports dates so. Only the end is tested here;
    # DAY_MONTH_DATE checks the whole once the year is widened.
    return text.str.contains(r"/\d{2}$")


def has_two_digit_year(expr: pl.Expr, date_format: str) -> pl.Expr:
    """The text is a date of the declared day/month format with a two-digit year."""
    if date_format not in DATE_FORMATS or date_format == "YYYY-MM-DD":
        return pl.lit(False)
    return _date_text(expr).str.contains(r"^\d{1,2}/\d{1,2}/\d{2}$")


def date_value(
    expr: pl.Expr, date_format: str = "YYYY-MM-DD", period_year: int | None = None
) -> pl.Expr:
    """Date from ISO text ``YYYY-MM-DD`` (also with a midnight time, as Excel dates arrive) or
    the declared format. ISO is always accepted: it cannot be mistaken for the other two. The
    year has four digits (two in the declared format), without a sign.

    In the declared format a two-digit year (``02/24/19``) is read in the century that puts it
    nearest the package's period year (:func:`full_year`); without a period it is not read
    (null). A date before 1900 is returned as read: the ``date_from_1900`` check refuses it.
    """
    text = _date_text(expr)
    iso = pl.when(text.str.contains(ISO_DATE)).then(
        text.str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    )
    if date_format not in DATE_FORMATS or date_format == "YYYY-MM-DD":
        return iso
    two_digits = _ends_in_two_digit_year(text)
    if period_year is None:
        four_digit_year = pl.when(~two_digits).then(text)
    else:
        # 02/24/19 -> 02/24/2019: the declared format then reads it as any other date.
        year = full_year(text.str.tail(2).cast(pl.Int32, strict=False), period_year)
        four_digit_year = (
            pl.when(two_digits).then(text.str.head(-2) + year.cast(pl.String)).otherwise(text)
        )
    declared = pl.when(four_digit_year.str.contains(DAY_MONTH_DATE)).then(
        four_digit_year.str.strptime(pl.Date, DATE_FORMATS[date_format], strict=False)
    )
    return pl.coalesce(iso, declared)
