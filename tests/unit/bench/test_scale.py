"""bench/scale.py: the benchmark sets are what the benchmark is told they are (50 states × 120
months, the incident targets, CSV-only L), deterministic whatever the number of workers,
accepted by the validator, counted right in the manifest, cached only while complete and
current; one_more_package is a package the set does not have."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from bench import scale
from contracts.countries import load_countries
from contracts.currencies import load_currencies
from contracts.validate import validate_package
from ingest.readers import read_package
from samples import generator as g
from warehouse.settings import Limits


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != scale.TIMING}


@pytest.fixture(scope="module")
def m_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first eight M packages in sending order, written by two processes."""
    return scale.generate("M", tmp_path_factory.mktemp("m") / "pk", workers=2, limit=8)


# --- the states and their plan -------------------------------------------------------------
def test_fifty_states_on_routes_with_resolvable_countries_and_currencies() -> None:
    states = scale.BENCH_STATES
    assert len({s.iso3 for s in states}) == len(states) == 50
    assert {s.iso3 for s in g.STATES} < {s.iso3 for s in states}
    countries = {s.iso3 for s in states}
    for fam in scale.ROUTES:
        countries |= set(fam.path) | {c for c, _ in fam.citizenships}
    resolved = load_countries().resolve(pl.Series(sorted(countries))).to_list()
    assert resolved == sorted(countries)  # real ISO 3166 codes the warehouse knows
    for state in states:
        assert len(state.agencies) == 1 and "incidents" in state.agencies[0].tables, state.iso3
        assert scale.habits(state).families, f"{state.iso3} is on no route"
        assert state.currency in load_currencies() and state.currency in g.USD_RATES
        # Every name the state writes must be writable in its charset (cp1252 is strict).
        for text in (state.agencies[0].name, *state.places):
            text.encode(state.charset)


@pytest.mark.parametrize(("size", "target"), [("M", 1_000_000), ("L", 10_000_000)])
def test_plan_is_fifty_states_by_120_months_near_the_target(size: str, target: int) -> None:
    planned = scale.plan(size)
    keys = {(p.state.iso3, p.agency.short, p.period.label) for p in planned}
    assert len(planned) == len(keys) == 50 * 120
    assert {p.period.label for p in planned} == {
        f"{y}-{m:02d}" for y in range(2015, 2025) for m in range(1, 13)
    }
    total = sum(p.n_incidents for p in planned)
    assert abs(total - target) < target * 0.01
    assert min(p.n_incidents for p in planned) >= 1
    assert [p.sequence for p in planned] == list(range(1, len(planned) + 1))
    assert [p.sent for p in planned] == sorted(p.sent for p in planned)
    encodings = Counter(p.encoding for p in planned)
    if size == "L":
        assert set(encodings) == {"csv_zip"}
    else:
        assert set(encodings) == {"csv_zip", "json", "xlsx"}
        assert encodings["xlsx"] < 0.15 * len(planned)


def test_m_and_l_have_the_same_packages_under_the_same_names() -> None:
    m, l_ = scale.plan("M"), scale.plan("L")
    assert [Path(p.file).stem for p in m] == [Path(p.file).stem for p in l_]
    assert sum(p.n_incidents for p in l_) > 9 * sum(p.n_incidents for p in m)


# --- determinism, manifest, validity ----------------------------------------------------------
def test_same_bytes_whatever_the_workers(m_slice: Path, tmp_path: Path) -> None:
    again = scale.generate("M", tmp_path, workers=1, limit=8)
    assert _files(again) == _files(m_slice)
    mtimes = {p.name: p.stat().st_mtime_ns for p in again.iterdir()}
    assert all(mtimes[p.name] == p.stat().st_mtime_ns for p in m_slice.glob("0*"))


