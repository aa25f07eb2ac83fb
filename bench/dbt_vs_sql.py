"""Full dbt build against the same transformations as one hand-written DuckDB script, same run.

python -m bench.dbt_vs_sql [--scale 1] [--repeat 3] [--rebuild-cache] [--build-args ...]

The demo-like set of ``samples.generator`` at ``--scale`` is generated into
``bench/cache/scale-<n>/packages`` and ingested once (``refresh_inbox``) into
``bench/cache/scale-<n>/ingested.duckdb``, the raw layer only; both are reused while present.
Each timed step then starts from a fresh copy of that file:

* ``dbt build``: seeds, every model (the Python one too), data tests and unit tests;
* ``dbt run``: models only (``dbt seed`` runs first, untimed, since ``run`` needs the seeds);
* ``sql``: ``bench/marts_by_hand.sql`` through the DuckDB Python API (it loads the seed CSVs
  itself, so it needs nothing of dbt) — connect, execute, close.

Steps are interleaved (build, run, sql, build, …) and each runs in its own child process,
which reports its wall time and peak RSS (``getrusage``: itself for the script, its dbt child
for dbt). dbt's own ``dbt parse`` runs once, untimed, beforehand, so every timed dbt run finds
a warm partial-parse cache, as the pipeline's do. Finally every ``byhand`` mart is compared
with the dbt mart (``except all`` both ways on the contract columns, doubles rounded to 6
decimals), a table is printed and ``bench/results/dbt_vs_sql-scale<n>.json`` written.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SCRIPT = BENCH / "marts_by_hand.sql"
CACHE = BENCH / "cache"
RESULTS = BENCH / "results"
MARTS = (
    "dim_country",
    "fct_incidents",
    "mart_routes",
    "mart_route_legs",
    "mart_modus_operandi",
    "mart_smuggler_profiles",
    "mart_migrant_profiles",
    "mart_border_events",
    "mart_fraudulent_documents",
    "mart_cooperation",
    "mart_reporting_coverage",
)
RAW_TABLES = (
    "submissions",
    "incidents",
    "route_legs",
    "smuggled_migrants",
    "smugglers",
    "border_events",
    "fraudulent_documents",
    "cooperation",
)


# --------------------------------------------------------------------------------------------
# The hand-written script


def run_script(db: Path, script: Path = SCRIPT) -> float:
    """Run the hand-written script on ``db``; seconds from connect to close (checkpointed)."""
    sql = script.read_text(encoding="utf-8")
    started = time.perf_counter()
    con = duckdb.connect(str(db))
    try:
        # The script reads the seeds as dbt_project/seeds/...: relative to the repository.
        con.execute(f"set file_search_path = '{REPO}'")
        con.execute(sql)
    finally:
        con.close()
    return time.perf_counter() - started


# --------------------------------------------------------------------------------------------
# Comparing marts


def _select(con: duckdb.DuckDBPyConnection, catalog: str, schema: str, table: str) -> str:
    """The contract columns of the dbt mart (as dbt built it), doubles rounded to 6 decimals."""
    columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_catalog = ? and table_schema = 'marts' and table_name = ? "
        "order by ordinal_position",
        [catalog, table],
    ).fetchall()
    if not columns:
        raise LookupError(f"{catalog}.marts.{table} not found")
    exprs = [
        f'round("{name}", 6) as "{name}"' if kind in ("DOUBLE", "FLOAT") else f'"{name}"'
        for name, kind in columns
    ]
    return f"select {', '.join(exprs)} from {schema}.{table}"


def compare_marts(
    con: duckdb.DuckDBPyConnection, dbt_catalog: str, sql_catalog: str
) -> dict[str, dict]:
    """Per mart: row counts on both sides and rows only in one of them (``except all``)."""
    out: dict[str, dict] = {}
    for mart in MARTS:
        ours = _select(con, dbt_catalog, f"{sql_catalog}.byhand", mart)
        theirs = _select(con, dbt_catalog, f"{dbt_catalog}.marts", mart)
        dbt_rows = con.execute(f"select count(*) from {dbt_catalog}.marts.{mart}").fetchone()[0]
        sql_rows = con.execute(f"select count(*) from {sql_catalog}.byhand.{mart}").fetchone()[0]
        only_dbt = con.execute(f"select count(*) from ({theirs} except all {ours})").fetchone()[0]
        only_sql = con.execute(f"select count(*) from ({ours} except all {theirs})").fetchone()[0]
        out[mart] = {
            "dbt_rows": dbt_rows,
            "sql_rows": sql_rows,
            "only_in_dbt": only_dbt,
            "only_in_sql": only_sql,
            "equal": dbt_rows == sql_rows and only_dbt == 0 and only_sql == 0,
        }
    return out


def compare_files(dbt_db: Path, sql_db: Path) -> dict[str, dict]:
    con = duckdb.connect()
    try:
        con.execute(f"attach '{dbt_db}' as dbt_side (read_only)")
        con.execute(f"attach '{sql_db}' as sql_side (read_only)")
        return compare_marts(con, "dbt_side", "sql_side")
    finally:
        con.close()


def mart_differences(dbt_db: Path, sql_db: Path, mart: str, limit: int = 5) -> list[tuple]:
    """A few rows of one mart that only one side has (for debugging a difference)."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{dbt_db}' as dbt_side (read_only)")
        con.execute(f"attach '{sql_db}' as sql_side (read_only)")
        theirs = _select(con, "dbt_side", "dbt_side.marts", mart)
        ours = _select(con, "dbt_side", "sql_side.byhand", mart)
        return [
            ("dbt", *r) for r in con.execute(f"{theirs} except all {ours} limit {limit}").fetchall()
        ] + [
            ("sql", *r) for r in con.execute(f"{ours} except all {theirs} limit {limit}").fetchall()
        ]
    finally:
        con.close()


