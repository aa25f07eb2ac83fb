"""Countries in every form of spec §2 resolve to ISO alpha-3, however a state types them."""

import csv
import unicodedata

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.countries import load_countries
from warehouse.settings import SEEDS_DIR

with (SEEDS_DIR / "reference" / "countries.csv").open(encoding="utf-8", newline="") as fh:
    COUNTRIES = list(csv.DictReader(fh))
with (SEEDS_DIR / "reference" / "country_names.csv").open(encoding="utf-8", newline="") as fh:
    NAMES = list(csv.DictReader(fh))


def _resolve(*values: str) -> list[str | None]:
    return load_countries().resolve(pl.Series(values, dtype=pl.String)).to_list()


@pytest.mark.parametrize(
    ("spelling", "iso3"),
    [
        ("AFG", "AFG"),
        ("af", "AFG"),
        ("4", "AFG"),
        ("004", "AFG"),
        ("Afganistán", "AFG"),
        ("Côte d'Ivoire", "CIV"),
        ("cote d’ivoire", "CIV"),
        ("Viet Nam", "VNM"),
        ("Việt Nam", "VNM"),
        ("Lao PDR", "LAO"),
        ("Birmanie", "MMR"),
        ("Reino Unido", "GBR"),
        ("Royaume-Uni", "GBR"),
        ("UK", "GBR"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Türkiye", "TUR"),
        ("Turquie", "TUR"),
        ("Stateless", "XXA"),
        ("Apátrida", "XXA"),
        ("unknown", "XXX"),
        ("Kosovo", "XKX"),
        ("Pays-Bas", "NLD"),
        ("Países Bajos", "NLD"),
    ],
)
def test_forms_of_the_spec(spelling: str, iso3: str) -> None:
    assert _resolve(spelling) == [iso3]


def test_not_countries() -> None:
    assert _resolve("Atlantis", "Narnia", "ZZZ", "999") == [None, None, None, None]


def _messy(draw, text: str) -> str:
    """What states do to a name: case, accents dropped, spaces and punctuation added."""
    if draw(st.booleans()):
        text = text.upper() if draw(st.booleans()) else text.lower()
    if draw(st.booleans()):
        text = "".join(
            c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
        )
    return (
        draw(st.sampled_from(["", " ", "  ", "\u00a0"]))
        + text
        + draw(st.sampled_from(["", " ", ".", " ;"]))
    )


@st.composite
def spellings(draw) -> tuple[str, str]:
    row = draw(st.sampled_from(NAMES))
    return _messy(draw, row["name"]), row["iso3"]


@given(st.lists(spellings(), min_size=1, max_size=40))
@settings(max_examples=150, deadline=None)
def test_every_listed_spelling_resolves_through_any_messiness(pairs) -> None:
    values, expected = zip(*pairs, strict=True)
    assert _resolve(*values) == list(expected)


@given(st.sampled_from(COUNTRIES))
def test_every_country_resolves_from_its_codes_and_names(country: dict[str, str]) -> None:
    forms = [country["iso3"], country["name_en"], country["name_fr"], country["name_es"]]
    if country["iso2"]:
        forms.append(country["iso2"])
    if country["m49_code"]:
        forms += [country["m49_code"], country["m49_code"].zfill(3)]
    assert set(_resolve(*forms)) == {country["iso3"]}


@given(
    st.lists(
        st.sampled_from(["AFG", "Iran", "Pakistan", "TUR", "Atlantis"]), min_size=1, max_size=6
    ),
    st.sampled_from([">", " > ", "→", " -> "]),
)
def test_routes(members: list[str], separator: str) -> None:
    route = separator.join(members)
    [parsed] = load_countries().routes(pl.Series([route])).iter_rows(named=True)
    assert parsed["members"] == members
    assert parsed["unknown"] == [m for m in members if m == "Atlantis"]
