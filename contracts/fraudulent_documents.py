"""``fraudulent_documents``: fraudulent documents detected (spec §3)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from contracts._base import NO_COUNTRY, TableContract, has_columns
from contracts.context import current


class FraudulentDocuments(TableContract):
    document_type: str = pa.Field(nullable=False, codelist={"name": "document_type"})
    fraud_type: str = pa.Field(nullable=False, codelist={"name": "fraud_type"})
    issuing_country: str = pa.Field(nullable=False, country={"allow_none": True})
    holder_citizenship: str = pa.Field(nullable=True, required=False, country=())
    border_type: str = pa.Field(nullable=True, required=False, codelist={"name": "border_type"})
    detection_location: str = pa.Field(
        nullable=True, required=False, codelist={"name": "detection_location"}
    )
    value: str = pa.Field(nullable=False, count=())

    @pa.check("issuing_country", name="pseudo_document_issuer")
    def _none_exactly_for_pseudo(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """issuing_country is none exactly when fraud_type is pseudo_document (spec §3): a
        fantasy document has no issuing state, any other fraudulent document has one."""
        issuer = pl.col(data.key)
        is_none = issuer.str.strip_chars().str.to_lowercase() == NO_COUNTRY
        if not has_columns(data, "fraud_type"):
            return data.lazyframe.select(~is_none.fill_null(False))
        frame = data.lazyframe.collect()
        # Matched through the code list: a label or synonym of pseudo_document counts too.
        fraud = current().codelists["fraud_type"].resolve(frame.get_column("fraud_type"))
        pseudo = pl.lit((fraud == "pseudo_document").fill_null(False))
        # A blank issuer is required_value_missing, not this rule.
        agree = issuer.is_null() | (is_none == pseudo)
        return frame.lazy().select(agree)
