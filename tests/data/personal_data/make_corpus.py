"""Generate the labelled personal-data corpus: corpus_dev.csv and corpus_holdout.csv.

Deterministic: the same seed rewrites both files byte for byte.

    .venv/bin/python tests/data/personal_data/make_corpus.py          # (re)write both files
    .venv/bin/python tests/data/personal_data/make_corpus.py --check  # exit 1 if they differ

Both files come from the same templates ("the generator of variety"), but every pool of concrete
values (people, places, agencies, vessels, streets, legal references...) is split once into a dev
part and a holdout part, and the numbers come from a random stream per split, so the holdout file
measures how a detector generalises to strings it was never tuned on. The exact variants quoted in
issue 11 and the traps named in the corpus brief are pinned to the dev file. See README.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

SEED = 20240511
HERE = Path(__file__).resolve().parent
FILES = {"dev": HERE / "corpus_dev.csv", "holdout": HERE / "corpus_holdout.csv"}
DEV_SHARE = 0.6

HEADER = ("label", "kind", "language", "column", "text")
LABELS = ("personal", "ordinary")
LANGUAGES = ("en", "fr", "es", "xx")
PERSONAL_KINDS = (
    "name_title",
    "name_context",
    "name_bare",
    "id_number",
    "passport",
    "mrz",
    "date_of_birth",
    "phone",
    "email",
    "email_obfuscated",
    "address",
)

# Rows per kind in the dev file; the holdout file gets two thirds of each (a 60/40 split).
PERSONAL_QUOTA = {
    "name_title": 72,
    "name_context": 57,
    "name_bare": 30,
    "id_number": 42,
    "passport": 30,
    "mrz": 18,
    "date_of_birth": 36,
    "phone": 33,
    "email": 15,
    "email_obfuscated": 18,
    "address": 24,
}
ORDINARY_QUOTA = {
    "place": 45,
    "port": 18,
    "airport": 12,
    "vessel": 27,
    "vehicle": 9,
    "agency": 33,
    "route": 24,
    "comment": 69,
    "street": 6,
    "narrative": 15,
    "reference": 27,
    "date": 15,
    "period": 6,
    "count": 6,
    "code": 15,
    "age_group": 6,
    "money": 9,
    "legal": 9,
    "number": 24,
}

# Columns of the template (../shared/spec/submission-format.md §3) where each sort of value can sit.
# `remarks`, `observations`, `observaciones` and `details` stand for unknown extra columns.
FREE_TEXT = ("comment", "comment", "narrative.text", "notes", "remarks", "observaciones")
SHORT_TEXT = ("comment", "detection_place", "remarks", "details", "observations")
EXTRA = ("remarks", "observations", "observaciones", "details")


# ---------------------------------------------------------------------------------------------
# Rows and people


@dataclass(frozen=True)
class Row:
    label: str
    kind: str
    language: str
    column: str
    text: str


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    sex: str  # "m" or "f": picks the honorific or the role word's gender
    family_first: bool = False  # Chinese and Vietnamese order: family name first
    addressed_as: str = ""  # what follows "Mr."/"Encik" when it is not the family name

    @property
    def full(self) -> str:
        if not self.family:
            return self.given
        return f"{self.family} {self.given}" if self.family_first else f"{self.given} {self.family}"

    @property
    def surname(self) -> str:
        return self.addressed_as or self.family or self.given

    @property
    def mononym(self) -> bool:
        return not self.family


def p(given: str, family: str, sex: str = "m", **kw: str | bool) -> Person:
    return Person(given, family, sex, **kw)  # type: ignore[arg-type]


def fam_first(family: str, given: str, sex: str = "m") -> Person:
    return Person(given, family, sex, family_first=True)


# Fictional combinations of common names, by origin. Each origin is split between dev and holdout.
PEOPLE: dict[str, list[Person]] = {
    "afghan": [
        p("Ahmed", "Karimi"),
        p("Mohammad Nabi", "Ahmadzai"),
        p("Abdul Rahim", "Popal"),
        p("Farid", "Sultani"),
        p("Hamid", "Noorzai"),
        p("Nasrullah", "Stanikzai"),
        p("Wahidullah", "Wardak"),
        p("Habibullah", "Rahimi"),
        p("Gul Ahmad", "Hotak"),
        p("Najibullah", "Haidari"),
        p("Sayed Jawad", "Hashimi"),
        p("Zarmina", "Azizi", "f"),
        p("Shabnam", "Mohammadi", "f"),
        p("Fariba", "Amiri", "f"),
    ],
    "iranian": [
        p("Reza", "Hosseini"),
        p("Mehdi", "Rezaei"),
        p("Amir", "Moradi"),
        p("Hossein", "Jafari"),
        p("Dariush", "Karimpour"),
        p("Behnam", "Sadeghi"),
        p("Saeed", "Ghorbani"),
        p("Maryam", "Tehrani", "f"),
        p("Shirin", "Bagheri", "f"),
        p("Parisa", "Kazemi", "f"),
    ],
    "pakistani": [
        p("Imran", "Qureshi"),
        p("Bilal", "Chaudhry"),
        p("Usman", "Butt"),
        p("Kashif", "Malik"),
        p("Tariq", "Awan"),
        p("Zubair", "Siddiqui"),
        p("Faisal", "Mehmood"),
        p("Sana", "Sheikh", "f"),
        p("Rabia", "Nawaz", "f"),
    ],
    "bangladeshi": [
        p("Mizanur", "Rahman"),
        p("Sohel", "Rana"),
        p("Jahangir", "Alam"),
        p("Kamrul", "Hasan"),
        p("Abdul Karim", "Miah"),
        p("Rafiqul", "Islam"),
        p("Nasima", "Akter", "f"),
        p("Rupa", "Sarker", "f"),
    ],
    "rohingya": [
        p("Mohammed", "Ayub"),
        p("Nur", "Alam"),
        p("Abul", "Kalam"),
        p("Dil", "Mohammed"),
        p("Mohammed", "Salim"),
        p("Rashida", "Begum", "f"),
        p("Hasina", "Khatun", "f"),
    ],
    "sri_lankan": [
        p("Tharindu", "Perera"),
        p("Nuwan", "Fernando"),
        p("Kasun", "Jayawardena"),
        p("Suresh", "Sivakumar"),
        p("Kugan", "Rajaratnam"),
        p("Arumugam", "Kandasamy"),
        p("Priyanka", "Dissanayake", "f"),
        p("Nirmala", "Selvarajah", "f"),
    ],
    "indonesian": [
        p("Budi", "Santoso"),
        p("Bambang", "Wijaya"),
        p("Eko", "Prasetyo"),
        p("Andi", "Saputra"),
        p("Yusuf", "Manafe"),
        p("Hendrik", "Ndun"),
        p("Heri", "Kurniawan"),
        p("Yohanis", "Tallo"),
        p("Sutrisno", ""),
        p("Mulyadi", ""),
        p("Sri", "Wahyuni", "f"),
        p("Dewi", "Anggraini", "f"),
    ],
    "malaysian": [
        p("Ahmad Faizal", "bin Ismail", addressed_as="Ahmad Faizal"),
        p("Mohd Azlan", "bin Yusof", addressed_as="Mohd Azlan"),
        fam_first("Tan", "Wei Ming"),
        fam_first("Lim", "Chee Keong"),
        p("Muthu", "a/l Subramaniam", addressed_as="Muthu"),
        p("Nur Aisyah", "binti Rahman", "f", addressed_as="Nur Aisyah"),
        fam_first("Wong", "Mei Ling", "f"),
    ],
    "thai": [
        p("Somchai", "Srisuk"),
        p("Niran", "Chaiyaporn"),
        p("Prasert", "Wongsawat"),
        p("Anan", "Thongdee"),
        p("Kanya", "Boonmee", "f"),
        p("Malee", "Suksan", "f"),
    ],
    "vietnamese": [
        fam_first("Nguyễn", "Văn An"),
        fam_first("Lê", "Minh Tuấn"),
        fam_first("Phạm", "Quốc Hùng"),
        fam_first("Đặng", "Văn Bình"),
        fam_first("Hoàng", "Đức Thắng"),
        fam_first("Trần", "Thị Hoa", "f"),
        fam_first("Võ", "Thị Lan", "f"),
    ],
    "chinese": [
        fam_first("Wang", "Wei"),
        fam_first("Zhang", "Jian"),
        fam_first("Chen", "Xiaoming"),
        fam_first("Liu", "Yang"),
        fam_first("Wu", "Haoran"),
        fam_first("Zhao", "Min", "f"),
        fam_first("Lin", "Hui", "f"),
    ],
    "burmese": [
        p("Kyaw Zin", "Oo"),
        p("Aung Ko", "Latt"),
        p("Thandar", "Win", "f"),
    ],
    "iraqi": [
        p("Ali Hussein", "al-Jabouri"),
        p("Haider", "Kadhim"),
        p("Mustafa", "al-Obaidi"),
        p("Karrar", "Hassan"),
        p("Zainab", "Abbas", "f"),
        p("Noor al-Huda", "Jasim", "f"),
    ],
    "somali": [
        p("Abdirahman Mohamed", "Farah"),
        p("Abdullahi Hassan", "Nur"),
        p("Mohamed Abdi", "Osman"),
        p("Yusuf Ali", "Jama"),
        p("Hodan Ali", "Warsame", "f"),
        p("Fadumo Ahmed", "Yusuf", "f"),
    ],
    "french": [
        p("Jean", "Dupont"),
        p("Pierre", "Martin"),
        p("Luc", "Moreau"),
        p("Nicolas", "Petit"),
        p("François", "Lambert"),
        p("Thierry", "Lemoine"),
        p("Marie", "Lefèvre", "f"),
        p("Sophie", "Bernard", "f"),
        p("Élodie", "Rousseau", "f"),
        p("Isabelle", "Fontaine", "f"),
    ],
    "spanish": [
        p("María", "Fernández", "f"),
        p("José", "García"),
        p("Antonio", "Martínez"),
        p("Javier", "Romero"),
        p("Manuel", "Ortega"),
        p("Francisco", "Ruiz"),
        p("Carmen", "López", "f"),
        p("Lucía", "Sánchez", "f"),
        p("Pilar", "Navarro", "f"),
    ],
    "latin_american": [
        p("Juan Carlos", "Pérez"),
        p("Luis Alberto", "Quispe"),
        p("Diego", "Hernández"),
        p("Jorge", "Ramírez"),
        p("Wilmer", "Chávez"),
        p("Héctor", "Villalobos"),
        p("Rosa", "Mamani", "f"),
        p("Ana Lucía", "Castillo", "f"),
        p("Yesenia", "Cruz", "f"),
    ],
    "filipino": [
        p("Mark Anthony", "dela Cruz"),
        p("Rodel", "Bautista"),
        p("Maricel", "Santos", "f"),
    ],
    "english": [
        p("John", "Smith"),
        p("David", "Wilson"),
        p("Michael", "O'Brien"),
        p("Daniel", "Hughes"),
        p("Liam", "Murphy"),
        p("Sarah", "Thompson", "f"),
        p("Emma", "Clarke", "f"),
        p("Karen", "Walsh", "f"),
    ],
}
PINNED_PEOPLE = ("Ahmed Karimi", "Jean Dupont", "María Fernández")

NATIONALITY_ISO3 = {
    "afghan": "AFG",
    "iranian": "IRN",
    "pakistani": "PAK",
    "bangladeshi": "BGD",
    "rohingya": "MMR",
    "sri_lankan": "LKA",
    "indonesian": "IDN",
    "malaysian": "MYS",
    "thai": "THA",
    "vietnamese": "VNM",
    "chinese": "CHN",
    "burmese": "MMR",
    "iraqi": "IRQ",
    "somali": "SOM",
    "french": "FRA",
    "spanish": "ESP",
    "latin_american": "PER",
    "filipino": "PHL",
    "english": "AUS",
}


# ---------------------------------------------------------------------------------------------
# Ordinary pools: the first argument of `pool` is pinned to dev (named in the brief), the second is
# split between dev and holdout.


T = TypeVar("T")


@dataclass(frozen=True)
class Pool(Generic[T]):
    pinned: tuple[T, ...]
    rest: tuple[T, ...]


def pool(pinned: Sequence[T], rest: Sequence[T]) -> Pool[T]:
    return Pool(tuple(pinned), tuple(rest))


PLACES = pool(
    [
        "Christmas Island",
        "Port Klang",
        "Saint-Martin",
        "San José",
        "Santa Cruz",
        "Mount Isa",
        "Ashmore Reef",
        "Cox's Bazar",
        "Ho Chi Minh City",
        "Jose Rizal Port",
        "Lake Victoria",
        "King Fahd Causeway",
        "Prince Edward Island",
        "Georgetown",
        "Port Moresby",
        "Sainte-Marie",
    ],
    [
        "Cocos (Keeling) Islands",
        "Pulau Rote",
        "Kupang",
        "Lombok",
        "Sumbawa",
        "Tanjung Pinang",
        "Batam",
        "Johor Bahru",
        "Pengerang",
        "Langkawi",
        "Satun",
        "Ranong",
        "Teknaf",
        "Sittwe",
        "Maungdaw",
        "Saint Martin's Island",
        "Saint-Denis",
        "Saint-Pierre",
        "Saint-Laurent-du-Maroni",
        "Saint-Georges-de-l'Oyapock",
        "Sainte-Rose",
        "Fort-de-France",
        "Mamoudzou",
        "Dzaoudzi",
        "Port Louis",
        "San Andrés",
        "Santa Ana",
        "Santa Elena",
        "San Pedro Sula",
        "San Cristóbal de las Casas",
        "Tapachula",
        "Ciudad Hidalgo",
        "Ciudad Juárez",
        "Santa Cruz de Tenerife",
        "San Sebastián de La Gomera",
        "Arguineguín",
        "Los Cristianos",
        "Puerto del Rosario",
        "Melilla",
        "Ceuta",
        "Almería",
        "Motril",
        "Port Hedland",
        "Broome",
        "Darwin",
        "Cape Londonderry",
        "Scott Reef",
        "Cartier Island",
        "Adele Island",
        "Lord Howe Island",
        "Alice Springs",
        "King Sound",
        "Victoria River",
        "Mount Hagen",
        "Lake Toba",
        "Dili",
        "Atambua",
        "Motaain",
        "Entikong",
        "Padang Besar",
        "Bukit Kayu Hitam",
        "Sungai Kolok",
        "Mae Sot",
        "Poipet",
        "Mae Sai",
        "Moc Bai",
        "Móng Cái",
        "Ruili",
        "Torkham",
        "Chaman",
        "Spin Boldak",
        "Islam Qala",
        "Zaranj",
        "Taftan",
        "Mirjaveh",
        "Quetta",
        "Zahedan",
        "Chabahar",
        "Gwadar",
        "Benapole",
        "Chittagong",
        "Negombo",
        "Trincomalee",
        "Batticaloa",
        "Chilaw",
        "Port Blair",
        "Malé",
        "Honiara",
        "Manus Island",
        "Lorengau",
        "George Town",
        "Kota Kinabalu",
        "Sandakan",
        "Tawau",
        "Nunukan",
        "Zamboanga",
        "General Santos",
        "Puerto Princesa",
        "Lapu-Lapu City",
        "Labuan",
        "Victoria Harbour",
        "Santa Isabel",
        "Saint-Louis",
        "Puerto Bolívar",
        "Queen Charlotte Sound",
        "Don Det",
        "Doña Ana County",
    ],
)
PORTS = pool(
    [],
    [
        "Port of Benoa",
        "Tanjung Priok port",
        "Port Dickson",
        "Westport, Port Klang",
        "Pasir Gudang",
        "Laem Chabang",
        "Port of Chittagong",
        "Hambantota port",
        "Port of Colombo",
        "Cat Lai terminal",
        "Haiphong port",
        "Port of Darwin",
        "Fremantle Harbour",
        "port de Nouméa",
        "port de Longoni",
        "port de Dzaoudzi",
        "Puerto de Motril",
        "Puerto de Arguineguín",
        "Puerto de Algeciras",
        "Puerto Quetzal",
        "Muelle de La Restinga",
        "Stulang Laut ferry terminal",
        "Harbourfront ferry terminal",
        "Tanjung Pengelih jetty",
        "Pelabuhan Tenau",
        "Pelabuhan Bolok",
        "Papela fishing harbour",
        "Jetty 3, Sandakan",
        "Pier 7, North Harbor",
        "Berth 12, Tanjung Perak",
        "Don Sak pier",
        "Kuala Perlis jetty",
        "Kampung Pasir Putih landing point",
        "Teluk Ramunia beach",
        "Muara Baru fishing port",
    ],
)
AIRPORTS = pool(
    [],
    [
        "Soekarno-Hatta International Airport",
        "Ngurah Rai International Airport",
        "Kuala Lumpur International Airport (KLIA2)",
        "Suvarnabhumi Airport",
        "Don Mueang International Airport",
        "Hazrat Shahjalal International Airport",
        "Allama Iqbal International Airport",
        "Bandaranaike International Airport",
        "Indira Gandhi International Airport",
        "Imam Khomeini International Airport",
        "Hamid Karzai International Airport",
        "Tan Son Nhat International Airport",
        "Charles de Gaulle airport",
        "Adolfo Suárez Madrid-Barajas",
        "Jorge Chávez International Airport",
        "Benito Juárez International Airport",
        "aéroport Roland-Garros",
        "aéroport Félix-Éboué",
        "aéroport Martinique Aimé-Césaire",
        "Sir Seewoosagur Ramgoolam International Airport",
        "Dr. Babasaheb Ambedkar International Airport",
        "Sultan Abu Bakar CIQ Complex",
        "Bangunan Sultan Iskandar CIQ",
        "Wagah border crossing",
        "Puente Internacional Simón Bolívar",
    ],
)
# (language, text): vessel and vehicle types as states write them
VESSELS: Pool[tuple[str, str]] = pool(
    [
        ("en", "wooden fishing boat"),
        ("en", "pinisi"),
        ("en", "speedboat 40 HP"),
        ("xx", "KM Bintang Laut"),
        ("xx", "GT 35"),
    ],
    [
        ("en", "motorised wooden boat"),
        ("xx", "perahu motor"),
        ("xx", "jukung"),
        ("en", "fibreglass speedboat"),
        ("en", "rubber dinghy"),
        ("en", "inflatable boat with two outboard engines"),
        ("en", "trawler"),
        ("en", "general cargo ship"),
        ("en", "container vessel"),
        ("en", "RoRo ferry"),
        ("en", "long-tail boat"),
        ("en", "bangka outrigger"),
        ("xx", "sampan"),
        ("fr", "bateau de pêche en bois"),
        ("fr", "kwassa-kwassa"),
        ("fr", "pirogue"),
        ("fr", "vedette rapide"),
        ("fr", "canot pneumatique"),
        ("fr", "chalutier"),
        ("es", "patera"),
        ("es", "cayuco"),
        ("es", "neumática"),
        ("es", "lancha rápida"),
        ("es", "barco pesquero de madera"),
        ("es", "embarcación de recreo"),
        ("es", "velero"),
        ("xx", "KM Sinar Harapan"),
        ("xx", "KM Putri Ayu"),
        ("xx", "KM Dewi Sri"),
        ("xx", "MV Ocean Lady"),
        ("xx", "MV Sun Sea"),
        ("xx", "FV Lucky Star 8"),
        ("en", "30 GT wooden vessel"),
        ("en", "tug towing a barge"),
        ("en", "Thai-flagged trawler"),
        ("en", "motor launch"),
    ],
)
VEHICLES: Pool[tuple[str, str]] = pool(
    [("en", "truck with hidden compartment"), ("en", "bus coach")],
    [
        ("en", "refrigerated lorry"),
        ("en", "minivan (Toyota Hiace)"),
        ("en", "pickup truck"),
        ("en", "tanker truck"),
        ("fr", "camion frigorifique"),
        ("fr", "fourgonnette"),
        ("fr", "autocar"),
        ("es", "camión con doble fondo"),
        ("es", "furgoneta"),
        ("es", "tráiler"),
        ("xx", "taxi"),
        ("en", "motorbike"),
        ("en", "freight wagon"),
        ("en", "car boot"),
        ("fr", "coffre de voiture"),
        ("es", "maletero"),
    ],
)
# (text, language)
AGENCIES_EN = pool(
    ["Australian Federal Police", "Maritime Enforcement Agency"],
    [
        "Australian Border Force",
        "Maritime Border Command",
        "Royal Malaysia Police",
        "Royal Thai Police",
        "Philippine Coast Guard",
        "Sri Lanka Navy",
        "Bangladesh Coast Guard",
        "Immigration New Zealand",
        "New Zealand Police",
        "Immigration Department of Malaysia",
        "Bureau of Immigration",
        "Federal Investigation Agency",
        "Criminal Investigation Department",
        "Department of Immigration and Emigration",
        "Border Guard Bangladesh",
        "Indonesian National Police",
        "Joint Agency Task Force Operation Sovereign Borders",
        "Office of the Commissioner of Police",
        "Ministry of Public Security",
        "Immigration Bureau, Royal Thai Police",
        "Vietnam Border Guard",
        "Papua New Guinea Immigration and Citizenship Authority",
    ],
)
AGENCIES_FR = pool(
    ["Direction centrale de la police aux frontières"],
    [
        "Police aux frontières de Mayotte",
        "Gendarmerie nationale",
        "Office de lutte contre le trafic illicite de migrants",
        "Direction générale des douanes et droits indirects",
        "Préfecture de Mayotte",
        "Brigade mobile de recherche de Cayenne",
        "Gendarmerie maritime",
        "Marine nationale",
        "Police aux frontières de La Réunion",
        "Direction de la sécurité publique de Mayotte",
    ],
)
AGENCIES_ES = pool(
    ["Policía Nacional"],
    [
        "Guardia Civil",
        "Salvamento Marítimo",
        "Comisaría General de Extranjería y Fronteras",
        "Unidad Central de Redes de Inmigración Ilegal y Falsedades Documentales",
        "Instituto Nacional de Migración",
        "Policía de Investigaciones de Chile",
        "Prefectura Naval Argentina",
        "Migración Colombia",
        "Superintendencia Nacional de Migraciones",
        "Fiscalía General de la Nación",
        "Armada de Colombia",
    ],
)
AGENCIES_XX = pool(
    ["Badan Reserse Kriminal"],
    [
        "Direktorat Jenderal Imigrasi",
        "Badan Keamanan Laut",
        "Polda NTT",
        "Ditpolairud Polda Bali",
        "Kepolisian Negara Republik Indonesia",
        "Jabatan Imigresen Malaysia",
        "Agensi Penguatkuasaan Maritim Malaysia",
        "Polis Diraja Malaysia",
        "Polda Metro Jaya",
        "Bakamla RI",
    ],
)
LEGAL = pool(
    ["art. 6(3) SOM Protocol", "Law No. 6 of 2011"],
    [
        "Migration Act 1958, s 233C",
        "Ley Orgánica 4/2000",
        "art. 318 bis Código Penal",
        "art. L. 823-1 CESEDA",
        "art. L. 823-3 du CESEDA",
        "ATIPSOM Act 2007 (Act 670)",
        "Penal Code art. 348",
        "art. 120 UU Keimigrasian",
        "Immigration Act 1959/63, s 56",
        "Prevention of Smuggling of Migrants Act 2018",
        "Republic Act No. 9208",
        "art. 3(a) SOM Protocol",
        "Loi n° 2018-778 du 10 septembre 2018",
        "Ley 1453 de 2011, art. 188",
        "Emigration Ordinance 1979, s 17",
    ],
)
# (language, text): streets and roads as places of detection, without a house number or a resident
STREET_PLACES: Pool[tuple[str, str]] = pool(
    [],
    [
        ("en", "roadblock on Jalan Tun Razak"),
        ("en", "checkpoint on the N-340 near km 112"),
        ("fr", "contrôle routier sur la RN 2 à Kawéni"),
        ("es", "control en la carretera N-IV, km 540"),
        ("en", "bus stopped on the Trans-Sumatra toll road"),
        ("en", "vehicle stopped on Route 7 near Padang Besar"),
        ("en", "safe house raided near Jalan Ampang market"),
        ("fr", "interpellation boulevard Voltaire, devant la gare"),
        ("es", "detectados en la Avenida de la Constitución, junto al puerto"),
        ("en", "minibus checked on George Street bridge"),
        ("en", "Highway 4 roadblock, km 27"),
        ("fr", "contrôle sur la RN 1 au rond-point de Majicavo"),
    ],
)
NATIONALITIES_EN = ("Afghan", "Iranian", "Sri Lankan", "Rohingya", "Bangladeshi", "Iraqi", "Somali")
NATIONALITIES_FR = ("comoriens", "afghans", "somaliens", "sri-lankais", "congolais", "malgaches")
NATIONALITIES_ES = (
    "marroquíes",
    "senegaleses",
    "malienses",
    "colombianos",
    "venezolanos",
    "cubanos",
)
ISO3 = [
    "AFG",
    "PAK",
    "IRN",
    "TUR",
    "IDN",
    "MYS",
    "THA",
    "AUS",
    "LKA",
    "BGD",
    "MMR",
    "VNM",
    "CHN",
    "IRQ",
    "SOM",
    "KEN",
    "ETH",
    "NPL",
    "IND",
    "ARE",
    "QAT",
    "OMN",
    "NZL",
    "PNG",
    "TLS",
    "PHL",
    "KHM",
    "LAO",
    "FRA",
    "ESP",
    "MAR",
    "SEN",
    "MLI",
    "LBY",
    "COM",
    "MDG",
    "MUS",
]
COUNTRY_NAMES = {
    "en": [
        "Afghanistan",
        "Pakistan",
        "Iran",
        "Türkiye",
        "Indonesia",
        "Malaysia",
        "Thailand",
        "Australia",
        "Sri_Lanka",
        "Bangladesh",
        "Myanmar",
        "Viet_Nam",
        "China",
        "Iraq",
        "Somalia",
        "New_Zealand",
    ],
    "fr": [
        "Afghanistan",
        "Pakistan",
        "Iran",
        "Turquie",
        "Indonésie",
        "Malaisie",
        "Thaïlande",
        "Australie",
        "Comores",
        "France",
        "Madagascar",
        "Somalie",
        "Kenya",
        "Tanzanie",
    ],
    "es": [
        "Colombia",
        "Panamá",
        "Costa_Rica",
        "Nicaragua",
        "Honduras",
        "Guatemala",
        "México",
        "Venezuela",
        "Ecuador",
        "Marruecos",
        "Senegal",
        "Mauritania",
        "España",
        "Cuba",
    ],
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
}


# ---------------------------------------------------------------------------------------------
# Helpers


def strip_accents(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    head = str(rng.randint(1, 9)) if first_nonzero else str(rng.randint(0, 9))
    return head + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def month_name(language: str, month: int, short: bool = False) -> str:
    name = MONTHS[language].split()[month - 1]
    return name[:3] if short else name


class Split:
    """Everything a maker may draw from, for one file: its share of each pool and its own rng."""

    def __init__(self, name: str, rng: random.Random) -> None:
        self.name = name
        self.rng = rng
        self.people: list[Person] = []
        self.origin: dict[str, str] = {}
        for origin, people in PEOPLE.items():
            part = split_list(origin, [x.full for x in people], PINNED_PEOPLE, name)
            for person in people:
                if person.full in part:
                    self.people.append(person)
                    self.origin[person.full] = origin
        self.pools: dict[str, list[Any]] = {}
        self.queues: dict[tuple[str, bool], list[Person]] = {}

    def take(self, key: str, what: Pool[T]) -> list[T]:
        if key not in self.pools:
            self.pools[key] = split_list(key, list(what.rest), what.pinned, self.name)
        return self.pools[key]

    def pick(self, key: str, what: Pool[T]) -> T:
        return self.rng.choice(self.take(key, what))

    def person(self, sex: str = "", named: bool = True) -> Person:
        """The next person of this split, in a shuffled cycle so that every name gets used;
        `named` leaves out the one-word names (fair only after a title or a role word)."""
        queue = self.queues.setdefault((sex, named), [])
        if not queue:
            queue += [
                x for x in self.people if (not sex or x.sex == sex) and (not named or not x.mononym)
            ]
            self.rng.shuffle(queue)
        return queue.pop()

    def iso3_of(self, person: Person) -> str:
        return NATIONALITY_ISO3[self.origin[person.full]]

    def place(self) -> str:
        return self.pick("place", PLACES)

    def birth(self) -> tuple[int, int, int]:
        return self.rng.randint(1962, 2006), self.rng.randint(1, 12), self.rng.randint(1, 28)

    def event(self) -> tuple[int, int, int]:
        return self.rng.randint(2016, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28)


def split_list(key: str, items: list[T], pinned: Sequence[T], split: str) -> list[T]:
    """Pinned items go to dev; the others are shuffled once (seeded by `key`) and cut 60/40."""
    free = [x for x in items if x not in pinned]
    random.Random(f"{SEED}:pool:{key}").shuffle(free)
    cut = round(len(free) * DEV_SHARE) if split == "dev" else None
    if split == "dev":
        return [x for x in items if x in pinned] + free[:cut]
    return free[round(len(free) * DEV_SHARE) :]


# A maker draws one row: (language, column, text).
Made = tuple[str, str, str]
Maker = Callable[[Split], Made]


# ---------------------------------------------------------------------------------------------
# Personal data makers

TITLES = {
    # (spelling, sex or "" for both)
    "en": [
        ("Mr", "m"),
        ("Mr.", "m"),
        ("MR", "m"),
        ("mr", "m"),
        ("mr.", "m"),
        ("Mister", "m"),
        ("Mrs", "f"),
        ("Mrs.", "f"),
        ("Ms", "f"),
        ("Ms.", "f"),
        ("MS.", "f"),
        ("Miss", "f"),
        ("Madam", "f"),
        ("Dr", ""),
        ("Dr.", ""),
        ("DR.", ""),
        ("dr", ""),
        ("Sgt.", ""),
        ("Insp.", ""),
        ("Capt.", ""),
        ("Haji", "m"),
        ("Pak", "m"),
        ("Encik", "m"),
    ],
    "fr": [
        ("M.", "m"),
        ("M", "m"),
        ("m.", "m"),
        ("Monsieur", "m"),
        ("MONSIEUR", "m"),
        ("monsieur", "m"),
        ("Mme", "f"),
        ("Mme.", "f"),
        ("MME", "f"),
        ("mme", "f"),
        ("Madame", "f"),
        ("Mlle", "f"),
        ("Mademoiselle", "f"),
        ("Dr", ""),
        ("Docteur", "m"),
        ("Capitaine", ""),
        ("Me", ""),
    ],
    "es": [
        ("Sr.", "m"),
        ("Sr", "m"),
        ("SR.", "m"),
        ("sr.", "m"),
        ("Señor", "m"),
        ("señor", "m"),
        ("Don", "m"),
        ("D.", "m"),
        ("Sra.", "f"),
        ("Sra", "f"),
        ("SRA.", "f"),
        ("Señora", "f"),
        ("Srta.", "f"),
        ("Doña", "f"),
        ("doña", "f"),
        ("Dña.", "f"),
        ("Dra.", "f"),
        ("Dr.", "m"),
        ("Lic.", ""),
        ("Inspector jefe", "m"),
    ],
}

TITLE_SENTENCES = {
    # {t} is the honorific and the name; {e} and {o} make French and Spanish words agree with it
    "en": [
        "boat organised by {t}",
        "{t} paid the fee in cash",
        "contact person: {t}",
        "{t}'s boat",
        "migrants handed over to {t} at the jetty",
        "{n} migrants intercepted at {place}; {t} arrested",
        "fee collected by {t} in {place}",
        "report prepared by {t}",
    ],
    "fr": [
        "bateau affrété par {t}",
        "{t} a été interpellé{e} à {place}",
        "argent remis à {t}",
        "embarcation appartenant à {t}",
        "{n} personnes à bord, dont {t}",
        "contact : {t}",
    ],
    "es": [
        "embarcación de {t}",
        "{t} fue detenid{o} en {place}",
        "el pago se entregó a {t}",
        "viaje organizado por {t}",
        "{n} migrantes a bordo; {t} a cargo",
        "contacto: {t}",
    ],
}
# A title and name alone can sit in any column; sentences sit in free text.
TITLE_ALONE_COLUMNS = (*FREE_TEXT, "conveyance", "reporting_agency", "detection_place", "role")


def titled(s: Split, language: str) -> tuple[str, Person]:
    """One honorific + name in any case, spacing and order."""
    rng = s.rng
    title, sex = rng.choice(TITLES[language])
    who = s.person(sex, named=False)
    name = rng.choice([who.full, who.full, who.surname, who.surname])
    joiner = rng.choice([" ", " ", " ", " ", "  ", "\u00a0", ""] if title.endswith(".") else [" "])
    text = f"{title}{joiner}{name}"
    style = rng.random()
    if style < 0.15:
        text = text.upper()
    elif style < 0.30:
        text = text.lower()
    elif style < 0.38:
        text = strip_accents(text)
    return text, who


def make_title(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        t, who = titled(s, language)
        if rng.random() < 0.4:
            return language, rng.choice(TITLE_ALONE_COLUMNS), t
        template = rng.choice(TITLE_SENTENCES[language])
        female = who.sex == "f"
        text = template.format(
            t=t,
            place=s.place(),
            n=rng.randint(3, 90),
            e="e" if female else "",
            o="a" if female else "o",
        )
        column = "conveyance" if template == "{t}'s boat" else rng.choice(FREE_TEXT)
        if template == "report prepared by {t}":
            column = "notes"
        return language, column, text

    return make


# (role word, sex it agrees with or "" for both, is it a noun?) Participles such as "interpellé"
# only fit the short forms ("interpellé : X"), never "the {role} X was...".
ROLES = {
    "en": [
        ("driver", "", True),
        ("captain", "", True),
        ("skipper", "", True),
        ("boat owner", "", True),
        ("facilitator", "", True),
        ("organiser", "", True),
        ("organizer", "", True),
        ("suspect", "", True),
        ("smuggler", "", True),
        ("agent", "", True),
        ("broker", "", True),
        ("recruiter", "", True),
        ("boat captain", "", True),
        ("crew member", "", True),
        ("deckhand", "", True),
        ("guide", "", True),
        ("money collector", "", True),
        ("truck driver", "", True),
        ("harbourer", "", True),
        ("arrested", "", False),
        ("detained", "", False),
        ("apprehended", "", False),
    ],
    "fr": [
        ("le passeur", "m", True),
        ("la passeuse", "f", True),
        ("le chauffeur", "m", True),
        ("le capitaine", "m", True),
        ("le pilote", "m", True),
        ("le propriétaire du bateau", "m", True),
        ("l'organisateur", "m", True),
        ("l'organisatrice", "f", True),
        ("le suspect", "m", True),
        ("le rabatteur", "m", True),
        ("le convoyeur", "m", True),
        ("l'hébergeur", "m", True),
        ("le mis en cause", "m", True),
        ("la mise en cause", "f", True),
        ("interpellé", "m", False),
        ("interpellée", "f", False),
        ("chauffeur", "m", False),
        ("capitaine", "m", False),
    ],
    "es": [
        ("el conductor", "m", True),
        ("la conductora", "f", True),
        ("el capitán", "m", True),
        ("el patrón", "m", True),
        ("el dueño de la embarcación", "m", True),
        ("el organizador", "m", True),
        ("la organizadora", "f", True),
        ("el sospechoso", "m", True),
        ("la sospechosa", "f", True),
        ("el captador", "m", True),
        ("el coyote", "m", True),
        ("el pollero", "m", True),
        ("el chofer", "m", True),
        ("el investigado", "m", True),
        ("detenido", "m", False),
        ("detenida", "f", False),
        ("capitán", "m", False),
        ("conductor", "m", False),
    ],
}
ROLE_SHORT = {
    "en": ["{role} {name}", "{role} {name}", "{name} ({role})", "{name}, {role}", "{role}: {name}"],
    "fr": ["{role} {name}", "{role} {name}", "{name}, {role}", "{role} : {name}"],
    "es": ["{role} {name}", "{role} {name}", "{name}, {role}", "{role}: {name}"],
}
ROLE_SENTENCES = {
    "en": [
        "{Role} {name} arrested at {place}",
        "the {role}, {name}, was detained",
        "{n} migrants on board; {role} {name} taken into custody",
        "vessel seized at {place}, {role} {name} charged",
    ],
    "fr": [
        "{Role} {name} a été placé{e} en garde à vue",
        "{n} migrants interceptés à {place}, {role} {name} déféré{e} au parquet",
        "{Role} {name} a pris la fuite",
    ],
    "es": [
        "{Role} {name} fue puest{o} a disposición judicial",
        "{n} migrantes en la embarcación; {role} {name} detenid{o} en {place}",
        "{Role} {name} huyó tras el desembarco",
    ],
}


def make_context(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        role, sex, noun = rng.choice(ROLES[language])
        who = s.person(sex, named=False)
        name = who.surname if rng.random() < 0.2 else who.full
        templates = ROLE_SHORT[language] + (ROLE_SENTENCES[language] if noun else [])
        female = who.sex == "f"
        text = rng.choice(templates).format(
            role=role,
            Role=role[:1].upper() + role[1:],
            name=name,
            place=s.place(),
            n=rng.randint(3, 90),
            e="e" if female else "",
            o="a" if female else "o",
        )
        style = rng.random()
        if style < 0.1:
            text = text.upper()
        elif style < 0.2:
            text = text.lower()
        column = rng.choice((*FREE_TEXT, "role", "detection_place"))
        return language, column, text

    return make


BARE_SENTENCES = {
    "en": [
        "{name} paid USD {fee} in {place}",
        "{name} and {n} others left {place} by boat",
        "migrants were met in {place} by {name}",
        "money sent to {name} by hawala",
        "{name} collected the passports before departure",
    ],
    "fr": [
        "{name} a encaissé {fee} euros par personne",
        "les migrants ont été accueillis à {place} par {name}",
        "{name} et {n} autres personnes ont quitté {place}",
    ],
    "es": [
        "{name} cobró {fee} dólares por persona",
        "los migrantes fueron recibidos en {place} por {name}",
        "{name} y otras {n} personas salieron de {place}",
    ],
}


def make_bare_alone(s: Split) -> Made:
    rng = s.rng
    who = s.person()
    other = s.person()
    forms = [
        who.full,
        who.full,
        who.full.upper(),
        who.full.lower(),
        strip_accents(who.full),
        f"{who.family}, {who.given}",
        f"{who.family.upper()} {who.given}",
        f"{who.full} / {other.full}",
        f"{who.full}; {other.full}",
        f"{who.given[0]}. {who.family}",
        f"{who.full} ({s.iso3_of(who)})",
    ]
    return "xx", rng.choice((*SHORT_TEXT, *EXTRA)), rng.choice(forms)


def make_bare_sentence(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        text = rng.choice(BARE_SENTENCES[language]).format(
            name=s.person().full,
            place=s.place(),
            n=rng.randint(2, 40),
            fee=rng.choice([800, 1500, 2500, 3000, 4000, 4500, 6000]),
        )
        return language, rng.choice(FREE_TEXT), text

    return make


# National identity numbers, built to their real structure (and check digits where public).
def nik(s: Split) -> str:
    rng = s.rng
    area = rng.choice(["5171", "5371", "5303", "3174", "3578", "7371", "2171", "1271"])
    y, m, d = s.birth()
    day = d + (40 if rng.random() < 0.4 else 0)
    value = f"{area}{rng.randint(1, 30):02d}{day:02d}{m:02d}{y % 100:02d}{rng.randint(1, 9999):04d}"
    return rng.choice([value, value, f"{value[:4]} {value[4:8]} {value[8:12]} {value[12:]}"])


def mykad(s: Split) -> str:
    y, m, d = s.birth()
    return f"{y % 100:02d}{m:02d}{d:02d}-{s.rng.randint(1, 16):02d}-{s.rng.randint(1000, 9999)}"


def cnic(s: Split) -> str:
    rng = s.rng
    district = rng.choice(["35202", "42101", "61101", "37405", "17301"])
    return f"{district}-{digits(rng, 7)}-{rng.randint(1, 9)}"


VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def aadhaar(s: Split) -> str:
    body = digits(s.rng, 11, first_nonzero=True)
    if body[0] == "1":
        body = "2" + body[1:]
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(ch)]]
    value = body + str(VERHOEFF_INV[c])
    return f"{value[:4]} {value[4:8]} {value[8:]}"


def dni(s: Split) -> str:
    number = s.rng.randint(10_000_000, 79_999_999)
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]
    if s.rng.random() < 0.3:  # NIE: X/Y/Z stand for 0/1/2 in the check
        prefix = s.rng.choice("XYZ")
        body = s.rng.randint(1_000_000, 9_999_999)
        letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int(f"{'XYZ'.index(prefix)}{body}") % 23]
        return f"{prefix}{body}{letter}"
    return f"{number}{letter}"


def nir(s: Split) -> str:
    rng = s.rng
    y, m, _ = s.birth()
    body = f"{rng.choice('12')}{y % 100:02d}{m:02d}{rng.choice(['75', '13', '93', '69', '97'])}"
    body += f"{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    if rng.random() < 0.5:
        return f"{body}{key:02d}"
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def thai_id(s: Split) -> str:
    body = digits(s.rng, 12, first_nonzero=True)
    check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10
    v = body + str(check)
    return s.rng.choice([v, f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}"])


def chinese_id(s: Split) -> str:
    y, m, d = s.birth()
    region = s.rng.choice(["530102", "110105", "350203", "440304"])
    body = f"{region}{y}{m:02d}{d:02d}{digits(s.rng, 3)}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def iran_code(s: Split) -> str:
    body = digits(s.rng, 9)
    total = sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
    v = body + str(total if total < 2 else 11 - total)
    return s.rng.choice([v, f"{v[:3]}-{v[3:9]}-{v[9]}"])


def sri_lanka_nic(s: Split) -> str:
    y, m, d = s.birth()
    day = min(366, (m - 1) * 30 + d) + (500 if s.rng.random() < 0.4 else 0)
    if s.rng.random() < 0.5 and y < 2000:
        return f"{y % 100:02d}{day:03d}{digits(s.rng, 4)}V"
    return f"{y}{day:03d}0{digits(s.rng, 4)}"


def vn_cccd(s: Split) -> str:
    y, _, _ = s.birth()
    century_sex = s.rng.choice("01") if y < 2000 else s.rng.choice("23")
    return (
        f"{s.rng.choice(['001', '079', '031', '048'])}{century_sex}{y % 100:02d}{digits(s.rng, 6)}"
    )


def bd_nid(s: Split) -> str:
    y, _, _ = s.birth()
    return s.rng.choice([digits(s.rng, 10, True), f"{y}{digits(s.rng, 13)}"])


def tazkira(s: Split) -> str:
    return f"{s.rng.randint(1395, 1402)}-{s.rng.randint(100, 1299):04d}-{digits(s.rng, 5)}"


def nrc(s: Split) -> str:
    township = s.rng.choice(["12/OuKaMa(N)", "7/PaKhaNa(N)", "13/LaRaNa(N)", "14/PaThaNa(N)"])
    return f"{township}{digits(s.rng, 6)}"


def philsys(s: Split) -> str:
    v = digits(s.rng, 16, True)
    return f"{v[:4]}-{v[4:8]}-{v[8:12]}-{v[12:]}"


def cni_fr(s: Split) -> str:
    """Old French identity card number: YYMM of issue, département, 5 digits."""
    y, m, _ = s.birth()
    issued = f"{(y + 18) % 100:02d}{m:02d}"
    return f"{issued}{s.rng.choice(['976', '974', '973', '131', '750'])}{digits(s.rng, 5)}"


def titre_sejour(s: Split) -> str:
    return digits(s.rng, 10, first_nonzero=True)


def cedula(s: Split) -> str:
    rng = s.rng
    shapes = [
        lambda: f"{rng.randint(1_000_000, 1_099_999_999):,}".replace(",", "."),  # Colombia
        lambda: f"V-{rng.randint(5_000_000, 29_999_999):,}".replace(",", "."),  # Venezuela
        lambda: digits(rng, 8),  # Peru (DNI)
        lambda: f"{digits(rng, 9, True)}-{rng.randint(0, 9)}",  # Ecuador
    ]
    return rng.choice(shapes)()


# (generator, labels in en/fr/es/xx that a state might write before it)
NATIONAL_IDS: list[tuple[Callable[[Split], str], dict[str, list[str]]]] = [
    (nik, {"xx": ["NIK", "NIK:", "No. KTP"], "en": ["Indonesian ID (NIK)", "KTP number"]}),
    (mykad, {"xx": ["MyKad", "IC"], "en": ["IC no.", "Malaysian IC"]}),
    (cnic, {"xx": ["CNIC", "CNIC#"], "en": ["CNIC number"]}),
    (aadhaar, {"xx": ["Aadhaar"], "en": ["Aadhaar no."]}),
    (dni, {"es": ["DNI", "DNI n.º", "NIE"], "xx": ["DNI:"]}),
    (nir, {"fr": ["NIR", "n° de sécurité sociale", "numéro INSEE"]}),
    (cni_fr, {"fr": ["CNI n°", "carte d'identité n°"], "xx": ["CNI"]}),
    (titre_sejour, {"fr": ["titre de séjour n°", "n° AGDREF", "n° étranger"]}),
    (cedula, {"es": ["cédula", "C.C.", "cédula de identidad n.º", "DNI peruano"]}),
    (thai_id, {"en": ["Thai ID", "Thai national ID no."]}),
    (chinese_id, {"en": ["PRC ID card", "resident ID"], "xx": ["身份证"]}),
    (iran_code, {"en": ["Iranian national code"], "xx": ["Melli code"]}),
    (sri_lanka_nic, {"en": ["NIC", "Sri Lankan NIC no."]}),
    (vn_cccd, {"xx": ["CCCD", "CCCD số"], "en": ["Vietnamese ID"]}),
    (bd_nid, {"en": ["NID", "Bangladesh NID"]}),
    (tazkira, {"en": ["Tazkira", "e-Tazkira no."]}),
    (nrc, {"en": ["NRC", "Myanmar NRC"]}),
    (philsys, {"en": ["PhilSys PSN", "PSN"]}),
]
ID_SENTENCES = {
    "en": [
        "{label} {v}",
        "{label}: {v}",
        "driver's {label} {v}",
        "suspect identified, {label} {v}",
    ],
    "fr": ["{label} {v}", "{label} : {v}", "pièce présentée : {label} {v}"],
    "es": ["{label} {v}", "{label}: {v}", "el detenido presentó {label} {v}"],
    "xx": ["{label} {v}", "{label}{v}", "{label}: {v}"],
}


def make_id(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        build, labels = rng.choice([x for x in NATIONAL_IDS if language in x[1]])
        value = build(s)
        if language == "xx" and rng.random() < 0.5:  # the number alone, e.g. as a reference
            columns = ["incident_ref", "comment", "remarks", "details", "notes"]
            return "xx", rng.choice(columns), value
        label = rng.choice(labels[language])
        text = rng.choice(ID_SENTENCES[language]).format(label=label, v=value)
        return language, rng.choice(FREE_TEXT), text

    return make


# Passport numbers in each issuing state's shape.
def passport_number(s: Split) -> str:
    rng = s.rng
    upper = "ABCDEFGHJKLMNPRSTUVWXYZ"
    shapes = [
        lambda: f"P{digits(rng, 8)}",  # Afghan
        lambda: f"{rng.choice(upper)}{rng.choice(upper)}{digits(rng, 7)}",  # Pakistani, Thai
        lambda: f"{rng.choice('ABCE')}{digits(rng, 7)}",  # Indonesian, Vietnamese
        lambda: f"{rng.choice('UZ')}{digits(rng, 8)}",  # Iranian
        lambda: f"N{digits(rng, 7)}",  # Sri Lankan
        lambda: f"E{rng.choice(upper)}{digits(rng, 7)}",  # Chinese
        lambda: f"A{digits(rng, 8)}",  # Malaysian, Iraqi
        lambda: f"{digits(rng, 2)}{rng.choice(upper)}{rng.choice(upper)}{digits(rng, 5)}",  # French
        lambda: (
            f"{rng.choice(upper)}{rng.choice(upper)}{rng.choice(upper)}{digits(rng, 6)}"
        ),  # Spanish
        lambda: f"{rng.choice(upper)}{rng.choice(upper)}{digits(rng, 7)}",  # Bangladeshi
        lambda: f"P{digits(rng, 8)}",  # Somali
    ]
    return rng.choice(shapes)()


PASSPORT_SENTENCES = {
    "en": [
        "passport {v}",
        "Passport No. {v}",
        "passport number: {v}",
        "PP# {v}",
        "PPT {v}",
        "travelling on passport {v}",
        "genuine passport {v} used by an impostor",
        "passport no {spaced}",
    ],
    "fr": [
        "passeport {v}",
        "passeport n° {v}",
        "N° de passeport : {v}",
        "titulaire du passeport {v}",
        "passeport {spaced}",
    ],
    "es": [
        "pasaporte {v}",
        "Pasaporte núm. {v}",
        "n.º de pasaporte: {v}",
        "con pasaporte {v}",
        "pasaporte n.º {spaced}",
    ],
}


def make_passport(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        v = passport_number(s)
        if language == "xx":  # the number alone, typically as a "reference"
            return "xx", rng.choice(["incident_ref", "incident_ref", "remarks", "comment"]), v
        # "passport no P 0234 5678": a space where letters turn to digits, digits in fours
        head = v.rstrip("0123456789")
        tail = v[len(head) :]
        spaced = f"{head} {' '.join(tail[i : i + 4] for i in range(0, len(tail), 4))}".strip()
        text = rng.choice(PASSPORT_SENTENCES[language]).format(v=v, spaced=spaced)
        return language, rng.choice(FREE_TEXT), text

    return make


# Machine-readable zones (ICAO 9303) with correct check digits.
def mrz_check(field: str) -> str:
    values = {c: i for i, c in enumerate("0123456789")}
    values |= {c: 10 + i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
    values["<"] = 0
    weights = (7, 3, 1)
    return str(sum(values[c] * weights[i % 3] for i, c in enumerate(field)) % 10)


def mrz_name(person: Person, width: int) -> str:
    def clean(text: str) -> str:
        text = strip_accents(text).upper().replace("'", "")
        return "".join(c if c.isalpha() else "<" for c in text)

    field = (
        f"{clean(person.family or person.given)}<<{clean(person.given if person.family else '')}"
    )
    return field[:width].ljust(width, "<")


def mrz_lines(s: Split, person: Person, kind: str = "td3") -> list[str]:
    rng = s.rng
    state = s.iso3_of(person)
    y, m, d = s.birth()
    dob = f"{y % 100:02d}{m:02d}{d:02d}"
    exp = f"{rng.randint(25, 34)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    sex = "M" if person.sex == "m" else "F"
    number = passport_number(s)[:9].ljust(9, "<")
    if kind == "td1":
        line1 = f"I<{state}{number}{mrz_check(number)}".ljust(30, "<")
        line2 = f"{dob}{mrz_check(dob)}{sex}{exp}{mrz_check(exp)}{state}".ljust(29, "<")
        composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
        return [line1, line2 + mrz_check(composite), mrz_name(person, 30)]
    code = "V<" if kind == "visa" else "P<"
    line1 = f"{code}{state}{mrz_name(person, 39)}"
    personal = "<" * 14
    line2 = f"{number}{mrz_check(number)}{state}{dob}{mrz_check(dob)}{sex}{exp}{mrz_check(exp)}"
    if kind == "visa":
        return [line1, (line2 + personal)[:44]]
    line2 += personal + mrz_check(personal)
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return [line1, line2 + mrz_check(composite)]


def make_mrz(s: Split) -> Made:
    rng = s.rng
    person = s.person()
    kind = rng.choice(["td3", "td3", "td3", "td1", "visa"])
    lines = mrz_lines(s, person, kind)
    shape = rng.random()
    if shape < 0.45:
        text = "\n".join(lines)
    elif shape < 0.65:
        text = " ".join(lines)
    elif shape < 0.8:
        text = lines[0] if kind != "td1" else lines[2]
    elif shape < 0.9:
        text = lines[1]
    else:
        text = "MRZ: " + " ".join(lines)
    return (
        "xx",
        rng.choice(["comment", "remarks", "details", "narrative.text", "incident_ref"]),
        text,
    )


# Dates of birth, numeric and in words.
def make_dob(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        y, m, d = s.birth()
        numeric = rng.choice(
            [f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}-{m:02d}-{y}"]
        )
        if language == "en":
            words = rng.choice(
                [
                    f"{d} {month_name('en', m)} {y}",
                    f"{month_name('en', m)} {d}, {y}",
                    f"{d} {month_name('en', m, True)} {y}",
                    f"{d}th of {month_name('en', m)} {y}",
                ]
            )
            templates = [
                f"DOB {y}",
                f"DOB: {numeric}",
                f"D.O.B. {numeric}",
                f"born {y}",
                f"born on {words}",
                f"date of birth {numeric}",
                f"b. {numeric}",
                f"aged {2024 - y}, born in {y}",
                f"born {words} in {s.place()}",
                f"birth date: {words}",
                f"dob {words}",
                f"skipper born {numeric}",
                f"Date of Birth: {words}",
                f"YOB {y}",
            ]
        elif language == "fr":
            day = "1er" if d == 1 else str(d)
            words = f"{day} {month_name('fr', m)} {y}"
            templates = [
                f"née le {words}",
                f"né le {numeric}",
                f"date de naissance : {numeric}",
                f"DDN {y}",
                f"né en {y}",
                f"né(e) le {words}",
                f"Date de naissance: {words}",
                f"le passeur, né le {words}",
                f"né le {words} à {s.place()}",
                f"DDN : {numeric}",
            ]
        else:
            words = f"{d} de {month_name('es', m)} de {y}"
            templates = [
                f"nacido el {words}",
                f"nacida el {words}",
                f"fecha de nacimiento: {numeric}",
                f"F. nac. {numeric}",
                f"nacido en {y}",
                f"FN: {numeric}",
                f"nació el {words}",
                f"fecha de nac. {words}",
                f"el detenido, nacido el {numeric}",
                f"F. de nacimiento {numeric}",
            ]
        return language, rng.choice(FREE_TEXT), rng.choice(templates)

    return make


# Phone numbers in each country's usual writings.
def phone_number(s: Split) -> str:
    r = s.rng

    def d(n: int) -> str:
        return digits(r, n)

    shapes = [
        lambda: f"+62 8{r.randint(11, 59)} {d(4)} {d(4)}",
        lambda: f"08{r.randint(11, 59)}-{d(4)}-{d(4)}",
        lambda: f"+628{r.randint(11, 59)}{d(8)}",
        lambda: f"+60 1{r.randint(0, 9)}-{d(3)} {d(4)}",
        lambda: f"01{r.randint(0, 9)}-{d(3)} {d(4)}",
        lambda: f"+66 8{r.randint(1, 9)} {d(3)} {d(4)}",
        lambda: f"+93 7{r.randint(0, 9)} {d(3)} {d(4)}",
        lambda: f"0093 7{r.randint(0, 9)}{r.randint(0, 9)} {d(3)} {d(3)}",
        lambda: f"+92 3{r.randint(0, 4)}{r.randint(0, 9)} {d(7)}",
        lambda: f"03{r.randint(0, 4)}{r.randint(0, 9)}-{d(7)}",
        lambda: f"+98 9{r.randint(10, 39)} {d(3)} {d(4)}",
        lambda: f"+880 1{r.randint(3, 9)}{d(2)}-{d(6)}",
        lambda: f"+94 7{r.randint(0, 8)} {d(3)} {d(4)}",
        lambda: f"+84 9{d(2)} {d(3)} {d(3)}",
        lambda: f"+86 13{r.randint(0, 9)} {d(4)} {d(4)}",
        lambda: f"+964 7{r.randint(70, 90)} {d(3)} {d(4)}",
        lambda: f"+252 61 {d(7)}",
        lambda: f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
        lambda: f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
        lambda: f"00 33 7 {d(2)} {d(2)} {d(2)} {d(2)}",
        lambda: f"06.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
        lambda: f"+33 (0)6 {d(2)} {d(2)} {d(2)} {d(2)}",
        lambda: f"0639 {d(2)} {d(2)} {d(2)}",
        lambda: f"+262 692 {d(2)} {d(2)} {d(2)}",
        lambda: f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}",
        lambda: f"6{d(2)} {d(3)} {d(3)}",
        lambda: f"0034 6{d(8)}",
        lambda: f"+61 4{d(2)} {d(3)} {d(3)}",
        lambda: f"04{d(2)} {d(3)} {d(3)}",
        lambda: f"(08) 89{d(2)} {d(4)}",
        lambda: f"+52 55 {d(4)} {d(4)}",
        lambda: f"+57 3{d(2)} {d(3)} {d(4)}",
        lambda: f"+51 9{d(2)} {d(3)} {d(3)}",
        lambda: f"+88216 {d(4)} {d(4)}",
        lambda: f"+8816 {d(4)} {d(4)}",
    ]
    return r.choice(shapes)()


PHONE_SENTENCES = {
    "en": [
        "tel. {v}",
        "Tel: {v}",
        "phone {v}",
        "WhatsApp {v}",
        "WA: {v}",
        "mobile {v}",
        "call {v}",
        "organiser contacted the migrants on {v}",
        "number {v} found in the seized phone",
        "contact no. {v}",
        "hp {v}",
    ],
    "fr": [
        "tél. {v}",
        "Tél : {v}",
        "portable : {v}",
        "joignable au {v}",
        "numéro du passeur : {v}",
        "les migrants appelaient le {v}",
    ],
    "es": [
        "teléfono {v}",
        "móvil: {v}",
        "cel. {v}",
        "WhatsApp del captador: {v}",
        "Tfno. {v}",
        "contacto telefónico {v}",
    ],
}


def make_phone(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        v = phone_number(s)
        if language == "xx":
            return "xx", rng.choice(["comment", "remarks", "details", "incident_ref", "notes"]), v
        return language, rng.choice(FREE_TEXT), rng.choice(PHONE_SENTENCES[language]).format(v=v)

    return make


# E-mail addresses, plain and obfuscated.
DOMAINS = (
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "proton.me",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "hotmail.es",
    "yahoo.es",
    "yahoo.co.id",
    "qq.com",
    "163.com",
    "icloud.com",
    "mail.ru",
    "ymail.com",
    "live.com.au",
    "yahoo.com.my",
)


def email_parts(s: Split) -> tuple[str, str]:
    rng = s.rng
    who = s.person()
    given = strip_accents(who.given.split()[0]).lower().replace("'", "")
    family = strip_accents(who.family.split()[-1]).lower().replace("'", "")
    y, _, _ = s.birth()
    local = rng.choice(
        [
            f"{given}.{family}",
            f"{given[0]}.{family}",
            f"{family}{y}",
            f"{given}_{family}",
            f"{family}.{given}{rng.randint(1, 99)}",
            f"{given}{family}",
            f"{given[0]}{family}",
        ]
    )
    return local, rng.choice(DOMAINS)


EMAIL_SENTENCES = {
    "xx": ["{v}"],
    "en": ["e-mail: {v}", "contact {v}", "tickets sent from {v}", "email {v}"],
    "fr": ["courriel : {v}", "adresse mail {v}", "contact : {v}"],
    "es": ["correo: {v}", "correo electrónico {v}", "e-mail del organizador: {v}"],
}


def make_email(language: str) -> Maker:
    def make(s: Split) -> Made:
        local, domain = email_parts(s)
        v = f"{local}@{domain}"
        if s.rng.random() < 0.1:
            v = v.upper()
        text = s.rng.choice(EMAIL_SENTENCES[language]).format(v=v)
        return language, s.rng.choice((*FREE_TEXT, "details")), text

    return make


# (language of the words, "at", "dot"); "xx" marks symbols that fit a text in any language
OBFUSCATIONS = [
    ("en", " at ", " dot "),
    ("en", " AT ", " DOT "),
    ("en", " at ", "."),
    ("xx", " [at] ", " [dot] "),
    ("xx", "(at)", "(dot)"),
    ("xx", "{at}", "{dot}"),
    ("xx", " @ ", " . "),
    ("xx", "[@]", "[.]"),
    ("xx", "<at>", "<dot>"),
    ("xx", " _at_ ", " _dot_ "),
    ("xx", " [at] ", "."),
    ("xx", " (at) ", " (dot) "),
    ("fr", " arobase ", " point "),
    ("fr", " (arobase) ", " (point) "),
    ("fr", " [arobase] ", "."),
    ("fr", " arobase ", "."),
    ("es", " arroba ", " punto "),
    ("es", " (arroba) ", "."),
    ("es", " [arroba] ", " [punto] "),
    ("es", " arroba ", "."),
]
OBFUSCATED_SENTENCES = {
    "en": ["{v}", "{v}", "contact: {v}", "write to {v}", "e-mail {v}"],
    "fr": ["{v}", "écrire à {v}", "mail : {v}", "contacter {v}"],
    "es": ["{v}", "escribir a {v}", "correo {v}", "contacto: {v}"],
}


def make_email_obfuscated(language: str) -> Maker:
    def make(s: Split) -> Made:
        rng = s.rng
        local, domain = email_parts(s)
        words, at, dot = rng.choice([x for x in OBFUSCATIONS if x[0] in (language, "xx")])
        v = f"{local}{at}{domain.replace('.', dot)}"
        text = rng.choice(OBFUSCATED_SENTENCES[language]).format(v=v)
        # an address written with symbols only, alone in its cell, is in no language
        written_in = "xx" if text == v and words == "xx" else language
        return written_in, rng.choice((*FREE_TEXT, "details")), text

    return make


# Street addresses, with house numbers and (mostly) postcodes.
STREETS = {
    "mys": pool(
        ["Jalan Ampang"],
        [
            "Jalan Tun Razak",
            "Jalan Bukit Bintang",
            "Jalan Ipoh",
            "Jalan Kuching",
            "Lorong Haji Taib",
            "Jalan Sultan Ismail",
        ],
    ),
    "idn": pool(
        [],
        [
            "Jl. Sudirman",
            "Jl. Gajah Mada",
            "Jl. El Tari",
            "Jl. Raya Kuta",
            "Jl. Diponegoro",
            "Jl. Timor Raya",
            "Jl. Imam Bonjol",
        ],
    ),
    "fra": pool(
        ["rue de la Paix"],
        [
            "avenue Jean Jaurès",
            "boulevard Voltaire",
            "rue Victor Hugo",
            "chemin des Lilas",
            "impasse des Acacias",
            "rue du Commerce",
            "rue Foch",
        ],
    ),
    "esp": pool(
        ["Calle Mayor"],
        [
            "Avenida de la Constitución",
            "Calle de Alcalá",
            "Paseo de la Castellana",
            "Calle León y Castillo",
            "Calle Real",
            "Avenida de Andalucía",
            "Calle Simón Bolívar",
        ],
    ),
    "aus": pool(
        [],
        [
            "King Street",
            "Victoria Street",
            "George Street",
            "Smith Street",
            "Cavenagh Street",
            "Mitchell Street",
            "Hay Street",
        ],
    ),
    "vnm": pool([], ["Nguyễn Huệ", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Pasteur"]),
}


ADDRESSES = [
    # (language, template): {n} a house number, {m} a small number, {<country>} a street
    ("xx", "{n} {mys}, {kl} Kuala Lumpur"),
    ("xx", "No. {n}, {mys}, {jb} Johor Bahru"),
    ("xx", "{idn} No. {n}, Denpasar {dps}"),
    ("xx", "{idn} No. {n}, RT 0{m}/RW 0{m2}, Kupang {kpg}"),
    ("fr", "{n} {fra} {paris} Paris"),
    ("fr", "{n} {fra}, {mrs} Marseille"),
    ("fr", "{n} {fra}, 97600 Mamoudzou"),
    ("fr", "domicilié {n} {fra}, 97400 Saint-Denis"),
    ("es", "{esp} {n}, {madrid} Madrid"),
    ("es", "{esp}, {n}, {m}º, {lpa} Las Palmas"),
    ("es", "con domicilio en {esp} {n}, 0400{m} Almería"),
    ("en", "{n} {aus}, Darwin NT 0800"),
    ("en", "Unit {m}, {n} {aus}, Sydney NSW 2000"),
    ("en", "residing at {n} {aus}, Perth WA 6000"),
    ("xx", "House {n}, Road {m}, Dhanmondi, Dhaka 1205"),
    ("xx", "House {n}, Street {m2}, G-9/2, Islamabad 44000"),
    ("xx", "{n}/{m2} Moo {m}, Tambon Khlong Nueng, Pathum Thani 12120"),
    ("xx", "No. {n}, Galle Road, Colombo 0{m}"),
    ("xx", "{n} {vnm}, Quận {m}, TP. Hồ Chí Minh"),
    ("es", "Av. Insurgentes Sur {n}{m}, Col. Del Valle, 03100 Ciudad de México"),
    ("es", "Carrera {m2} # {m}{m}-{n}, Bogotá"),
    ("en", "Flat {m}, {n} {mys}, {kl} Kuala Lumpur"),
    ("fr", "chez l'intéressé, {n} {fra}, {paris} Paris"),
    ("en", "harbourer's house at {n} {mys}, Kuala Lumpur {kl}"),
    ("en", "suspect lives at {idn} No. {n}, Kupang"),
]


def make_address(language: str) -> Maker:
    return lambda s: address(s, language)


def address(s: Split, language: str) -> Made:
    rng = s.rng
    template = rng.choice([x for lang, x in ADDRESSES if lang == language])
    values = {country: s.pick(f"street:{country}", streets) for country, streets in STREETS.items()}
    text = template.format(
        n=rng.randint(1, 240),
        m=rng.randint(1, 9),
        m2=rng.randint(1, 9),
        kl=rng.randint(50000, 50990),
        jb=rng.randint(80000, 81990),
        dps=rng.randint(80111, 80239),
        kpg=rng.randint(85111, 85228),
        paris=rng.randint(75001, 75020),
        mrs=rng.randint(13001, 13016),
        madrid=rng.randint(28001, 28055),
        lpa=rng.randint(35001, 35019),
        **values,
    )
    return language, rng.choice((*FREE_TEXT, "detection_place", "details")), text


# ---------------------------------------------------------------------------------------------
# Ordinary makers: what honest packages hold, including what a careless screen would flag.


def event_date(s: Split, language: str) -> str:
    y, m, d = s.event()
    if language == "en":
        return s.rng.choice([f"{d} {month_name('en', m)} {y}", f"{month_name('en', m)} {d}, {y}"])
    if language == "fr":
        return f"{'1er' if d == 1 else d} {month_name('fr', m)} {y}"
    return s.rng.choice([f"{d} de {month_name('es', m)} de {y}", f"{d}/{m}/{y}"])


def money(s: Split, language: str) -> str:
    rng = s.rng
    amount = rng.choice([500, 800, 1200, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6500, 8000])
    if language == "fr":
        return rng.choice([f"{amount:,} €".replace(",", " "), f"EUR {amount:,}".replace(",", " ")])
    if language == "es":
        return rng.choice([f"{amount:,} €".replace(",", "."), f"USD {amount:,}".replace(",", ".")])
    return rng.choice(
        [
            f"USD {amount:,}",
            f"AUD {amount:,}",
            f"MYR {amount:,}",
            f"IDR {amount * 10_000:,}".replace(",", "."),
        ]
    )


def time_of_day(s: Split) -> str:
    return f"{s.rng.randint(0, 23):02d}:{s.rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50]):02d}"


def simple(key: str, what: Pool, language: str, columns: Sequence[str]) -> Maker:
    def make(s: Split) -> Made:
        return language, s.rng.choice(columns), s.pick(key, what)

    return make


PLACE_COLUMNS = ("detection_place", "detection_place", "comment", "remarks")


AGENCIES = {"en": AGENCIES_EN, "fr": AGENCIES_FR, "es": AGENCIES_ES, "xx": AGENCIES_XX}


def make_agency(language: str) -> Maker:
    return lambda s: agency(s, language)


def agency(s: Split, language: str) -> Made:
    name = s.pick(f"agency_{language}", AGENCIES[language])
    if s.rng.random() < 0.25:
        name = f"{name}, {s.place()}" if s.rng.random() < 0.5 else name.upper()
    return (
        language,
        s.rng.choice(["reporting_agency", "reporting_agency", "comment", "notes"]),
        name,
    )


def make_route(s: Split) -> Made:
    rng = s.rng
    sep = rng.choice([" > ", ">", " → ", " > "])
    shape = rng.random()
    if shape < 0.5:
        text = sep.join(rng.sample(ISO3, rng.randint(2, 5)))
        language = "xx"
    elif shape < 0.8:
        language = rng.choice(("en", "fr", "es"))
        names = rng.sample(COUNTRY_NAMES[language], rng.randint(2, 4))
        text = sep.join(x.replace("_", " ") for x in names)
    else:
        language = "xx"
        text = sep.join([s.place(), s.place()])
    return language, rng.choice(["route", "route", "comment", "narrative.text"]), text


COMMENTS = {
    "en": [
        "{n} migrants intercepted near {place} on {date}",
        "{vessel} intercepted {k} nm north of {place} at {time}; {n} persons on board",
        "Driver arrested at the {bcp} checkpoint, {n} migrants found in the cargo area",
        "The skipper and {k} crew were detained at {place}",
        "Organiser remains at large; fee {money} per person",
        "Boat departed {place} around {time} and landed at {place2} {k} days later",
        "{n} passengers, of whom {k} unaccompanied minors, transferred to {place}",
        "Case referred for prosecution under {legal}",
        "Migrants paid {money} each via hawala",
        "Recruitment via WhatsApp groups and Facebook pages",
        "Satellite phone and GPS seized on board",
        "Joint operation with {agency}",
        "{k} suspected facilitators arrested, all {nationality} nationals",
        "Rescue coordinated by MRCC {city} at {time}",
        "Vessel ({vessel}) built in {old_year}, no registration papers",
        "{k} deceased and {k2} missing after the boat capsized off {place}",
        "Figures for {period} revised; case {k} of {n}",
        "Landed at {place} at dawn; {n} adults and {k} minors",
        "Driver and co-driver ({nationality}) handed over to {agency}",
        "Boat spotted at sea at {time} by a surveillance aircraft",
        "Group walked across the border at night near {bcp}",
        "Migrants were held in a safe house in {place} for {k} days",
        "{n} Rohingya disembarked at {place}; boat left on {date}",
        "Crew member aged {age} claimed to be a fisherman",
        "Money collector identified but not arrested",
        "Passports confiscated by the organisers and returned on arrival",
        "Truck stopped at the {bcp} checkpoint at {time}",
        "Second attempt by the same group after a return on {date}",
        "Decision of the court of {city}: {years} years' imprisonment",
        "Emergency number 112 called from the boat at {time}",
        "{n} persons arrived on Christmas Day",
        "{k} migrants still missing after the search off {place}",
        "Survivors examined by the ship's doctor; {k} taken to hospital",
        "Passenger list not kept; names withheld by the reporting agency",
        "Birth dates not recorded; {k} minors by self-declaration",
        "Phone numbers of the organisers passed to {agency}",
        "E-mail and WhatsApp accounts used to advertise the crossing",
        "Skipper ({nationality}, aged {age}) arrested at {place}",
        "Captain and {k} crew members of {nationality} nationality detained",
        "Safe house near the market in {place} raided on {date}",
    ],
    "fr": [
        "{n} migrants interceptés au large de {place} le {date}",
        "Le passeur a été interpellé à {place} ; {n} personnes à bord",
        "Kwassa-kwassa intercepté à {time} près de {place}",
        "Arrivée le {date} à {place}, {n} passagers dont {k} mineurs non accompagnés",
        "Le pilote et {k} membres d'équipage ont été placés en garde à vue",
        "Tarif constaté : {money} par personne",
        "Procédure transmise au parquet de {city}",
        "Opération conjointe avec : {agency}",
        "Le chauffeur du camion a pris la fuite",
        "Recrutement via les réseaux sociaux, paiement par hawala",
        "Embarcation partie de {place} vers {place2}, traversée de {k} heures",
        "{k} passeurs présumés interpellés, tous {nationality}",
        "Naufrage au large de {place} : {k} morts et {k2} disparus",
        "Téléphone satellite saisi à bord",
        "Débarquement de nuit sur la plage de {place}",
        "Interception la veille de la Saint-Jean, {n} personnes à bord",
        "Données du {period} provisoires",
        "Le convoyeur a été condamné à {years} ans d'emprisonnement",
        "Les migrants ont déclaré avoir payé {money}",
        "Aucune identité relevée ; les noms ne sont pas transmis",
        "Âge déclaré : {k} mineurs, {n} majeurs",
        "Le capitaine, de nationalité {nationality_one}, a été interpellé",
        "Contrôle au poste-frontière de {bcp} à {time}",
        "Numéros de téléphone des passeurs transmis à l'office central",
    ],
    "es": [
        "{n} migrantes detectados en {place} el {date}",
        "El patrón de la embarcación fue detenido en {place}",
        "Cayuco con {n} personas llegó a {place} a las {time}",
        "El conductor huyó; {n} personas en el doble fondo del camión",
        "Pago de {money} por persona, en efectivo",
        "Diligencias remitidas al Juzgado de Instrucción n.º {k} de {city}",
        "Operación conjunta con: {agency}",
        "Rescate a {k} millas de {place}; {n} supervivientes y {k2} fallecidos",
        "Detectado el {date} en el paso fronterizo de {bcp}",
        "Captación por WhatsApp; los migrantes no aportaron documentación",
        "{n} personas detenidas por favorecimiento de la inmigración irregular",
        "{k} presuntos facilitadores detenidos, todos {nationality}",
        "Neumática avistada a las {time} al sur de {place}",
        "Llegada durante la Semana Santa, {n} ocupantes",
        "Datos del {period} pendientes de validación",
        "Los migrantes pagaron {money} al captador",
        "Embarcación salió de {place} y fue interceptada cerca de {place2}",
        "El tripulante menor de edad fue puesto a disposición de la Fiscalía de Menores",
        "No se transmiten nombres ni datos personales",
        "{n} de los migrantes declararon haber nacido en {country}",
        "El capitán y dos tripulantes, de nacionalidad {nationality_one}, fueron detenidos",
        "Condenado a {years} años de prisión por la Audiencia Provincial",
    ],
}
NOTES = {
    "en": [
        "Figures are provisional",
        "Data provided by {agency}; figures provisional",
        "Revised figures for {period}",
        "Nil return for {period}",
    ],
    "fr": [
        "Chiffres provisoires",
        "Données transmises par : {agency}",
        "Données révisées pour le {period}",
    ],
    "es": [
        "Datos provisionales",
        "Datos facilitados por: {agency}",
        "Cifras revisadas del {period}",
    ],
}
NATIONALITY_WORDS = {"en": NATIONALITIES_EN, "fr": NATIONALITIES_FR, "es": NATIONALITIES_ES}
NATIONALITY_ONE = {
    "en": NATIONALITIES_EN,
    "fr": ("comorienne", "afghane", "somalienne", "sri-lankaise", "malgache"),
    "es": ("marroquí", "senegalesa", "maliense", "colombiana", "venezolana"),
}
CITIES = {
    "en": ("Darwin", "Perth", "Canberra", "Jakarta", "Kuala Lumpur", "Colombo", "Bangkok"),
    "fr": ("Mamoudzou", "Saint-Denis", "Cayenne", "Marseille", "Paris"),
    "es": ("Arrecife", "Almería", "Santa Cruz de Tenerife", "Ceuta", "San Bartolomé de Tirajana"),
}
# Land border crossings, where the templates say "checkpoint" or "paso fronterizo".
CROSSINGS = pool(
    [],
    [
        "Torkham",
        "Chaman",
        "Taftan",
        "Mae Sot",
        "Padang Besar",
        "Entikong",
        "Motaain",
        "Benapole",
        "Moc Bai",
        "Poipet",
        "Bukit Kayu Hitam",
        "Sungai Kolok",
        "Islam Qala",
        "Spin Boldak",
        "Mirjaveh",
        "Wagah",
        "Ciudad Hidalgo",
        "Tebedu",
        "Aranyaprathet",
        "Rantau Panjang",
        "Ruili",
        "Lao Cai",
        "Tamu",
        "Birgunj",
    ],
)


def period_label(s: Split, language: str) -> str:
    y = s.rng.randint(2016, 2025)
    q = s.rng.randint(1, 4)
    return {
        "en": f"Q{q} {y}",
        "fr": f"{q}{'er' if q == 1 else 'e'} trimestre {y}",
        "es": f"{q}.º trimestre de {y}",
    }[language]


def fill(s: Split, template: str, language: str) -> str:
    rng = s.rng
    agency_pool = {
        "en": ("agency_en", AGENCIES_EN),
        "fr": ("agency_fr", AGENCIES_FR),
        "es": ("agency_es", AGENCIES_ES),
    }[language]
    return template.format(
        n=rng.randint(3, 180),
        k=rng.randint(1, 12),
        k2=rng.randint(0, 9),
        years=rng.randint(2, 12),
        place=s.place(),
        place2=s.place(),
        bcp=s.pick("crossing", CROSSINGS),
        date=event_date(s, language),
        time=time_of_day(s),
        vessel=s.pick("vessel", VESSELS)[1],
        money=money(s, language),
        legal=s.pick("legal", LEGAL),
        agency=s.pick(*agency_pool),
        nationality=rng.choice(NATIONALITY_WORDS[language]),
        nationality_one=rng.choice(NATIONALITY_ONE[language]),
        country=rng.choice(COUNTRY_NAMES[language]).replace("_", " "),
        city=rng.choice(CITIES[language]),
        old_year=rng.randint(1978, 2005),
        period=period_label(s, language),
        age=rng.randint(15, 60),
    )


def make_comment(language: str) -> Maker:
    return lambda s: comment(s, language)


def comment(s: Split, language: str) -> Made:
    if s.rng.random() < 0.12:
        text = fill(s, s.rng.choice(NOTES[language]), language)
        return language, "notes", text
    text = fill(s, s.rng.choice(COMMENTS[language]), language)
    return language, s.rng.choice(FREE_TEXT), text


def make_narrative(language: str) -> Maker:
    return lambda s: narrative(s, language)


def narrative(s: Split, language: str) -> Made:
    first, second = s.rng.sample(COMMENTS[language], 2)
    text = f"{fill(s, first, language)}. {fill(s, second, language)}."
    return language, "narrative.text", text


def make_reference(s: Split) -> Made:
    rng = s.rng
    y = rng.randint(2016, 2025)
    n = rng.randint(1, 999)
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][
        rng.randint(0, 11)
    ]
    shapes = [
        f"{rng.choice(['IDN', 'AUS', 'MYS', 'THA', 'LKA', 'FRA', 'ESP'])}-{y}-{n:04d}",
        f"AUS/{rng.choice(['AFP', 'ABF', 'MBC'])}/{y}/{n:04d}",
        f"{y}-Q{rng.randint(1, 4)}-{n:03d}",
        f"MYS-{rng.choice(['MMEA', 'PDRM', 'JIM'])}-{y % 100:02d}-{n:03d}",
        f"REF {y}/{n}",
        f"CASE-{n:06d}",
        f"LP/B/{n}/{roman}/{y}/SPKT",
        f"PV n° {y}/{n:05d}",
        f"Atestado {y}-{n:06d}",
        f"THA-RTP-{y}-{n}",
        f"BGD/CID/{y}/{n}",
        f"INC{y}{n:03d}",
        f"KPG{y % 100:02d}-{n:02d}",
        f"{rng.choice(['OSB', 'OPS', 'JATF'])}-{y}-{n:03d}",
        f"{n:03d}/{y}",
        f"DGSN-{y}-{n:04d}",
        f"R{y}{rng.randint(1, 12):02d}{n:03d}",
    ]
    text = rng.choice(shapes)
    language = "fr" if text.startswith("PV") else "es" if text.startswith("Atestado") else "xx"
    return language, rng.choice(["incident_ref", "incident_ref", "comment"]), text


def make_date(s: Split) -> Made:
    rng = s.rng
    y, m, d = s.event()
    shapes = [
        ("xx", f"{y}-{m:02d}-{d:02d}"),
        ("xx", f"{d:02d}/{m:02d}/{y}"),
        ("xx", f"{d:02d}.{m:02d}.{y}"),
        ("en", f"intercepted on {d} {month_name('en', m)} {y}"),
        ("en", f"arrived {month_name('en', m)} {d}, {y}"),
        ("fr", f"arrivé le {d} {month_name('fr', m)} {y}"),
        ("fr", f"date de l'interception : {d:02d}/{m:02d}/{y}"),
        ("es", f"detectado el {d}/{m}/{y}"),
        ("es", f"fecha de detección: {d:02d}/{m:02d}/{y}"),
        ("en", f"since {rng.randint(1985, 2015)}"),
    ]
    language, text = rng.choice(shapes)
    column = "detection_date" if language == "xx" else rng.choice(FREE_TEXT)
    return language, column, text


def make_period(s: Split) -> Made:
    rng = s.rng
    y = rng.randint(2016, 2025)
    language, text = rng.choice(
        [
            ("xx", f"{y}-Q{rng.randint(1, 4)}"),
            ("xx", f"{y}-S{rng.randint(1, 2)}"),
            ("xx", f"{y}-{rng.randint(1, 12):02d}"),
            ("xx", str(y)),
            ("en", period_label(s, "en")),
            ("fr", period_label(s, "fr")),
            ("es", period_label(s, "es")),
            ("es", f"primer semestre de {y}"),
            ("fr", f"second semestre {y}"),
        ]
    )
    return language, rng.choice(["period", "notes", "comment"]), text


def make_count(s: Split) -> Made:
    rng = s.rng
    n = rng.randint(0, 400)
    # a thousands separator as French and Spanish spreadsheets write it ("1 250") looks like a phone
    text = rng.choice([str(n), f"{n}.0", f"{n * 10 + 1000:,}".replace(",", " ")])
    return "xx", rng.choice(["value", "value", "migrants_total"]), text


# (column, value): code-list values, codes or labels, as they sit in coded columns
CODES: Pool[tuple[str, str]] = pool(
    [
        ("conveyance", "fishing_vessel"),
        ("conveyance", "truck_lorry"),
        ("payment_method", "hawala"),
        ("technology", "messaging_app;social_media"),
    ],
    [
        ("conveyance", "small_boat"),
        ("conveyance", "Camión"),
        ("conveyance", "patera"),
        ("conveyance", "bateau de pêche"),
        ("conveyance", "barco pesquero"),
        ("concealment", "vehicle_compartment"),
        ("concealment", "Hidden on board a vessel"),
        ("concealment", "double fond"),
        ("payment_method", "cash|bank_transfer"),
        ("payment_method", "mobile_money"),
        ("payment_method", "Western Union"),
        ("fee_basis", "per_person_full_journey"),
        ("payment_timing", "upfront"),
        ("payment_timing", "instalments"),
        ("role", "organiser"),
        ("role", "transporter_driver"),
        ("role", "boat_captain_crew"),
        ("role", "recruiter_intermediary"),
        ("role", "Transporter or driver"),
        ("role", "Boat captain or crew"),
        ("role", "Capitaine ou membre d'équipage"),
        ("role", "Transportista o conductor"),
        ("role", "Organizador o jefe"),
        ("role", "harbourer_accommodation"),
        ("role", "document_provider"),
        ("role", "money_handler"),
        ("role", "lookout_enforcer"),
        ("role", "corrupt_official"),
        ("role", "skipper"),
        ("role", "passeur guide"),
        ("role", "pollero"),
        ("document_type", "passport"),
        ("document_type", "id_card"),
        ("fraud_type", "forged_altered"),
        ("fraud_type", "impostor"),
        ("fraud_type", "fraudulently_obtained_genuine"),
        ("technology", "satellite_or_mobile_navigation"),
        ("technology", "Thuraya"),
        ("justice_stage", "prosecuted"),
        ("justice_stage", "convicted"),
        ("detection_stage", "at_sea"),
        ("detection_location", "between_bcp"),
        ("sex", "male"),
        ("sex", "female"),
        ("unaccompanied", "yes"),
        ("unaccompanied", "no"),
        ("citizenship", "unknown"),
        ("citizenship", "stateless"),
        ("citizenship", "XXA"),
        ("citizenship", "AFG"),
        ("citizenship", "Sri Lanka"),
        ("citizenship", "Viet Nam"),
        ("citizenship", "Myanmar"),
        ("citizenship", "Iran (Islamic Republic of)"),
    ],
)


def make_code(s: Split) -> Made:
    column, text = s.pick("code", CODES)
    return "xx", column, text


AGE_GROUPS = (
    "18-24",
    "25+",
    "<18",
    "0-17",
    "25-34",
    "35-44",
    "45-54",
    "55+",
    "60 y más",
    "moins de 18",
    "menos de 18",
    "18 et plus",
    "65 and over",
    "adult",
    "mineur",
    "menor",
    "unknown",
    "15-24",
    "under 18",
    "30-39",
    "40+",
    "adulto",
    "desconocido",
    "inconnu",
)


def make_age_group(s: Split) -> Made:
    return "xx", "age_group", s.rng.choice(AGE_GROUPS)


def make_money(language: str) -> Maker:
    return lambda s: fee(s, language)


def fee(s: Split, language: str) -> Made:
    text = money(s, language)
    suffix = {"en": " per person", "fr": " par personne", "es": " por persona"}[language]
    if s.rng.random() < 0.5:
        text += suffix
    return language, s.rng.choice(["comment", "fee_per_migrant", "narrative.text"]), text


def make_legal(s: Split) -> Made:
    return "xx", s.rng.choice(["comment", "narrative.text", "notes"]), s.pick("legal", LEGAL)


def make_number(s: Split) -> Made:
    """Digits that look like phones, IDs or dates of birth and are none of them."""
    rng = s.rng
    y = rng.randint(2016, 2024)
    shapes = [
        ("xx", f"{y - rng.randint(1, 6)}-{y}"),
        ("en", f"route {rng.randint(1, 3)}-{rng.randint(4, 6)}-{rng.randint(7, 9)}"),
        (
            "xx",
            f"GPS {rng.randint(5, 12)}°{rng.randint(10, 59)}'S "
            f"{rng.randint(105, 130)}°{rng.randint(10, 59):02d}'E",
        ),
        ("xx", f"{-rng.uniform(5, 12):.4f}, {rng.uniform(105, 130):.4f}"),
        (
            "en",
            f"flight {rng.choice(['GA', 'MH', 'TG', 'QZ', 'AK', 'UL'])} {rng.randint(100, 999)}",
        ),
        ("en", f"case {rng.randint(1, 20)} of {rng.randint(21, 60)}"),
        ("xx", f"IMO {rng.randint(9_000_000, 9_899_999)}"),
        (
            "xx",
            f"MMSI {rng.choice(['525', '533', '567', '574'])} {digits(rng, 3)} {digits(rng, 3)}",
        ),
        (
            "en",
            f"container {rng.choice(['MSKU', 'TGHU'])} {digits(rng, 6)} {rng.randint(0, 9)}",
        ),
        ("en", f"engine 2 x {rng.choice([15, 25, 40, 60, 85, 200])} HP"),
        ("en", f"VHF channel {rng.choice([16, 70, 72])} at {time_of_day(s)}"),
        ("xx", f"GT {rng.randint(5, 90)}"),
        ("es", f"km {rng.randint(10, 900)} de la N-{rng.choice([340, 332, 'IV', 'II'])}"),
        ("en", f"hull length {rng.randint(8, 30)}.{rng.randint(0, 9)} m"),
        ("en", f"{rng.randint(2, 40)} male, {rng.randint(0, 20)} female"),
        ("es", f"{rng.randint(2, 40)} hombres / {rng.randint(0, 20)} mujeres"),
        ("en", f"+{rng.randint(2, 40)} % on {y - 1}"),
        ("xx", f"{rng.randint(100, 400)} / {rng.randint(401, 900)}"),
        ("en", f"{rng.randint(2, 9)} satellite phones seized"),
        ("fr", f"{rng.randint(2, 9)} téléphones saisis"),
        ("en", f"bus line {rng.randint(10, 99)}"),
        ("xx", f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} IDR"),
        ("en", f"{y} vs {y - 1}: {rng.randint(10, 99)} / {rng.randint(10, 99)}"),
        ("fr", f"vol AF {rng.randint(100, 999)} du {rng.randint(1, 28)}/{rng.randint(1, 12)}"),
    ]
    language, text = rng.choice(shapes)
    return language, rng.choice(["comment", "comment", "narrative.text", "remarks"]), text


def make_vessel(s: Split) -> Made:
    rng = s.rng
    language, vessel = s.pick("vessel", VESSELS)
    detail = rng.choice(
        [
            f"{rng.randint(20, 200)} on board",
            "no flag",
            "unregistered",
            "seized",
            "sunk",
            "towed to port",
            "destroyed at sea",
        ]
    )
    return language, rng.choice(("conveyance", "comment", "remarks")), f"{vessel} ({detail})"


def make_type(key: str, what: Pool[tuple[str, str]], columns: Sequence[str]) -> Maker:
    def make(s: Split) -> Made:
        language, text = s.pick(key, what)
        return language, s.rng.choice(columns), text

    return make


def make_street_place(s: Split) -> Made:
    language, text = s.pick("street_place", STREET_PLACES)
    return language, "detection_place", text


ORDINARY_MAKERS: dict[str, list[Maker]] = {
    "place": [simple("place", PLACES, "xx", PLACE_COLUMNS)],
    "port": [simple("port", PORTS, "xx", PLACE_COLUMNS)],
    "airport": [simple("airport", AIRPORTS, "xx", PLACE_COLUMNS)],
    "vessel": [make_type("vessel", VESSELS, ("conveyance", "comment", "remarks")), make_vessel],
    "vehicle": [make_type("vehicle", VEHICLES, ("conveyance", "concealment", "comment"))],
    "agency": [make_agency("en"), make_agency("en"), *map(make_agency, ("fr", "es", "xx"))],
    "route": [make_route],
    "comment": list(map(make_comment, ("en", "fr", "es", "en"))),
    "street": [make_street_place],
    "narrative": list(map(make_narrative, ("en", "fr", "es"))),
    "reference": [make_reference],
    "date": [make_date],
    "period": [make_period],
    "count": [make_count],
    "code": [make_code],
    "age_group": [make_age_group],
    "money": list(map(make_money, ("en", "fr", "es"))),
    "legal": [make_legal],
    "number": [make_number],
}
PERSONAL_MAKERS: dict[str, list[Maker]] = {
    "name_title": [make_title("en"), make_title("en"), make_title("fr"), make_title("es")],
    "name_context": [make_context("en"), make_context("fr"), make_context("es")],
    "name_bare": [
        make_bare_alone,
        make_bare_alone,
        make_bare_sentence("en"),
        make_bare_sentence("fr"),
        make_bare_sentence("es"),
    ],
    "id_number": list(map(make_id, ("xx", "en", "fr", "es", "xx", "en"))),
    "passport": list(map(make_passport, ("xx", "en", "fr", "es"))),
    "mrz": [make_mrz],
    "date_of_birth": [make_dob("en"), make_dob("fr"), make_dob("es")],
    "phone": list(map(make_phone, ("xx", "en", "fr", "es"))),
    "email": list(map(make_email, ("xx", "en", "fr", "es"))),
    "email_obfuscated": list(map(make_email_obfuscated, ("en", "fr", "es"))),
    "address": list(map(make_address, ("xx", "en", "fr", "es"))),
}


# ---------------------------------------------------------------------------------------------
# Pinned rows: the exact variants of issue 11 and the examples of the brief (dev file only).


def karimi_mrz() -> str:
    karimi = p("Ahmed", "Karimi")
    line1 = f"P<AFG{mrz_name(karimi, 39)}"
    number = "P01234567"
    dob, exp = "900505", "300101"
    line2 = f"{number}{mrz_check(number)}AFG{dob}{mrz_check(dob)}M{exp}{mrz_check(exp)}"
    line2 += "<" * 14 + mrz_check("<" * 14)
    return f"{line1}\n{line2}{mrz_check(line2[0:10] + line2[13:20] + line2[21:43])}"


PINNED_PERSONAL: list[tuple[str, str, str, str]] = [
    ("name_title", "en", "comment", "Dr. Ahmed Karimi"),
    ("name_title", "fr", "comment", "M. Dupont"),
    ("name_title", "en", "comment", "mr ahmed karimi"),
    ("name_title", "en", "notes", "MR. AHMED KARIMI"),
    ("name_title", "en", "comment", "Mr.Karimi"),
    ("name_title", "es", "comment", "Doña María Fernández"),
    ("name_title", "en", "conveyance", "Mr. Ahmed Karimi's boat"),
    ("name_bare", "xx", "comment", "Ahmed Karimi"),
    ("name_bare", "xx", "remarks", "Jean Dupont"),
    ("name_context", "en", "comment", "driver Ahmed Karimi"),
    ("name_context", "fr", "comment", "le passeur Jean Dupont"),
    ("passport", "xx", "incident_ref", "P01234567"),
    ("id_number", "xx", "comment", "5171044505900002"),
    ("id_number", "xx", "remarks", "900101-14-5678"),
    ("id_number", "xx", "comment", "35202-1234567-1"),
    ("id_number", "xx", "comment", "1234 5678 9012"),
    ("id_number", "es", "comment", "DNI 12345678Z"),
    ("mrz", "xx", "comment", karimi_mrz()),
    ("date_of_birth", "es", "comment", "nacido el 5 de mayo de 1990"),
    ("date_of_birth", "en", "comment", "DOB 1990"),
    ("date_of_birth", "en", "comment", "born 1987"),
    ("date_of_birth", "fr", "comment", "née le 3 mars 1992"),
    ("date_of_birth", "es", "comment", "fecha de nacimiento: 12/04/1985"),
    ("date_of_birth", "en", "comment", "aged 34, born in 1990"),
    ("phone", "xx", "comment", "+62 812 3456 7890"),
    ("phone", "xx", "comment", "0812-3456-7890"),
    ("phone", "xx", "comment", "00 33 6 12 34 56 78"),
    ("phone", "fr", "comment", "tel. 06 12 34 56 78"),
    ("email", "xx", "comment", "ahmed.karimi@gmail.com"),
    ("email_obfuscated", "en", "comment", "name [at] example [dot] com"),
    ("email_obfuscated", "en", "comment", "karimi at gmail dot com"),
    ("email_obfuscated", "en", "comment", "a.k [at] mail [dot] fr"),
    ("email_obfuscated", "en", "comment", "x(at)y(dot)com"),
    ("address", "xx", "comment", "12 Jalan Ampang, 50450 Kuala Lumpur"),
    ("address", "fr", "comment", "14 rue de la Paix 75002 Paris"),
    ("address", "es", "comment", "Calle Mayor 5, 28013 Madrid"),
]
PINNED_ORDINARY: list[tuple[str, str, str, str]] = [
    *[("place", "xx", "detection_place", x) for x in PLACES.pinned],
    *[("vessel", language, "conveyance", x) for language, x in VESSELS.pinned],
    *[("vehicle", language, "conveyance", x) for language, x in VEHICLES.pinned],
    *[("agency", "en", "reporting_agency", x) for x in AGENCIES_EN.pinned],
    *[("agency", "fr", "reporting_agency", x) for x in AGENCIES_FR.pinned],
    *[("agency", "es", "reporting_agency", x) for x in AGENCIES_ES.pinned],
    *[("agency", "xx", "reporting_agency", x) for x in AGENCIES_XX.pinned],
    *[("legal", "xx", "comment", x) for x in LEGAL.pinned],
    *[("code", "xx", column, x) for column, x in CODES.pinned],
    ("route", "xx", "route", "AFG > PAK > IRN > TUR"),
    ("route", "xx", "route", "Kupang → Ashmore"),
    ("date", "en", "comment", "intercepted on 12 March 2024"),
    ("date", "fr", "comment", "arrivé le 5 mai 2023"),
    ("date", "es", "comment", "detectado el 3/4/2024"),
    ("date", "xx", "detection_date", "2024-02-03"),
    ("money", "en", "comment", "USD 5,000 per person"),
    ("number", "xx", "comment", "at 03:40"),
    ("reference", "xx", "incident_ref", "IDN-2024-0001"),
    ("reference", "xx", "incident_ref", "AUS/AFP/2021/0042"),
    ("reference", "xx", "incident_ref", "2024-Q1-017"),
    ("reference", "xx", "incident_ref", "MYS-MMEA-23-118"),
    ("reference", "xx", "incident_ref", "REF 2023/456"),
    ("reference", "xx", "incident_ref", "CASE-000123"),
    ("count", "xx", "value", "40"),
    ("count", "xx", "value", "1.0"),
    ("age_group", "xx", "age_group", "18-24"),
    ("age_group", "xx", "age_group", "25+"),
    ("number", "xx", "comment", "2019-2024"),
    ("number", "en", "comment", "route 1-2-3"),
    ("number", "xx", "comment", "GPS 8°33'S 116°05'E"),
    ("number", "en", "comment", "flight GA 714"),
    ("number", "en", "comment", "case 12 of 40"),
]


# ---------------------------------------------------------------------------------------------
# Assembly


def generate(
    split: Split,
    label: str,
    makers: dict[str, list[Maker]],
    quota: dict[str, int],
    pinned: list[tuple[str, str, str, str]],
    seen: set[str],
) -> list[Row]:
    rows = [Row(label, *x) for x in pinned]
    seen.update(r.text.casefold() for r in rows)
    for kind, wanted in quota.items():
        have = sum(r.kind == kind for r in rows)
        target = wanted if split.name == "dev" else round(wanted * (1 - DEV_SHARE) / DEV_SHARE)
        for _ in range(target * 200):
            if have >= target:
                break
            # makers take turns, so the languages and shapes of a kind keep their proportions
            language, column, text = makers[kind][have % len(makers[kind])](split)
            if text.casefold() in seen:  # a case variant of a row already drawn adds nothing
                continue
            seen.add(text.casefold())
            rows.append(Row(label, kind, language, column, text))
            have += 1
        else:
            raise RuntimeError(f"{split.name}: only {have} distinct {label} {kind} rows")
    return rows


def build() -> dict[str, list[Row]]:
    seen: set[str] = set()
    files: dict[str, list[Row]] = {}
    for name in ("dev", "holdout"):
        rows: list[Row] = []
        for label, makers, quota, pinned in (
            ("personal", PERSONAL_MAKERS, PERSONAL_QUOTA, PINNED_PERSONAL),
            ("ordinary", ORDINARY_MAKERS, ORDINARY_QUOTA, PINNED_ORDINARY),
        ):
            split = Split(name, random.Random(f"{SEED}:{name}:{label}"))
            rows += generate(split, label, makers, quota, pinned if name == "dev" else [], seen)
        files[name] = rows
    return files


def check(rows: list[Row]) -> None:
    texts = Counter(r.text.casefold() for r in rows)
    assert all(n == 1 for n in texts.values()), "duplicate texts"
    for r in rows:
        assert r.label in LABELS and r.language in LANGUAGES, r
        assert (r.kind in PERSONAL_KINDS) == (r.label == "personal"), r
        assert r.text.strip(), r


def render(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    order = {label: i for i, label in enumerate(LABELS)}
    for r in sorted(rows, key=lambda r: (order[r.label], r.kind, r.language, r.column, r.text)):
        writer.writerow((r.label, r.kind, r.language, r.column, r.text))
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    stale = []
    for name, rows in build().items():
        check(rows)
        text = render(rows)
        path = FILES[name]
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"out of date: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
