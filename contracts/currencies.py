"""ISO 4217 currency codes accepted in ``fee_currency`` (the ``currencies`` seed)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from warehouse.settings import SEEDS_DIR

CURRENCIES_SEED = SEEDS_DIR / "reference" / "currencies.csv"


@cache
def load_currencies(path: Path = CURRENCIES_SEED) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(row["currency"].upper() for row in csv.DictReader(fh))
