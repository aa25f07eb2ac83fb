"""Shared by every test session."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def shared_docs_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """dbt's documentation site depends on the project only: generate it once per test session
    (shared by the xdist workers and by the `vrs` subprocesses) instead of once per build."""
    root = tmp_path_factory.getbasetemp()
    shared = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / "dbt-docs"
    shared.mkdir(exist_ok=True)
    os.environ["VRS_DOCS_CACHE"] = str(shared)
