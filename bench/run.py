"""The benchmark suite: `make bench SIZE=S|M|L` (python -m bench.run --size S).

Every figure is measured in this run, next to what DuckDB alone does with the same data in the
same run, and every step runs in a child process of its own so that its peak RSS (its own,
or its largest descendant's: dbt, Airflow) is the step's. Steps, for the packages of the size
(``bench.scale``):

1. **ingest, one large package**: validate + load of one CSV bundle of 1,000,000 incident
   rows (``vrs`` library path: archive, contracts, report, one transaction) versus DuckDB's
   ``read_csv`` of the same CSV into a table, all columns as text as the raw layer keeps them.
2. **ingest, many small packages**: every CSV bundle of the size through ``refresh_inbox``
   into an empty warehouse versus DuckDB reading the same CSV files (extracted beforehand,
   untimed) into one table per submission table. Then the other packages (XLSX, JSON) are
   ingested too, to build the whole warehouse (timed, no baseline: DuckDB reads neither).
3. **dbt build** (seeds, models, data and unit tests) versus ``bench/marts_by_hand.sql``, the
   same marts as one hand-written DuckDB script, each on a fresh copy of the raw layer; the
   marts of both are compared (they must be equal).
4. **first publication**: dbt build + docs + quality gate + publish of the whole warehouse.
5. **incremental refresh**: one more package dropped into the inbox of a copy of the built and
   published warehouse → published, through the library path (stage by stage) and through
   the real Airflow DAGs (``vrs refresh``: ``dag.test()`` of vrs_ingest then vrs_build).
6. **analyst queries**: p50/p95 of the ten reference queries of ``docs/analyst-guide.md`` on
   the published snapshot (DuckDB file, read-only), after one warm-up run each.

Results go to ``bench/results/<size>.json``; ``docs/benchmarks.md`` is rendered from every
results file present (``bench.report``). Work files live in ``bench/cache/size-<X>/``
(git-ignored); the built warehouse is cached there (``built/``) and reused while its inputs
(packages, dbt project, code) are unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CACHE = BENCH / "cache"
RESULTS = BENCH / "results"
GUIDE = REPO / "docs" / "analyst-guide.md"
LARGE_ROWS = 1_000_000

# How often each step is repeated (median reported): cheap steps more, at every size.
REPEATS: dict[str, dict[str, int]] = {
    # S: under 5 minutes in all (`make bench SIZE=S` took 302 s with dbt and incremental at 2)
    "S": {"large": 3, "dbt": 1, "incremental": 1, "airflow": 1, "queries": 20},
    "M": {"large": 3, "dbt": 2, "incremental": 2, "airflow": 1, "queries": 20},
    # L: dbt 0 = the first publication's dbt build is the measured one (see run()).
    "L": {"large": 3, "dbt": 0, "incremental": 1, "airflow": 1, "queries": 10},
}


# --------------------------------------------------------------------------------------------
# Child steps: each runs in its own process (python -m bench.run --child NAME --args JSON)


def _peak_mb() -> float:
    """Peak RSS of this process or of its largest (waited-for) descendant, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def _header_columns(path: Path, encoding: str, delimiter: str) -> list[str]:
    with path.open(encoding="utf-16" if encoding == "utf-16" else encoding, newline="") as f:
        line = f.readline().lstrip("\ufeff").rstrip("\r\n")
    return [c.strip().strip('"') for c in line.split(delimiter)]


def _dialect(group: str) -> tuple[str, str]:
    """A folder name of extract_csvs, <encoding>__<comma|semicolon>, as read_csv options."""
    encoding, delimiter = group.split("__")
    return encoding, ";" if delimiter == "semicolon" else ","


