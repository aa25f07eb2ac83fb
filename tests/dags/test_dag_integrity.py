"""The DAG files: they import cleanly and fast, and say what they are (style: a DAG file is a
table of contents)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from warehouse.orchestration import DAGS_FOLDER, airflow_environment
from warehouse.settings import REPO_ROOT, Settings

DAG_FILES = sorted(p for p in DAGS_FOLDER.glob("*.py"))
# warehouse.assets imports airflow.sdk only (checked below)
ALLOWED_TOP_LEVEL = {"airflow.sdk", "pendulum", "__future__", "datetime", "warehouse.assets"}

PARSE = """
import json, time
from airflow.dag_processing.dagbag import DagBag
bag = DagBag({folder!r})
out = {{"errors": {{k: str(v) for k, v in bag.import_errors.items()}}, "dags": {{}}, "files": {{}}}}
for stat in bag.dagbag_stats:
    out["files"][stat.file] = stat.duration.total_seconds()
for dag_id, dag in bag.dags.items():
    out["dags"][dag_id] = {{
        "tags": sorted(dag.tags), "doc": bool(dag.doc_md), "file": dag.fileloc,
        "max_active_runs": dag.max_active_runs,
        "tasks": {{t.task_id: {{"retries": t.retries, "pool": t.pool, "outlets": len(t.outlets)}}
                   for t in dag.tasks}},
    }}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    settings = Settings.from_env(tmp_path_factory.mktemp("airflow") / "home")
    env = dict(os.environ) | airflow_environment(settings, quiet=True)
    done = subprocess.run(
        [sys.executable, "-c", PARSE.format(folder=str(DAGS_FOLDER))],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_import_errors_and_every_dag_is_there(parsed: dict) -> None:
    assert parsed["errors"] == {}
    assert set(parsed["dags"]) == {"vrs_ingest", "vrs_build", "vrs_coverage"}


def test_each_dag_file_parses_in_under_two_seconds(parsed: dict) -> None:
    assert len(parsed["files"]) == len(DAG_FILES)
    for file, seconds in parsed["files"].items():
        assert seconds < 2.0, (file, seconds)


def test_every_dag_has_tags_docs_retries_and_one_run_at_a_time(parsed: dict) -> None:
    for dag_id, dag in parsed["dags"].items():
        assert "vrs" in dag["tags"] and dag["doc"], dag_id
        assert dag["max_active_runs"] == 1, dag_id
        for task_id, task in dag["tasks"].items():
            if (dag_id, task_id) != ("vrs_build", "quality_gate"):  # deterministic: no retry
                assert task["retries"] >= 1, (dag_id, task_id)


def test_every_task_that_writes_duckdb_holds_the_writer_pool(parsed: dict) -> None:
    writers = {
        ("vrs_ingest", "process_package"),
        ("vrs_build", "dbt_build"),
        ("vrs_build", "quality_gate"),
        ("vrs_build", "publish"),
        ("vrs_coverage", "assess_coverage"),
    }
    for dag_id, task_id in writers:
        assert parsed["dags"][dag_id]["tasks"][task_id]["pool"] == "duckdb_writer"
    assert parsed["dags"]["vrs_ingest"]["tasks"]["announce_raw_layer"]["outlets"] == 1
    assert parsed["dags"]["vrs_build"]["tasks"]["publish"]["outlets"] == 1


@pytest.mark.parametrize(
    "path", [*DAG_FILES, REPO_ROOT / "warehouse" / "assets.py"], ids=lambda p: p.name
)
def test_dag_files_import_nothing_heavy_at_parse_time(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:  # only module-level imports run at parse time
        if isinstance(node, ast.ImportFrom):
            assert node.module in ALLOWED_TOP_LEVEL, (path.name, node.module)
        elif isinstance(node, ast.Import):
            assert all(a.name in ALLOWED_TOP_LEVEL for a in node.names), path.name
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 90, "a table of contents"
