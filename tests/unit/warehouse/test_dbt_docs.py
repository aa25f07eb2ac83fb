"""The dbt project documents itself: every model and seed says what it is, every model of the
three layers lists its columns with a description, starts with its grain ("One row per …") and
declares that grain with a uniqueness test, and no YAML lists a column twice.

Only the documentation side: ``dbt parse`` needs no warehouse. That the listed columns are the
columns the models really output is checked where the demo warehouse is built (tests/system).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from warehouse.settings import DBT_PROJECT_DIR

LAYERS = ("staging", "intermediate", "marts")
GRAIN_TESTS = {"unique", "unique_combination_of_columns"}


def _dbt() -> str:
    """The dbt next to this interpreter (the project's venv), not whatever is on PATH."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("dbt_parse")
    target, logs = tmp / "target", tmp / "logs"
    env = dict(
        os.environ,
        VRS_WAREHOUSE_DB=str(tmp / "never_opened.duckdb"),
        DBT_TARGET_PATH=str(target),
        DBT_LOG_PATH=str(logs),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    command = [
        _dbt(),
        "parse",
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target-path",
        str(target),
        "--log-path",
        str(logs),
        "--no-partial-parse",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"dbt parse failed:\n{done.stdout}\n{done.stderr}"
    return json.loads((target / "manifest.json").read_text(encoding="utf-8"))


def _nodes(manifest: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [n for n in manifest["nodes"].values() if n["resource_type"] == resource_type]


def _layer_models(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Models under models/staging, models/intermediate and models/marts."""
    return [
        m for m in _nodes(manifest, "model") if Path(m["original_file_path"]).parts[1] in LAYERS
    ]


def test_the_layers_have_models(manifest: dict[str, Any]) -> None:
    layers = {Path(m["original_file_path"]).parts[1] for m in _layer_models(manifest)}
    assert layers == set(LAYERS)


def test_every_model_has_a_description(manifest: dict[str, Any]) -> None:
    missing = sorted(m["name"] for m in _nodes(manifest, "model") if not m["description"].strip())
    assert not missing, f"models without a description: {missing}"


def test_every_seed_has_a_description(manifest: dict[str, Any]) -> None:
    missing = sorted(s["name"] for s in _nodes(manifest, "seed") if not s["description"].strip())
    assert not missing, f"seeds without a description: {missing}"


def test_every_model_description_starts_with_its_grain(manifest: dict[str, Any]) -> None:
    wrong = sorted(
        m["name"]
        for m in _layer_models(manifest)
        if not m["description"].strip().startswith("One row per ")
    )
    assert not wrong, f"descriptions that do not start with 'One row per …': {wrong}"


def test_every_model_lists_its_columns_with_descriptions(manifest: dict[str, Any]) -> None:
    no_columns = sorted(m["name"] for m in _layer_models(manifest) if not m["columns"])
    assert not no_columns, f"models that list no column: {no_columns}"
    undescribed = sorted(
        f"{m['name']}.{name}"
        for m in _layer_models(manifest)
        for name, column in m["columns"].items()
        if not column["description"].strip()
    )
    assert not undescribed, f"columns without a description: {undescribed}"


def test_every_model_declares_its_grain_with_a_uniqueness_test(manifest: dict[str, Any]) -> None:
    keyed = {
        t["attached_node"]
        for t in _nodes(manifest, "test")
        if t.get("test_metadata") and t["test_metadata"]["name"] in GRAIN_TESTS
    }
    unkeyed = sorted(m["name"] for m in _layer_models(manifest) if m["unique_id"] not in keyed)
    assert not unkeyed, f"models without a unique / unique_combination_of_columns test: {unkeyed}"


def _property_files() -> list[Path]:
    return sorted(
        path for folder in ("models", "seeds") for path in (DBT_PROJECT_DIR / folder).rglob("*.yml")
    )


def test_property_files_are_found() -> None:
    names = {p.name for p in _property_files()}
    assert {"_vrs_raw__models.yml", "_intermediate__models.yml", "_marts__models.yml"} <= names


@pytest.mark.parametrize("path", _property_files(), ids=lambda p: p.name)
def test_no_column_is_listed_twice(path: Path) -> None:
    # The manifest keeps one entry per column name, so a repeated column (whose second entry
    # silently wins) can only be seen in the YAML itself.
    properties = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    repeated = {
        f"{node['name']}.{column}": count
        for key in ("models", "seeds", "snapshots")
        for node in properties.get(key) or []
        for column, count in Counter(
            c["name"].strip().lower() for c in node.get("columns") or []
        ).items()
        if count > 1
    }
    assert not repeated, f"{path.name}: columns listed more than once: {repeated}"