def step_duck_csv(csv_dir: str, db: str, chunk: int = 100) -> dict[str, Any]:
    """DuckDB alone: the extracted CSVs of csv_dir/<table>/<encoding>__<delimiter>/ into one
    table per submission table, `chunk` files per read_csv (union by name), inserted by name.

    Quotes are declared: a sniffer that sees no quote in a file's first rows would otherwise
    split a quoted "Lao, République …" further down. Chunks, because one read_csv over hundreds
    of Latin-1 files keeps a conversion buffer per file (out of memory at 18.8 GB on L).
    """
    import duckdb

    groups = {
        table_dir: {enc_dir.name: sorted(enc_dir.iterdir()) for enc_dir in table_dir.iterdir()}
        for table_dir in sorted(Path(csv_dir).iterdir())
    }
    columns = {  # the union of the headers (untimed: what a loader would know from the spec)
        table_dir: sorted(  # DuckDB's names are case-insensitive, as the states' headers are
            {
                c.lower(): c
                for group, files in encs.items()
                for f in files
                for c in _header_columns(f, *_dialect(group))
            }.values()
        )
        for table_dir, encs in groups.items()
    }
    started = time.perf_counter()
    con = duckdb.connect(db)
    con.execute("set preserve_insertion_order = false")  # as a bulk load would
    tables: dict[str, int] = {}
    for table_dir, encs in groups.items():
        name = table_dir.name
        definition = ", ".join(f'"{c}" varchar' for c in [*columns[table_dir], "filename"])
        con.execute(f'create table "{name}" ({definition})')
        for group, files in encs.items():
            encoding, delimiter = _dialect(group)
            for i in range(0, len(files), chunk):
                con.execute(
                    f'insert into "{name}" by name select * from read_csv($files, '
                    f"encoding = '{encoding}', delim = '{delimiter}', header = true, "
                    """all_varchar = true, quote = '"', escape = '"', union_by_name = true, """
                    "filename = true)",
                    {"files": [str(f) for f in files[i : i + chunk]]},
                )
        tables[name] = con.execute(f'select count(*) from "{name}"').fetchone()[0]
    con.execute("checkpoint")
    con.close()
    seconds = time.perf_counter() - started
    rows = sum(tables.values())
    return {"seconds": seconds, "rows": rows, "tables": tables, "peak_rss_mb": _peak_mb()}


def step_ingest(home: str) -> dict[str, Any]:
    """vrs: everything waiting in home's inbox, in arrival order (archive, validate, load)."""
    from warehouse.refresh import refresh_inbox
    from warehouse.settings import Settings

    started = time.perf_counter()
    outcomes = refresh_inbox(Settings.from_env(home))
    seconds = time.perf_counter() - started
    statuses: dict[str, int] = defaultdict(int)
    for o in outcomes:
        statuses[o.status] += 1
    return {
        "seconds": seconds,
        "packages": len(outcomes),
        "rows": sum(o.rows for o in outcomes),
        "statuses": dict(statuses),
        "peak_rss_mb": _peak_mb(),
    }


def _dbt_nodes(home: str) -> dict[str, Any]:
    """Where the home's last dbt build spent its time (kept by warehouse.build.dbt_build)."""
    from bench.dbt_vs_sql import summarise_run_results

    found = summarise_run_results(Path(home) / "dbt" / "build_run_results.json", slowest=12)
    return {k: found[k] for k in ("by_resource_type", "slowest")} if found else {}


