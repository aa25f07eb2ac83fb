"""``incidents``: one row per detected smuggling incident or case (spec §3)."""

from __future__ import annotations

from collections.abc import Callable

import pandera.polars as pa
import polars as pl

from contracts._base import DAY, TableContract, dates_where, has_columns
from contracts.context import current
from contracts.periods import Period
from contracts.values import EARLIEST_DATE, count_value

PART_COUNTS = ("migrants_deceased", "migrants_missing", "migrants_injured", "unaccompanied_minors")


def _count(name: str) -> pl.Expr:
    return count_value(pl.col(name), decimal_comma=current().decimal_comma)


def _dates_by_period(data: pa.PolarsData, ok: Callable[[Period], pl.Expr]) -> pl.LazyFrame:
    """Pass the dates for which ``ok`` holds against the declared period. Without a valid
    period every date passes: the period's own error says why, and the dates are judged once
    it is right."""
    period = current().period
    if period is None:
        return data.lazyframe.select(pl.lit(True))
    return dates_where(data, ok(period))


class Incidents(TableContract):
    incident_ref: str = pa.Field(nullable=False, unique_values=(), max_chars=())
    detection_date: str = pa.Field(nullable=False, date=(), date_from_1900=())
    detection_stage: str = pa.Field(
        nullable=True, required=False, codelist={"name": "detection_stage"}
    )
    detection_country: str = pa.Field(nullable=True, required=False, country=())
    detection_place: str = pa.Field(nullable=True, required=False, max_chars=())
    route: str = pa.Field(nullable=False, route_length=(), route_countries=())
    transport_mode: str = pa.Field(nullable=False, codelist={"name": "transport_mode"})
    conveyance: str = pa.Field(nullable=True, required=False, codelist={"name": "conveyance"})
    concealment: str = pa.Field(nullable=True, required=False, codelist={"name": "concealment"})
    migrants_total: str = pa.Field(nullable=False, count=())
    migrants_deceased: str = pa.Field(nullable=True, required=False, count=())
    migrants_missing: str = pa.Field(nullable=True, required=False, count=())
    migrants_injured: str = pa.Field(nullable=True, required=False, count=())
    unaccompanied_minors: str = pa.Field(nullable=True, required=False, count=())
    smugglers_detected: str = pa.Field(nullable=True, required=False, count=())
    fee_per_migrant: str = pa.Field(nullable=True, required=False, amount=())
    fee_currency: str = pa.Field(nullable=True, required=False, currency=())
    fee_basis: str = pa.Field(nullable=True, required=False, codelist={"name": "fee_basis"})
    payment_method: str = pa.Field(
        nullable=True, required=False, codelist={"name": "payment_method"}
    )
    payment_timing: str = pa.Field(
        nullable=True, required=False, codelist={"name": "payment_timing"}
    )
    related_offences: str = pa.Field(
        nullable=True, required=False, codelist={"name": "related_offence", "multi": True}
    )
    technology: str = pa.Field(
        nullable=True, required=False, codelist={"name": "technology", "multi": True}
    )
    aggravating: str = pa.Field(
        nullable=True, required=False, codelist={"name": "aggravating", "multi": True}
    )
    comment: str = pa.Field(nullable=True, required=False, max_chars=())

    @pa.check(*PART_COUNTS, name="count_exceeds_total")
    def _part_within_total(cls, data: pa.PolarsData) -> pl.LazyFrame:
        if not has_columns(data, "migrants_total"):
            return data.lazyframe.select(pl.lit(True))
        within = _count(data.key) <= _count("migrants_total")
        return data.lazyframe.select(within.fill_null(True))

    @pa.check("migrants_total", name="deceased_missing_exceed_total")
    def _deceased_missing(cls, data: pa.PolarsData) -> pl.LazyFrame:
        if not has_columns(data, "migrants_deceased", "migrants_missing"):
            return data.lazyframe.select(pl.lit(True))
        lost = _count("migrants_deceased") + _count("migrants_missing")
        return data.lazyframe.select((lost <= _count(data.key)).fill_null(True))

    @pa.check("fee_per_migrant", "fee_currency", name="fee_incomplete")
    def _fee_pair(cls, data: pa.PolarsData) -> pl.LazyFrame:
        other = "fee_currency" if data.key == "fee_per_migrant" else "fee_per_migrant"
        if not has_columns(data, other):
            return data.lazyframe.select(pl.col(data.key).is_null())
        return data.lazyframe.select(pl.col(data.key).is_null() | pl.col(other).is_not_null())

    @pa.check("detection_date", name="date_outside_period")
    def _in_period(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return _dates_by_period(
            data,
            lambda period: (
                DAY.is_between(period.start, period.end)
                | ~DAY.is_between(period.near_start, period.near_end)
            ),
        )

    @pa.check("detection_date", name="date_far_from_period")
    def _near_period(cls, data: pa.PolarsData) -> pl.LazyFrame:
        # A date before 1900 is refused as such (date_before_1900), not twice.
        return _dates_by_period(
            data,
            lambda period: (
                DAY.is_between(period.near_start, period.near_end) | (DAY < EARLIEST_DATE)
            ),
        )

    @pa.check("migrants_total", name="profile_sum_mismatch")
    def _profile_sum(cls, data: pa.PolarsData) -> pl.LazyFrame:
        sums = current().profile_sums
        if sums is None or not has_columns(data, "incident_ref"):
            return data.lazyframe.select(pl.lit(True))
        joined = data.lazyframe.join(
            sums.lazy(), on="incident_ref", how="left", maintain_order="left"
        )
        same = pl.col("profile_sum") == _count(data.key)
        return joined.select(same.fill_null(True))
