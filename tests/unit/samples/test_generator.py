"""The sample generator: deterministic, the committed demo set is current, the set has the
shape the brief asks for, files open, and the content obeys the spec's rules (checked here
independently of ``contracts.validate``, which is developed separately). Last, the acceptance
check: ``contracts.validate`` reports every planted problem with the rule and the location the
manifest gives (locations are also checked here against the files, without the validator)."""

from __future__ import annotations

import csv
import gettext
import hashlib
import io
import itertools
import json
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pycountry
import pytest

from samples import generator as g

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "samples" / "demo"
CODELISTS = REPO / "dbt_project" / "seeds" / "codelists"


def _hashes(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file()
    }


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, g.Manifest]:
    out = tmp_path_factory.mktemp("demo")
    return out, g.generate(out)


# --- determinism ---------------------------------------------------------------------------
def test_same_seed_gives_identical_bytes_and_mtimes(tmp_path: Path) -> None:
    first = g.generate(tmp_path / "a", seed=7, scale=0.1)
    second = g.generate(tmp_path / "b", seed=7, scale=0.1)
    assert _hashes(tmp_path / "a") == _hashes(tmp_path / "b")
    assert first.dumps() == second.dumps()
    mtimes = [(tmp_path / d / f).stat().st_mtime_ns for d in "ab" for f in first.sequence]
    assert mtimes[: len(first.sequence)] == mtimes[len(first.sequence) :]


def test_another_seed_replaces_the_set_with_another(tmp_path: Path) -> None:
    first = g.generate(tmp_path, seed=1, scale=0.1)
    second = g.generate(tmp_path, seed=2, scale=0.1)
    assert {e["sha256"] for e in first.entries} != {e["sha256"] for e in second.entries}
    # Nothing of the first set is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*second.sequence, g.MANIFEST_NAME])


def test_scale_changes_the_volumes_not_the_files() -> None:
    small, default = g.plan_demo(g.DEFAULT_SEED, 0.1), g.plan_demo(g.DEFAULT_SEED, 1.0)
    assert [p.file for p in small] == [p.file for p in default]
    assert sum(p.n_incidents for p in small) < sum(p.n_incidents for p in default)


def test_committed_demo_is_what_the_generator_writes(fresh: tuple[Path, g.Manifest]) -> None:
    out, _ = fresh
    assert DEMO.is_dir(), "run: python -m samples.generator --out samples/demo"
    committed, current = _hashes(DEMO), _hashes(out)
    stale = sorted(set(committed) ^ set(current)) + sorted(
        n for n in committed.keys() & current.keys() if committed[n] != current[n]
    )
    assert not stale, f"samples/demo is stale, regenerate it ({len(stale)} files differ)"


# --- the shape of the demo set ---------------------------------------------------------------
def test_manifest_counts(fresh: tuple[Path, g.Manifest]) -> None:
    _, manifest = fresh
    entries = manifest.entries
    kinds = Counter(e["kind"] for e in entries)
    assert len({e["reporting_state"] for e in entries}) == 26
    assert 450 <= len(entries) <= 550
    assert {e["encoding"] for e in entries} == {"xlsx", "csv_zip", "json"}
    assert 8 <= kinds["resubmission"] <= 12
    assert 3 <= kinds["withdrawal"] <= 5
    assert kinds["duplicate"] == 1
    assert kinds["bad"] >= 12
    # Periods of every type, and states with more than one agency.
    assert {re.sub(r"\d", "", e["period"]) for e in entries} == {"-", "-Q", "-S", ""}
    agencies = Counter(s for s, _ in {(e["reporting_state"], e["agency"]) for e in entries})
    assert sum(1 for n in agencies.values() if n > 1) >= 4


