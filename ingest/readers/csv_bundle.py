"""CSV bundles: a zip of ``<table>.csv`` files, each read as text with its physical line numbers.

Per file the encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252) and the
delimiter (``,`` or ``;``) are detected. polars parses the common case; Python's csv module takes
over only when polars refuses the file (to say which line is wrong, or to accept a stray quote
inside an unquoted value) — it is exact but loops per row.
"""

from __future__ import annotations

import codecs
import csv
import io
import posixpath
import zipfile
from pathlib import Path

import polars as pl

from contracts.issues import Issue
from ingest.package import SOURCE_ROW, CsvDialect, Package, SheetData
from ingest.readers import safety
from warehouse.settings import Limits

EXPECTED = safety.ZIP_EXPECTED
CSV_EXPECTED = "a CSV file in UTF-8, UTF-16 or Windows-1252"
# One bad line usually breaks many: past this, the state has enough to go on.
MAX_LINE_ISSUES = 100


def read(path: Path, limits: Limits) -> Package:
    pkg = Package(path=path, encoding="csv", size=path.stat().st_size)
    issue = safety.sniff_zip(path)
    if issue is not None:
        pkg.issues.append(issue)
        return pkg
    try:
        with safety.open_zip(path, limits, ratio=limits.max_zip_ratio, expected=EXPECTED) as zf:
            entries, folder = _layout(zf.files)
            if folder is not None:
                pkg.issues.append(Issue("zip_files_in_folder", params={"detail": folder}))
            for info, origin, wanted in entries:
                if not wanted:
                    pkg.sheets.append(empty_sheet(origin))
                    continue
                sheet, issues = read_csv_bytes(zf.read(info), origin, limits)
                pkg.sheets.append(sheet)
                pkg.issues.extend(issues)
    except safety.Refusal as refusal:
        pkg.sheets.clear()
        pkg.issues.extend(refusal.issues)
    return pkg


def empty_sheet(origin: str) -> SheetData:
    return SheetData(origin=origin, headers=[], frame=pl.DataFrame(schema={SOURCE_ROW: pl.Int64}))


# --- which files ------------------------------------------------------------------------------


def _layout(
    files: list[zipfile.ZipInfo],
) -> tuple[list[tuple[zipfile.ZipInfo, str, bool]], str | None]:
    """(member, origin, read it?) for each visible file, and the folder the CSV files were
    found in when it is not the root.

    CSV files are read from the root; when there are none there but all of them sit in one
    folder (the state zipped the folder), from that folder. Every other file is listed unread,
    so that the template step can report it as an unknown table.
    """
    named = [(i, i.filename.replace("\\", "/")) for i in files]
    visible = [(i, n) for i, n in named if not _hidden(n)]
    csvs = [n for _, n in visible if n.lower().endswith(".csv")]
    dirs = {posixpath.dirname(n) for n in csvs}
    folder = dirs.pop() if len(dirs) == 1 else ""
    out = []
    for info, name in visible:
        in_dir = posixpath.dirname(name) == folder
        origin = posixpath.basename(name) if in_dir else name
        out.append((info, origin, in_dir and name.lower().endswith(".csv")))
    return out, folder or None


def _hidden(name: str) -> bool:
    """macOS resource forks and dot-files are artefacts of the zipping, not tables."""
    parts = name.split("/")
    return parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts if p)


# --- one file ---------------------------------------------------------------------------------


def read_csv_bytes(data: bytes, origin: str, limits: Limits) -> tuple[SheetData, list[Issue]]:
    """Reads one CSV file's bytes; never raises."""
    decoded = _decode(data, origin)
    if isinstance(decoded, Issue):
        return empty_sheet(origin), [decoded]
    body, encoding = decoded
    if b"\n" not in body and b"\r" in body:
        body = body.replace(b"\r", b"\n")  # classic Mac line ends: each CR is a line
    sep = detect_delimiter(body)
    frame, issues = _read(body, sep, origin)
    dialect = CsvDialect(encoding=encoding, delimiter=sep)
    frame = _drop_blank_rows(frame)
    if frame.height == 0:
        sheet = empty_sheet(origin)
        sheet.dialect = dialect
        return sheet, issues
    first = frame.row(0)
    headers: list[str | None] = list(first[:-1])
    data_rows = frame.slice(1)
    too_many = safety.too_many_rows(origin, data_rows.height, limits)
    if too_many is not None:
        issues.append(too_many)
        data_rows = data_rows.clear()
    sheet = SheetData(origin, headers, data_rows, dialect=dialect, header_row=first[-1])
    return sheet, issues


