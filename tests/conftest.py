"""Shared by every test session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def shared_docs_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """dbt's documentation site depends on the project only: generate it once per test session
    (shared by the xdist workers and by the `vrs` subprocesses) instead of once per build."""
    root = tmp_path_factory.getbasetemp()
    shared = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / "dbt-docs"
    shared.mkdir(exist_ok=True)
    before = os.environ.get("VRS_DOCS_CACHE")
    os.environ["VRS_DOCS_CACHE"] = str(shared)
    yield
    if before is None:
        os.environ.pop("VRS_DOCS_CACHE", None)
    else:
        os.environ["VRS_DOCS_CACHE"] = before