def test_manifest_expectations(fresh: tuple[Path, g.Manifest]) -> None:
    _, manifest = fresh
    rules = Counter(
        r for e in manifest.entries if e["expect"] == "rejected" for r in e["expect_rules"]
    )
    for rule in (
        "invalid_count",
        "deceased_missing_exceed_total",
        "duplicate_incident_ref",
        "route_too_short",
        "route_unknown_country",
        "legs_not_chained",
        "pseudo_document_issuer",
        "personal_data_column",
        "missing_submission",
        "missing_required_column",
        "unknown_code",
        "file_unreadable",
        "file_type_mismatch",
        "zip_unsafe_path",
    ):
        assert rules[rule] >= 1, rule
    assert rules["personal_data_value"] == 2 and rules["invalid_count"] == 2
    warnings = Counter(
        r for e in manifest.entries if e["expect"] == "accepted" for r in e["expect_rules"]
    )
    assert set(warnings) == {
        "unmapped_code",
        "date_outside_period",
        "unknown_table",
        "profile_sum_mismatch",
    }
    for e in manifest.entries:
        assert (e["expect"] == "rejected") == (e["kind"] == "bad")
        assert e["expect"] == "accepted" or e["expect_rules"]


def test_sequence_order(fresh: tuple[Path, g.Manifest]) -> None:
    out, manifest = fresh
    files = manifest.sequence
    assert files == sorted(files)
    mtimes = [(out / f).stat().st_mtime_ns for f in files]
    assert all(a < b for a, b in itertools.pairwise(mtimes))
    position = {f: i for i, f in enumerate(files)}
    for e in manifest.entries:
        for link in ("replaces", "withdraws", "duplicate_of"):
            if link in e:
                assert position[e[link]] < position[e["file"]], (link, e["file"])
        if "resent_as" in e:  # a rejected package comes before its corrected version
            assert position[e["file"]] < position[e["resent_as"]]
    duplicate = next(e for e in manifest.entries if e["kind"] == "duplicate")
    original = next(e for e in manifest.entries if e["file"] == duplicate["duplicate_of"])
    assert duplicate["sha256"] == original["sha256"] and duplicate["file"] != original["file"]


def test_withdrawals_carry_only_the_submission(fresh: tuple[Path, g.Manifest]) -> None:
    _, manifest = fresh
    for e in manifest.entries:
        if e["kind"] == "withdrawal":
            assert e["action"] == "delete" and e["rows"] == {"submission": 1}


# --- every file opens (except the deliberately damaged ones) -----------------------------
def _opens(path: Path) -> dict[str, int]:
    """Tables and their rows, read with the standard tools (the submission as one record)."""
    tables = _read_tables(path)
    return tables | ({"submission": 1} if "submission" in tables else {})


def _read_tables(path: Path) -> dict[str, int]:
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        try:
            return {ws.title: max(0, ws.max_row - 1) for ws in workbook.worksheets}
        finally:
            workbook.close()
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            out = {}
            for info in archive.infolist():
                data = archive.read(info)
                text = data.decode("utf-16") if data[:2] == b"\xff\xfe" else None
                if text is None:
                    try:
                        text = data.decode("utf-8-sig")
                    except UnicodeDecodeError:
                        text = data.decode("cp1252")
                rows = list(
                    csv.reader(
                        io.StringIO(text), delimiter=";" if ";" in text.splitlines()[0] else ","
                    )
                )
                out[info.filename.removesuffix(".csv")] = len(rows) - 1
            return out
    document = json.loads(path.read_text(encoding="utf-8"))
    return {k: 1 if isinstance(v, dict) else len(v) for k, v in document.items()}


def test_every_file_opens(fresh: tuple[Path, g.Manifest]) -> None:
    out, manifest = fresh
    for e in manifest.entries:
        path = out / e["file"]
        if e.get("problem") in g.UNREADABLE:
            with pytest.raises((zipfile.BadZipFile, KeyError, OSError, ValueError)):
                _opens(path)
            continue
        tables = _opens(path)
        if e.get("problem") == "unsafe_path":
            assert tables.pop("../evil") == 1
        assert tables == e["rows"], e["file"]


