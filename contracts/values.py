"""Vectorised readings of counts, amounts and dates from their text as submitted.

Each function turns a String expression into a typed one, null where the text is not a valid
value; a check compares that with the text to find the invalid cells. Blank cells are null
before they get here.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

DateFormat = Literal["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"]
DATE_FORMATS: dict[str, str] = {
    "YYYY-MM-DD": "%Y-%m-%d",
    "DD/MM/YYYY": "%d/%m/%Y",
    "MM/DD/YYYY": "%m/%d/%Y",
}
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


def date_value(expr: pl.Expr, date_format: str = "YYYY-MM-DD") -> pl.Expr:
    """Date from ISO text (also with a midnight time, as Excel dates arrive) or the declared
    format. ISO is always accepted: it cannot be mistaken for the other two."""
    text = expr.str.strip_chars().str.replace(r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$", "")
    iso = text.str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    declared = DATE_FORMATS.get(date_format, "%Y-%m-%d")
    if declared == "%Y-%m-%d":
        return iso
    return pl.coalesce(iso, text.str.strptime(pl.Date, declared, strict=False))
