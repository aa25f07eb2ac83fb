"""Benchmark loads: valid submission packages at three sizes, generated once and cached.

python -m bench.scale --size S|M|L [--out DIR] [--workers N] [--limit N] [--force] [--extra DIR]

``generate(size, out)`` writes the packages of a size into ``out`` (default
``bench/cache/size-<X>/packages``, git-ignored) with ``manifest.json`` (per package: file, state,
agency, period, encoding, rows per table, bytes, SHA-256, sending date and mtime) and returns
``out``. Everything is a pure function of the size and the seed: the same bytes every run,
whatever the number of workers. A folder whose manifest is complete, of the same size, seed,
slice and generator version (a digest of this module and of ``samples/generator.py``: any
change to either regenerates), and whose files are all there with their sizes, is reused
as is.

Sizes:

* **S**: the demo set itself, ``samples/demo`` (``python -m samples.generator``), copied with
  its mtimes: 490 files from 26 states, 2020-2024, including the demo's deliberately bad
  packages, resubmissions, withdrawals and a duplicate (their expectations are carried into
  the manifest: ``kind``, ``expect``, ``expect_rules``).
* **M**: 50 reporting states × 120 months (2015-2024) = 6,000 packages, about 1,000,000
  incident rows (167 a package on average, from 5 to about 1,000 depending on the state, the
  year and the month), and what hangs off them as in the demo: about 6 ``smuggled_migrants``
  profile rows an incident, route legs for a share of them, smugglers, border events.
  Encodings as the states send them: about 60 % CSV bundles, 28 % JSON, 12 % XLSX (six
  states: workbooks are slow to write and to read).
* **L**: the same 6,000 packages (same states, agencies, periods) with ten times the
  incidents: about 10,000,000 incident rows (1,667 a package on average), all CSV bundles in
  each state's own charset and delimiter. Same layout as M on purpose: between M and L only
  the rows per package change, so the benchmark separates per-package costs (archive,
  registry, versioning, the 6,000 small transactions) from per-row costs; 6,000 is the bound
  the benchmark sets; the packages stay small (10 KB to under 1 MB zipped, well under the 50
  MB, 1,000,000-rows and 20× zip-expansion limits, which generation checks). Expect about 60
  million ``smuggled_migrants`` rows besides the 10 million incidents.

Every package of M and L is an original ``replace`` report built by the demo's rich
per-incident generator (``samples.generator.build_package``) with nothing planted: no errors,
no revisions, no withdrawals, no duplicates; all must be accepted (warnings such as age bands
straddling 18 may occur, as in real reports). Each state reports through one agency every
month. The 50 states are the demo's 26 (each with its main incident-reporting agency; the four
that only sent aggregates there also report incidents here) and 24 more from Europe, the Middle
East and Africa (``NEW_STATES``) with routes of their own (``ROUTES``: Central and Western
Mediterranean, Atlantic, Eastern Mediterranean and Balkans, Channel, Horn of Africa and the
Gulf). The incidents of a package follow the state's weight (its agency's ``incidents``,
clamped to 20-300), the year's trend (``samples.generator.TREND``) and a summer peak, scaled so
that the set's total is the size's target; generation is spread over processes, one package
per task. The rich generator is fast enough for L (about 5,500 incidents a second per core,
the rows hanging off them included: L takes about a quarter of an hour on 2 cores), so L is
not derived from a smaller pool of packages.

``one_more_package(size, out_dir)`` writes one more valid package of the size's typical shape
for a state × agency × period that is not in the set (2025): "one new package added to an
already-built warehouse".
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import io
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import sys
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from samples import generator as g

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CACHE = BENCH / "cache"
DEMO = REPO / "samples" / "demo"
MANIFEST = "manifest.json"
TIMING = "generation.json"
# Bump when the manifest's layout changes (content changes are caught by the source digest).
FORMAT_VERSION = 1
SEED = g.DEFAULT_SEED
SIZES = ("S", "M", "L")
YEARS = range(2015, 2025)
EXTRA_YEAR = 2025  # one_more_package: a period after the set's
# Incident rows in the whole set.
TARGET_INCIDENTS = {"M": 1_000_000, "L": 10_000_000}
# What generation refuses to write (the ingest limits, with a margin: see warehouse.settings).
MAX_ZIP_RATIO = 16.0
MAX_PACKAGE_BYTES = 40_000_000
MAX_TABLE_ROWS = 900_000
_GENERATED = re.compile(r"^\d{4}_.+\.(?:xlsx|zip|json)$")

# --- the routes of Europe, the Middle East and Africa ------------------------------------
F = g.family
ROUTES: tuple[g.Family, ...] = (
    # Central Mediterranean
    F("LBY>ITA", "sea:small_boat/fishing_vessel", (1500, 5000), (20, 400),
      "BGD:15,EGY:15,ERI:10,SDN:10,NGA:10,SYR:10,PAK:10,TUN:5,XXX:15", 0.85, 0.12),
    F("LBY>MLT", "sea:small_boat/fishing_vessel", (1500, 5000), (20, 150),
      "SDN:25,ERI:20,BGD:20,SYR:15,XXX:20", 0.85, 0.1),
    F("TUN>ITA", "sea:small_boat", (800, 3000), (5, 60), "TUN:45,CIV:20,GIN:15,EGY:5,XXX:15",
      0.8, 0.15),
    F("EGY>LBY>ITA", "land:car_van/truck_lorry, sea:fishing_vessel/small_boat", (3000, 7000),
      (20, 300), "EGY:55,SYR:20,BGD:15,PAK:10", 0.9, 0.15),
    F("LBN>ITA", "sea:fishing_vessel", (2000, 6000), (20, 150), "SYR:75,LBN:25", 0.7, 0.3),
    F("SDN>LBY", "land:truck_lorry/car_van", (300, 1500), (5, 40), "SDN:70,ERI:20,ETH:10",
      0.8, 0.12),
    F("NGA>NER>LBY", "land:bus/car_van, land:truck_lorry", (600, 2500), (5, 40),
      "NGA:45,MLI:15,GIN:15,SEN:10,XXX:15", 0.8, 0.08),
    F("NER>LBY", "land:truck_lorry/car_van", (300, 1500), (5, 40), "NER:40,NGA:20,MLI:20,XXX:20",
      0.85, 0.06),
    F("NER>DZA", "land:truck_lorry/car_van/on_foot", (200, 800), (2, 30), "NER:70,MLI:20,XXX:10",
      0.7, 0.15),
    F("SEN>MLI>NER", "land:bus, land:bus/car_van", (200, 800), (1, 30),
      "SEN:35,GIN:30,CIV:20,MLI:15", 0.85, 0.05),
    # Western Mediterranean and Atlantic
    F("SEN>ESP", "sea:fishing_vessel/small_boat", (800, 2000), (30, 200),
      "SEN:55,MLI:20,GIN:10,XXX:15", 0.9, 0.1),
    F("MAR>ESP", "sea:small_boat", (1000, 3500), (2, 60), "MAR:60,DZA:15,GIN:10,XXX:15",
      0.85, 0.15),
    F("MAR>ESP", "land:car_van/truck_lorry", (2000, 5000), (1, 6), "MAR:70,GIN:15,CIV:15",
      0.9, 0.1),
    F("DZA>ESP", "sea:small_boat", (2000, 5000), (5, 20), "DZA:90,XXX:10", 0.9, 0.05),
    F("MLI>DZA>MAR", "land:truck_lorry/car_van, land:on_foot", (500, 2000), (2, 30),
      "MLI:35,GIN:30,CIV:20,SEN:15", 0.8, 0.1),
    F("ESP>FRA", "land:bus/car_van", (100, 400), (1, 10), "MAR:35,GIN:20,MLI:20,SEN:10,DZA:15",
      0.85, 0.1),
    # Eastern Mediterranean and the Balkans
    F("SYR>TUR", "land:on_foot/car_van", (300, 1500), (2, 40), "SYR:90,XXX:10", 0.6, 0.3),
    F("IRQ>TUR", "land:on_foot/truck_lorry", (500, 2000), (2, 30), "IRQ:70,SYR:30", 0.7, 0.2),
    F("TUR>GRC", "sea:small_boat", (1000, 3000), (10, 50), "AFG:30,SYR:25,IRQ:15,PAK:10,XXX:20",
      0.75, 0.25),
    F("TUR>GRC", "land:on_foot/car_van", (1000, 3000), (2, 30),
      "AFG:30,PAK:25,SYR:20,MAR:10,XXX:15", 0.9, 0.08),
    F("TUR>BGR>SRB", "land:on_foot/truck_lorry, land:car_van/truck_lorry", (3000, 7000),
      (2, 40), "AFG:45,SYR:25,PAK:15,MAR:5,XXX:10", 0.95, 0.1),
    F("GRC>ITA", "sea:ferry_passenger_ship/cargo_ship", (2000, 4000), (1, 6),
      "AFG:40,PAK:25,IRQ:15,XXX:20", 0.95, 0.1),
    F("SYR>LBN", "land:on_foot/car_van", (100, 600), (1, 25), "SYR:100", 0.6, 0.3),
    F("SYR>JOR", "land:on_foot/car_van", (300, 1000), (1, 20), "SYR:100", 0.6, 0.25),
    F("SYR>IRQ", "land:on_foot/car_van", (200, 800), (1, 20), "SYR:100", 0.65, 0.25),
    F("EGY>JOR", "sea:ferry_passenger_ship", (200, 800), (1, 10), "EGY:100", 0.9, 0.02),
    # The Channel and Western Europe
    F("FRA>GBR", "sea:small_boat", (1500, 4000), (10, 70),
      "AFG:20,IRN:20,IRQ:20,ERI:15,SYR:10,SDN:5,XXX:10", 0.85, 0.12),
    F("FRA>GBR", "land:truck_lorry/car_van", (4000, 9000), (1, 10),
      "VNM:30,IRQ:25,ERI:20,AFG:15,XXX:10", 0.9, 0.08),
    F("ITA>FRA", "land:train/car_van/on_foot", (100, 500), (1, 15),
      "TUN:30,SDN:20,GIN:15,ERI:15,XXX:20", 0.85, 0.1),
    # Horn of Africa, the Eastern Route and the Gulf
    F("ETH>DJI>YEM>SAU", "land:bus/on_foot, sea:small_boat, land:on_foot/car_van", (500, 1500),
      (10, 150), "ETH:85,SOM:15", 0.75, 0.2),
    F("SOM>YEM>SAU", "sea:small_boat, land:on_foot/car_van", (600, 1500), (10, 100),
      "SOM:70,ETH:30", 0.75, 0.2),
    F("YEM>SAU", "land:on_foot/car_van", (200, 800), (1, 30), "ETH:50,YEM:40,SOM:10", 0.85, 0.1),
    F("ETH>KEN", "land:bus/car_van/truck_lorry", (300, 1500), (2, 40), "ETH:80,SOM:20", 0.9, 0.1),
    F("SOM>KEN", "land:car_van/bus", (200, 1000), (1, 25), "SOM:100", 0.6, 0.2),
    F("ETH>SDN>EGY", "land:bus/car_van, land:truck_lorry/car_van", (1000, 3000), (5, 40),
      "ETH:40,ERI:40,SDN:20", 0.7, 0.15),
    F("ERI>SDN", "land:on_foot/car_van", (100, 600), (1, 25), "ERI:100", 0.6, 0.2),
    F("SDN>EGY", "land:truck_lorry/car_van/bus", (200, 1000), (5, 50), "SDN:100", 0.6, 0.3),
    F("IND>ARE", "air:commercial_flight", (1000, 3000), (1, 6), "IND:100", 0.85, 0.02),
    F("PAK>ARE", "air:commercial_flight", (1000, 3000), (1, 6), "PAK:100", 0.9, 0.02),
    F("BGD>ARE", "air:commercial_flight", (1500, 3500), (1, 6), "BGD:100", 0.95, 0.01),
    F("ARE>GBR", "air:commercial_flight", (5000, 12000), (1, 4), "IND:30,PAK:30,AFG:20,XXX:20",
      0.8, 0.05),
)  # fmt: skip
del F
REGION_FAMILIES: tuple[g.Family, ...] = g.FAMILIES + ROUTES

# --- the 50 reporting states -------------------------------------------------------------
_START, _END = date(YEARS[0], 1, 1), date(YEARS[-1], 12, 31)
# The demo's workbook states that stay workbooks here (a minority: slow to write and read);
# the others of the demo that send workbooks send these instead.
_XLSX = frozenset({"AUS", "KHM", "JPN", "AFG", "PNG", "SGP"})
_NOT_XLSX: dict[str, g.Encoding] = {
    "MYS": "csv_zip",
    "MMR": "json",
    "LKA": "csv_zip",
    "IND": "csv_zip",
}
# Demo states whose agencies only sent aggregates: here they report incidents too.
_WITH_INCIDENTS = {
    "MMR": ("border_events", "incidents", "smuggled_migrants", "narrative"),
    "CHN": ("border_events", "fraudulent_documents", "incidents", "smuggled_migrants", "narrative"),
    "BRN": ("border_events", "incidents", "smuggled_migrants", "narrative"),
    "FJI": ("border_events", "incidents", "smuggled_migrants", "narrative"),
}
_WEIGHT_RANGE = (20.0, 300.0)  # incidents a year (relative volume), clamped


def _monthly(agency: g.Agency, **changes: Any) -> g.Agency:
    """The agency as a bench reporter: every month from 2015 to 2024, no gaps."""
    return replace(agency, plan="M", since=_START, until=_END, gaps=0.0, encoding=None, **changes)


def _from_demo(state: g.State) -> g.State:
    agency = next((a for a in state.agencies if "incidents" in a.tables), state.agencies[0])
    changes: dict[str, Any] = {}
    if state.iso3 in _WITH_INCIDENTS:
        changes = {"tables": _WITH_INCIDENTS[state.iso3], "incidents": agency.incidents or 40}
    encoding = agency.encoding or state.encoding
    if encoding == "xlsx" and state.iso3 not in _XLSX:
        encoding = _NOT_XLSX[state.iso3]
    return replace(state, encoding=encoding, agencies=(_monthly(agency, **changes),))


A = g.Agency
S = g.State
NEW_STATES: tuple[g.State, ...] = (
    # Europe
    S("TUR", "en", "TRY", "csv_zip", (
        A("PMM", "Presidency of Migration Management", "immigration_border", "M", g.T_FULL,
          incidents=300, border=6000, delay=35),
      ), "fine", "yes", "yes", ("air", "land", "sea"),
      ("Edirne", "Van", "Izmir coast", "Bodrum", "Hatay", "Istanbul Airport"), sex="labels"),
    S("GRC", "en", "EUR", "json", (
        A("HCG", "Hellenic Coast Guard", "coast_guard_navy", "M",
          ("incidents", "route_legs", "smuggled_migrants", "smugglers", "narrative"),
          incidents=160, delay=40),
      ), "five", "no", "yes", ("air", "land", "sea"),
      ("Lesvos", "Samos", "Chios", "Kos", "Evros", "Crete"), date_format="DD/MM/YYYY"),
    S("ITA", "en", "EUR", "csv_zip", (
        A("DCIPF", "Direzione Centrale dell'Immigrazione e della Polizia delle Frontiere",
          "immigration_border", "M", g.T_IMMIGRATION, incidents=250, border=3000, delay=45),
      ), "fine", "no", "yes", ("air", "land", "sea"),
      ("Lampedusa", "Pozzallo", "Augusta", "Crotone", "Ventimiglia"), delimiter=";",
      date_format="DD/MM/YYYY", sex="letters"),
    S("ESP", "es", "EUR", "csv_zip", (
        A("CGEF", "Comisaría General de Extranjería y Fronteras", "immigration_border", "M",
          g.T_FULL, incidents=200, border=2500, delay=40),
      ), "es_who", "no", "yes", ("air", "land", "sea"),
      ("Arguineguín", "Almería", "Ceuta", "Melilla", "Motril", "El Hierro"), charset="cp1252",
      delimiter=";", date_format="DD/MM/YYYY", usd_fees=0.2, sex="es"),
    S("FRA", "fr", "EUR", "csv_zip", (
        A("OCRIEST", "Office central pour la répression de l'immigration irrégulière",
          "police", "M", g.T_CASES, incidents=120, delay=50),
      ), "fr_fine", "no", "yes", ("air", "land", "sea"),
      ("Calais", "Dunkerque", "Menton", "Hendaye", "Roissy-Charles de Gaulle"), delimiter=";",
      date_format="DD/MM/YYYY", usd_fees=0.2, sex="fr"),
    S("BGR", "en", "EUR", "csv_zip", (
        A("GDBP", "Border Police General Directorate", "immigration_border", "M",
          g.T_IMMIGRATION, incidents=80, border=1500, delay=45),
      ), "binary", "no", "yes", ("air", "land", "sea"),
      ("Kapitan Andreevo", "Lesovo", "Malko Tarnovo", "Sofia Airport"), usd_fees=0.4),
    S("SRB", "en", "RSD", "csv_zip", (
        A("BPA", "Border Police Administration", "immigration_border", "M",
          ("border_events", "incidents", "smuggled_migrants", "smugglers", "narrative"),
          incidents=60, border=900, delay=55),
      ), "fine", "yes", "no", ("air", "land"), ("Horgoš", "Subotica", "Preševo", "Kelebija"),
      usd_fees=0.5, sex="letters"),
    S("MLT", "en", "EUR", "csv_zip", (
        A("AFM", "Armed Forces of Malta - Maritime Squadron", "coast_guard_navy", "M",
          ("incidents", "route_legs", "smuggled_migrants", "narrative"), incidents=25,
          delay=60),
      ), "binary", "no", "yes", ("air", "sea"), ("Hay Wharf", "Valletta", "Marsaxlokk")),
    S("GBR", "en", "GBP", "csv_zip", (
        A("HOIE", "Home Office Immigration Enforcement", "immigration_border", "M", g.T_FULL,
          incidents=180, border=2500, delay=40),
      ), "fine", "no", "yes", ("air", "sea"),
      ("Dover", "Folkestone", "Heathrow Airport", "Western Jet Foil", "Manston"),
      charset="utf-8-sig", suppress_small=True, sex="labels"),
    # Middle East
    S("IRQ", "en", "IQD", "json", (
        A("BPC", "Border Ports Commission", "immigration_border", "M", g.T_IMMIGRATION,
          incidents=90, border=2000, delay=60),
      ), "binary", "yes", "no", ("air", "land", "sea"),
      ("Ibrahim Khalil", "Erbil Airport", "Al-Qaim", "Umm Qasr"), usd_fees=0.8),
    S("JOR", "en", "JOD", "csv_zip", (
        A("PSD", "Public Security Directorate - Residency and Borders", "police", "M",
          ("border_events", "incidents", "smuggled_migrants", "narrative"), incidents=40,
          border=800, delay=50),
      ), "un", "yes", "yes", ("air", "land", "sea"), ("Jaber", "Queen Alia Airport", "Aqaba")),
    S("LBN", "fr", "LBP", "csv_zip", (
        A("DGSG", "Direction générale de la Sûreté générale", "immigration_border", "M",
          g.T_IMMIGRATION, incidents=50, border=900, delay=60),
      ), "fr", "yes", "yes", ("air", "land", "sea"),
      ("Masnaa", "Tripoli", "Aéroport de Beyrouth"), charset="cp1252", delimiter=";",
      date_format="DD/MM/YYYY", usd_fees=0.9, sex="fr"),
    S("SAU", "en", "SAR", "json", (
        A("BG", "Border Guard", "immigration_border", "M",
          ("border_events", "incidents", "smuggled_migrants", "smugglers", "narrative"),
          incidents=200, border=5000, delay=45),
      ), "binary", "yes", "yes", ("air", "land", "sea"), ("Jazan", "Najran", "Al Khobah"),
      json_numbers=False),
    S("ARE", "en", "AED", "csv_zip", (
        A("ICP", "Federal Authority for Identity, Citizenship, Customs and Port Security",
          "immigration_border", "M", g.T_IMMIGRATION, incidents=40, border=600, delay=40),
      ), "fine", "yes", "yes", ("air", "land", "sea"),
      ("Dubai International Airport", "Abu Dhabi Airport", "Jebel Ali"), suppress_small=True),
    # Africa
    S("EGY", "en", "EGP", "csv_zip", (
        A("NCCPIM", "National Coordinating Committee for Combating and Preventing Illegal "
          "Migration and Trafficking in Persons", "central_authority", "M", g.T_CASES,
          incidents=100, delay=60),
      ), "binary", "yes", "no", ("air", "land", "sea"),
      ("Alexandria", "Salloum", "Aswan", "Kafr el-Sheikh"), usd_fees=0.5),
    S("LBY", "en", "LYD", "json", (
        A("DCIM", "Department for Combating Illegal Migration", "immigration_border", "M",
          ("incidents", "smuggled_migrants", "smugglers", "narrative"), incidents=150,
          delay=75),
      ), "words", "yes", "no", ("air", "land", "sea"),
      ("Zuwara", "Sabratha", "Tobruk", "Kufra", "Sabha"), usd_fees=0.7),
    S("TUN", "fr", "TND", "csv_zip", (
        A("GN", "Garde nationale", "police", "M", g.T_CASES, incidents=120, delay=45),
      ), "fr_fine", "yes", "no", ("air", "land", "sea"),
      ("Sfax", "Kerkennah", "Mahdia", "Ben Guerdane"), date_format="DD/MM/YYYY", usd_fees=0.4,
      sex="fr_words"),
    S("MAR", "fr", "MAD", "csv_zip", (
        A("DMSF", "Direction de la migration et de la surveillance des frontières",
          "immigration_border", "M", g.T_FULL, incidents=150, border=2000, delay=50),
      ), "fr", "yes", "yes", ("air", "land", "sea"),
      ("Nador", "Tanger", "Laâyoune", "Dakhla", "Oujda"), charset="cp1252", delimiter=";",
      date_format="DD/MM/YYYY", usd_fees=0.3, sex="fr"),
    S("NER", "fr", "XOF", "csv_zip", (
        A("DST", "Direction de la surveillance du territoire", "police", "M",
          ("incidents", "route_legs", "smuggled_migrants", "smugglers", "narrative"),
          incidents=60, delay=70),
      ), "fr", "yes", "no", ("air", "land"), ("Agadez", "Arlit", "Dirkou", "Assamaka"),
      usd_fees=0.2, sex="fr"),
    S("SDN", "en", "SDG", "csv_zip", (
        A("SPF", "Sudan Police Force - Anti-Human Trafficking Unit", "police", "M",
          g.T_CASES_LITE, incidents=50, delay=80),
      ), "binary", "yes", "no", ("air", "land", "sea"), ("Kassala", "Gallabat", "Dongola"),
      usd_fees=0.6),
    S("ETH", "en", "ETB", "csv_zip", (
        A("FPC", "Federal Police Commission", "police", "M", g.T_CASES_LITE, incidents=70,
          delay=70),
      ), "words", "yes", "no", ("air", "land"), ("Metema", "Moyale", "Dewele", "Bole Airport"),
      usd_fees=0.5),
    S("DJI", "fr", "DJF", "csv_zip", (
        A("PN", "Police nationale", "police", "M",
          ("incidents", "smuggled_migrants", "narrative"), incidents=35, delay=80),
      ), "fr", "yes", "no", ("air", "land", "sea"), ("Obock", "Tadjourah", "Galafi"),
      usd_fees=0.6, sex="fr_words"),
    S("KEN", "en", "KES", "csv_zip", (
        A("DCI", "Directorate of Criminal Investigations - Anti-Human Trafficking Unit",
          "police", "M", g.T_CASES, incidents=45, delay=60),
      ), "un", "yes", "no", ("air", "land", "sea"),
      ("Moyale", "Namanga", "Jomo Kenyatta Airport", "Mombasa"), usd_fees=0.4),
    S("SEN", "fr", "XOF", "json", (
        A("DPAF", "Division de la police de l'air et des frontières", "immigration_border", "M",
          g.T_IMMIGRATION, incidents=60, border=700, delay=55),
      ), "fr", "no", "yes", ("air", "land", "sea"),
      ("Saint-Louis", "Mbour", "Joal", "Aéroport Blaise Diagne", "Ziguinchor"), usd_fees=0.3),
)  # fmt: skip
del A, S
BENCH_STATES: tuple[g.State, ...] = tuple(_from_demo(s) for s in g.STATES) + NEW_STATES


def _weight(state: g.State) -> float:
    low, high = _WEIGHT_RANGE
    return min(max(state.agencies[0].incidents, low), high)


def _season(month: int) -> float:
    """More crossings in summer."""
    return 1 + 0.2 * math.cos(2 * math.pi * (month - 8) / 12)


def _rng(seed: int, *parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in ("bench", seed, *parts)))


def _count(rng: random.Random, mean: float) -> int:
    return max(1, round(rng.gauss(mean, math.sqrt(mean))))


def _mtime(day: date, sequence: int) -> int:
    """The sending day, 09:00 UTC, plus the sequence as seconds: mtimes sort in sequence."""
    return calendar.timegm((day.year, day.month, day.day, 9, 0, 0)) + sequence


# --- the plan ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Planned:
    """One package of a bench set: whose, which period, how many incidents, when sent."""

    size: str
    seed: int
    state: g.State
    period: g.Period
    n_incidents: int
    ref_offset: int  # incident numbers run on through the year
    sent: date
    encoding: g.Encoding
    sequence: int
    file: str

    @property
    def agency(self) -> g.Agency:
        return self.state.agencies[0]


def _file(sequence: int, state: g.State, period: g.Period, encoding: g.Encoding) -> str:
    return (
        f"{sequence:04d}_{state.iso3}_{state.agencies[0].short}_{period.label}"
        f"{g.EXTENSIONS[encoding]}"
    )


def plan(size: str, seed: int = SEED) -> list[Planned]:
    """Every package of size M or L, in sending order (which is also file-name order)."""
    if size not in TARGET_INCIDENTS:
        raise ValueError(f"no plan for size {size!r}: M or L")
    cells = [
        (state, g.Period("M", year, month), _weight(state) * g.TREND[year] * _season(month))
        for state in BENCH_STATES
        for year in YEARS
        for month in range(1, 13)
    ]
    per_weight = TARGET_INCIDENTS[size] / sum(w for _, _, w in cells)
    running: dict[tuple[str, int], int] = {}
    drafts: list[tuple[date, str, int, g.State, g.Period, int, int]] = []
    for order, (state, period, w) in enumerate(cells):
        rng = _rng(seed, size, state.iso3, period.label)
        n = _count(rng, per_weight * w * rng.uniform(0.85, 1.15))
        key = (state.iso3, period.year)
        offset = running.get(key, 0)
        running[key] = offset + n
        # Not drawn per size: M and L are sent in the same order, under the same names.
        when = _rng(seed, "sent", state.iso3, period.label)
        delay = state.agencies[0].delay + when.randint(-10, 25)
        sent = period.end + timedelta(days=max(7, delay))
        drafts.append((sent, state.iso3, order, state, period, n, offset))
    drafts.sort(key=lambda d: d[:3])
    out: list[Planned] = []
    for sequence, (sent, _, _, state, period, n, offset) in enumerate(drafts, start=1):
        encoding: g.Encoding = "csv_zip" if size == "L" else state.encoding
        out.append(
            Planned(
                size,
                seed,
                state,
                period,
                n,
                offset,
                sent,
                encoding,
                sequence,
                _file(sequence, state, period, encoding),
            )
        )
    return out


# --- writing one package -----------------------------------------------------------------
_HABITS: dict[tuple[int, str, bool], g.Habits] = {}


def habits(state: g.State, seed: int = SEED, *, demo: bool = False) -> g.Habits:
    """How the state writes (cached per process). ``demo``: as in the demo set (its routes)."""
    key = (seed, state.iso3, demo)
    if key not in _HABITS:
        families = None if demo else REGION_FAMILIES
        _HABITS[key] = g.Habits(state, seed, families)
    return _HABITS[key]


def build(p: Planned) -> g.PackageSpec:
    """The content of a planned package."""
    state = p.state
    b = g.Build(
        p.seed, state, p.agency, p.period, habits(state, p.seed), 1.0, p.n_incidents, p.ref_offset
    )
    return g.build_package(b)


def _check(name: str, spec: g.PackageSpec, data: bytes, encoding: str) -> None:
    """Refuse to write what the pipeline's limits would refuse to read."""
    too_many = {t: n for t, n in spec.row_counts.items() if n > MAX_TABLE_ROWS}
    if too_many or len(data) > MAX_PACKAGE_BYTES:
        raise ValueError(f"{name}: too big ({len(data):,} bytes, {too_many})")
    if encoding == "csv_zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(i.file_size for i in archive.infolist())
        if expanded > MAX_ZIP_RATIO * len(data):
            raise ValueError(f"{name}: expands {expanded / len(data):.1f}x (zip-bomb limit 20x)")


