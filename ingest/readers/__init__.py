"""Readers: spreadsheet (XLSX, ODS, XLS), CSV bundle and JSON packages into tables of text, as
submitted."""

from ingest.readers.dispatch import read_package

__all__ = ["read_package"]
