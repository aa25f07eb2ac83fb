"""``smuggled_migrants``: profile counts of smuggled migrants (spec §3)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from contracts._base import TableContract, age_group_field
from contracts.profiles import known_incident


class SmuggledMigrants(TableContract):
    incident_ref: str = pa.Field(nullable=True, required=False)
    citizenship: str = pa.Field(nullable=False, country=())
    sex: str = pa.Field(nullable=True, required=False, codelist={"name": "sex"})
    age_group: str = age_group_field()
    unaccompanied: str = pa.Field(nullable=True, required=False, codelist={"name": "yes_no"})
    value: str = pa.Field(nullable=False, count=())

    @pa.check("incident_ref", name="unknown_incident_ref")
    def _known_incident(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return known_incident(data)
