"""The inbox: the names packages are kept under."""

from __future__ import annotations

import pytest

from ingest.inbox import MAX_NAME, safe_name

LONG = "Rapport trimestriel de la Police nationale indonésienne " * 4


@pytest.mark.parametrize("ext", [".xlsx", ".ods", ".xls", ".zip", ".json"])
def test_safe_name_keeps_the_extension_of_a_long_name(ext: str) -> None:
    name = safe_name(LONG + ext)
    assert len(name) == MAX_NAME and name.endswith(ext)
    assert name.startswith("Rapport_trimestriel_de_la_Police_nationale_indon_sienne_")
