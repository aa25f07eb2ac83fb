"""``route_legs``: optional per-leg detail of an incident's route (spec §3)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from contracts._base import TableContract, has_columns
from contracts.context import current
from contracts.values import count_value


def _legs(data: pa.PolarsData) -> pl.LazyFrame | None:
    """The legs with resolved countries and their route's ends, or None when the columns the
    chain rules need are missing."""
    ctx = current()
    if ctx.incidents is None or not has_columns(
        data, "incident_ref", "leg_seq", "from_country", "to_country"
    ):
        return None
    frame = data.lazyframe.collect()
    resolve = ctx.countries.resolve
    return (
        frame.lazy()
        .with_columns(
            _seq=count_value(pl.col("leg_seq"), decimal_comma=ctx.decimal_comma),
            _from=resolve(frame.get_column("from_country")),
            _to=resolve(frame.get_column("to_country")),
        )
        .join(ctx.incidents.lazy(), on="incident_ref", how="left", maintain_order="left")
    )


def _previous_to() -> pl.Expr:
    return pl.col("_to").shift(1).over("incident_ref", order_by="_seq")


class RouteLegs(TableContract):
    incident_ref: str = pa.Field(nullable=False)
    leg_seq: str = pa.Field(nullable=False, count=())
    from_country: str = pa.Field(nullable=False, country=())
    to_country: str = pa.Field(nullable=False, country=())
    transport_mode: str = pa.Field(nullable=False, codelist={"name": "transport_mode"})
    conveyance: str = pa.Field(nullable=True, required=False, codelist={"name": "conveyance"})

    @pa.check("incident_ref", name="unknown_incident_ref")
    def _known_incident(cls, data: pa.PolarsData) -> pl.LazyFrame:
        incidents = current().incidents
        col = pl.col(data.key)
        if incidents is None:
            return data.lazyframe.select(col.is_null())
        return data.lazyframe.select(col.is_null() | col.is_in(incidents["incident_ref"].implode()))

    @pa.check("leg_seq", name="legs_invalid_sequence")
    def _sequence(cls, data: pa.PolarsData) -> pl.LazyFrame:
        if not has_columns(data, "incident_ref"):
            return data.lazyframe.select(pl.lit(True))
        seq = count_value(pl.col(data.key), decimal_comma=current().decimal_comma)
        group = "incident_ref"
        # Legs of an incident are 1..n: the k-th smallest is k, and none repeats.
        ok = (seq.rank("ordinal").over(group) == seq) & ~seq.is_duplicated().over(group)
        return data.lazyframe.select(ok.fill_null(True))

    @pa.check("from_country", name="legs_not_chained")
    def _chained(cls, data: pa.PolarsData) -> pl.LazyFrame:
        legs = _legs(data)
        if legs is None:
            return data.lazyframe.select(pl.lit(True))
        prev = _previous_to()
        ok = prev.is_null() | pl.col("_from").is_null() | (pl.col("_from") == prev)
        return legs.select(ok.fill_null(True))

    @pa.check("from_country", name="legs_route_mismatch")
    def _starts_at_origin(cls, data: pa.PolarsData) -> pl.LazyFrame:
        legs = _legs(data)
        if legs is None:
            return data.lazyframe.select(pl.lit(True))
        first = pl.col("_seq") == pl.col("_seq").min().over("incident_ref")
        ok = ~first | (pl.col("_from") == pl.col("route_first"))
        return legs.select(ok.fill_null(True))

    @pa.check("to_country", name="legs_route_mismatch")
    def _ends_at_destination(cls, data: pa.PolarsData) -> pl.LazyFrame:
        legs = _legs(data)
        if legs is None:
            return data.lazyframe.select(pl.lit(True))
        last = pl.col("_seq") == pl.col("_seq").max().over("incident_ref")
        ok = ~last | (pl.col("_to") == pl.col("route_last"))
        return legs.select(ok.fill_null(True))
