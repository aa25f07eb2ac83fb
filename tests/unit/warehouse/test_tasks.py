"""Which package outcomes make vrs_ingest announce the raw layer (and so schedule vrs_build)."""

from __future__ import annotations

import pytest

from warehouse.tasks import changed_raw_layer


@pytest.mark.parametrize(
    ("outcome", "changed"),
    [
        ({"status": "accepted"}, True),
        ({"status": "rejected"}, False),
        # a retry after a try that committed: its bytes are known, or its file already left
        ({"status": "duplicate", "detail": "accepted"}, True),
        ({"status": "gone"}, True),
        ({"status": "duplicate", "detail": "rejected"}, False),
        # it loaded an earlier package on its way (that package's own task may fail)
        ({"status": "rejected", "earlier": [{"status": "accepted", "detail": ""}]}, True),
        ({"status": "rejected", "earlier": [{"status": "rejected", "detail": ""}]}, False),
    ],
)
def test_a_retry_of_a_loaded_package_still_announces(outcome: dict, changed: bool) -> None:
    assert changed_raw_layer(outcome) is changed
