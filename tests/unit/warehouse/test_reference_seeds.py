"""The reference seeds are what ``warehouse.reference_seeds`` builds, and they resolve countries
and currencies the way the submission format (§2) and the fee conversion need.

Nothing here reads ``../shared``, except the byte comparison of ``fx_rates.csv``, which runs
only where the World Bank file is present (not in CI).
"""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import babel.numbers
import polars as pl
import pycountry
import pytest
import yaml

from contracts.countries import load_countries
from contracts.normalise import normalise_text
from warehouse import reference_seeds as rs

SEEDS = rs.REFERENCE_DIR
BUILT = (rs.COUNTRIES_CSV, rs.COUNTRY_NAMES_CSV, rs.CURRENCIES_CSV)


def _rows(name: str) -> list[dict[str, str]]:
    with (SEEDS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _lookup() -> dict[str, set[str]]:
    """Normalised spelling -> the iso3 codes it means, straight from country_names.csv."""
    out: dict[str, set[str]] = {}
    for row in _rows(rs.COUNTRY_NAMES_CSV):
        out.setdefault(rs.normalise(row["name"]), set()).add(row["iso3"])
    return out


# ---------------------------------------------------------------------------------------------
# The committed seeds are the builder's output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reference")
    # Without the World Bank file the builder keeps and reads the fx seed already in out_dir.
    shutil.copyfile(SEEDS / rs.FX_RATES_CSV, out / rs.FX_RATES_CSV)
    source = rs.DEFAULT_FX_SOURCE if rs.DEFAULT_FX_SOURCE.is_file() else None
    rs.build(out, source)
    return out


@pytest.mark.parametrize("name", BUILT)
def test_committed_seed_is_what_the_builder_writes(built: Path, name: str) -> None:
    assert (built / name).read_bytes() == (SEEDS / name).read_bytes(), (
        f"{name} is stale: run python -m warehouse.reference_seeds"
    )


def test_committed_fx_seed_is_what_the_builder_writes(built: Path) -> None:
    # Without the source the builder must have left the copied seed exactly as it was.
    assert (built / rs.FX_RATES_CSV).read_bytes() == (SEEDS / rs.FX_RATES_CSV).read_bytes()


def test_fx_seed_known_values() -> None:
    # Values from ../shared/reference/fx/SOURCE.md, so the check works without the source.
    fx = rs.read_fx_seed(SEEDS / rs.FX_RATES_CSV)
    assert fx[("AUS", 2019)] == 1.43850654421382
    assert fx[("EMU", 2019)] == 0.893276257067409
    assert fx[("IRN", 2023)] == 42000
    assert ("AFG", 2020) in fx
    assert ("AFG", 2021) not in fx
    assert ("IRQ", 2003) not in fx
    assert min(year for _, year in fx) == rs.FX_MIN_YEAR


@pytest.mark.parametrize("name", [*BUILT, rs.FX_RATES_CSV])
def test_seed_files_are_utf8_lf_and_rectangular(name: str) -> None:
    raw = (SEEDS / name).read_bytes()
    assert b"\r" not in raw
    assert not raw.startswith(b"\xef\xbb\xbf")
    with (SEEDS / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len({len(r) for r in rows}) == 1


# ---------------------------------------------------------------------------------------------
# Country names


def test_normalise_documents_matching() -> None:
    assert rs.normalise("Côte d’Ivoire") == "cote d ivoire"
    assert rs.normalise("  COTE D'IVOIRE ") == "cote d ivoire"
    assert rs.normalise("Việt Nam") == "viet nam"
    assert rs.normalise("Guinea-Bissau") == "guinea bissau"
    assert rs.normalise("Iran (Islamic Republic of)") == "iran islamic republic of"
    assert rs.normalise("?") == "?"  # only punctuation: kept, not emptied
    # M49 codes are written without leading zeros; the consumer strips them before matching.
    assert rs.normalise("004") == "004"
    assert rs.match_key("004") == rs.match_key("4") == "4"


@pytest.mark.parametrize(
    "text",
    ["Côte d’Ivoire", "São Tomé and Príncipe", "Åland Islands", "Curaçao", "Réunion", "?",
     "  Türkiye  ", "Korea (the Democratic People's Republic of)", "Saint-Barthélemy", "_x_"],
)  # fmt: skip
def test_normalise_is_the_consumers_rule(text: str) -> None:
    assert rs.normalise(text) == normalise_text(text)


def test_no_normalised_name_means_two_countries() -> None:
    clashes = {k: v for k, v in _lookup().items() if len(v) > 1}
    assert clashes == {}
    keys = [rs.match_key(r["name"]) for r in _rows(rs.COUNTRY_NAMES_CSV)]
    assert len(keys) == len(set(keys))


SPELLINGS = [
    ("Afghanistan", "AFG"),
    ("AFG", "AFG"),
    ("AF", "AFG"),
    ("4", "AFG"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote d’Ivoire", "CIV"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("Việt Nam", "VNM"),
    ("Lao PDR", "LAO"),
    ("Laos", "LAO"),
    ("Birmanie", "MMR"),
    ("Myanmar", "MMR"),
    ("Reino Unido", "GBR"),
    ("Royaume-Uni", "GBR"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Turquie", "TUR"),
    ("Stateless", "XXA"),
    ("Apátrida", "XXA"),
    ("Kosovo", "XKX"),
    ("XXX", "XXX"),
    ("Pays-Bas", "NLD"),
    ("Países Bajos", "NLD"),
    ("Indonésie", "IDN"),
    ("Sri Lanka", "LKA"),
    ("Bangladesh", "BGD"),
    ("Pakistán", "PAK"),
]


@pytest.mark.parametrize(("spelling", "iso3"), SPELLINGS)
def test_spelling_resolves_through_the_seed(spelling: str, iso3: str) -> None:
    assert _lookup().get(rs.normalise(spelling)) == {iso3}


def test_consumer_resolves_the_same_spellings() -> None:
    # contracts.countries reads the committed seed (and raises on any clash while loading).
    spellings = [s for s, _ in SPELLINGS] + ["004", " pakistan "]
    expected = [c for _, c in SPELLINGS] + ["AFG", "PAK"]
    assert load_countries().resolve(pl.Series(spellings)).to_list() == expected


def test_every_country_has_its_codes_and_names_in_the_lookup() -> None:
    lookup = _lookup()
    for row in _rows(rs.COUNTRIES_CSV):
        for spelling in (row["iso3"], row["iso2"], row["m49_code"], row["name_en"],
                         row["name_fr"], row["name_es"]):  # fmt: skip
            if spelling:
                assert lookup[rs.normalise(spelling)] == {row["iso3"]}, spelling


def test_every_alias_is_in_the_lookup() -> None:
    lookup = _lookup()
    for alias, iso3 in rs.read_aliases():
        assert lookup[rs.normalise(alias)] == {iso3}, alias


def _entry(name: str, iso3: str, source: str) -> rs.NameEntry:
    return rs.NameEntry(name, iso3, source)


def test_weaker_source_loses_a_clash() -> None:
    result = rs.resolve_names(
        [
            _entry("Guinée", "GIN", "name_fr"),
            _entry("guinee", "GNQ", "cc_short"),
            _entry("GIN", "GIN", "iso3"),
        ]
    )
    assert [(e.name, e.iso3) for e in result.kept] == [("GIN", "GIN"), ("Guinée", "GIN")]
    assert [(lost.iso3, won.iso3) for lost, won in result.dropped] == [("GNQ", "GIN")]


def test_clash_between_equal_sources_fails_loudly() -> None:
    entries = [_entry("Congo", "COG", "name_fr"), _entry("CONGO", "COD", "name_es")]
    with pytest.raises(rs.AmbiguousCountryNames, match="COD"):
        rs.resolve_names(entries)


def test_duplicate_spellings_keep_the_strongest_source() -> None:
    result = rs.resolve_names(
        [
            _entry("Viêt Nam", "VNM", "name_fr"),
            _entry("Viet Nam", "VNM", "name_en"),
            _entry("viet-nam", "VNM", "cc_short"),
        ]
    )
    assert [(e.name, e.source) for e in result.kept] == [("Viet Nam", "name_en")]
    assert result.dropped == []


# ---------------------------------------------------------------------------------------------
# Countries


def test_countries_cover_iso_3166_and_the_special_members() -> None:
    rows = {r["iso3"]: r for r in _rows(rs.COUNTRIES_CSV)}
    assert set(rows) == {c.alpha_3 for c in pycountry.countries} | {"XKX", "XXA", "XXX"}
    assert list(rows) == sorted(rows)
    for row in rows.values():
        assert row["name_en"] and row["name_fr"] and row["name_es"], row
        assert row["region"] in rs.REGIONS, row
        assert row["subregion"], row
        assert row["is_special"] == ("true" if row["iso3"] in {"XXA", "XXX"} else "false")
        assert row["m49_code"] == "" or not row["m49_code"].startswith("0")


@pytest.mark.parametrize(
    ("iso3", "m49", "region", "subregion", "name_fr", "name_es"),
    [
        ("AFG", "4", "Asia", "Southern Asia", "Afghanistan", "Afganistán"),
        ("TUR", "792", "Asia", "Western Asia", "Turquie", "Turquía"),
        ("MEX", "484", "Americas", "Central America", "Mexique", "México"),
        ("AUS", "36", "Oceania", "Australia and New Zealand", "Australie", "Australia"),
        ("VNM", "704", "Asia", "South-eastern Asia", "Viêt Nam", "Vietnam"),
        ("FRA", "250", "Europe", "Western Europe", "France", "Francia"),
        ("CYP", "196", "Asia", "Western Asia", "Chypre", "Chipre"),
        ("SDN", "729", "Africa", "Northern Africa", "Soudan", "Sudán"),
        # country_converter says "Asia" / "Antarctica" for these; M49 does not.
        ("CXR", "162", "Oceania", "Australia and New Zealand", "Christmas, Île", "Isla de Navidad"),
        ("BVT", "74", "Americas", "South America", "Île Bouvet", "Isla Bouvet"),
        ("ATA", "10", "Antarctica", "Antarctica", "Antarctique", "Antártida"),
        ("TWN", "", "Asia", "Eastern Asia", "Taïwan, province de Chine",
         "Taiwán, Provincia de China"),
        ("XKX", "", "Europe", "Southern Europe", "Kosovo", "Kosovo"),
        ("XXA", "", "Unknown", "Unknown", "Apatride", "Apátrida"),
        ("XXX", "", "Unknown", "Unknown", "Inconnu", "Desconocido"),
    ],
)  # fmt: skip
def test_hand_checked_countries(
    iso3: str, m49: str, region: str, subregion: str, name_fr: str, name_es: str
) -> None:
    row = next(r for r in _rows(rs.COUNTRIES_CSV) if r["iso3"] == iso3)
    assert (row["m49_code"], row["region"], row["subregion"]) == (m49, region, subregion)
    assert (row["name_fr"], row["name_es"]) == (name_fr, name_es)


# ---------------------------------------------------------------------------------------------
# Currencies

# Currencies in use today whose economies have no World Bank row from a year in which they
# used them (the series stops before the currency was introduced): their rates would be in
# the predecessor currency, so they have no rate_economy.
NEWER_THAN_THE_DATA = {"TMT", "VES", "XCG", "ZWG"}


def test_currency_economies() -> None:
    rows = {r["currency"]: r for r in _rows(rs.CURRENCIES_CSV)}
    economies = {economy for economy, _ in rs.read_fx_seed(SEEDS / rs.FX_RATES_CSV)}
    assert set(rows) == {c.alpha_3 for c in pycountry.currencies}
    assert rows["USD"]["is_usd"] == "true"
    assert [c for c, r in rows.items() if r["is_usd"] == "true"] == ["USD"]
    expected = {"EUR": "EMU", "AUD": "AUS", "NZD": "NZL", "INR": "IND", "ZAR": "ZAF",
                "GBP": "GBR", "AFN": "AFG", "IRR": "IRN", "XOF": "BEN", "XAF": "CMR"}  # fmt: skip
    assert {c: rows[c]["rate_economy"] for c in expected} == expected
    for code in ("XAU", "XDR", "BOV", "XTS"):
        assert rows[code]["rate_economy"] == ""
    for row in rows.values():
        assert row["rate_economy"] == "" or row["rate_economy"] in economies


def test_every_currency_in_use_with_rates_resolves() -> None:
    """Each currency some country uses (CLDR) and that has a World Bank series resolves."""
    rows = {r["currency"]: r for r in _rows(rs.CURRENCIES_CSV)}
    fx = rs.read_fx_seed(SEEDS / rs.FX_RATES_CSV)
    years: dict[str, list[int]] = {}
    for economy, year in fx:
        years.setdefault(economy, []).append(year)
    unresolved: set[str] = set()
    for country in _rows(rs.COUNTRIES_CSV):
        if not country["iso2"] or country["iso3"] not in years:
            continue
        for code in babel.numbers.get_territory_currencies(
            country["iso2"], start_date=rs.CLDR_AS_OF
        ):
            if code not in rows or rows[code]["is_usd"] == "true":
                continue
            if rows[code]["rate_economy"]:
                continue
            unresolved.add(code)
            # Allowed only when no year of data of this country is in this currency.
            assert not any(
                code
                in babel.numbers.get_territory_currencies(
                    country["iso2"], start_date=date(y, 1, 1), end_date=date(y, 12, 31)
                )
                for y in years[country["iso3"]]
            ), (code, country["iso3"])
    assert unresolved == NEWER_THAN_THE_DATA


# ---------------------------------------------------------------------------------------------
# Reading the World Bank file


def test_read_worldbank_layout(tmp_path: Path) -> None:
    text = (
        '\ufeff"Data Source","World Development Indicators",\r\n\r\n'
        '"Last Updated Date","2025-03-24",\r\n\r\n'
        '"Country Name","Country Code","Indicator Name","Indicator Code","1989","1990","1991",\r\n'
        '"Angola","AGO","Official exchange rate","PA.NUS.FCRF","1","2.9918E-08","",\r\n'
        '"Euro area","EMU","Official exchange rate","PA.NUS.FCRF","","","0.893276257067409",\r\n'
    )
    path = tmp_path / "wb.csv"
    path.write_bytes(text.encode("utf-8"))
    assert rs.read_worldbank(path) == {("AGO", 1990): 2.9918e-08, ("EMU", 1991): 0.893276257067409}
    assert rs.fx_rates_csv(rs.read_worldbank(path)).splitlines() == [
        "economy,year,lcu_per_usd",
        "AGO,1990,2.9918e-08",
        "EMU,1991,0.893276257067409",
    ]


def test_build_without_any_fx_data_fails(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        rs.build(tmp_path, tmp_path / "missing.csv")


# ---------------------------------------------------------------------------------------------
# dbt properties


def test_seed_properties_describe_every_column() -> None:
    props = yaml.safe_load((SEEDS / "_reference__seeds.yml").read_text(encoding="utf-8"))
    seeds = {s["name"]: s for s in props["seeds"]}
    assert set(seeds) == {Path(n).stem for n in (*BUILT, rs.FX_RATES_CSV)}
    for name, seed in seeds.items():
        with (SEEDS / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert seed["description"]
        assert [c["name"] for c in seed["columns"]] == header
        assert all(c.get("description") for c in seed["columns"])
        assert list(seed["config"]["column_types"]) == header
    assert seeds["countries"]["config"]["column_types"]["m49_code"] == "integer"
    assert seeds["fx_rates"]["config"]["column_types"]["lcu_per_usd"] == "double"
