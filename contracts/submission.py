"""``submission``: the one record that says who reports what (spec §3)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from contracts._base import TableContract
from contracts.periods import parse_period
from contracts.rules import LANGUAGES
from contracts.values import DATE_FORMATS

TEMPLATE_VERSIONS = ("1.0",)
# 1.0 written as 1, 1.0 or 1.0.0 (Excel turns the text "1.0" into the number 1).
TEMPLATE_VERSION_SPELLINGS = ["1", "1.0", "1.00", "1.0.0"]


class Submission(TableContract):
    reporting_state: str = pa.Field(nullable=False, country=())
    reporting_agency: str = pa.Field(nullable=False, max_chars=())
    agency_type: str = pa.Field(nullable=True, required=False, codelist={"name": "agency_type"})
    period: str = pa.Field(nullable=False)
    action: str = pa.Field(
        nullable=True, required=False, codelist={"name": "action", "strict": True}
    )
    template_version: str = pa.Field(nullable=False)
    language: str = pa.Field(nullable=True, required=False)
    date_format: str = pa.Field(nullable=True, required=False)
    benefit_required: str = pa.Field(nullable=True, required=False, codelist={"name": "yes_no"})
    stay_facilitation_criminalised: str = pa.Field(
        nullable=True, required=False, codelist={"name": "yes_no"}
    )
    notes: str = pa.Field(nullable=True, required=False, max_chars=())

    # One record only: the scalar parsers are fine here.
    @pa.check("period", name="invalid_period")
    def _period(cls, data: pa.PolarsData) -> pl.LazyFrame:
        values = data.lazyframe.select(data.key).collect().to_series().to_list()
        ok = [v is None or parse_period(v) is not None for v in values]
        return pl.LazyFrame({"ok": ok})

    @pa.check("template_version", name="unsupported_template_version")
    def _template(cls, data: pa.PolarsData) -> pl.LazyFrame:
        col = pl.col(data.key)
        return data.lazyframe.select(col.is_null() | col.is_in(TEMPLATE_VERSION_SPELLINGS))

    @pa.check("language", name="unknown_language")
    def _language(cls, data: pa.PolarsData) -> pl.LazyFrame:
        col = pl.col(data.key)
        return data.lazyframe.select(
            col.is_null() | col.str.strip_chars().str.to_lowercase().is_in(list(LANGUAGES))
        )

    @pa.check("date_format", name="invalid_option")
    def _date_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        col = pl.col(data.key)
        return data.lazyframe.select(
            col.is_null() | col.str.strip_chars().str.to_uppercase().is_in(list(DATE_FORMATS))
        )
