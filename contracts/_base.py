"""The base contract and the column checks every table contract uses.

Contracts validate text exactly as submitted (no coercion at the door): every column is a
String, blank cells are null, and ``_source_row`` locates each row for the state. Checks are
pandera check methods registered here, so a contract reads like the spec::

    route: str = pa.Field(route_length=(), route_countries=())

Each check is vectorised: value lookups (codes, countries, age groups) run on the distinct
values of a column, never row by row in Python. Which rule a failing check means, and whether
it is an error or a warning, is decided by :mod:`contracts.validate` from the rule catalogue
(pandera's ``raise_warning`` would drop the row numbers the state needs).
"""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.api.extensions import register_check_method

from contracts.ages import parse_age_groups
from contracts.context import current
from contracts.countries import split_route
from contracts.values import (
    EARLIEST_DATE,
    amount_value,
    count_value,
    date_value,
    has_two_digit_year,
)

SOURCE_ROW = "_source_row"
# Spelling of "no issuing country" accepted in issuing_country (pseudo documents only).
NO_COUNTRY = "none"


def _col(data: pa.PolarsData) -> pl.Expr:
    return pl.col(data.key)


def _ok_where(data: pa.PolarsData, bad_values: set[str]) -> pl.LazyFrame:
    """Pass every row whose value is not one of ``bad_values`` (blank rows pass)."""
    col = _col(data)
    return data.lazyframe.select(col.is_null() | ~col.is_in(sorted(bad_values)))


def _distinct(data: pa.PolarsData) -> pl.Series:
    return data.lazyframe.select(_col(data).drop_nulls().unique()).collect().to_series()


def has_columns(data: pa.PolarsData, *names: str) -> bool:
    return set(names) <= set(data.lazyframe.collect_schema().names())


@register_check_method(statistics=["name", "multi", "strict"], check_type="vectorized")
def codelist(data: pa.PolarsData, *, name: str, multi: bool = False, strict: bool = False):
    """Every value is a code, label or synonym of code list ``name`` (``multi``: each member of
    a ``;``/``|`` list is). ``strict``: an unknown value is an error even in an optional
    column."""
    return _ok_where(data, current().codelists[name].unknown_values(_distinct(data), multi=multi))


@register_check_method(statistics=["allow_none"], check_type="vectorized")
def country(data: pa.PolarsData, *, allow_none: bool = False):
    """Every value is a country in one of the forms of spec §2."""
    values = _distinct(data)
    iso3 = current().countries.resolve(values)
    unknown = values.filter(iso3.is_null())
    if allow_none:
        unknown = unknown.filter(unknown.str.strip_chars().str.to_lowercase() != NO_COUNTRY)
    return _ok_where(data, set(unknown.to_list()))


@register_check_method(check_type="vectorized")
def route_length(data: pa.PolarsData):
    """A route names at least two countries."""
    members = split_route(_col(data)).list.eval(
        pl.element().str.strip_chars().filter(pl.element() != "")
    )
    return data.lazyframe.select(_col(data).is_null() | (members.list.len() >= 2))


@register_check_method(check_type="vectorized")
def route_countries(data: pa.PolarsData):
    """Every member of a route is a country."""
    routes = current().countries.routes(_distinct(data))
    bad = routes.filter(pl.col("unknown").list.len() > 0).get_column("value")
    return _ok_where(data, set(bad.to_list()))


@register_check_method(check_type="vectorized")
def count(data: pa.PolarsData):
    """A whole number >= 0."""
    col = _col(data)
    parsed = count_value(col, decimal_comma=current().decimal_comma)
    return data.lazyframe.select(col.is_null() | parsed.is_not_null())


@register_check_method(check_type="vectorized")
def amount(data: pa.PolarsData):
    """A decimal number >= 0."""
    col = _col(data)
    parsed = amount_value(col, decimal_comma=current().decimal_comma)
    return data.lazyframe.select(col.is_null() | parsed.is_not_null())