def _drop_blank_rows(frame: pl.DataFrame) -> pl.DataFrame:
    cols = [c for c in frame.columns if c != SOURCE_ROW]
    if not cols:
        return frame
    keep = frame.select(pl.any_horizontal(pl.col(c).is_not_null() for c in cols)).to_series()
    return frame if keep.all() else frame.filter(keep)  # filtering copies every column


def _decode(data: bytes, origin: str) -> tuple[bytes, str] | Issue:
    """The file as UTF-8 bytes without BOM, and the encoding it was found in."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8"), "utf-16"
        except UnicodeDecodeError as exc:
            return _undecodable(origin, exc, utf16=True)
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    if b"\x00" in data:
        detail = f"{origin} contains NUL bytes (UTF-16 needs a byte order mark)"
        return safety.unreadable(CSV_EXPECTED, detail, table=origin)
    if data.isascii():
        return data, encoding
    try:
        data.decode("utf-8")
        return data, encoding
    except UnicodeDecodeError as exc:
        if encoding == "utf-8-sig":  # the BOM promised UTF-8
            return _undecodable(origin, exc)
    try:
        return data.decode("cp1252").encode("utf-8"), "cp1252"
    except UnicodeDecodeError as exc:
        return _undecodable(origin, exc)


def _undecodable(origin: str, exc: UnicodeDecodeError, *, utf16: bool = False) -> Issue:
    raw = bytes(exc.object)
    byte = raw[exc.start : exc.start + 1].hex().upper()
    # Counting b"\n" only finds lines in the 8-bit encodings.
    line = None if utf16 else raw[: exc.start].count(b"\n") + 1
    detail = f"{origin} holds a byte (0x{byte}) that none of these encodings allows"
    return safety.unreadable(CSV_EXPECTED, detail, table=origin, row=line)


def detect_delimiter(body: bytes) -> str:
    """``;`` when the header line has more semicolons than commas outside quotes, else ``,``."""
    head = body.lstrip(b"\r\n")[:65536]
    commas = semis = 0
    quoted = False
    for byte in head:
        if byte == 0x22:
            quoted = not quoted
        elif quoted:
            continue
        elif byte == 0x0A:
            break
        elif byte == 0x2C:
            commas += 1
        elif byte == 0x3B:
            semis += 1
    return ";" if semis > commas else ","


def _parse(body: bytes, sep: str, *, ragged: bool) -> pl.DataFrame | None:
    """polars' parse (columns c0…), or None when polars refuses the file."""
    try:
        raw = pl.read_csv(
            body,
            has_header=False,
            separator=sep,
            quote_char='"',
            infer_schema=False,
            raise_if_empty=False,
            truncate_ragged_lines=ragged,
        )
    except Exception:  # polars says "malformed" in several ways; the caller finds the line
        return None
    frame = raw.rename({old: f"c{i}" for i, old in enumerate(raw.columns)})
    if b'""' in body:  # a quoted empty value is as blank as an unquoted one
        frame = frame.with_columns(
            pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c in frame.columns
        )
    return frame


def _read(body: bytes, sep: str, origin: str) -> tuple[pl.DataFrame, list[Issue]]:
    """The records (blank ones included) with the line each starts on, and faulty lines."""
    stripped = body.lstrip(b"\r\n")  # so that polars takes its width from the header line
    offset = body[: len(body) - len(stripped)].count(b"\n")
    body = stripped
    if not body:
        return pl.DataFrame(schema={SOURCE_ROW: pl.Int64}), []
    frame = _parse(body, sep, ragged=False)
    n_lines = body.count(b"\n") + (0 if body.endswith(b"\n") else 1)
    if frame is not None and frame.height == n_lines:  # one record per line: no arithmetic
        starts = pl.int_range(1 + offset, n_lines + 1 + offset, dtype=pl.Int64, eager=True)
        return _with_lines(frame, starts), []
    # Quoted newlines or ragged lines: place records on lines from their quotes.
    records = _records(body, texts=frame is None)
    issues: list[Issue] = []
    if frame is None:
        frame = _parse(body, sep, ragged=True)
        if frame is not None and records is not None and records.height == frame.height:
            issues = _ragged(records, sep, frame.width, origin, offset)
    if frame is None or records is None or records.height != frame.height:
        return _read_slow(body, sep, origin, offset)
    return _with_lines(frame, records["line"] + offset), issues


