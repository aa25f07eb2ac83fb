"""Build the reference dbt seeds (countries, country names, currencies, FX rates) deterministically.

Run ``python -m warehouse.reference_seeds [--fx-source PATH]``. It (re)writes, under
``dbt_project/seeds/reference/`` (UTF-8, ``\\n`` line ends, sorted rows, RFC 4180 quoting):

``countries.csv``
    ``iso3,iso2,m49_code,name_en,name_fr,name_es,region,subregion,is_special`` — every ISO 3166-1
    entry of pycountry plus three special members: ``XKX`` Kosovo (a real territory, so
    ``is_special=false``; Europe / Southern Europe, no M49 code), ``XXA`` stateless and ``XXX``
    unknown (ICAO 9303 codes, ``is_special=true``, region and sub-region ``Unknown``).
``country_names.csv``
    ``name,iso3,source`` — every accepted way of writing a country (spec §2), see
    :func:`country_name_entries` for the sources and :data:`SOURCE_PRIORITY` for how clashes
    are settled.
``currencies.csv``
    ``currency,name,rate_economy,is_usd`` — every active ISO 4217 code of pycountry and the
    World Bank economy whose PA.NUS.FCRF series is in that currency (see :func:`build_currencies`).
``fx_rates.csv``
    ``economy,year,lcu_per_usd`` — PA.NUS.FCRF in long form, years >= :data:`FX_MIN_YEAR`.
    Without the World Bank file (CI has no ``../shared``) the committed seed is kept untouched
    and read back, so ``currencies.csv`` comes out the same either way.

Sources and licences
--------------------
* ISO 3166-1 / ISO 4217 codes and names, and their French and Spanish translations: pycountry,
  whose data are Debian's ``iso-codes`` (LGPL-2.1+). Translations are the gettext catalogues of
  the ``iso3166-1`` domain shipped in ``pycountry.LOCALES_DIR``.
* UN M49 codes, M49 sub-regions and the UN/short names: the ``country_data.tsv`` file of
  country_converter (GPL-3.0). Only the data file is read: importing the package breaks on
  pandas 3, so it is located with ``importlib.util.find_spec`` (which does not execute it).
* Which territories use which currency: Unicode CLDR (Unicode licence) through babel.
* Exchange rates: World Bank, World Development Indicators, PA.NUS.FCRF, "Official exchange rate
  (LCU per US$, period average)", CC BY 4.0 — attribution "World Bank, World Development
  Indicators, PA.NUS.FCRF (2025-03-24 release)"; see ``../shared/reference/fx/SOURCE.md``.

Decisions
---------
* ``m49_code`` is country_converter's ``UNcode`` (checked equal to the ISO numeric code wherever
  both exist). Taiwan (ISO numeric 158) is not in UN M49, so its ``m49_code`` is empty and
  ``"158"`` is not an accepted spelling; XKX, XXA and XXX have none either.
* ``subregion`` is the M49 *intermediate* region where M49 has one (``Eastern Africa``,
  ``Caribbean``, ``Central America``, ``South America`` …) and the M49 sub-region elsewhere
  (``Southern Asia``, ``Western Europe`` …) — country_converter's ``UNregion``. ``region`` is
  derived from the sub-region through M49's fixed hierarchy (:data:`M49_REGION_OF_SUBREGION`),
  not copied from country_converter's ``continent``: that column is a geographic continent and
  differs from M49 for five territories (Christmas and Cocos Islands are "Asia" there but
  Oceania in M49; Bouvet Island, Heard and McDonald Islands and South Georgia are "Antarctica"
  there but Americas/Oceania/Americas in M49). The builder fails if a new difference appears,
  so a data upgrade gets looked at.
* Antarctica (ATA) belongs to no M49 region; it gets region and sub-region ``Antarctica`` (it
  is a known place, not an unknown one). Taiwan, absent from M49, gets Asia / Eastern Asia.
* The allowed regions are therefore :data:`REGIONS`: the five M49 regions, ``Antarctica`` and
  ``Unknown`` (XXA, XXX).
* Currencies: CLDR is asked about a pinned date (:data:`CLDR_AS_OF`), never "today", so the
  output depends only on package versions. A World Bank row is in the currency in use in its
  year, so a currency only maps to an economy that has data from years in which it used that
  currency (details in :func:`build_currencies`); TMT, VES, XCG and ZWG have none and stay
  without ``rate_economy`` until the FX release covers their years.

Name matching
-------------
Consumers match a written country through :func:`normalise` (Unicode NFD, combining marks
dropped, lower case, every run of non-letters/digits → one space; the same rule as
``contracts.normalise.normalise_text``). Digit-only spellings are M49 codes, written here
without leading zeros; the consumer (``contracts.countries``) strips leading zeros, so ``"004"``
and ``"4"`` both mean Afghanistan. :func:`match_key` is that complete key.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import importlib.util
import io
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import babel.numbers
import pycountry

from warehouse.settings import REPO_ROOT, SEEDS_DIR

REFERENCE_DIR = SEEDS_DIR / "reference"
ALIASES_CSV = SEEDS_DIR / "codelists" / "country_aliases.csv"
DEFAULT_FX_SOURCE = REPO_ROOT.parent / "shared" / "reference" / "fx" / "worldbank_pa_nus_fcrf.csv"

COUNTRIES_CSV = "countries.csv"
COUNTRY_NAMES_CSV = "country_names.csv"
CURRENCIES_CSV = "currencies.csv"
FX_RATES_CSV = "fx_rates.csv"

# Older rates are of no use for fees reported today and would nearly double the seed.
FX_MIN_YEAR = 1990
# The World Bank file: 4 metadata lines ("Data Source", blank, "Last Updated Date", blank).
WB_METADATA_LINES = 4

# CLDR answers "which currencies does territory T use on date D"; asking for *today* would make
# the output change with the calendar. The date is pinned instead, after the last currency
# change known to the installed pycountry (Bulgaria's BGN -> EUR, Curaçao's ANG -> XCG), so the
# seeds depend only on package versions. Move it forward when upgrading pycountry/babel.
CLDR_AS_OF = date(2026, 3, 1)

M49_REGION_OF_SUBREGION: dict[str, str] = {
    "Northern Africa": "Africa",
    "Eastern Africa": "Africa",
    "Middle Africa": "Africa",
    "Southern Africa": "Africa",
    "Western Africa": "Africa",
    "Caribbean": "Americas",
    "Central America": "Americas",
    "South America": "Americas",
    "Northern America": "Americas",
    "Central Asia": "Asia",
    "Eastern Asia": "Asia",
    "South-eastern Asia": "Asia",
    "Southern Asia": "Asia",
    "Western Asia": "Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    # Not an M49 region (Antarctica sits directly under "World"): see the module docstring.
    "Antarctica": "Antarctica",
}
UNKNOWN_REGION = "Unknown"
REGIONS = frozenset(M49_REGION_OF_SUBREGION.values()) | {UNKNOWN_REGION}

# country_converter's continent names, as M49 region names (only for the cross-check).
_CC_CONTINENT = {"America": "Americas"}
# Where that continent is not the M49 region (reviewed, see the module docstring).
KNOWN_CONTINENT_DIFFERENCES = frozenset({"BVT", "CCK", "CXR", "HMD", "SGS"})
# Taiwan is not in M49, hence has no UNcode; its ISO numeric code is not an M49 code.
KNOWN_M49_GAPS = frozenset({"TWN"})

# Priority of the sources of a spelling (0 = strongest). When one normalised spelling points at
# two countries, the weaker entries are dropped; a clash between equals is an error. Codes beat
# names, the project's own aliases beat third-party names, the ISO English name beats its
# variants, and country_converter's names come last (they are the least curated).
SOURCE_PRIORITY: dict[str, int] = {
    "iso3": 0,
    "iso2": 1,
    "m49": 2,
    "alias": 3,
    "name_en": 4,
    "official_name_en": 5,
    "common_name_en": 5,
    "name_fr": 6,
    "official_name_fr": 6,
    "name_es": 6,
    "official_name_es": 6,
    "cc_short": 7,
    "cc_official": 7,
}
SOURCES: tuple[str, ...] = tuple(SOURCE_PRIORITY)

# The economies whose series are expressed in a currency shared by many economies, chosen by
# hand: the euro area aggregate is the issuer's own series (members' rows carry legacy national
# currencies before adoption), and AUD is Australia's (Kiribati and Nauru only repeat it).
RATE_ECONOMY_OVERRIDES: dict[str, str] = {"EUR": "EMU", "AUD": "AUS"}
USD = "USD"


@dataclass(frozen=True)
class SpecialCountry:
    iso3: str
    iso2: str
    name_en: str
    name_fr: str
    name_es: str
    region: str
    subregion: str
    is_special: bool


SPECIAL_COUNTRIES: tuple[SpecialCountry, ...] = (
    # Kosovo has no ISO 3166-1 entry; XK/XKX are the user-assigned codes used by the EU, the
    # World Bank and ICAO. It is a territory like any other, hence not "special".
    SpecialCountry("XKX", "XK", "Kosovo", "Kosovo", "Kosovo", "Europe", "Southern Europe", False),
    SpecialCountry("XXA", "", "Stateless", "Apatride", "Apátrida", "Unknown", "Unknown", True),
    SpecialCountry("XXX", "", "Unknown", "Inconnu", "Desconocido", "Unknown", "Unknown", True),
)


# --------------------------------------------------------------------------------------------
# Name matching


_NON_ALNUM = re.compile(r"[\W_]+")  # \w is letters, digits and "_": this is "not letter/digit"


def normalise(text: str) -> str:
    """The matching form of a spelling: accents, case and punctuation runs do not count.

    ``"Côte d’Ivoire"`` and ``"COTE D'IVOIRE"`` both give ``"cote d ivoire"``. A spelling made
    only of punctuation stays itself (stripped, lower-cased) rather than becoming empty.
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    out = _NON_ALNUM.sub(" ", stripped.lower()).strip()
    return out or text.strip().lower()


