"""What the checks of one package need beyond the column they look at.

pandera calls a check with the data only, so the package's context (its date format, decimal
separator, period, and facts from its other tables for the cross-table rules) is handed over
through a context variable that :func:`using` sets for the duration of one validation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import polars as pl

from contracts.codelists import CodeList
from contracts.countries import CountryLookup
from contracts.periods import Period


@dataclass(frozen=True)
class ValidationContext:
    codelists: Mapping[str, CodeList]
    countries: CountryLookup
    currencies: frozenset[str]
    max_text_chars: int = 2000
    date_format: str = "YYYY-MM-DD"
    period: Period | None = None
    decimal_comma: bool = False
    # Cross-table facts, one row per incident_ref of the incidents table: incident_ref,
    # route_first, route_last (ISO3), migrants_total (Int64).
    incidents: pl.DataFrame | None = None
    # Per incident_ref: the summed value of its smuggled_migrants rows (profile_sum).
    profile_sums: pl.DataFrame | None = field(default=None)


_CURRENT: ContextVar[ValidationContext] = ContextVar("vrs_validation_context")


@contextmanager
def using(context: ValidationContext) -> Iterator[ValidationContext]:
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)


def current() -> ValidationContext:
    try:
        return _CURRENT.get()
    except LookupError:
        raise RuntimeError("contract checks run only inside contracts.context.using()") from None
