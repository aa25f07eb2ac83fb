"""The personal-data screen alone, on the cells of one large incidents package.

python -m bench.screen_personal_data [--rows 1000000] [--repeats 5]

Reads and conforms the package once (not timed), then times the screen as validation runs it
(``contracts.validate._personal_cells``): the first call in the process, which also loads the
name lists, and the median of the next calls.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import polars as pl

from contracts.conform import conform
from contracts.validate import _personal_cells
from ingest.readers.dispatch import read_package
from samples.generator import big_incidents_csv_bundle
from warehouse.settings import Limits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = big_incidents_csv_bundle(Path(tmp) / "big.zip", args.rows)
        conformed = conform(read_package(package, Limits()))
    cells = sum(t.frame.width * t.frame.height for t in conformed.tables.values())
    # as validate_package runs it
    with pl.Config(engine_affinity="in-memory"):
        t0 = time.perf_counter()
        found = _personal_cells(conformed)
        first = time.perf_counter() - t0
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            _personal_cells(conformed)
            times.append(time.perf_counter() - t0)
    print(f"rows: {args.rows:,}, cells: {cells:,}, personal cells found: {found.height}")
    print(f"screen, first call (loads the name lists): {first:6.2f} s")
    print(
        f"screen, next {args.repeats} calls: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f})"
    )


if __name__ == "__main__":
    main()