@register_check_method(check_type="vectorized")
def currency(data: pa.PolarsData):
    """An ISO 4217 code."""
    col = _col(data)
    known = sorted(current().currencies)
    return data.lazyframe.select(
        col.is_null() | col.str.strip_chars().str.to_uppercase().is_in(known)
    )


def declared_date(expr: pl.Expr) -> pl.Expr:
    """A date column read as the package declares it: its date format, and its period for a
    two-digit year."""
    ctx = current()
    return date_value(expr, ctx.date_format, ctx.period.year if ctx.period else None)


DAY = pl.col("day")


def dates_where(data: pa.PolarsData, ok: pl.Expr) -> pl.LazyFrame:
    """Pass the rows whose date ``DAY`` (as the package declares it; ``value`` is its text)
    satisfies ``ok``; blank rows pass, and so does a date ``ok`` cannot judge (null). Dates are
    read once per distinct value: a package has a few hundred dates, however many rows."""
    dates = pl.DataFrame({"value": _distinct(data)}).with_columns(
        day=declared_date(pl.col("value"))
    )
    bad = dates.filter(~ok.fill_null(True)).get_column("value")
    return _ok_where(data, set(bad.to_list()))


@register_check_method(check_type="vectorized")
def date(data: pa.PolarsData):
    """A date: ISO, a native Excel date, or the package's declared date format. Without a
    valid period a two-digit year cannot be placed; the period's own error says so, and the
    date is checked once the period is right."""
    ctx = current()
    readable = DAY.is_not_null()
    if ctx.period is None:
        readable |= has_two_digit_year(pl.col("value"), ctx.date_format)
    return dates_where(data, readable)


@register_check_method(check_type="vectorized")
def date_from_1900(data: pa.PolarsData):
    """No date before 1900: no reported event is that old, so it is a mistyped year."""
    return dates_where(data, DAY >= EARLIEST_DATE)


def _age_status(data: pa.PolarsData, bad_status: str):
    parsed = parse_age_groups(_distinct(data))
    return _ok_where(data, set(parsed.filter(pl.col("status") == bad_status)["value"].to_list()))


@register_check_method(check_type="vectorized")
def age_group_parsed(data: pa.PolarsData):
    """The age group is understood (else it is counted as unknown: a warning)."""
    return _age_status(data, "unparsed")


@register_check_method(check_type="vectorized")
def age_group_single_value(data: pa.PolarsData):
    """The age group is not a bare number: read as that single age, but spreadsheet software
    turns the text 25+ into the number 25 (a warning)."""
    parsed = parse_age_groups(_distinct(data))
    return _ok_where(data, set(parsed.filter(pl.col("bare_number"))["value"].to_list()))


@register_check_method(check_type="vectorized")
def age_band_valid(data: pa.PolarsData):
    """An age band is possible: lower bound first, ages within 0-120."""
    return _age_status(data, "invalid")


@register_check_method(check_type="vectorized")
def max_chars(data: pa.PolarsData):
    """Free text is at most the configured number of characters (2,000 by default)."""
    col = _col(data)
    return data.lazyframe.select(col.is_null() | (col.str.len_chars() <= current().max_text_chars))


@register_check_method(check_type="vectorized")
def unique_values(data: pa.PolarsData):
    """No value appears twice."""
    return data.lazyframe.select(_col(data).is_null() | ~_col(data).is_duplicated())


def age_group_field() -> Any:
    """The optional ``age_group`` column of the profile tables, with its three checks."""
    return pa.Field(
        nullable=True,
        required=False,
        age_group_parsed=(),
        age_group_single_value=(),
        age_band_valid=(),
    )


class TableContract(pa.DataFrameModel):
    """Shared by every table contract: text columns, nothing unknown, no coercion."""

    source_row: int = pa.Field(alias=SOURCE_ROW, nullable=False)

    class Config:
        strict = True
        coerce = False
