"""``smugglers``: profile counts of suspected smugglers (facilitators) (spec §3)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from contracts._base import TableContract, age_group_field
from contracts.profiles import known_incident


class Smugglers(TableContract):
    incident_ref: str = pa.Field(nullable=True, required=False)
    citizenship: str = pa.Field(nullable=False, country=())
    sex: str = pa.Field(nullable=True, required=False, codelist={"name": "sex"})
    age_group: str = age_group_field()
    role: str = pa.Field(nullable=False, codelist={"name": "role"})
    justice_stage: str = pa.Field(nullable=False, codelist={"name": "justice_stage"})
    group_structure: str = pa.Field(
        nullable=True, required=False, codelist={"name": "group_structure"}
    )
    value: str = pa.Field(nullable=False, count=())

    @pa.check("incident_ref", name="unknown_incident_ref")
    def _known_incident(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return known_incident(data)