def test_manifest_describes_the_files(m_slice: Path) -> None:
    manifest = scale.load_manifest(m_slice)
    assert manifest["complete"] and manifest["size"] == "M" and manifest["limit"] == 8
    entries = manifest["files"]
    assert [e["file"] for e in entries] == [p.file for p in scale.plan("M")[:8]]
    assert sorted(p.name for p in m_slice.glob("0*")) == [e["file"] for e in entries]
    for e in entries:
        data = (m_slice / e["file"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (e["bytes"], e["sha256"])
        package = read_package(m_slice / e["file"], Limits())
        read = {Path(s.origin).stem: s.n_rows for s in package.sheets}
        read["submission"] = 1  # a field/value sheet in workbooks and bundles
        assert read == e["rows"], e["file"]
    totals = Counter()
    for e in entries:
        totals.update(e["rows"])
    assert manifest["rows"] == dict(totals)


def test_m_packages_are_accepted(m_slice: Path, tmp_path: Path) -> None:
    paths = [m_slice / e["file"] for e in scale.load_manifest(m_slice)["files"]]
    # And one package of each encoding, wherever it is in the set.
    planned = scale.plan("M")
    for encoding in ("xlsx", "json", "csv_zip"):
        p = next(p for p in planned[1000:] if p.encoding == encoding)
        paths.append(tmp_path / scale._write(p, tmp_path)["file"])
    for path in paths:
        result = validate_package(path)
        errors = [i.to_dict() for i in result.issues if i.severity == "error"]
        assert result.accepted, (path.name, errors[:3])


def test_l_packages_are_accepted_csv_bundles(tmp_path: Path) -> None:
    planned = scale.plan("L")
    # A typical package and one in a charset and delimiter of its own.
    typical = min(planned, key=lambda p: abs(p.n_incidents - 1667))
    cp1252 = next(p for p in planned if p.state.charset == "cp1252" and p.n_incidents < 1000)
    for p in (typical, cp1252):
        entry = scale._write(p, tmp_path)
        assert entry["rows"]["incidents"] == p.n_incidents
        result = validate_package(tmp_path / entry["file"])
        assert result.accepted, [i.to_dict() for i in result.issues][:3]
        assert result.tables["incidents"].frame.height == p.n_incidents


# --- the cache ------------------------------------------------------------------------------
def test_complete_set_is_reused_and_an_incomplete_one_regenerated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = scale.generate("M", tmp_path, workers=1, limit=3)
    first = _files(out)

    def boom(*_: object) -> None:
        raise AssertionError("regenerated a complete set")

    with monkeypatch.context() as patch:
        patch.setattr(scale, "_write", boom)
        assert scale.generate("M", tmp_path, workers=1, limit=3) == out
        with pytest.raises(AssertionError):  # another slice is not this one
            scale.generate("M", tmp_path, workers=1, limit=2)
    assert not scale.is_complete(out, "M", limit=3)  # the failed run left no manifest
    scale.generate("M", tmp_path, workers=1, limit=3)
    assert _files(out) == first
    victim = next(out.glob("0002_*"))
    victim.unlink()
    assert not scale.is_complete(out, "M", limit=3)
    scale.generate("M", tmp_path, workers=1, limit=3)
    assert _files(out) == first
    manifest = json.loads((out / scale.MANIFEST).read_text(encoding="utf-8"))
    manifest["version"] = "older"
    (out / scale.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert not scale.is_complete(out, "M", limit=3)


def test_s_is_the_demo_set(tmp_path: Path) -> None:
    out = scale.generate("S", tmp_path, limit=5)
    demo = json.loads((scale.DEMO / g.MANIFEST_NAME).read_text(encoding="utf-8"))["files"][:5]
    manifest = scale.load_manifest(out)
    assert [e["file"] for e in manifest["files"]] == [e["file"] for e in demo]
    for e in demo:
        assert (out / e["file"]).read_bytes() == (scale.DEMO / e["file"]).read_bytes()
        assert (out / e["file"]).stat().st_mtime == e["mtime"]
    assert [e["rows"] for e in manifest["files"]] == [e["rows"] for e in demo]


# --- one more package -------------------------------------------------------------------------
@pytest.mark.parametrize("size", ["S", "M", "L"])
def test_one_more_package_is_new_valid_and_typical(size: str, tmp_path: Path) -> None:
    path = scale.one_more_package(size, tmp_path)
    again = scale.one_more_package(size, tmp_path / "again")
    assert (again.name, again.read_bytes()) == (path.name, path.read_bytes())
    result = validate_package(path)
    assert result.accepted, [i.to_dict() for i in result.issues][:3]
    header = result.header
    assert header is not None
    key = (header.reporting_state, header.reporting_agency, header.period.label)
    if size == "S":
        entries = json.loads((scale.DEMO / g.MANIFEST_NAME).read_text("utf-8"))["files"]
        existing = {(e["reporting_state"], e["agency"], e["period"]) for e in entries}
        last = entries[-1]["file"]
    else:
        planned = scale.plan(size)
        existing = {(p.state.iso3, p.agency.name, p.period.label) for p in planned}
        last = planned[-1].file
        average = sum(p.n_incidents for p in planned) / len(planned)
        assert abs(result.tables["incidents"].frame.height - average) < 0.01 * average
    assert key not in existing
    assert path.name > last