# --------------------------------------------------------------------------------------------
# The cached, ingested warehouse


def scale_label(scale: float) -> str:
    return f"{scale:g}"


def prepare(scale: float, seed: int, *, rebuild: bool = False) -> Path:
    """The ingested raw layer for this scale (generated and ingested once, then reused)."""
    from ingest.inbox import submit
    from samples.generator import generate
    from warehouse.refresh import refresh_inbox
    from warehouse.settings import Settings

    folder = CACHE / f"scale-{scale_label(scale)}"
    ready = folder / "ready.json"
    ingested = folder / "ingested.duckdb"
    if not rebuild and ready.exists() and ingested.exists():
        meta = json.loads(ready.read_text(encoding="utf-8"))
        if meta.get("scale") == scale and meta.get("seed") == seed:
            return ingested
    if folder.exists():
        shutil.rmtree(folder)
    packages = folder / "packages"
    print(f"generating the scale-{scale_label(scale)} set into {packages} …", flush=True)
    t0 = time.perf_counter()
    generate(packages, seed=seed, scale=scale)
    generated = time.perf_counter() - t0
    settings = Settings(home=folder / "ingest-home")
    for entry in _entries(packages):  # in the order, and at the time, the states sent them
        sent = datetime.fromtimestamp(entry["mtime"], UTC)
        submit(packages / entry["file"], settings.inbox, received_at=sent)
    print("ingesting (refresh_inbox) …", flush=True)
    t0 = time.perf_counter()
    outcomes = refresh_inbox(settings)
    ingest_seconds = time.perf_counter() - t0
    shutil.copyfile(settings.warehouse_db, ingested)
    con = duckdb.connect(str(ingested), read_only=True)
    try:
        raw_rows = {
            t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in RAW_TABLES
        }
    finally:
        con.close()
    statuses: dict[str, int] = {}
    for o in outcomes:
        statuses[o.status] = statuses.get(o.status, 0) + 1
    meta = {
        "scale": scale,
        "seed": seed,
        "packages": len(outcomes),
        "outcomes": statuses,
        "raw_rows": raw_rows,
        "generate_seconds": round(generated, 2),
        "ingest_seconds": round(ingest_seconds, 2),
        "ingested_bytes": ingested.stat().st_size,
        "prepared_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    ready.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    print(f"ingested: {statuses}, raw rows {raw_rows}, {ingest_seconds:.0f} s", flush=True)
    return ingested


def _entries(packages: Path) -> list[dict]:
    return json.loads((packages / "MANIFEST.json").read_text(encoding="utf-8"))["files"]


# --------------------------------------------------------------------------------------------
# One timed step, in a child process


def _step(kind: str, home: Path, db: Path, dbt_args: list[str]) -> dict:
    """Run one step in this (child) process and describe it."""
    if kind == "sql":
        seconds = run_script(db)
        return {
            "seconds": seconds,
            "ok": True,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    from warehouse.build import run_dbt
    from warehouse.settings import Settings

    settings = Settings(home=home)
    done = run_dbt(settings, *dbt_args)
    info: dict = {
        "seconds": done.seconds,
        "ok": done.ok,
        "returncode": done.returncode,
        # dbt is this process's only child: its peak RSS.
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    info |= summarise_run_results(settings.dbt_target / "run_results.json")
    if not done.ok:
        info["log_tail"] = done.log_tail
    return info


def summarise_run_results(path: Path, slowest: int = 8) -> dict:
    """Where a dbt run spent its time, from its run_results.json ({} when there is none)."""
    if not path.exists():
        return {}
    run = json.loads(path.read_text(encoding="utf-8"))
    nodes = run.get("results", [])
    by_type: dict[str, list] = {}
    for n in nodes:  # seed / model / test / unit_test: how many, and their seconds
        entry = by_type.setdefault(n["unique_id"].split(".")[0], [0, 0.0])
        entry[0] += 1
        entry[1] = round(entry[1] + (n.get("execution_time") or 0), 3)
    ordered = sorted(nodes, key=lambda n: -(n.get("execution_time") or 0))
    return {
        "dbt_elapsed": run.get("elapsed_time"),
        "nodes": len(nodes),
        "node_seconds": round(sum(n.get("execution_time") or 0 for n in nodes), 3),
        "by_resource_type": by_type,
        "slowest": [
            (n["unique_id"], round(n.get("execution_time") or 0, 3)) for n in ordered[:slowest]
        ],
        "failures": [n["unique_id"] for n in nodes if n.get("status") not in ("success", "pass")],
    }


def child_step(kind: str, home: Path, db: Path, dbt_args: list[str]) -> dict:
    """Run ``_step`` in a fresh Python process (so its peak RSS is its own)."""
    command = [
        sys.executable,
        "-m",
        "bench.dbt_vs_sql",
        "--step",
        kind,
        "--home",
        str(home),
        "--db",
        str(db),
        "--dbt-args",
        json.dumps(dbt_args),
    ]
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False, env=_env()
    )
    if done.returncode != 0:
        raise RuntimeError(f"step {kind} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def fresh_copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in (target, target.with_name(target.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


# --------------------------------------------------------------------------------------------
# The benchmark


def bench(scale: float, repeat: int, seed: int, *, rebuild: bool, build_args: list[str]) -> dict:
    from warehouse.build import run_dbt
    from warehouse.settings import Settings

    ingested = prepare(scale, seed, rebuild=rebuild)
    folder = ingested.parent
    meta = json.loads((folder / "ready.json").read_text(encoding="utf-8"))
    work = folder / "work"
    # One VRS_HOME per dbt command (Settings(home=…): warehouse/vrs.duckdb and dbt/ under it),
    # so the last build's marts are still there for the comparison after the dbt run steps.
    build_home, run_home = work / "build-home", work / "run-home"
    build_settings, run_settings = Settings(home=build_home), Settings(home=run_home)
    sql_db = work / "sql.duckdb"

    for settings in (build_settings, run_settings):
        fresh_copy(ingested, settings.warehouse_db)
        parse = run_dbt(settings, "parse")  # untimed: every timed run finds a warm parse cache
        if not parse.ok:
            raise RuntimeError(f"dbt parse failed:\n{parse.log_tail}")

    steps: dict[str, list[dict]] = {"dbt_build": [], "dbt_run": [], "sql": []}
    build_cmd = ["build", *build_args]
    notes: list[str] = []
    for n in range(1, repeat + 1):
        print(f"repeat {n}/{repeat}: dbt {' '.join(build_cmd)} …", flush=True)
        fresh_copy(ingested, build_settings.warehouse_db)
        built = child_step("dbt", build_home, build_settings.warehouse_db, build_cmd)
        if not built["ok"] and not build_args:
            # e.g. a unit test or YAML being edited by someone else: time the rest without
            # unit tests, and only that (earlier repeats are dropped)
            notes.append(
                "dbt build failed "
                f"({', '.join(built.get('failures', [])[:5]) or 'see log'}); "
                "timed dbt build --exclude test_type:unit instead"
            )
            print(notes[-1], "\n", built.get("log_tail", ""), flush=True)
            build_args = ["--exclude", "test_type:unit"]
            build_cmd = ["build", *build_args]
            steps["dbt_build"].clear()
            fresh_copy(ingested, build_settings.warehouse_db)
            built = child_step("dbt", build_home, build_settings.warehouse_db, build_cmd)
        steps["dbt_build"].append(built)
        print(f"  {built['seconds']:.2f} s, ok={built['ok']}", flush=True)

        print(f"repeat {n}/{repeat}: dbt run …", flush=True)
        fresh_copy(ingested, run_settings.warehouse_db)
        seeded = run_dbt(run_settings, "seed")  # untimed: dbt run needs the seeds
        if not seeded.ok:
            raise RuntimeError(f"dbt seed failed:\n{seeded.log_tail}")
        ran = child_step("dbt", run_home, run_settings.warehouse_db, ["run"])
        steps["dbt_run"].append(ran)
        print(f"  {ran['seconds']:.2f} s, ok={ran['ok']}", flush=True)

        print(f"repeat {n}/{repeat}: hand-written SQL …", flush=True)
        fresh_copy(ingested, sql_db)
        by_hand = child_step("sql", work, sql_db, [])
        steps["sql"].append(by_hand)
        print(f"  {by_hand['seconds']:.2f} s", flush=True)

    # the marts of the last build against those of the last script run
    equality = compare_files(build_settings.warehouse_db, sql_db)
    differences = {
        mart: [
            list(map(str, r)) for r in mart_differences(build_settings.warehouse_db, sql_db, mart)
        ]
        for mart, e in equality.items()
        if not e["equal"]
    }

    def median(name: str) -> float:
        return statistics.median(s["seconds"] for s in steps[name])

    def peak(name: str) -> float:
        return max(s["peak_rss_mb"] for s in steps[name])

    medians = {name: median(name) for name in steps}
    result = {
        "benchmark": "dbt_vs_sql",
        "scale": scale,
        "seed": seed,
        "repeat": repeat,
        "dbt_build_command": "dbt " + " ".join(build_cmd),
        "notes": notes,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
            "dbt_threads": build_settings.dbt_threads,
        },
        "dataset": meta,
        "seconds_median": {k: round(v, 3) for k, v in medians.items()},
        "seconds_all": {k: [round(s["seconds"], 3) for s in v] for k, v in steps.items()},
        "ratio": {
            "dbt_build/sql": round(medians["dbt_build"] / medians["sql"], 2),
            "dbt_run/sql": round(medians["dbt_run"] / medians["sql"], 2),
        },
        "peak_rss_mb": {k: round(peak(k), 1) for k in steps},
        "dbt_elapsed_median": {
            k: round(statistics.median(s.get("dbt_elapsed") or 0 for s in steps[k]), 3)
            for k in ("dbt_build", "dbt_run")
        },
        "dbt_node_seconds_median": {
            k: round(statistics.median(s.get("node_seconds") or 0 for s in steps[k]), 3)
            for k in ("dbt_build", "dbt_run")
        },
        "dbt_nodes": {k: steps[k][-1].get("nodes") for k in ("dbt_build", "dbt_run")},
        # [count, seconds] per resource type, from the median-time repeat
        "dbt_by_resource_type": {
            k: _median_run(steps[k]).get("by_resource_type", {}) for k in ("dbt_build", "dbt_run")
        },
        "dbt_ok": {k: all(s["ok"] for s in steps[k]) for k in ("dbt_build", "dbt_run")},
        "dbt_failures": {k: steps[k][-1].get("failures", []) for k in ("dbt_build", "dbt_run")},
        "slowest_dbt_nodes": {k: steps[k][-1].get("slowest", []) for k in ("dbt_build", "dbt_run")},
        "compared_build_ok": steps["dbt_build"][-1]["ok"],
        "marts": equality,
        "all_marts_equal": all(e["equal"] for e in equality.values()),
        "differences": differences,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"dbt_vs_sql-scale{scale_label(scale)}.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print_table(result)
    print(f"written: {out.relative_to(REPO)}")
    return result


def _median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda s: s["seconds"])[len(runs) // 2]


def print_table(r: dict) -> None:
    m, rss = r["seconds_median"], r["peak_rss_mb"]
    raw = r["dataset"]["raw_rows"]
    print()
    print(
        f"scale {r['scale']:g}: {r['dataset']['packages']} packages, "
        f"{raw['incidents']:,} incident rows, {sum(raw.values()):,} raw rows; "
        f"median of {r['repeat']}, {r['machine']['cpus']} CPUs, DuckDB {r['machine']['duckdb']}"
    )
    print(f"{'step':<34}{'median s':>10}{'x SQL':>8}{'peak RSS MB':>13}")
    for key, label in (
        ("dbt_build", r["dbt_build_command"]),
        ("dbt_run", "dbt run (models only)"),
        ("sql", "bench/marts_by_hand.sql"),
    ):
        ratio = m[key] / m["sql"]
        print(f"{label:<34}{m[key]:>10.2f}{ratio:>8.1f}{rss[key]:>13.0f}")
    print(
        f"dbt's own elapsed (excl. process start): build {r['dbt_elapsed_median']['dbt_build']:.2f}"
        f" s, run {r['dbt_elapsed_median']['dbt_run']:.2f} s"
    )
    for key in ("dbt_build", "dbt_run"):
        parts = ", ".join(
            f"{n} {kind}s {sec:.2f} s" for kind, (n, sec) in r["dbt_by_resource_type"][key].items()
        )
        print(f"  {key}: {parts}")
    print()
    print(f"{'mart':<28}{'dbt rows':>10}{'sql rows':>10}  equal")
    for mart, e in r["marts"].items():
        print(f"{mart:<28}{e['dbt_rows']:>10,}{e['sql_rows']:>10,}  {e['equal']}")
    print(f"all marts equal: {r['all_marts_equal']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dbt_vs_sql", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--rebuild-cache", action="store_true")
    parser.add_argument("--prepare-only", action="store_true")
    parser.add_argument(
        "--build-args",
        default="",
        help="extra arguments for dbt build, e.g. --build-args='--exclude test_type:unit'",
    )
    # internal: one timed step in a child process
    parser.add_argument("--step", choices=("dbt", "sql"), help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dbt-args", default="[]", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(_step(args.step, args.home, args.db, json.loads(args.dbt_args))))
        return 0
    from samples.generator import DEFAULT_SEED

    seed = DEFAULT_SEED if args.seed is None else args.seed
    if args.prepare_only:
        print(prepare(args.scale, seed, rebuild=args.rebuild_cache))
        return 0
    result = bench(
        args.scale,
        args.repeat,
        seed,
        rebuild=args.rebuild_cache,
        build_args=args.build_args.split(),
    )
    return 0 if result["all_marts_equal"] else 1


if __name__ == "__main__":
    sys.exit(main())
