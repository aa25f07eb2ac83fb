"""The publication's kill points: the test hook can only name a step the tests know of."""

from __future__ import annotations

import pytest

from warehouse.publish import KILL_AT_STEP, STEPS, _step


def test_a_step_outside_the_list_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KILL_AT_STEP, "switch")  # a misspelt step: never a kill point
    with pytest.raises(AssertionError, match="'switch' is not a step"):
        _step("switch")


def test_a_listed_step_not_named_by_the_hook_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KILL_AT_STEP, STEPS[0])
    _step(STEPS[1])  # still alive
