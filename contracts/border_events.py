"""``border_events``: aggregate detections at and inside the borders (spec §3)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from contracts._base import TableContract, age_group_field
from contracts.context import current

SUPPRESSED = "Q"


def _suppressed(data: pa.PolarsData) -> tuple[pl.DataFrame, pl.Series]:
    """The frame, and per row whether obs_status is Q (suppressed by the state)."""
    frame = data.lazyframe.collect()
    if "obs_status" not in frame.columns:
        return frame, pl.Series([False] * frame.height, dtype=pl.Boolean)
    status = current().codelists["obs_status"].resolve(frame.get_column("obs_status"))
    return frame, (status == SUPPRESSED).fill_null(False)


class BorderEvents(TableContract):
    indicator: str = pa.Field(nullable=False, codelist={"name": "indicator"})
    counting_unit: str = pa.Field(nullable=False, codelist={"name": "counting_unit"})
    border_type: str = pa.Field(nullable=True, required=False, codelist={"name": "border_type"})
    detection_location: str = pa.Field(
        nullable=True, required=False, codelist={"name": "detection_location"}
    )
    citizenship: str = pa.Field(nullable=True, required=False, country=())
    sex: str = pa.Field(nullable=True, required=False, codelist={"name": "sex"})
    age_group: str = age_group_field()
    value: str = pa.Field(nullable=True, count=())
    obs_status: str = pa.Field(nullable=True, required=False, codelist={"name": "obs_status"})
    comment: str = pa.Field(nullable=True, required=False, max_chars=())

    @pa.check("value", name="value_or_suppressed")
    def _value_unless_suppressed(cls, data: pa.PolarsData) -> pl.LazyFrame:
        frame, suppressed = _suppressed(data)
        return frame.lazy().select(pl.col(data.key).is_not_null() | pl.lit(suppressed))

    @pa.check("value", name="suppressed_value_not_blank")
    def _blank_when_suppressed(cls, data: pa.PolarsData) -> pl.LazyFrame:
        frame, suppressed = _suppressed(data)
        return frame.lazy().select(pl.col(data.key).is_null() | ~pl.lit(suppressed))