def step_publish(home: str) -> dict[str, Any]:
    """The library path after ingestion, stage by stage: dbt build, docs, quality, publish."""
    from warehouse.pipeline import build, check_quality, publish_build
    from warehouse.settings import Settings

    settings = Settings.from_env(home)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    built = build(settings, force=True)
    assert built is not None
    stages["dbt_build"] = built.run.seconds
    stages["dbt_docs"] = time.perf_counter() - t0 - built.run.seconds
    t1 = time.perf_counter()
    check_quality(settings, built.fingerprint)
    stages["quality_gate"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    snapshot = publish_build(settings, built.fingerprint, built.docs_page)
    stages["publish"] = time.perf_counter() - t2
    return {
        "seconds": time.perf_counter() - t0,
        "stages": stages,
        "marts": snapshot.row_counts,
        "dbt": _dbt_nodes(home),
        "peak_rss_mb": _peak_mb(),
    }


def step_incremental(home: str) -> dict[str, Any]:
    """One package waiting in the inbox → published (library path), stage by stage."""
    from warehouse.pipeline import build, check_quality, publish_build
    from warehouse.refresh import refresh_inbox
    from warehouse.settings import Settings

    settings = Settings.from_env(home)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    outcomes = refresh_inbox(settings)
    stages["ingest"] = time.perf_counter() - t0
    assert [o.status for o in outcomes] == ["accepted"], outcomes
    t1 = time.perf_counter()
    built = build(settings)
    assert built is not None
    stages["dbt_build"] = built.run.seconds
    stages["dbt_docs"] = time.perf_counter() - t1 - built.run.seconds
    t2 = time.perf_counter()
    check_quality(settings, built.fingerprint)
    stages["quality_gate"] = time.perf_counter() - t2
    t3 = time.perf_counter()
    publish_build(settings, built.fingerprint, built.docs_page)
    stages["publish"] = time.perf_counter() - t3
    return {
        "seconds": time.perf_counter() - t0,
        "stages": stages,
        "dbt": _dbt_nodes(home),
        "peak_rss_mb": _peak_mb(),
    }


def step_airflow(home: str) -> dict[str, Any]:
    """The same refresh through the real DAGs: `vrs refresh` (dag.test() of both DAGs)."""
    env = dict(os.environ, VRS_HOME=home)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "warehouse.cli", "refresh", "--engine", "airflow"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"vrs refresh failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    dags = {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"(vrs_\w+): success .*?([\d.]+) s", done.stdout)
    }
    return {"seconds": seconds, "dags": dags, "peak_rss_mb": _peak_mb()}


def step_queries(db: str, repeat: int) -> dict[str, Any]:
    """Each reference query: one warm-up, then `repeat` timed runs on one read-only connection."""
    import duckdb

    queries = reference_queries()
    con = duckdb.connect(db, read_only=True)
    per_query: dict[str, dict[str, float]] = {}
    every: list[float] = []
    for name, sql in queries.items():
        con.execute(sql).fetchall()
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            con.execute(sql).fetchall()
            times.append((time.perf_counter() - t0) * 1000)
        every.extend(times)
        per_query[name] = {"p50_ms": _pct(times, 50), "p95_ms": _pct(times, 95)}
    con.close()
    return {
        "queries": per_query,
        "p50_ms": _pct(every, 50),
        "p95_ms": _pct(every, 95),
        "peak_rss_mb": _peak_mb(),
    }


def step_large(work: str) -> dict[str, Any]:
    """One large CSV bundle: vrs validate + load versus DuckDB's read_csv, interleaved."""
    import duckdb

    from ingest.inbox import submit
    from samples.generator import big_incidents_csv_bundle
    from warehouse.refresh import refresh_inbox
    from warehouse.settings import Settings

    root = Path(work)
    package = root / "large.zip"
    if not package.exists():
        big_incidents_csv_bundle(package, LARGE_ROWS)
    csv = root / "incidents.csv"
    if not csv.exists():
        with zipfile.ZipFile(package) as bundle:
            bundle.extract("incidents.csv", root)
    kind = os.environ["BENCH_LARGE_KIND"]
    if kind == "duckdb":
        db = root / "baseline.duckdb"
        db.unlink(missing_ok=True)
        t0 = time.perf_counter()
        con = duckdb.connect(str(db))
        con.execute(
            "create table incidents as "
            "select * from read_csv(?, all_varchar = true, header = true)",
            [str(csv)],
        )
        con.execute("checkpoint")
        con.close()
        return {"seconds": time.perf_counter() - t0, "rows": LARGE_ROWS, "peak_rss_mb": _peak_mb()}
    home = root / "home"
    shutil.rmtree(home, ignore_errors=True)
    settings = Settings.from_env(home)
    submit(package, settings.inbox)
    t0 = time.perf_counter()
    [outcome] = refresh_inbox(settings)
    seconds = time.perf_counter() - t0
    assert outcome.status == "accepted", outcome
    return {"seconds": seconds, "rows": outcome.rows, "peak_rss_mb": _peak_mb()}