def match_key(text: str) -> str:
    """:func:`normalise`, then leading zeros off an all-digit spelling ("004" → "4"), as the
    consumer does before looking a spelling up."""
    norm = normalise(text)
    if norm.isascii() and norm.isdigit():
        return norm.lstrip("0") or "0"
    return norm


# --------------------------------------------------------------------------------------------
# Countries


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    m49_code: int | None
    name_en: str
    name_fr: str
    name_es: str
    region: str
    subregion: str
    is_special: bool
    # Further spellings that only go into country_names.csv, as (source, name).
    other_names: tuple[tuple[str, str], ...] = ()


@cache
def _cc_rows() -> dict[str, dict[str, str]]:
    """country_converter's country_data.tsv by ISO3 (the package itself is never imported)."""
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("country_converter is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "country_data.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        # Plain tab-separated text with no quoting; some rows are short (missing cells -> None).
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    return {row["ISO3"]: row for row in rows if row.get("ISO3")}


@cache
def _iso3166_catalogue(language: str) -> gettext.GNUTranslations:
    # languages= is explicit so that LANGUAGE/LC_ALL of the caller cannot change the output;
    # no fallback: a missing catalogue is an error, not silently English.
    translations = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=False
    )
    assert isinstance(translations, gettext.GNUTranslations)
    return translations


