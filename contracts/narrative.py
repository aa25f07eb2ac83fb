"""``narrative``: qualitative observations (spec §3)."""

from __future__ import annotations

import pandera.polars as pa

from contracts._base import TableContract


class Narrative(TableContract):
    topic: str = pa.Field(nullable=False, codelist={"name": "narrative_topic"})
    text: str = pa.Field(nullable=False, max_chars=())