CHILD_STEPS = {
    "duck_csv": step_duck_csv,
    "ingest": step_ingest,
    "publish": step_publish,
    "incremental": step_incremental,
    "airflow": step_airflow,
    "queries": step_queries,
    "large": step_large,
}


def child(name: str, env: dict[str, str] | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run a step in a fresh interpreter; its last stdout line is its JSON result."""
    command = [sys.executable, "-m", "bench.run", "--child", name, "--args", json.dumps(kwargs)]
    full_env = dict(os.environ, **(env or {}))
    full_env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO), os.environ.get("PYTHONPATH")])
    )
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, env=full_env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"step {name} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {name}: {_brief(result)}", flush=True)
    return result


def _brief(result: dict[str, Any]) -> str:
    keys = ("seconds", "rows", "packages", "p50_ms", "p95_ms", "peak_rss_mb")
    return ", ".join(
        f"{k}={result[k]:,.2f}" for k in keys if isinstance(result.get(k), float | int)
    )


# --------------------------------------------------------------------------------------------
# Helpers


def reference_queries() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    return dict(re.findall(r"```sql\n-- query: (\w+)\n(.*?)```", text, re.S))


def _pct(values: list[float], q: int) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))  # nearest rank
    return round(ordered[index], 2)


def _median(runs: list[dict[str, Any]], key: str = "seconds") -> float:
    return round(statistics.median(r[key] for r in runs), 3)


def _peak(runs: list[dict[str, Any]]) -> float:
    return max(r["peak_rss_mb"] for r in runs)


def _submit_all(entries: list[dict[str, Any]], packages: Path, home: Path) -> None:
    from ingest.inbox import submit
    from warehouse.settings import Settings

    inbox = Settings.from_env(home).inbox
    for entry in entries:
        sent = datetime.fromtimestamp(entry["mtime"], UTC)
        submit(packages / entry["file"], inbox, received_at=sent)


def _detect_encoding(data: bytes) -> str:
    """What DuckDB's read_csv is told (untimed preparation): BOM, else UTF-8, else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


def extract_csvs(entries: list[dict[str, Any]], packages: Path, out: Path) -> int:
    """Every CSV member of the bundles into out/<table>/<encoding>__<delimiter>/<n>.csv (the
    dialect told to DuckDB, found here, untimed); their byte count."""
    total = 0
    for n, entry in enumerate(entries):
        with zipfile.ZipFile(packages / entry["file"]) as bundle:
            for member in bundle.namelist():
                if not member.lower().endswith(".csv"):
                    continue
                data = bundle.read(member)
                table = Path(member).stem.lower()
                encoding = _detect_encoding(data)
                header = data.decode("utf-16" if encoding == "utf-16" else encoding).split("\n")[0]
                delimiter = "semicolon" if header.count(";") > header.count(",") else "comma"
                folder = out / table / f"{encoding}__{delimiter}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{n:05d}.csv").write_bytes(data)
                total += len(data)
    return total


def copy_home(source: Path, target: Path) -> Path:
    """A private copy of a VRS_HOME (symlinks kept as symlinks: they are relative)."""
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-a", str(source), str(target)], check=True)
    return target


def inputs_digest(packages: Path) -> str:
    """What the cached built warehouse depends on: the packages, the code that loads them and
    the whole dbt project (models, seeds, macros, tests, dbt_project.yml)."""
    from warehouse.publish import code_fingerprint
    from warehouse.settings import Settings

    digest = hashlib.sha256((packages / "manifest.json").read_bytes())
    for folder in ("ingest", "contracts", "warehouse"):
        for path in sorted((REPO / folder).rglob("*.py")):
            digest.update(path.read_bytes())
    digest.update(code_fingerprint(Settings.from_env(CACHE / "unused")).encode())
    return digest.hexdigest()[:16]


def machine() -> dict[str, Any]:
    import platform

    import duckdb

    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else ""
    mem_kb = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+)", meminfo.read_text())
        mem_kb = int(found.group(1)) if found else 0
    versions = {"duckdb": duckdb.__version__, "python": platform.python_version()}
    for package in ("dbt-core", "dbt-duckdb", "apache-airflow", "great-expectations", "pandera"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:
            versions[package] = "?"
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "versions": versions,
    }


