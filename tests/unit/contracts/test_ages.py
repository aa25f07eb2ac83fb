"""Age groups of any scheme harmonise to age_min/age_max/age_class (spec §2)."""

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.ages import parse_age_groups


def _one(value: str) -> dict:
    return parse_age_groups(pl.Series([value])).row(0, named=True)


@pytest.mark.parametrize(
    ("value", "age_min", "age_max", "age_class", "straddles"),
    [
        ("18-24", 18, 24, "adult", False),
        ("0–17", 0, 17, "minor", False),
        ("15-24", 15, 24, "unknown", True),
        ("<18", 0, 17, "minor", False),
        ("under 18", 0, 17, "minor", False),
        ("moins de 18", 0, 17, "minor", False),
        ("menos de 18", 0, 17, "minor", False),
        ("65+", 65, None, "adult", False),
        ("65 and over", 65, None, "adult", False),
        ("65 et plus", 65, None, "adult", False),
        ("65 y más", 65, None, "adult", False),
        ("minor", 0, 17, "minor", False),
        ("Mineur", 0, 17, "minor", False),
        ("menor", 0, 17, "minor", False),
        ("adult", 18, None, "adult", False),
        ("Adulte", 18, None, "adult", False),
        ("adulto", 18, None, "adult", False),
        ("10+", 10, None, "unknown", True),
        ("18 à 24 ans", 18, 24, "adult", False),
    ],
)
def test_schemes(value, age_min, age_max, age_class, straddles) -> None:
    row = _one(value)
    assert (row["age_min"], row["age_max"], row["age_class"], row["straddles_18"]) == (
        age_min,
        age_max,
        age_class,
        straddles,
    )
    assert row["status"] == "ok"


@pytest.mark.parametrize("value", ["unknown", "inconnu", "desconocido", "Not stated"])
def test_unknown_words(value: str) -> None:
    row = _one(value)
    assert (row["status"], row["age_class"], row["age_min"]) == ("unknown", "unknown", None)


def test_impossible_and_unparsed() -> None:
    assert _one("24-18")["status"] == "invalid"
    assert _one("200+")["status"] == "invalid"
    assert _one("teenagers")["status"] == "unparsed"


@given(st.integers(0, 120), st.integers(0, 120), st.sampled_from(["-", " - ", "–", " to "]))
def test_any_band(a: int, b: int, dash: str) -> None:
    row = _one(f"{a}{dash}{b}")
    if a > b:
        assert row["status"] == "invalid"
        return
    assert (row["age_min"], row["age_max"]) == (a, b)
    expected = "minor" if b < 18 else "adult" if a >= 18 else "unknown"
    assert row["age_class"] == expected
    assert row["straddles_18"] == (a < 18 <= b)


@given(st.integers(1, 120), st.sampled_from(["<{}", "under {}", "moins de {}", "menos de {}"]))
def test_any_below(a: int, form: str) -> None:
    row = _one(form.format(a))
    assert (row["age_min"], row["age_max"]) == (0, a - 1)
    assert row["age_class"] == ("minor" if a <= 18 else "unknown")


@given(st.integers(0, 120), st.sampled_from(["{}+", "{} and over", "{} et plus", "{} y más"]))
def test_any_open_band(a: int, form: str) -> None:
    row = _one(form.format(a))
    assert (row["age_min"], row["age_max"]) == (a, None)
    assert row["age_class"] == ("adult" if a >= 18 else "unknown")


@pytest.mark.parametrize(
    ("value", "bare"),
    [("25", True), (" 7 ", True), ("25 years", False), ("25+", False), ("18-24", False)],
)
def test_a_bare_number_is_a_single_age_but_flagged(value: str, bare: bool) -> None:
    # Spreadsheet software turns the text 25+ into the number 25: read as 25, but flagged.
    row = _one(value)
    assert row["bare_number"] is bare
    if bare:
        assert (row["status"], row["age_min"], row["age_max"]) == ("ok", *[int(value)] * 2)
