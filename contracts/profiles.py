"""Shared checks of the profile tables (smuggled migrants, smugglers)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from contracts.context import current


def known_incident(data: pa.PolarsData) -> pl.LazyFrame:
    """An ``incident_ref``, when given, names an incident of the same package."""
    incidents = current().incidents
    col = pl.col(data.key)
    if incidents is None:
        return data.lazyframe.select(col.is_null())
    return data.lazyframe.select(col.is_null() | col.is_in(incidents["incident_ref"].implode()))
