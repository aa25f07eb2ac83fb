"""``cooperation``: international cooperation on smuggling cases in the period (spec §3)."""

from __future__ import annotations

import pandera.polars as pa

from contracts._base import TableContract


class Cooperation(TableContract):
    request_type: str = pa.Field(nullable=False, codelist={"name": "request_type"})
    direction: str = pa.Field(nullable=False, codelist={"name": "direction"})
    counterpart_state: str = pa.Field(nullable=False, country=())
    outcome: str = pa.Field(nullable=True, required=False, codelist={"name": "request_outcome"})
    value: str = pa.Field(nullable=False, count=())