def _translate(text: str, language: str) -> str:
    # gettext returns the English msgid when iso-codes has no translation (often because the
    # name is the same in that language, e.g. "Afghanistan" in French).
    return _iso3166_catalogue(language).gettext(text)


def _region_of(iso3: str, cc: dict[str, str]) -> tuple[str, str]:
    subregion = cc.get("UNregion", "")
    if subregion not in M49_REGION_OF_SUBREGION:
        raise ValueError(f"{iso3}: no known M49 sub-region in country_converter ({subregion!r})")
    region = M49_REGION_OF_SUBREGION[subregion]
    continent = _CC_CONTINENT.get(cc.get("continent", ""), cc.get("continent", ""))
    if continent != region and iso3 not in KNOWN_CONTINENT_DIFFERENCES:
        raise ValueError(
            f"{iso3}: M49 region {region!r} (from {subregion!r}) differs from country_converter's "
            f"continent {continent!r}; review and add it to KNOWN_CONTINENT_DIFFERENCES"
        )
    return region, subregion


def _m49_of(iso3: str, numeric: str, cc: dict[str, str]) -> int | None:
    un_code = cc.get("UNcode", "")
    if not un_code:
        if iso3 not in KNOWN_M49_GAPS:
            raise ValueError(f"{iso3}: country_converter has no UN M49 code")
        return None
    if int(un_code) != int(numeric):
        raise ValueError(f"{iso3}: M49 {un_code} differs from ISO numeric {numeric}")
    return int(un_code)


