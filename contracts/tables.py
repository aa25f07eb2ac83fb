"""The tables of the template and their contracts: a mapping, so a new table is one entry."""

from __future__ import annotations

import pandera.polars as pa

from contracts._base import SOURCE_ROW, TableContract
from contracts.border_events import BorderEvents
from contracts.cooperation import Cooperation
from contracts.fraudulent_documents import FraudulentDocuments
from contracts.incidents import Incidents
from contracts.narrative import Narrative
from contracts.route_legs import RouteLegs
from contracts.smuggled_migrants import SmuggledMigrants
from contracts.smugglers import Smugglers
from contracts.submission import Submission

SUBMISSION = "submission"

CONTRACTS: dict[str, type[TableContract]] = {
    SUBMISSION: Submission,
    "border_events": BorderEvents,
    "incidents": Incidents,
    "route_legs": RouteLegs,
    "smuggled_migrants": SmuggledMigrants,
    "smugglers": Smugglers,
    "fraudulent_documents": FraudulentDocuments,
    "cooperation": Cooperation,
    "narrative": Narrative,
}
DATA_TABLES: tuple[str, ...] = tuple(t for t in CONTRACTS if t != SUBMISSION)


def schema(table: str) -> pa.DataFrameSchema:
    return CONTRACTS[table].to_schema()


def columns(table: str) -> list[str]:
    """The template's columns of ``table``, in the spec's order."""
    return [c for c in schema(table).columns if c != SOURCE_ROW]


def required_columns(table: str) -> list[str]:
    return [n for n, c in schema(table).columns.items() if c.required and n != SOURCE_ROW]