# --------------------------------------------------------------------------------------------
# The run


def _ingest_many(
    result: dict[str, Any],
    csv_entries: list[dict[str, Any]],
    packages: Path,
    work: Path,
    many_home: Path,
) -> dict[str, Any]:
    """Step 2: DuckDB reading the CSV files of the bundles, and the bundles through vrs into
    an empty warehouse (many_home); returns vrs's figures."""
    csv_dir = work / "csv"
    csv_bytes = extract_csvs(csv_entries, packages, csv_dir)
    duck_many = child("duck_csv", csv_dir=str(csv_dir), db=str(work / "many-baseline.duckdb"))
    shutil.rmtree(csv_dir)
    _submit_all(csv_entries, packages, many_home)
    vrs_many = child("ingest", home=str(many_home))
    result["ingest_many"] = {
        "packages": len(csv_entries),
        "csv_bytes": csv_bytes,
        "vrs_seconds": round(vrs_many["seconds"], 2),
        "vrs_rows": vrs_many["rows"],
        "vrs_statuses": vrs_many["statuses"],
        "duckdb_seconds": round(duck_many["seconds"], 2),
        "duckdb_rows": duck_many["rows"],
        "vrs_rows_per_s": round(vrs_many["rows"] / vrs_many["seconds"]),
        "duckdb_rows_per_s": round(duck_many["rows"] / duck_many["seconds"]),
        "vrs_packages_per_s": round(len(csv_entries) / vrs_many["seconds"], 1),
        "ratio": round(vrs_many["seconds"] / duck_many["seconds"], 2),
        "vrs_peak_rss_mb": vrs_many["peak_rss_mb"],
        "duckdb_peak_rss_mb": duck_many["peak_rss_mb"],
    }
    return vrs_many