def _cc_names(cc: dict[str, str]) -> list[tuple[str, str]]:
    # Only the names: cc's code columns are not clean (its ISO2 for GBR is a regex, '^GB$|^UK$').
    return [
        (src, cc.get(col, ""))
        for src, col in (("cc_short", "name_short"), ("cc_official", "name_official"))
    ]


def build_countries() -> list[Country]:
    """Every ISO 3166-1 entry of pycountry plus :data:`SPECIAL_COUNTRIES`, sorted by iso3."""
    cc_rows = _cc_rows()
    countries: list[Country] = []
    for entry in pycountry.countries:
        iso3 = entry.alpha_3
        cc = cc_rows.get(iso3)
        if cc is None:
            raise ValueError(f"{iso3}: not in country_converter's data")
        region, subregion = _region_of(iso3, cc)
        official = getattr(entry, "official_name", "")
        common = getattr(entry, "common_name", "")
        others: list[tuple[str, str]] = [
            ("official_name_en", official),
            ("common_name_en", common),
        ]
        if official:
            others += [
                ("official_name_fr", _translate(official, "fr")),
                ("official_name_es", _translate(official, "es")),
            ]
        others += _cc_names(cc)
        countries.append(
            Country(
                iso3=iso3,
                iso2=entry.alpha_2,
                m49_code=_m49_of(iso3, entry.numeric, cc),
                name_en=entry.name,
                name_fr=_translate(entry.name, "fr"),
                name_es=_translate(entry.name, "es"),
                region=region,
                subregion=subregion,
                is_special=False,
                other_names=tuple((s, n) for s, n in others if n),
            )
        )
    for special in SPECIAL_COUNTRIES:
        cc = cc_rows.get(special.iso3)
        countries.append(
            Country(
                iso3=special.iso3,
                iso2=special.iso2,
                m49_code=None,
                name_en=special.name_en,
                name_fr=special.name_fr,
                name_es=special.name_es,
                region=special.region,
                subregion=special.subregion,
                is_special=special.is_special,
                # country_converter knows Kosovo too (not XXA/XXX).
                other_names=tuple((s, n) for s, n in _cc_names(cc) if n) if cc else (),
            )
        )
    iso3s = [c.iso3 for c in countries]
    if len(set(iso3s)) != len(iso3s):
        raise ValueError("duplicate iso3 in countries")
    return sorted(countries, key=lambda c: c.iso3)


# --------------------------------------------------------------------------------------------
# Country names


@dataclass(frozen=True)
class NameEntry:
    name: str
    iso3: str
    source: str

    @property
    def priority(self) -> int:
        return SOURCE_PRIORITY[self.source]

    @property
    def rank(self) -> tuple[int, int, str]:
        """Total order used to pick one entry among equals (deterministic)."""
        return (self.priority, SOURCES.index(self.source), self.name)


class AmbiguousCountryNames(ValueError):
    """Spellings that point at two countries through sources of equal priority."""