def _write(p: Planned, out: Path) -> dict[str, Any]:
    spec = build(p)
    data = g.package_bytes(spec, p.encoding)
    _check(p.file, spec, data, p.encoding)
    path = out / p.file
    path.write_bytes(data)
    mtime = _mtime(p.sent, p.sequence)
    os.utime(path, (mtime, mtime))
    return {
        "file": p.file,
        "sequence": p.sequence,
        "kind": "original",
        "encoding": p.encoding,
        "reporting_state": p.state.iso3,
        "agency": p.agency.name,
        "agency_code": p.agency.short,
        "period": p.period.label,
        "action": "replace",
        "expect": "accepted",
        "rows": spec.row_counts,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "sent": p.sent.isoformat(),
        "mtime": mtime,
    }


def _write_task(task: tuple[Planned, Path]) -> dict[str, Any]:
    return _write(*task)


# --- the cache -----------------------------------------------------------------------------
def generator_version(size: str) -> str:
    """What the set's bytes depend on: this module and the sample generator (M, L), or the
    demo set's manifest (S, which lists every file's SHA-256)."""
    digest = hashlib.sha256(f"format {FORMAT_VERSION}".encode())
    digest.update(Path(__file__).read_bytes())
    if size == "S":
        digest.update((DEMO / g.MANIFEST_NAME).read_bytes())
    else:
        digest.update(Path(g.__file__).read_bytes())
    return digest.hexdigest()[:16]


