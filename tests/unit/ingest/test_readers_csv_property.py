"""Property: whatever Python's csv module writes, in any accepted encoding and delimiter, reads
back as the same cells on the right physical lines."""

from __future__ import annotations

import codecs
import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.readers.csv_bundle import read_csv_bytes
from warehouse.settings import Limits

# Latin-1 letters only: their Windows-1252 bytes (0xC0-0xFF) can never form valid UTF-8, so a
# Windows-1252 file is never mistaken for UTF-8 (a real, inherent ambiguity otherwise).
LATIN = "áéíóúñçàèìòùâêîôûäëïöüÁÉÍÓÚÑÇÀÈÌÒÙÂÊÎÔÛÄËÏÖÜßøåæ"
SAFE = "abcXYZ019 _-./" + LATIN
# Headers never hold a separator, so the header line tells the delimiter unambiguously.
HEADER = st.text(alphabet=SAFE, min_size=1, max_size=8)
CELL_ANY = st.text(alphabet=SAFE + ',;"\n\r\t' + "€“”œ中😀", max_size=12)
CELL_1252 = st.text(alphabet=SAFE + ',;"\n\r\t', max_size=12)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "cp1252"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, str, str, list[str], list[list[str]]]:
    encoding = draw(st.sampled_from(ENCODINGS))
    delimiter = draw(st.sampled_from([",", ";"]))
    terminator = draw(st.sampled_from(["\r\n", "\n"]))
    # Two columns at least: a one-column header line has no separator to detect.
    width = draw(st.integers(min_value=2, max_value=5))
    headers = draw(st.lists(HEADER, min_size=width, max_size=width))
    cell = CELL_1252 if encoding == "cp1252" else CELL_ANY
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=8))
    if terminator == "\n":
        # The csv module quotes only the terminator's characters: a lone CR would be written
        # bare and read back as a CRLF line end. That file is ambiguous, not a reader fault.
        rows = [[v.replace("\r", "") for v in row] for row in rows]
    return encoding, delimiter, terminator, headers, rows


@settings(max_examples=300, deadline=None)
@given(tables(), st.integers(min_value=0, max_value=2))
def test_round_trip(table: tuple[str, str, str, list[str], list[list[str]]], blank: int) -> None:
    encoding, delimiter, terminator, headers, rows = table
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator=terminator)
    out.write(terminator * blank)  # blank lines before the header are skipped but counted
    writer.writerow(headers)
    expected = []
    for row in rows:
        line = out.getvalue().count("\n") + 1  # the physical line the record starts on
        writer.writerow(row)
        cells = tuple(v if v != "" else None for v in row)
        if any(c is not None for c in cells):  # a row of blanks is a blank row: dropped
            expected.append((*cells, line))

    sheet, issues = read_csv_bytes(encode(out.getvalue(), encoding), "t.csv", Limits())

    assert issues == []
    assert sheet.dialect is not None
    assert sheet.dialect.delimiter == delimiter
    assert sheet.dialect.encoding == {"utf-16-le-bom": "utf-16", "utf-16-be-bom": "utf-16"}.get(
        encoding, encoding
    ) or (encoding == "cp1252" and sheet.dialect.encoding == "utf-8")  # pure ASCII is UTF-8
    assert sheet.headers == headers
    assert sheet.header_row == blank + 1
    assert sheet.frame.rows() == expected