# --- content obeys the spec (an independent reading of it) -----------------------------------
def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return re.sub(r"[^\w]+|_+", " ", stripped.lower()).strip() or text.strip().lower()


def _codelists() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in sorted(CODELISTS.glob("*.csv")):
        if path.stem == "country_aliases":
            continue
        terms: dict[str, str] = {}
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                spellings = [row["code"], row["label_en"], row["label_fr"], row["label_es"]]
                spellings += [s for s in row["synonyms"].split("|") if s]
                for s in spellings:
                    terms[_norm(s)] = row["code"]
        out[path.stem] = terms
    return out


def _countries() -> dict[str, str]:
    terms: dict[str, str] = {}
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    for c in pycountry.countries:
        for s in (c.alpha_3, c.alpha_2, c.name, fr.gettext(c.name), es.gettext(c.name)):
            terms[_norm(s)] = c.alpha_3
        terms[str(int(c.numeric))] = c.alpha_3
    with (CODELISTS / "country_aliases.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            terms[_norm(row["alias"])] = row["iso3"]
    terms.update({"xxa": "XXA", "xxx": "XXX"})
    return terms


CODES = _codelists()
COUNTRIES = _countries()


def _iso3(text: str) -> str | None:
    key = _norm(text)
    return COUNTRIES.get(key.lstrip("0") if key.isdigit() else key)


def _code(list_name: str, text: str) -> str | None:
    return CODES[list_name].get(_norm(text))


CODED: dict[str, dict[str, str]] = {
    "border_events": {
        "indicator": "indicator",
        "counting_unit": "counting_unit",
        "border_type": "border_type",
        "detection_location": "detection_location",
        "sex": "sex",
        "obs_status": "obs_status",
    },
    "incidents": {
        "detection_stage": "detection_stage",
        "transport_mode": "transport_mode",
        "conveyance": "conveyance",
        "concealment": "concealment",
        "fee_basis": "fee_basis",
        "payment_method": "payment_method",
        "payment_timing": "payment_timing",
        "related_offences": "related_offence",
        "technology": "technology",
        "aggravating": "aggravating",
    },
    "route_legs": {"transport_mode": "transport_mode", "conveyance": "conveyance"},
    "smuggled_migrants": {"sex": "sex", "unaccompanied": "yes_no"},
    "smugglers": {
        "sex": "sex",
        "role": "role",
        "justice_stage": "justice_stage",
        "group_structure": "group_structure",
    },
    "fraudulent_documents": {
        "document_type": "document_type",
        "fraud_type": "fraud_type",
        "border_type": "border_type",
        "detection_location": "detection_location",
    },
    "cooperation": {
        "request_type": "request_type",
        "direction": "direction",
        "outcome": "request_outcome",
    },
    "narrative": {"topic": "narrative_topic"},
}
COUNTRY_COLUMNS: dict[str, tuple[str, ...]] = {
    "border_events": ("citizenship",),
    "incidents": ("detection_country",),
    "route_legs": ("from_country", "to_country"),
    "smuggled_migrants": ("citizenship",),
    "smugglers": ("citizenship",),
    "fraudulent_documents": ("issuing_country", "holder_citizenship"),
    "cooperation": ("counterpart_state",),
}
COUNT_COLUMNS = (
    "value",
    "migrants_total",
    "migrants_deceased",
    "migrants_missing",
    "migrants_injured",
    "unaccompanied_minors",
    "smugglers_detected",
    "leg_seq",
)
AGE = re.compile(
    r"^(?:\d{1,3}-\d{1,3}|<\d{1,3}|under \d{1,3}|moins de \d{1,3}|menos de \d{1,3}|\d{1,3}\+"
    r"|\d{1,3} and over|\d{1,3} et plus|\d{1,3} y más|minor|adult|unknown)$"
)
PERSONAL = re.compile(r"@|\+\d|\b00\d{6,}|\b(?:Mr|Mrs|Ms|Mme|Sr|Sra)\.? [A-Z]")


def _route(text: str) -> list[str | None]:
    return [_iso3(m) for m in re.split(r"[>→]", text) if m.strip()]


def _specs(seed: int, scale: float) -> Iterator[tuple[g.Planned, g.PackageSpec]]:
    habits = {s.iso3: g.Habits(s, seed) for s in g.STATES}
    for p in g.plan_demo(seed, scale):
        if p.kind != "duplicate":
            yield p, g.realise(p, seed, scale, habits)


def _problems(p: g.Planned, spec: g.PackageSpec) -> list[str]:
    """Breaches of the spec's rules in one package, as rule codes."""
    found: list[str] = []
    if spec.submission is None:
        return ["missing_submission"]
    sub = spec.submission
    if _iso3(str(sub["reporting_state"])) != spec.state.iso3:
        found.append("unknown_country")
    for field, list_name in (
        ("agency_type", "agency_type"),
        ("action", "action"),
        ("benefit_required", "yes_no"),
        ("stay_facilitation_criminalised", "yes_no"),
    ):
        if field in sub and _code(list_name, str(sub[field])) is None:
            found.append("unknown_code")
    tables = spec.tables
    for name, table in tables.items():
        if name not in g.COLUMNS:
            found.append("unknown_table")
            continue
        if any(c not in table.columns for c in g.REQUIRED[name]):
            found.append("missing_required_column")
        for column in table.columns:
            if column not in g.COLUMNS[name]:
                found.append("personal_data_column")
        for row in table.rows:
            cells = {c: row.get(c) for c in table.columns}
            for c in COUNT_COLUMNS:
                v = cells.get(c)
                if v is not None and (not isinstance(v, int) or v < 0):
                    found.append("invalid_count")
            for c, list_name in CODED.get(name, {}).items():
                v = cells.get(c)
                members = re.split(r"[;|]", v) if isinstance(v, str) else []
                if any(_code(list_name, m.strip()) is None for m in members):
                    found.append("unmapped_code" if c == "conveyance" else "unknown_code")
            for c in COUNTRY_COLUMNS.get(name, ()):
                v = cells.get(c)
                if v is not None and _iso3(str(v)) is None and str(v).lower() != "none":
                    found.append("unknown_country")
            if isinstance(cells.get("age_group"), str) and not AGE.match(str(cells["age_group"])):
                found.append("age_group_unparsed")
            for c in ("text", "comment", "detection_place", "incident_ref"):
                if isinstance(cells.get(c), str) and PERSONAL.search(str(cells[c])):
                    found.append("personal_data_value")
            if name == "border_events":
                status = cells.get("obs_status")
                suppressed = status is not None and _code("obs_status", str(status)) == "Q"
                if suppressed != (cells["value"] is None):
                    found.append("value_or_suppressed")
            if (
                name == "fraudulent_documents"
                and str(cells["issuing_country"]).lower() == "none"
                and _code("fraud_type", str(cells["fraud_type"])) != "pseudo_document"
            ):
                found.append("pseudo_document_issuer")
    incidents = tables.get("incidents")
    if incidents is None:
        return found
    refs = [r["incident_ref"] for r in incidents.rows]
    if len(set(refs)) != len(refs):
        found.append("duplicate_incident_ref")
    ends: dict[object, tuple[str | None, str | None]] = {}
    for row in incidents.rows:
        if "route" not in incidents.columns:
            break
        route = _route(str(row["route"]))
        if len(route) < 2:
            found.append("route_too_short")
        elif None in route:
            found.append("route_unknown_country")
        ends[row["incident_ref"]] = (route[0], route[-1])
        total = row["migrants_total"]
        parts = [
            row.get(c) or 0
            for c in incidents.columns
            if c in ("migrants_deceased", "migrants_missing")
        ]
        if isinstance(total, int) and sum(p for p in parts if isinstance(p, int)) > total:
            found.append("deceased_missing_exceed_total")
        day = row["detection_date"]
        assert isinstance(day, date)
        if not spec.period.start <= day <= spec.period.end:
            found.append("date_outside_period")
        if ("fee_per_migrant" in row) != ("fee_currency" in row):
            found.append("fee_incomplete")
    legs: dict[object, list[g.Row]] = {}
    for leg in tables.get("route_legs", g.Table([], [])).rows:
        legs.setdefault(leg["incident_ref"], []).append(leg)
    for ref, chain in legs.items():
        if ref not in ends:
            found.append("unknown_incident_ref")
            continue
        if [leg["leg_seq"] for leg in chain] != list(range(1, len(chain) + 1)):
            found.append("legs_invalid_sequence")
        countries = [
            (_iso3(str(leg["from_country"])), _iso3(str(leg["to_country"]))) for leg in chain
        ]
        if any(a[1] != b[0] for a, b in itertools.pairwise(countries)):
            found.append("legs_not_chained")
        if (countries[0][0], countries[-1][1]) != ends[ref]:
            found.append("legs_route_mismatch")
    migrants = tables.get("smuggled_migrants")
    if migrants is not None and "incident_ref" in migrants.columns:
        sums: Counter[object] = Counter()
        for row in migrants.rows:
            if row.get("incident_ref") is not None:
                sums[row["incident_ref"]] += row["value"] if isinstance(row["value"], int) else 0
        totals = {r["incident_ref"]: r["migrants_total"] for r in incidents.rows}
        for ref, n in sums.items():
            if ref not in totals:
                found.append("unknown_incident_ref")
            elif totals[ref] != n:
                found.append("profile_sum_mismatch")
    return found


def test_content_obeys_the_spec_except_where_planted() -> None:
    """Every package breaks exactly the rules the manifest says it breaks: none for clean
    ones, the planted warning for the others, at least the expected error for bad ones."""
    for p, spec in _specs(g.DEFAULT_SEED, 1.0):
        found = set(_problems(p, spec))
        expected = set(p.expect_rules)
        if p.problem is not None and p.problem.key in ("truncated", "text_as_zip", "unsafe_path"):
            assert not found, (p.file, found)  # the damage is in the bytes, not the content
        elif p.kind == "bad":
            assert expected <= found, (p.file, found)
        else:
            assert found == expected, (p.file, found)


def test_cp1252_and_decimal_comma_bundles_are_as_declared(fresh: tuple[Path, g.Manifest]) -> None:
    out, manifest = fresh
    seen_comma = False
    for e in manifest.entries:
        if e["encoding"] != "csv_zip" or e.get("problem") in g.UNREADABLE:
            continue
        with zipfile.ZipFile(out / e["file"]) as archive:
            for info in archive.infolist():
                assert info.date_time == g.ZIP_ENTRY_TIME
                data = archive.read(info)
                charset = e["charset"]
                if charset == "utf-16":
                    assert data.startswith(b"\xff\xfe")
                elif charset == "utf-8-sig":
                    assert data.startswith(b"\xef\xbb\xbf")
                text = data.decode("utf-16" if charset == "utf-16" else charset)
                if e["delimiter"] == ";" and info.filename == "incidents.csv":
                    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
                    header = [h.strip().lower() for h in rows[0]]
                    if "fee_per_migrant" in header:
                        fees = [r[header.index("fee_per_migrant")] for r in rows[1:]]
                        assert not any("." in f for f in fees)
                        seen_comma |= any("," in f for f in fees)
    assert seen_comma, "no decimal-comma fee in the demo set"


def test_xlsx_cells_are_typed(fresh: tuple[Path, g.Manifest]) -> None:
    """Text is never a formula, counts are numbers, and some states send native dates."""
    out, manifest = fresh
    native = text_dates = 0
    for e in manifest.entries:
        if e["encoding"] != "xlsx" or e.get("problem") in g.UNREADABLE:
            continue
        workbook = openpyxl.load_workbook(out / e["file"], read_only=True)
        try:
            if "incidents" not in workbook.sheetnames:
                continue
            rows = list(workbook["incidents"].iter_rows(values_only=True))
        finally:
            workbook.close()
        header = [str(h).strip().lower() for h in rows[0]]
        for row in rows[1:]:
            day = row[header.index("detection_date")]
            native += hasattr(day, "year")
            text_dates += isinstance(day, str)
            total = row[header.index("migrants_total")]
            assert isinstance(total, int | float), e["file"]
            assert not any(isinstance(v, str) and v.startswith("=") for v in row)
    assert native and text_dates


def test_vocabulary_resolves_in_the_code_lists() -> None:
    """The spellings frozen in the generator are all still accepted by the code lists."""
    for list_name, codes in g.CODES.items():
        for code, spellings in codes.items():
            for s in (code, *spellings):
                assert _code(list_name, s) == code, (list_name, code, s)
    for preset in g.SEX_PRESETS.values():
        for code, s in preset.items():
            assert _code("sex", s) == code, s
    for iso3, names in g.COUNTRIES.items():
        forms = [names.en, names.fr, names.es, *names.aliases]
        forms += [f for f in (names.iso2, names.m49 and str(names.m49)) if f]
        for form in forms:
            assert _iso3(str(form)) == iso3, (iso3, form)
    for scheme in g.AGE_SCHEMES.values():
        for band in scheme:
            assert AGE.match(band.label), band.label


def test_big_incidents_bundle(tmp_path: Path) -> None:
    path = g.big_incidents_csv_bundle(tmp_path / "big.zip", rows=20_000, seed=3)
    again = g.big_incidents_csv_bundle(tmp_path / "again.zip", rows=20_000, seed=3)
    assert path.read_bytes() == again.read_bytes()
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["incidents.csv", "submission.csv"]
        info = archive.getinfo("incidents.csv")
        assert info.file_size / path.stat().st_size < 20  # under the zip-bomb ratio
        rows = list(csv.DictReader(io.StringIO(archive.read(info).decode("utf-8"))))
    assert len(rows) == 20_000
    assert len({r["incident_ref"] for r in rows}) == 20_000
    for r in rows[:2000]:
        total = int(r["migrants_total"])
        lost = int(r["migrants_deceased"] or 0) + int(r["migrants_missing"] or 0)
        assert lost <= total
        assert bool(r["fee_per_migrant"]) == bool(r["fee_currency"])
        assert len(_route(r["route"])) >= 2
        assert _code("transport_mode", r["transport_mode"])


# --- every planted problem is located as the state sees it ---------------------------------
def test_csv_lines_count_quoted_line_breaks() -> None:
    header = ["topic", "text"]
    rows = [
        ["routes", "one line"],
        ["fees", "two\nlines"],
        ["other", "three\r\nlines\nhere"],
        ["x", ""],
    ]
    text, starts = g._csv_text_and_lines(header, rows, ";")
    assert text == g._csv_text(header, rows, ";")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    next(reader)
    read = []
    for _ in rows:
        read.append(reader.line_num + 1)
        next(reader)
    assert starts == read == [2, 3, 5, 8]


def test_every_problem_is_located(fresh: tuple[Path, g.Manifest]) -> None:
    _, manifest = fresh
    for e in manifest.entries:
        if "problem" not in e:
            assert "expect_issues" not in e
            continue
        issues = e.get("expect_issues")
        assert issues, e["file"]
        severity = "error" if e["expect"] == "rejected" else "warning"
        for issue in issues:
            assert issue["rule"] in e["expect_rules"] and issue["severity"] == severity
            assert list(issue) == ["rule", "severity", "table", "row", "column"]


def _at(path: Path, entry: g.ManifestEntry, table: str, row: int, column: str) -> Any:
    """The value at a location as the state sees it, read with the standard tools."""
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        try:
            cells = list(workbook[table].iter_rows(values_only=True))
        finally:
            workbook.close()
        header = [str(h).strip().lower() for h in cells[0]]
        return cells[row - 1][header.index(column)]
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            data = archive.read(f"{table}.csv")
        charset = "utf-16" if entry["charset"] == "utf-16" else entry["charset"]
        text = data.decode(charset).lstrip("\ufeff")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=entry["delimiter"])
        records: dict[int, list[str]] = {}
        while True:
            start = reader.line_num + 1
            try:
                records[start] = next(reader)
            except StopIteration:
                break
        header = [h.strip().lower() for h in records[1]]
        return records[row][header.index(column)]
    return json.loads(path.read_text(encoding="utf-8"))[table][row].get(column)