def default_out(size: str) -> Path:
    return CACHE / f"size-{size}" / "packages"


def _header(size: str, seed: int, limit: int | None) -> dict[str, Any]:
    return {
        "generator": "bench.scale",
        "version": generator_version(size),
        "size": size,
        "seed": seed,
        "limit": limit,
    }


def load_manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))


def is_complete(out: Path, size: str, *, seed: int = SEED, limit: int | None = None) -> bool:
    """The folder holds the whole set as this generator writes it: same header, every file
    of the manifest present with its size."""
    try:
        manifest = load_manifest(out)
    except (OSError, ValueError):
        return False
    header = _header(size, seed, limit)
    if any(manifest.get(k) != v for k, v in header.items()) or not manifest.get("complete"):
        return False
    for entry in manifest["files"]:
        try:
            if (out / entry["file"]).stat().st_size != entry["bytes"]:
                return False
        except OSError:
            return False
    return True


def _clear(out: Path) -> None:
    """Remove an earlier set's files (packages, manifest), nothing else."""
    for old in out.iterdir():
        if old.is_file() and (_GENERATED.match(old.name) or old.name in (MANIFEST, TIMING)):
            old.unlink()


def _totals(entries: Sequence[dict[str, Any]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for e in entries:
        for table, n in e["rows"].items():
            totals[table] = totals.get(table, 0) + n
    return totals


def _write_manifest(out: Path, header: dict[str, Any], entries: list[dict[str, Any]]) -> None:
    encodings: dict[str, int] = {}
    for e in entries:
        encodings[e["encoding"]] = encodings.get(e["encoding"], 0) + 1
    manifest = header | {
        "complete": True,
        "template_version": g.TEMPLATE_VERSION,
        "packages": len(entries),
        "states": sorted({e["reporting_state"] for e in entries}),
        "encodings": dict(sorted(encodings.items())),
        "rows": _totals(entries),
        "bytes": sum(e["bytes"] for e in entries),
        "note": "Submit the files in 'sequence' order (names and mtimes sort that way too).",
        "files": entries,
    }
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out / MANIFEST)  # last: a folder without it is incomplete


# --- S: the demo set -----------------------------------------------------------------------
_DEMO_FILE = re.compile(r"^\d{4}_[A-Z]{3}_(?P<agency>[^_]+)_")


def _copy_demo(out: Path, limit: int | None) -> list[dict[str, Any]]:
    demo = json.loads((DEMO / g.MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
    entries = []
    for e in demo[:limit]:
        source = DEMO / e["file"]
        data = source.read_bytes()
        if hashlib.sha256(data).hexdigest() != e["sha256"]:
            raise ValueError(f"samples/demo/{e['file']} differs from its MANIFEST.json")
        shutil.copy2(source, out / e["file"])
        os.utime(out / e["file"], (e["mtime"], e["mtime"]))
        match = _DEMO_FILE.match(e["file"])
        entries.append(
            {
                "file": e["file"],
                "sequence": e["sequence"],
                "kind": e["kind"],
                "encoding": e["encoding"],
                "reporting_state": e["reporting_state"],
                "agency": e["agency"],
                "agency_code": match["agency"] if match else None,
                "period": e["period"],
                "action": e["action"],
                "expect": e["expect"],
                "expect_rules": e["expect_rules"],
                "rows": e["rows"],
                "bytes": e["bytes"],
                "sha256": e["sha256"],
                "mtime": e["mtime"],
            }
        )
    return entries


# --- the entry points ----------------------------------------------------------------------
def generate(
    size: str,
    out: Path | None = None,
    *,
    workers: int = os.cpu_count() or 1,
    limit: int | None = None,
    seed: int = SEED,
    force: bool = False,
) -> Path:
    """Write the packages of ``size`` (S, M or L) and ``manifest.json`` into ``out`` (default
    ``bench/cache/size-<X>/packages``) and return ``out``; reuse a complete set (unless
    ``force``). ``limit``: only the first ``limit`` packages in sending order (a slice for
    tests; its manifest says so, and a full set is not a slice's cache). ``workers``:
    processes (1: in this one); the bytes do not depend on it."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}, not {size!r}")
    out = default_out(size) if out is None else out
    out.mkdir(parents=True, exist_ok=True)
    if not force and is_complete(out, size, seed=seed, limit=limit):
        return out
    _clear(out)
    started = time.perf_counter()
    header = _header(size, seed, limit)
    if size == "S":
        entries = _copy_demo(out, limit)
    else:
        tasks = [(p, out) for p in plan(size, seed)[:limit]]
        if workers <= 1 or len(tasks) <= 1:
            entries = [_write_task(t) for t in tasks]
        else:
            with multiprocessing.get_context().Pool(workers) as pool:
                entries = list(pool.imap(_write_task, tasks, chunksize=2))
    _write_manifest(out, header, entries)
    timing = {
        "size": size,
        "limit": limit,
        "seconds": round(time.perf_counter() - started, 2),
        "workers": workers,
        "cpu_count": os.cpu_count(),
    }
    (out / TIMING).write_text(json.dumps(timing, indent=1) + "\n", encoding="utf-8")
    return out


def one_more_package(size: str, out_dir: Path, *, seed: int = SEED) -> Path:
    """One more valid package, of the size's typical shape, for a state × agency × period
    that is not in the set (a 2025 period: the sets end in 2024); returns its path. Its name
    sorts after the set's files. S: a quarter of Thailand's immigration bureau as the demo
    writes it (full tables, its usual volume); M, L: a month of Thailand with the average
    incidents of the size (167, 1,667), in the size's usual encoding (a CSV bundle)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if size == "S":
        state = g.STATE_BY_ISO3["THA"]
        agency = state.agencies[0]
        period = g.Period("Q", EXTRA_YEAR, 1)
        n = round(agency.incidents * period.months / 12 * g.TREND[EXTRA_YEAR])
        sequence = len(json.loads((DEMO / g.MANIFEST_NAME).read_text("utf-8"))["files"]) + 1
        spec = g.build_package(
            g.Build(seed, state, agency, period, habits(state, seed, demo=True), 1.0, n, 0)
        )
        encoding: g.Encoding = state.encoding
    elif size in TARGET_INCIDENTS:
        state = next(s for s in BENCH_STATES if s.iso3 == "THA")
        agency = state.agencies[0]
        period = g.Period("M", EXTRA_YEAR, 1)
        n = round(TARGET_INCIDENTS[size] / (len(BENCH_STATES) * len(YEARS) * 12))
        sequence = len(BENCH_STATES) * len(YEARS) * 12 + 1
        spec = g.build_package(g.Build(seed, state, agency, period, habits(state, seed), 1.0, n, 0))
        encoding = "csv_zip"
    else:
        raise ValueError(f"size must be one of {SIZES}, not {size!r}")
    name = _file(sequence, replace(state, agencies=(agency,)), period, encoding)
    data = g.package_bytes(spec, encoding)
    _check(name, spec, data, encoding)
    path = out_dir / name
    path.write_bytes(data)
    mtime = _mtime(period.end + timedelta(days=agency.delay), sequence)
    os.utime(path, (mtime, mtime))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--size", choices=SIZES, required=True)
    parser.add_argument("--out", type=Path, help="default: bench/cache/size-<X>/packages")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, help="only the first N packages")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--force", action="store_true", help="regenerate even if cached")
    parser.add_argument("--extra", type=Path, help="also write one_more_package() into DIR")
    args = parser.parse_args(argv)
    folder = default_out(args.size) if args.out is None else args.out
    cached = not args.force and is_complete(folder, args.size, seed=args.seed, limit=args.limit)
    started = time.perf_counter()
    out = generate(
        args.size,
        args.out,
        workers=args.workers,
        limit=args.limit,
        seed=args.seed,
        force=args.force,
    )
    seconds = time.perf_counter() - started
    manifest = load_manifest(out)
    rows = ", ".join(f"{t} {n:,}" for t, n in manifest["rows"].items())
    print(
        f"size {args.size}: {manifest['packages']:,} packages, {manifest['bytes'] / 1e6:,.1f} MB "
        f"in {out} ({'cached' if cached else f'generated in {seconds:.1f} s'})\n"
        f"encodings {manifest['encodings']}\nrows: {rows}"
    )
    if args.extra:
        print(f"extra package: {one_more_package(args.size, args.extra, seed=args.seed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