def run(size: str, *, skip_airflow: bool = False) -> dict[str, Any]:
    from bench.dbt_vs_sql import child_step, compare_files, fresh_copy
    from bench.scale import generate, load_manifest, one_more_package

    repeats = REPEATS[size]
    started = time.perf_counter()
    print(f"vrs benchmark, size {size}", flush=True)
    packages = generate(size)
    manifest = load_manifest(packages)
    entries = sorted(manifest["files"], key=lambda e: e.get("sequence", 0))
    # The bundles the contracts accept (S has the demo's planted bad packages, some not even a
    # zip): what DuckDB is given too.
    csv_entries = [
        e
        for e in entries
        if e["encoding"] == "csv_zip"
        and e.get("expect") == "accepted"
        and e.get("kind") != "duplicate"  # vrs loads a duplicate's bytes once: DuckDB too
    ]
    other_entries = [e for e in entries if e not in csv_entries]
    root = CACHE / f"size-{size}"
    work = root / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    result: dict[str, Any] = {
        "size": size,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "set": {
            "packages": len(entries),
            "csv_bundles": len(csv_entries),
            "rows": manifest.get("rows", {}),
        },
    }

    print("1. one large package", flush=True)
    large_dir = CACHE / "large"
    large_dir.mkdir(parents=True, exist_ok=True)
    large: dict[str, list[dict[str, Any]]] = {"vrs": [], "duckdb": []}
    for _ in range(repeats["large"]):
        for kind in ("duckdb", "vrs"):
            large[kind].append(child("large", {"BENCH_LARGE_KIND": kind}, work=str(large_dir)))
    result["ingest_large"] = {
        "rows": LARGE_ROWS,
        "vrs_seconds": _median(large["vrs"]),
        "duckdb_seconds": _median(large["duckdb"]),
        "vrs_rows_per_s": round(LARGE_ROWS / _median(large["vrs"])),
        "duckdb_rows_per_s": round(LARGE_ROWS / _median(large["duckdb"])),
        "ratio": round(_median(large["vrs"]) / _median(large["duckdb"]), 2),
        "vrs_peak_rss_mb": _peak(large["vrs"]),
        "duckdb_peak_rss_mb": _peak(large["duckdb"]),
        "runs": repeats["large"],
    }

    built = root / "built"
    digest = inputs_digest(packages)
    stamp = built / "bench-inputs.txt"
    reuse = stamp.exists() and stamp.read_text().strip() == digest
    print(f"2. many small packages ({len(csv_entries)} CSV bundles)", flush=True)
    many_home = work / "many"
    vrs_many: dict[str, Any] = {}
    if reuse and (built / "bench-many.json").exists():
        # measured when the cached warehouse was built (the same inputs): at L, 13 minutes
        print("   (figures of the run that built the cached warehouse)", flush=True)
        result["ingest_many"] = json.loads((built / "bench-many.json").read_text())
    else:
        vrs_many = _ingest_many(result, csv_entries, packages, work, many_home)

    if reuse:
        print("   (built warehouse reused from the cache: inputs unchanged)", flush=True)
        result["ingest_all"] = json.loads((built / "bench-ingest.json").read_text())
        shutil.rmtree(many_home, ignore_errors=True)
    else:
        if other_entries and all(e.get("kind", "original") == "original" for e in entries):
            # Only originals (M): the rest can follow the CSV bundles into the same warehouse
            # (versions are numbered by arrival time, not by processing order).
            _submit_all(other_entries, packages, many_home)
            rest = child("ingest", home=str(many_home))
            everything = {
                "packages": vrs_many["packages"] + rest["packages"],
                "rows": vrs_many["rows"] + rest["rows"],
                "seconds": vrs_many["seconds"] + rest["seconds"],
                "statuses": {
                    k: vrs_many["statuses"].get(k, 0) + rest["statuses"].get(k, 0)
                    for k in {*vrs_many["statuses"], *rest["statuses"]}
                },
                "peak_rss_mb": max(vrs_many["peak_rss_mb"], rest["peak_rss_mb"]),
            }
        elif other_entries:
            # Resubmissions and withdrawals (S): the whole set again, in arrival order.
            shutil.rmtree(many_home)
            _submit_all(entries, packages, many_home)
            everything = child("ingest", home=str(many_home))
        else:
            everything = vrs_many
        result["ingest_all"] = {
            "packages": everything["packages"],
            "rows": everything["rows"],
            "seconds": round(everything["seconds"], 2),
            "statuses": everything["statuses"],
            "peak_rss_mb": everything["peak_rss_mb"],
        }
        raw = root / "raw.duckdb"
        shutil.copyfile(many_home / "warehouse" / "vrs.duckdb", raw)

    print("3. dbt build versus the hand-written SQL script", flush=True)
    raw = root / "raw.duckdb"
    dbt_home = work / "dbt-home"
    (dbt_home / "warehouse").mkdir(parents=True)
    dbt_db = dbt_home / "warehouse" / "vrs.duckdb"
    sql_db = work / "sql.duckdb"  # not byhand.duckdb: the script creates schema byhand
    child_step("dbt", dbt_home, dbt_db, ["parse"])  # untimed: a warm partial-parse cache
    dbt_runs, sql_runs = [], []
    for _ in range(max(1, repeats["dbt"])):
        if repeats["dbt"]:
            fresh_copy(raw, dbt_db)
            dbt_runs.append(child_step("dbt", dbt_home, dbt_db, ["build"]))
            if not dbt_runs[-1]["ok"]:
                raise RuntimeError(f"dbt build failed: {dbt_runs[-1].get('log_tail')}")
            print(f"  dbt build {dbt_runs[-1]['seconds']:.1f} s", flush=True)
        fresh_copy(raw, sql_db)
        sql_runs.append(child_step("sql", dbt_home, sql_db, []))
        print(f"  sql {sql_runs[-1]['seconds']:.2f} s", flush=True)

    print("4. first publication of the whole warehouse", flush=True)
    if not reuse:
        shutil.rmtree(built, ignore_errors=True)
        many_home.rename(built)
        first = child("publish", home=str(built))
        from warehouse.orchestration import prepare_airflow
        from warehouse.settings import Settings

        prepare_airflow(Settings.from_env(built), quiet=True)  # Airflow's metadata, once
        (built / "bench-first-publication.json").write_text(json.dumps(first))
        (built / "bench-ingest.json").write_text(json.dumps(result["ingest_all"]))
        (built / "bench-many.json").write_text(json.dumps(result["ingest_many"]))
        stamp.write_text(digest)
    first = json.loads((built / "bench-first-publication.json").read_text())
    result["first_publication"] = first
    if not repeats["dbt"]:
        # L: a full dbt build takes minutes; the first publication's is the measured one (the
        # same `dbt build` on the same raw layer; its peak RSS includes the quality gate's).
        dbt_runs = [
            {
                "seconds": first["stages"]["dbt_build"],
                "peak_rss_mb": first["peak_rss_mb"],
                "by_resource_type": (first.get("dbt") or {}).get("by_resource_type"),
                "slowest": (first.get("dbt") or {}).get("slowest"),
            }
        ]
        dbt_db = built / "warehouse" / "vrs.duckdb"
    differences = {m: d for m, d in compare_files(dbt_db, sql_db).items() if not d.get("equal")}
    result["dbt_vs_sql"] = {
        "dbt_build_seconds": _median(dbt_runs),
        "sql_seconds": _median(sql_runs),
        "ratio": round(_median(dbt_runs) / _median(sql_runs), 2),
        "dbt_nodes": dbt_runs[-1].get("by_resource_type"),
        "dbt_slowest": dbt_runs[-1].get("slowest"),
        "dbt_peak_rss_mb": _peak(dbt_runs),
        "sql_peak_rss_mb": _peak(sql_runs),
        "marts_equal": not differences,
        "differences": differences,
        "runs": len(dbt_runs),
        "from_first_publication": not repeats["dbt"],
    }

    print("5. one more package, drop → published", flush=True)
    extra = one_more_package(size, work / "extra")
    incremental = []
    for n in range(repeats["incremental"]):
        home = copy_home(built, work / f"incremental-{n}")
        _submit_one(extra, home)
        incremental.append(child("incremental", home=str(home)))
        shutil.rmtree(home)
    result["incremental"] = {
        "package": extra.name,
        "seconds": _median(incremental),
        "stages": {
            k: round(statistics.median(r["stages"][k] for r in incremental), 2)
            for k in incremental[0]["stages"]
        },
        "peak_rss_mb": _peak(incremental),
        "dbt": incremental[-1].get("dbt"),
        "runs": repeats["incremental"],
    }
    if not skip_airflow:
        airflow = []
        for n in range(repeats["airflow"]):
            home = copy_home(built, work / f"airflow-{n}")
            _submit_one(extra, home)
            airflow.append(child("airflow", home=str(home)))
            shutil.rmtree(home)
        result["incremental_airflow"] = {
            "seconds": _median(airflow),
            "dags": airflow[-1]["dags"],
            "overhead_seconds": round(_median(airflow) - _median(incremental), 2),
            "ratio": round(_median(airflow) / _median(incremental), 2),
            "peak_rss_mb": _peak(airflow),
            "runs": repeats["airflow"],
        }

    print("6. reference queries on the published snapshot", flush=True)
    result["queries"] = child(
        "queries", db=str(built / "published" / "current.duckdb"), repeat=repeats["queries"]
    ) | {"runs": repeats["queries"]}
    shutil.rmtree(work, ignore_errors=True)
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    return result


def _submit_one(package: Path, home: Path) -> None:
    from ingest.inbox import submit
    from warehouse.settings import Settings

    submit(package, Settings.from_env(home).inbox)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=("S", "M", "L"), default="S")
    parser.add_argument("--skip-airflow", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--args", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILD_STEPS[args.child](**json.loads(args.args))))
        return 0
    result = run(args.size, skip_airflow=args.skip_airflow)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{args.size}.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    from bench.report import write_report

    page = write_report()
    print(f"results: {out.relative_to(REPO)}; report: {page.relative_to(REPO)}")
    print(f"benchmark of size {args.size} took {result['bench_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
