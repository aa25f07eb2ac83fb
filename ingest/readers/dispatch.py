"""The one entry point: which reader a received file goes to, once its size is acceptable."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from contracts.issues import Issue
from ingest.package import Package
from ingest.readers import csv_bundle, json_doc, ods, safety, xls, xlsx
from warehouse.settings import Limits

log = logging.getLogger(__name__)

Reader = Callable[[Path, Limits], Package]

READERS: dict[str, Reader] = {
    ".xlsx": xlsx.read,
    ".ods": ods.read,
    ".xls": xls.read,
    ".zip": csv_bundle.read,
    ".json": json_doc.read,
}

# Extensions states plausibly send, with what to tell them; anything else is just named.
_NOT_ACCEPTED = {
    ".csv": ".csv (one CSV file cannot hold all the tables: zip the CSV files together)",
    ".xlsm": ".xlsm (workbooks with macros: save the workbook as .xlsx)",
    ".xlsb": ".xlsb (binary workbooks: save the workbook as .xlsx)",
    ".fods": ".fods (flat OpenDocument: save the spreadsheet as .ods)",
    ".numbers": ".numbers (Apple Numbers: export the spreadsheet as .xlsx)",
}
_ACCEPTED = ", ".join(READERS)


def read_package(path: Path, limits: Limits) -> Package:
    """Reads a received file into tables as submitted; every problem becomes an Issue."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        issue = safety.unreadable("a submission package", f"it cannot be opened ({exc.strerror})")
        return Package(path=path, encoding=None, size=0, issues=[issue])
    if size > limits.max_package_bytes:
        issue = Issue(
            "package_too_large",
            params={
                "detail": safety.describe_size(size),
                "expected": safety.describe_size(limits.max_package_bytes),
            },
        )
        return Package(path=path, encoding=None, size=size, issues=[issue])
    ext = path.suffix.lower()
    reader = READERS.get(ext)
    if reader is None:
        detail = _NOT_ACCEPTED.get(ext, ext or "(a file without extension)")
        issue = Issue("unsupported_file_type", params={"detail": detail, "expected": _ACCEPTED})
        return Package(path=path, encoding=None, size=size, issues=[issue])
    try:
        return reader(path, limits)
    except Exception as exc:  # last resort: a reader must never take the pipeline down
        log.exception("reader failed on %s", path)
        issue = safety.unreadable(
            "a submission package", f"unexpected error ({type(exc).__name__})"
        )
        return Package(path=path, encoding=None, size=size, issues=[issue])