@dataclass(frozen=True)
class NameResolution:
    kept: list[NameEntry]
    # Entries dropped because a stronger source gives the same spelling to another country,
    # as (dropped entry, the entry that won).
    dropped: list[tuple[NameEntry, NameEntry]] = field(default_factory=list)


def read_aliases(path: Path = ALIASES_CSV) -> list[tuple[str, str]]:
    """(alias, iso3) rows of the project's alias list."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [(row["alias"].strip(), row["iso3"].strip()) for row in csv.DictReader(fh)]


def country_name_entries(
    countries: Sequence[Country], aliases: Iterable[tuple[str, str]]
) -> list[NameEntry]:
    """Every spelling of spec §2, before clashes are settled: ISO alpha-3 and alpha-2, M49 code
    (no leading zeros), ISO names (EN name, official and common name; FR/ES translations of the
    name and the official name), country_converter's short and official names, and aliases."""
    known = {c.iso3 for c in countries}
    entries: list[NameEntry] = []
    for c in countries:
        spellings = [
            ("iso3", c.iso3),
            ("iso2", c.iso2),
            ("m49", "" if c.m49_code is None else str(c.m49_code)),
            ("name_en", c.name_en),
            ("name_fr", c.name_fr),
            ("name_es", c.name_es),
            *c.other_names,
        ]
        entries += [NameEntry(name, c.iso3, source) for source, name in spellings if name]
    for alias, iso3 in aliases:
        if iso3 not in known:
            raise ValueError(f"alias {alias!r} points at unknown country {iso3!r}")
        if alias:
            entries.append(NameEntry(alias, iso3, "alias"))
    return entries


def resolve_names(entries: Iterable[NameEntry]) -> NameResolution:
    """Settle clashes and duplicates on :func:`match_key`.

    * A key given to several countries keeps only the country of its strongest source
      (:data:`SOURCE_PRIORITY`); the other countries' entries under that key are dropped.
      Countries tied at the strongest priority raise :class:`AmbiguousCountryNames` (all such
      keys are listed), because no rule can tell which one is meant.
    * One row per (key, country): the strongest source (then source order, then spelling).
    """
    by_key: dict[str, list[NameEntry]] = defaultdict(list)
    for entry in entries:
        by_key[match_key(entry.name)].append(entry)

    kept: list[NameEntry] = []
    dropped: list[tuple[NameEntry, NameEntry]] = []
    ties: list[str] = []
    for key in sorted(by_key):
        best: dict[str, NameEntry] = {}
        for entry in sorted(by_key[key], key=lambda e: e.rank):
            best.setdefault(entry.iso3, entry)
        winners = sorted(best.values(), key=lambda e: e.rank)
        top = winners[0]
        tied = [e for e in winners if e.priority == top.priority]
        if len(tied) > 1:
            ties.append(f"{key!r}: " + ", ".join(f"{e.iso3} ({e.source} {e.name!r})" for e in tied))
            continue
        kept.append(top)
        dropped += [
            (loser, top)
            for loser in sorted(by_key[key], key=lambda e: (e.iso3, e.rank))
            if loser.iso3 != top.iso3
        ]
    if ties:
        raise AmbiguousCountryNames(
            "country spellings that mean two countries at equal priority:\n  " + "\n  ".join(ties)
        )
    kept.sort(key=lambda e: (e.iso3, e.rank))
    return NameResolution(kept=kept, dropped=dropped)


# --------------------------------------------------------------------------------------------
# Exchange rates

FxRates = dict[tuple[str, int], float]  # (economy, year) -> LCU per USD


def read_worldbank(path: Path, min_year: int = FX_MIN_YEAR) -> FxRates:
    """The World Bank wide CSV (BOM, 4 metadata lines, trailing empty column) in long form."""
    rates: FxRates = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for _ in range(WB_METADATA_LINES):
            next(fh)
        reader = csv.reader(fh)
        header = next(reader)
        if header[:2] != ["Country Name", "Country Code"]:
            raise ValueError(f"{path}: unexpected header {header[:4]}")
        years = {i: int(h) for i, h in enumerate(header) if h.isdigit()}
        for row in reader:
            if not row:
                continue
            economy = row[1].strip()
            for i, year in years.items():
                cell = row[i].strip() if i < len(row) else ""
                if cell and year >= min_year:
                    # float() reads the scientific notation of tiny values ("2.9918E-08").
                    rates[(economy, year)] = float(cell)
    return rates