def _same(read: Any, written: g.Cell, spec: g.PackageSpec) -> bool:
    if isinstance(read, datetime):
        read = read.date()
    if isinstance(written, date) or isinstance(read, date):
        return read == written or str(read) == g._cell_text(written, spec.state)
    text = g._cell_text(written, spec.state, decimal_comma=spec.state.delimiter == ";")
    if isinstance(read, int | float) or isinstance(written, int | float):
        return float(str(read).replace(",", ".")) == float(text.replace(",", "."))
    return str(read) == text


def test_locations_point_at_the_planted_cells(fresh: tuple[Path, g.Manifest]) -> None:
    """Independently of the validator: each located row holds the value the problem put there
    (and a header row lacks the missing column or has the personal one)."""
    out, manifest = fresh
    entries = {e["file"]: e for e in manifest.entries}
    habits = {s.iso3: g.Habits(s, g.DEFAULT_SEED) for s in g.STATES}
    checked = 0
    for p in g.plan_demo(g.DEFAULT_SEED, 1.0):
        entry = entries[p.file]
        if p.problem is None or p.kind == "duplicate" or p.problem.key in g.UNREADABLE:
            continue
        spec = g.realise(p, g.DEFAULT_SEED, 1.0, habits)
        for spot, issue in zip(spec.planted, entry["expect_issues"], strict=True):
            if spot.table not in g.COLUMNS or issue["row"] is None:
                continue
            assert issue["table"] == spot.table and spot.column is not None
            if spot.header:  # the header row: the first one of a sheet or CSV file
                assert issue["row"] == 1
                continue
            assert spot.row is not None
            written = spec.tables[spot.table].rows[spot.row][spot.column]
            read = _at(out / p.file, entry, spot.table, issue["row"], spot.column)
            assert _same(read, written, spec), (p.file, issue, read, written)
            checked += 1
    assert checked >= 15


def _committed_with_issues() -> list[dict[str, Any]]:
    if not (DEMO / g.MANIFEST_NAME).is_file():
        return []
    files = json.loads((DEMO / g.MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
    return [e for e in files if e.get("expect_issues")]


@pytest.mark.parametrize("entry", _committed_with_issues(), ids=lambda e: e["file"])
def test_validator_reports_each_planted_problem_where_planted(entry: dict[str, Any]) -> None:
    """The acceptance criterion: every bad package is rejected with the right rule and
    location, and every planted warning is reported where it was planted."""
    from contracts.validate import validate_package

    result = validate_package(DEMO / entry["file"])
    reported = {(i.rule, i.severity, i.table, i.row, i.column) for i in result.issues}
    for want in entry["expect_issues"]:
        key = (want["rule"], want["severity"], want["table"], want["row"], want["column"])
        assert key in reported, (key, sorted(reported, key=str))
    assert ("accepted" if result.accepted else "rejected") == entry["expect"]