def _with_lines(frame: pl.DataFrame, starts: pl.Series) -> pl.DataFrame:
    """Adds the line numbers, chunked like polars' parallel parse chunked the columns: columns
    chunked differently make the next operation on the frame copy it whole."""
    lengths = frame.to_series(0).chunk_lengths() if frame.width else [frame.height]
    parts = []
    at = 0
    for n in lengths:
        parts.append(starts.slice(at, n))
        at += n
    return frame.hstack([pl.concat(parts, rechunk=False).alias(SOURCE_ROW)])


def _records(body: bytes, *, texts: bool) -> pl.DataFrame | None:
    """One row per record: its first line and its text, assuming RFC 4180 quotes (then a line
    ends a record exactly when the quotes so far are even; an escaped "" counts twice).
    Without ``texts`` a record's text is only its first line (enough to number it)."""
    parts = body.split(b"\n")
    if body.endswith(b"\n"):
        parts.pop()
    lines = pl.Series("text", parts, dtype=pl.Binary).cast(pl.String)
    ends = (lines.str.count_matches('"', literal=True).cum_sum() % 2) == 0
    if not ends[-1]:
        return None  # a quote is never closed
    df = pl.DataFrame(
        {
            "text": lines,
            "line": pl.int_range(1, len(lines) + 1, dtype=pl.Int64, eager=True),
            "record": ends.shift(1, fill_value=False).cast(pl.Int64).cum_sum(),
        }
    )
    if ends.all():
        return df
    if not texts:
        return df.filter(pl.col("record").is_first_distinct())
    return df.group_by("record", maintain_order=True).agg(
        pl.col("text").str.join("\n"), pl.col("line").first()
    )


def _ragged(records: pl.DataFrame, sep: str, width: int, origin: str, offset: int) -> list[Issue]:
    """Records with more values than the header line, counted outside quoted values."""
    counted = records.select(
        "line",
        values=pl.col("text")
        .str.replace_all(r'"(?:[^"]|"")*"', "")
        .str.count_matches(sep, literal=True)
        + 1,
    ).filter(pl.col("values") > width)
    return [
        _malformed(origin, line + offset, f"this line has {n} values but the header has {width}")
        for line, n in counted.head(MAX_LINE_ISSUES).iter_rows()
    ]


def _malformed(origin: str, line: int, detail: str) -> Issue:
    return Issue("csv_malformed", table=origin, row=line, params={"detail": detail})


def _read_slow(body: bytes, sep: str, origin: str, offset: int) -> tuple[pl.DataFrame, list[Issue]]:
    """Python's csv module, strict about quotes but tolerant of a quote inside an unquoted
    value (which polars refuses): exact, and the only path that loops per row."""
    text = io.StringIO(body.decode("utf-8"), newline="\n")
    reader = csv.reader(text, delimiter=sep, strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []
    issues: list[Issue] = []
    width: int | None = None

    def bad(line: int, detail: str) -> None:
        if len(issues) < MAX_LINE_ISSUES:
            issues.append(_malformed(origin, line + offset, detail))

    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                bad(
                    start,
                    f"a quote opened in the record starting on line {start + offset} "
                    "is never closed",
                )
                break
            bad(reader.line_num, _explain(str(exc)))
            continue
        if width is None:
            width = len(row)
        elif len(row) > width:
            bad(start, f"this line has {len(row)} values but the header has {width}")
            row = row[:width]
        elif len(row) < width:  # missing trailing values (or a blank line) are blanks
            row += [""] * (width - len(row))
        rows.append(row)
        starts.append(start + offset)
    schema = [(f"c{i}", pl.String) for i in range(width or 0)]
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    frame = frame.with_columns(
        [pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c, _ in schema]
        + [pl.Series(SOURCE_ROW, starts, dtype=pl.Int64)]
    )
    return frame, issues


def _explain(message: str) -> str:
    if "expected after" in message:
        return "a closing quote is followed by other characters (quote the whole value)"
    if "new-line character" in message:
        return "a carriage return inside an unquoted value"
    return message