def read_fx_seed(path: Path) -> FxRates:
    """Read back a written ``fx_rates.csv`` (repr() of a float round-trips exactly)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            (row["economy"], int(row["year"])): float(row["lcu_per_usd"])
            for row in csv.DictReader(fh)
        }


# --------------------------------------------------------------------------------------------
# Currencies


@dataclass(frozen=True)
class CurrencyRow:
    currency: str
    name: str
    rate_economy: str
    is_usd: bool


def _currencies_used(alpha2: str, start: date, end: date | None = None) -> list[str]:
    return list(babel.numbers.get_territory_currencies(alpha2, start_date=start, end_date=end))


def build_currencies(countries: Sequence[Country], fx: FxRates) -> list[CurrencyRow]:
    """Every active ISO 4217 code with the economy to take its rates from.

    ``USD`` needs none (``is_usd``, rate 1). :data:`RATE_ECONOMY_OVERRIDES` are fixed. For any
    other currency the candidates are the territories that use it on :data:`CLDR_AS_OF`
    (CLDR). A World Bank row is in the currency in use *in that year*, so a candidate's years
    only count when CLDR says it used the currency that year (ZWE's rows up to 2023 are in ZWL,
    not ZWG; VEN's end in 2017, before VES). Preference goes to a territory for which the
    currency is its only legal tender (India over Bhutan for INR, South Africa over Lesotho and
    Namibia for ZAR, Israel over Palestine for ILS), then to the most such years, then to the
    alphabetically first iso3. No candidate with such a year: empty ``rate_economy`` (metals,
    SDR, funds codes, and currencies introduced after the last year of data).
    """
    economies_with_data = {economy for economy, _ in fx}
    years_of: dict[str, list[int]] = defaultdict(list)
    for economy, year in sorted(fx):
        years_of[economy].append(year)

    # For each territory with rates: currencies in use today, and per year of data.
    current: dict[str, list[str]] = {}
    in_use_by_year: dict[str, dict[int, list[str]]] = {}
    for c in countries:
        if not c.iso2 or c.iso3 not in economies_with_data:
            continue
        current[c.iso3] = _currencies_used(c.iso2, CLDR_AS_OF)
        in_use_by_year[c.iso3] = {
            y: _currencies_used(c.iso2, date(y, 1, 1), date(y, 12, 31)) for y in years_of[c.iso3]
        }

    rows: list[CurrencyRow] = []
    for entry in sorted(pycountry.currencies, key=lambda e: e.alpha_3):
        code = entry.alpha_3
        if code == USD:
            rows.append(CurrencyRow(code, entry.name, "", True))
            continue
        if code in RATE_ECONOMY_OVERRIDES:
            economy = RATE_ECONOMY_OVERRIDES[code]
            if economy not in economies_with_data:
                raise ValueError(f"{code}: override economy {economy} has no rates")
            rows.append(CurrencyRow(code, entry.name, economy, False))
            continue
        ranked: list[tuple[bool, int, str]] = []
        for iso3, today in current.items():
            if code not in today:
                continue
            years = sum(code in used for used in in_use_by_year[iso3].values())
            if years:
                ranked.append((len(today) != 1, -years, iso3))
        rows.append(CurrencyRow(code, entry.name, min(ranked)[2] if ranked else "", False))
    return rows


# --------------------------------------------------------------------------------------------
# Writing


def _csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")  # QUOTE_MINIMAL = RFC 4180 quoting
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write beside and rename, so an interrupted run never leaves a half-written seed.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(path)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def countries_csv(countries: Sequence[Country]) -> str:
    return _csv_text(
        [
            "iso3",
            "iso2",
            "m49_code",
            "name_en",
            "name_fr",
            "name_es",
            "region",
            "subregion",
            "is_special",
        ],
        (
            [
                c.iso3,
                c.iso2,
                "" if c.m49_code is None else c.m49_code,
                c.name_en,
                c.name_fr,
                c.name_es,
                c.region,
                c.subregion,
                _bool(c.is_special),
            ]
            for c in countries
        ),
    )


def country_names_csv(names: Sequence[NameEntry]) -> str:
    return _csv_text(["name", "iso3", "source"], ([e.name, e.iso3, e.source] for e in names))


def currencies_csv(currencies: Sequence[CurrencyRow]) -> str:
    return _csv_text(
        ["currency", "name", "rate_economy", "is_usd"],
        ([r.currency, r.name, r.rate_economy, _bool(r.is_usd)] for r in currencies),
    )


def fx_rates_csv(fx: FxRates) -> str:
    # repr() is the shortest text that reads back to the same float: full precision, no noise.
    return _csv_text(
        ["economy", "year", "lcu_per_usd"],
        ([economy, year, repr(fx[(economy, year)])] for economy, year in sorted(fx)),
    )


@dataclass(frozen=True)
class BuildReport:
    rows: dict[str, int]  # seed file name -> data rows
    dropped: list[tuple[NameEntry, NameEntry]]
    fx_note: str


def build(
    out_dir: Path = REFERENCE_DIR,
    fx_source: Path | None = DEFAULT_FX_SOURCE,
    aliases_csv: Path = ALIASES_CSV,
) -> BuildReport:
    """Write the four seeds into ``out_dir``. Without ``fx_source`` (or if it does not exist)
    ``out_dir/fx_rates.csv`` is left as it is and read back for the currency mapping."""
    fx_seed = out_dir / FX_RATES_CSV
    if fx_source is not None and fx_source.is_file():
        fx = read_worldbank(fx_source)
        _write(fx_seed, fx_rates_csv(fx))
        fx_note = f"fx_rates.csv rebuilt from {fx_source}"
    elif fx_seed.is_file():
        fx = read_fx_seed(fx_seed)
        fx_note = f"FX source {fx_source} not found: kept the existing {fx_seed} untouched"
    else:
        raise FileNotFoundError(f"neither the FX source {fx_source} nor a seed {fx_seed} exists")

    countries = build_countries()
    resolution = resolve_names(country_name_entries(countries, read_aliases(aliases_csv)))
    currencies = build_currencies(countries, fx)

    _write(out_dir / COUNTRIES_CSV, countries_csv(countries))
    _write(out_dir / COUNTRY_NAMES_CSV, country_names_csv(resolution.kept))
    _write(out_dir / CURRENCIES_CSV, currencies_csv(currencies))
    return BuildReport(
        rows={
            COUNTRIES_CSV: len(countries),
            COUNTRY_NAMES_CSV: len(resolution.kept),
            CURRENCIES_CSV: len(currencies),
            FX_RATES_CSV: len(fx),
        },
        dropped=resolution.dropped,
        fx_note=fx_note,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m warehouse.reference_seeds",
        description="Build the reference dbt seeds (countries, names, currencies, FX rates).",
    )
    parser.add_argument(
        "--fx-source",
        type=Path,
        default=DEFAULT_FX_SOURCE,
        help="World Bank PA.NUS.FCRF bulk CSV (default: %(default)s)",
    )
    parser.add_argument("--out-dir", type=Path, default=REFERENCE_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    report = build(args.out_dir, args.fx_source)
    print(report.fx_note)
    if not report.dropped:
        print("no ambiguous country spelling had to be dropped")
    for loser, winner in report.dropped:
        print(
            f"dropped {loser.source} {loser.name!r} -> {loser.iso3}: "
            f"{winner.source} {winner.name!r} means {winner.iso3}"
        )
    for name, count in report.rows.items():
        print(f"{name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
