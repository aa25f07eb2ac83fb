# ruff: noqa: E501
# (One corpus row per line reads and reviews best, whatever its length.)
"""Write holdout corpus C: the blind measurement of the personal-data screen.

Every row below was written by hand for this file, as officers of border police, coast guard
and prosecution services type into the cells of a report. Identity numbers and MRZ lines whose
format carries check digits are completed by the functions below (from digits chosen by hand),
so that they are valid ones; nothing is random.

    python tests/data/personal_data/holdout_c/make_corpus.py            # write corpus.csv
    python tests/data/personal_data/holdout_c/make_corpus.py --check    # exit 1 if corpus.csv is stale
    python tests/data/personal_data/holdout_c/make_corpus.py --stats    # counts per label, kind, language
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus.csv"
FIELDS = ("label", "kind", "language", "column", "text")
LABELS = ("personal", "ordinary")
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
LANGUAGES = ("en", "fr", "es", "xx")
TEMPLATE_COLUMNS = (
    "comment",
    "detection_place",
    "incident_ref",
    "conveyance",
    "reporting_agency",
    "notes",
    "narrative.text",
)
# A personal row counts as "embedded" (the personal part is a small piece of a longer note)
# from this many words on; --stats reports the split.
EMBEDDED_MIN_WORDS = 9


# ---------------------------------------------------------------------------------------------
# Check digits, so that generated identifiers are valid ones and not merely the right shape.
# ---------------------------------------------------------------------------------------------


def _mrz_check(field: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1; digits as such, A-Z as 10-35, the filler as 0."""
    total = 0
    for position, char in enumerate(field):
        if char.isdigit():
            value = int(char)
        elif char == "<":
            value = 0
        else:
            value = ord(char) - ord("A") + 10
        total += value * (7, 3, 1)[position % 3]
    return str(total % 10)


def _mrz_name(surname: str, given: str, width: int) -> str:
    name = surname.replace(" ", "<").replace("-", "<") + "<<" + given.replace(" ", "<")
    return name[:width].ljust(width, "<")


def td3(
    issuing: str,
    surname: str,
    given: str,
    number: str,
    nationality: str,
    birth: str,
    sex: str,
    expiry: str,
    personal: str = "",
) -> tuple[str, str]:
    """The two 44-character lines of a passport's machine-readable zone."""
    line1 = "P<" + issuing + _mrz_name(surname, given, 39)
    number = number.ljust(9, "<")
    personal = personal.ljust(14, "<")
    parts = (
        number + _mrz_check(number),
        birth + _mrz_check(birth),
        expiry + _mrz_check(expiry),
        personal + _mrz_check(personal),
    )
    line2 = parts[0] + nationality + parts[1] + sex + parts[2] + parts[3]
    line2 += _mrz_check("".join(parts))
    return line1, line2


def td1(
    code: str,
    issuing: str,
    surname: str,
    given: str,
    number: str,
    nationality: str,
    birth: str,
    sex: str,
    expiry: str,
    optional: str = "",
) -> tuple[str, str, str]:
    """The three 30-character lines of an identity card's or residence permit's MRZ."""
    number = number.ljust(9, "<")
    line1 = (code + issuing + number + _mrz_check(number) + optional).ljust(30, "<")
    line2 = birth + _mrz_check(birth) + sex + expiry + _mrz_check(expiry) + nationality
    line2 = line2.ljust(29, "<")
    line2 += _mrz_check(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return line1, line2, _mrz_name(surname, given, 30)


def spanish_dni(number: int) -> str:
    return f"{number:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]


def spanish_nie(prefix: str, number: int) -> str:
    return (
        f"{prefix}{number:07d}"
        + "TRWAGMYFPDXBNJZSQVHLCKE"[int(f"{'XYZ'.index(prefix)}{number:07d}") % 23]
    )


def french_nir(digits: str) -> str:
    """Social security number: 13 digits (spaces kept as written) and the key 97 - n mod 97."""
    key = 97 - int(digits.replace(" ", "")) % 97
    return f"{digits} {key:02d}"


def thai_id(digits: str) -> str:
    """13 digits, written 1-2345-67890-12-3; the last is a mod-11 check."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits))
    full = digits + str((11 - total % 11) % 10)
    return f"{full[0]}-{full[1:5]}-{full[5:10]}-{full[10:12]}-{full[12]}"


def prc_id(digits: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return (
        digits + "10X98765432"[sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11]
    )


_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def aadhaar(digits: str) -> str:
    """12 digits with the Verhoeff check digit last, written in groups of four."""
    check = 0
    for i, digit in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[(i + 1) % 8][int(digit)]]
    full = digits + str(_VERHOEFF_INV[check])
    return f"{full[0:4]} {full[4:8]} {full[8:12]}"


def iran_national_code(digits: str) -> str:
    remainder = sum(int(d) * (10 - i) for i, d in enumerate(digits)) % 11
    return digits + str(remainder if remainder < 2 else 11 - remainder)


def turkish_id(digits: str) -> str:
    d = [int(c) for c in digits]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return digits + str(tenth) + str((sum(d) + tenth) % 10)


def curp(first17: str) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
    total = sum(alphabet.index(c) * (18 - i) for i, c in enumerate(first17))
    return first17 + str((10 - total % 10) % 10)


def chile_rut(body: int) -> str:
    total, factor = 0, 2
    for digit in reversed(str(body)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    check = {11: "0", 10: "K"}.get(11 - total % 11, str(11 - total % 11))
    return f"{body:,}".replace(",", ".") + "-" + check


def ecuador_cedula(first9: str) -> str:
    total = 0
    for i, digit in enumerate(first9):
        product = int(digit) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return first9 + str((10 - total % 10) % 10)


# Identifiers and MRZ lines used in the rows, by the name the rows cite them with: ⟨name⟩.
_MRZ = {
    "afg_noori": td3("AFG", "NOORI", "MOHAMMAD ZAHIR", "P01734562", "AFG", "910314", "M", "290811"),
    "pak_butt": td3(
        "PAK", "BUTT", "TARIQ MEHMOOD", "BN4417203", "PAK", "780512", "M", "301104", "3520244719835"
    ),
    "lka_sivakumar": td3(
        "LKA", "SIVAKUMAR", "THARSHAN", "N7319025", "LKA", "940227", "M", "270619"
    ),
    "irn_farahani": td3("IRN", "FARAHANI", "BEHROUZ", "K47219853", "IRN", "850930", "M", "280115"),
    "vnm_tran": td3("VNM", "TRAN", "VAN HUNG", "C4812093", "VNM", "870612", "M", "310220"),
    "idn_kurniawan": td3("IDN", "KURNIAWAN", "DEDI", "C2210478", "IDN", "900105", "M", "290304"),
    "bgd_hossain": td3("BGD", "HOSSAIN", "JAHANGIR", "BX0417236", "BGD", "950720", "M", "290813"),
    "hti_dorvil": td3("HTI", "DORVIL", "JEAN ROBERT", "RD4190372", "HTI", "820418", "M", "280925"),
    "sen_diop": td3("SEN", "DIOP", "BABACAR", "A01938274", "SEN", "890101", "M", "270512"),
    "fra_carpentier": td3(
        "FRA", "CARPENTIER", "SANDRINE MARIE", "19AK52830", "FRA", "760823", "F", "290611"
    ),
    "col_rojas": td3("COL", "ROJAS", "BRAYAN STIVEN", "AV438291", "COL", "990314", "M", "321001"),
    "hnd_cruz": td3(
        "HND", "CRUZ MEJIA", "WILMER ALEXANDER", "F148392", "HND", "930807", "M", "290128"
    ),
    "ven_marcano": td3(
        "VEN", "MARCANO", "YORGELIS CAROLINA", "137402915", "VEN", "960111", "F", "300302"
    ),
    "mmr_aung": td3("MMR", "AUNG", "ZAW HTET", "MB418302", "MMR", "000915", "M", "280604"),
    "tha_saengthong": td3(
        "THA", "SAENGTHONG", "PORNTHIP", "AA7310452", "THA", "840302", "F", "290919"
    ),
    "chn_zhang": td3("CHN", "ZHANG", "JIANHUA", "EA3729105", "CHN", "791126", "M", "320305"),
    "mar_boukhari": td3("MAR", "BOUKHARI", "YASSIR", "SV4187230", "MAR", "970604", "M", "280217"),
    "esp_moreno": td1(
        "ID",
        "ESP",
        "MORENO RUIZ",
        "FRANCISCO JAVIER",
        "BAB417203",
        "ESP",
        "670209",
        "M",
        "310118",
        spanish_dni(31447982),
    ),
    "fra_lefebvre": td1(
        "ID", "FRA", "LEFEBVRE", "THIBAUT", "X4RTBPFW4", "FRA", "930521", "M", "330611"
    ),
    "fra_soilihi": td1("IR", "FRA", "SOILIHI", "ANLI", "ZR2417306", "COM", "880716", "M", "270930"),
}

GENERATED: dict[str, str] = {
    "dni_1": spanish_dni(47382915),
    "dni_2": spanish_dni(25190374),
    "dni_3": spanish_dni(78204163),
    "nie_1": spanish_nie("Y", 4729103),
    "nie_2": spanish_nie("X", 2318845),
    "nir_1": french_nir("1 85 07 75 115 123"),
    "nir_2": french_nir("1 94 11 976 11 017"),
    "nir_3": french_nir("2 91 03 976 01 042"),
    "thai_1": thai_id("110370048291"),
    "thai_2": thai_id("385010014721"),
    "prc_1": prc_id("35020319880514203"),
    "prc_2": prc_id("45030219930817162"),
    "aadhaar_1": aadhaar("48291736552"),
    "iran_1": iran_national_code("007284591"),
    "tc_1": turkish_id("381047295"),
    "curp_1": curp("GOLR920315MCSMPC0"),
    "rut_1": chile_rut(16842593),
    "ec_1": ecuador_cedula("171938472"),
    "nir_4": french_nir("1 79 08 62 193 047"),
    "nie_3": spanish_nie("Z", 1184706),
    "curp_2": curp("HEMA870921HCSRRN0"),
}
for _key, _lines in _MRZ.items():
    GENERATED[f"mrz_{_key}"] = "\n".join(_lines)
    GENERATED[f"mrz_{_key}_sp"] = " ".join(_lines)
    GENERATED[f"mrz_{_key}_1"] = _lines[0]
    GENERATED[f"mrz_{_key}_2"] = _lines[1]


# ---------------------------------------------------------------------------------------------
# The rows: kind | language | column | text. "\n" in a text is a line break typed in the cell;
# ⟨name⟩ is an identifier from GENERATED. Language is that of the words around the data; a cell
# that is only a name takes the language of its naming tradition, xx when not EN/FR/ES; xx also
# for Bahasa, Tagalog, Thai, Vietnamese text and for bare numbers and codes.
# ---------------------------------------------------------------------------------------------

PERSONAL = r"""
# --- a name after an honorific, title or rank
name_title | en | comment | Mr Hamidullah Safi
name_title | en | comment | MR. GHULAM SAKHI JAFARI
name_title | en | extra:remarks | mrs rukhsana bibi
name_title | en | comment | Dr.Behrouz Farahani
name_title | en | conveyance | capt. tran van hung's longtail
name_title | en | comment | Ms  Nirosha Jeyaraj
name_title | en | notes | Sgt Craig Whitfield (ABF) compiled this return from the MBC daily sitreps, Q2 figures final
name_title | en | comment | MISS CHEA SREYMOM
name_title | en | comment | Vessel departed Pelabuhan Ratu approx 0200hrs, per crew the trip was arranged through Mr. Zabihullah Stanikzai in Cisarua, fee paid cash USD 4000 pp
name_title | en | narrative.text | Interviewed at NWP IDC 14/03 w/ Dari interp; pax state they were met at CGK arrivals by a Mrs Shafiqa Rezaei who kept their passports until the boat left Sukabumi.
name_title | en | comment | LO Tenau reports owner (Capt Yohanes Nggebu) not onboard at interception, KM chartered 2 wks prior for "fishing"
name_title | en | comment | Referred to CDPP; defence counsel Dr Mahsa Tavakoli, matter listed for mention in Aug
name_title | en | extra:officer_remarks | Statement taken by Insp. Bronwyn McAllister, QPS Cairns, with Tamil interpreter on the phone
name_title | fr | comment | M. Anli Soilihi
name_title | fr | comment | Mme Faouzia Madi
name_title | fr | extra:remarques | mlle guerline pierre-louis
name_title | fr | comment | M.DELATTRE Kévin
name_title | fr | comment | MONSIEUR SAID AHAMADA
name_title | fr | notes | Me Sandrine Carpentier, avocate au barreau de Boulogne, a assisté le pilote pendant sa garde à vue
name_title | fr | comment | Dr Nabil Bouzid
name_title | fr | comment | Kwassa intercepté à 2 milles de la pointe Saziley avec 27 personnes à bord ; le pilote dit travailler pour M. Mahamoudou Abdou, commerçant à Domoni (Anjouan)
name_title | fr | narrative.text | Auditions au CRA de Pamandzi : plusieurs passagers désignent Mme Zaharia Ousseni comme organisatrice des traversées depuis Mutsamudu, paiement à l'arrivée.
name_title | fr | comment | transmis au parquet de Boulogne, avocat commis d'office Me Thibault Vasseur, GAV levée à 18h
name_title | fr | comment | selon le chef de bord le bateau appartiendrait à monsieur cheikh tidiane ndiaye, armateur a Nouadhibou
name_title | fr | extra:obs | Mr Jean-Robert Dorvil ?? a vérifier
name_title | fr | comment | madame Awa Konaté épouse Diarra
name_title | es | comment | Sr. Wilmer Cruz Mejía
name_title | es | comment | Doña Rocío Palomares
name_title | es | extra:observaciones | sra. yessenia lópez
name_title | es | comment | D. Francisco Javier Moreno Ruiz
name_title | es | comment | DON IVAN CORTES
name_title | es | comment | Srta. Yorgelis Marcano
name_title | es | notes | Dra. Pilar Echeverría (médico forense) reconoce a los 14 ocupantes en el muelle, sin lesiones de interés
name_title | es | comment | sr.quispe mamani
name_title | es | comment | Patera interceptada a 3 millas de Cabo de Gata con 14 ocupantes, que señalan al Sr. Yassir Boukhari como organizador de la salida desde Tipaza
name_title | es | comment | Diligencias remitidas al Juzgado de Guardia de Arrecife; asiste como letrado D. Alberto Quintana Déniz, se solicita prisión provisional
name_title | es | narrative.text | En el registro del camión en La Jonquera aparecen recibos de transferencias a nombre de la Sra. Brenda Nayeli Gutiérrez, con envíos a Chiquimula.
name_title | es | comment | segun el conductor el viaje lo coordino doña Marisol Villeda desde San Pedro Sula por whatsapp
name_title | es | comment | Lic. Óscar Rendón Palacios (abogado defensor)
name_title | xx | comment | Pak Asep Suryana
name_title | xx | extra:keterangan | Bu Siti Aminah
name_title | xx | comment | Encik Mohd Faizal bin Ismail
name_title | xx | comment | U Kyaw Min Thein
name_title | xx | comment | Daw Khin Mar Lwin
name_title | xx | comment | Khun Pornthip Saengthong
name_title | xx | comment | kapal milik H. La Ode Hamid dari Wakatobi, berangkat dari Tenau jam 02.00 WITA dengan 17 penumpang
name_title | xx | extra:remarks | Janab Tariq Mehmood Butt sahib
# --- a name next to a role word
name_context | en | comment | driver Sok Phearun
name_context | en | comment | skipper: Abdul Wali Sultani
name_context | en | comment | facilitator Imran Akhtar Chaudhry (at large)
name_context | en | extra:remarks | tekong Dedi Kurniawan
name_context | en | comment | susp. organiser = Tharshan Sivakumar
name_context | en | comment | broker Shahzad Iqbal Gondal
name_context | en | comment | Hevar Mustafa (driver)
name_context | en | notes | interpreter Ali Reza Mohammadi (Dari/Farsi) attended all 12 entry interviews by phone
name_context | en | comment | Nattapong Srisawat - boat owner
name_context | en | comment | Truck stopped at Sadao checkpoint 0340, 31 MMR nationals in concealed compartment behind durian crates, driver Somsak Wongsuwan arrested, 2nd vehicle escaped toward Hat Yai
name_context | en | narrative.text | The journey was organised out of Quetta; the agent known to the group as Karwan Aziz Rasul collected USD 6,000 each before the move to Chabahar.
name_context | en | comment | Crew (3 IDN) charged s233C; skipper Fransiskus Leki states tekong ashore paid him IDR 25 juta
name_context | en | comment | AFP LO advises Malaysian coordinator Tan Boon Kiat arranged KUL transit for all 12 pax
name_context | en | comment | Mohammad Nabi s/o Gul Nabi, the driver, held no licence; vehicle impounded at Chaman
name_context | en | comment | the smuggler Le Quoc Bao collected the group in Hai Phong and drove them to Mong Cai
name_context | fr | comment | passeur : Mamadou Lamine Ba
name_context | fr | comment | le pilote Said Bacar Attoumane
name_context | fr | comment | chauffeur Ludovic Ramaekers
name_context | fr | extra:remarques | conducteur du kwassa Anrafa Madi
name_context | fr | comment | la passeuse Khadija Benjelloun
name_context | fr | comment | organisateur présumé : Nabil Haddouche
name_context | fr | comment | Ousmane Sy, passeur
name_context | fr | notes | interprète Karim Aït Ouali
name_context | fr | comment | capitaine du cayuco Moussa Camara, débarqué à Arguineguín puis remis à la Guardia Civil
name_context | fr | comment | Camion frigorifique contrôlé sur l'aire de Saint-Omer, 9 ressortissants érythréens dissimulés derrière les palettes, le chauffeur Dariusz Nowak (polonais) placé en GAV
name_context | fr | narrative.text | D'après les migrants, le passeur Rezgar Hama Amin les attendait sur la plage de Gravelines avec les gilets et le moteur.
name_context | fr | comment | Réseau démantelé à Cayenne : le logeur Josimar da Silva Costa hébergeait les migrants avant la traversée de l'Oyapock
name_context | fr | comment | le rabatteur Yassine El Amrani recrutait à la gare de Lille-Flandres, 3 interpellations
name_context | fr | comment | Pilote du kwassa : Abdallah Soilihi Mroudjae, mineur selon ses dires
name_context | es | comment | patrón: Ibrahima Sow
name_context | es | comment | conductor Brayan Stiven Rojas
name_context | es | extra:observaciones | coyote Wilmer Alvarado
name_context | es | comment | pollero Héctor Zamudio
name_context | es | comment | lanchero Darwin Chicaiza
name_context | es | comment | Yoandri Pérez Vázquez, el patrón, reconoce haber cobrado 500 dólares por cada pasajero
name_context | es | comment | captador Jhonny Quispe
name_context | es | notes | intérprete de wolof Babacar Diop presente en todas las declaraciones de los ocupantes
name_context | es | comment | la organizadora Luz Marina Arboleda
name_context | es | comment | Neumática interceptada al sur de Motril con 46 personas; identificado como patrón Abdelkarim Ziani, que estaba al timón a la llegada de la Salvamar
name_context | es | comment | Camión detenido en el puente Rodolfo Robles con 23 centroamericanos en la caja; el conductor Mario Alberto Tzoc fue puesto a disposición del MP
name_context | es | narrative.text | Según testigos, el coyote Edgar Iván Sandoval cobraba 8.000 USD por persona desde Tegucigalpa hasta Piedras Negras.
name_context | es | comment | detenido en Necoclí el lanchero Luis Fernando Mosquera, que trasladaba migrantes a Capurganá sin chalecos
name_context | es | comment | alias "El Flaco", Juan Carlos Mejía, guía en la trocha
name_context | xx | comment | calo bernama Iwan Setiawan
name_context | xx | comment | sopir truk Marthen Lobo
name_context | xx | comment | bangkero si Rodel Macaraeg
name_context | xx | comment | nakhoda KM bernama Yohanis Ndun, ABK 2 orang
# --- a bare name, no title and no role word next to it
name_bare | xx | comment | Rohullah Amiri
name_bare | xx | comment | Chaminda Wickramasinghe
name_bare | xx | comment | nguyen thi mai anh
name_bare | xx | extra:remarks | PHAM MINH TUAN
name_bare | xx | comment | Zhang Jianhua
name_bare | xx | comment | Sok Chanthou
name_bare | xx | comment | Ni Ketut Ayu Lestari
name_bare | xx | comment | Muhammad Rizwan Anjum
name_bare | xx | comment | Sayed Jawad Hosseini
name_bare | xx | comment | dijemput di terminal Kampung Rambutan oleh Rudi Hartawan lalu dibawa ke Pelabuhan Ratu
name_bare | en | comment | Brendan O'Halloran
name_bare | en | comment | Tama Ngata
name_bare | en | extra:remarks | kylie ferguson
name_bare | en | comment | Intercepted 23nm SW of Ashmore Reef, vessel towed to Darwin; Lasantha Perera and Dilani Fernando held separately pending interview
name_bare | en | comment | FIA Quetta shared that Mian Nadeem Arshad travelled with the group as far as Taftan
name_bare | en | comment | receipts found in the cabin list Bounmy Phommachanh as payer of the 3rd instalment
name_bare | en | narrative.text | Of the 14 LKA pax, Kajan Ponnuthurai had already been returned once in 2013 and says he tried again because of debts.
name_bare | fr | comment | Laurent Vasseur
name_bare | fr | comment | DUBOIS Mathilde
name_bare | fr | extra:remarques | anne-laure cazenave
name_bare | fr | comment | Les deux mineurs ont été confiés à l'ASE, Moussa Traoré et Awa Koné demandent à joindre leur oncle à Nouadhibou
name_bare | fr | comment | Contrôle à la barrière de péage de Setques : Thibaut Lefebvre au volant, 6 personnes dans la remorque
name_bare | fr | comment | embarcation partie de Mutsamudu vers 22h, Fatima Bacar Ali aurait payé 1 500 € pour la place
name_bare | fr | narrative.text | Transfert vers le CRA de Coquelles effectué à 16h ; Sébastien Marchal a signé le PV de remise des effets.
name_bare | es | comment | Jesús Manuel Ortega Ruiz
name_bare | es | comment | GARCIA LOPEZ, Ana Isabel
name_bare | es | extra:observaciones | yuliana andrea giraldo
name_bare | es | comment | Llegada a La Restinga de un cayuco con 132 personas; Mamadou Saliou Diallo y Aissatou Bah trasladados al hospital por hipotermia
name_bare | es | comment | Comprobado que Erika Johana Valencia compró los pasajes de todo el grupo en una agencia de Cali
name_bare | es | comment | seguimiento de pagos hawala: Kamal Uddin Bhuiyan figura como receptor en Madrid
name_bare | es | narrative.text | Los entrevistados declaran que Nelson Ariel Portillo los recogió en la terminal de autobuses de Tapachula y los alojó tres noches.
# --- national identity numbers
id_number | en | comment | NIK 5171046807890003
id_number | en | comment | MyKad 890314-10-5527
id_number | en | extra:remarks | CNIC 42101-6734219-3
id_number | en | comment | Aadhaar ⟨aadhaar_1⟩
id_number | en | comment | Sri Lanka NIC 199234501872
id_number | en | comment | old NIC 853461207V
id_number | en | comment | e-tazkira 1401-0100-48213
id_number | en | comment | PhilSys PCN 4827-0193-6652-1048
id_number | en | comment | Thai ID ⟨thai_1⟩
id_number | en | comment | NRC 12/OuKaMa(N)084312
id_number | en | comment | CCCD no. 079094012734
id_number | en | comment | PRC resident ID ⟨prc_1⟩
id_number | en | comment | Iranian national code ⟨iran_1⟩
id_number | en | comment | BD NID 4617228905
id_number | en | comment | TC kimlik no ⟨tc_1⟩
id_number | en | comment | Detainee produced CNIC 35202-4471983-5 but the photo did not match, referred to NADRA for verification
id_number | en | comment | All 6 pax hold genuine NIKs (e.g. 3204115012920007) issued in Kab. Bandung, no passports
id_number | en | narrative.text | The man found in the wheelhouse carried a MyKad 920817-12-6731 (Sabah-born) and claims he was only a passenger.
id_number | en | comment | Tazkira no. 1399-0402-17568 recovered from engine room in a plastic bag, handed to AFP forensics
id_number | en | comment | Chinese ID card ⟨prc_2⟩ found with the group leader, copy sent to the MPS liaison
id_number | fr | comment | CNI n° 140962103457
id_number | fr | comment | NIR ⟨nir_1⟩
id_number | fr | extra:remarques | n° sécu ⟨nir_3⟩
id_number | fr | comment | CIN marocaine BK732145
id_number | fr | comment | n° étranger 9740123456
id_number | fr | comment | CNI sénégalaise 1 751 1990 01234
id_number | fr | comment | Le conducteur présente une CNI française n° 180375012983 et déclare ignorer la présence des personnes dans la remorque
id_number | fr | comment | Sur le téléphone saisi, photo d'un titre de séjour n° 9720345118 appartenant à un tiers, transmise à l'OLTIM
id_number | fr | narrative.text | Pour sa prise en charge à l'hôpital de Mamoudzou, le pilote a donné son numéro de sécurité sociale, ⟨nir_2⟩, relevé sur la fiche d'admission.
id_number | fr | comment | PPF Saint-Georges : carte d'identité brésilienne RG 42.318.905-7 du convoyeur, copie jointe
id_number | fr | comment | CIN algérienne n° 109870451002370009
id_number | es | comment | DNI ⟨dni_1⟩
id_number | es | comment | NIE ⟨nie_1⟩
id_number | es | comment | cédula 1.020.447.389
id_number | es | comment | DPI 2648 35921 0101
id_number | es | extra:observaciones | DNI hondureño 0801-1991-04217
id_number | es | comment | CURP ⟨curp_1⟩
id_number | es | comment | RUT ⟨rut_1⟩
id_number | es | comment | cédula ecuatoriana ⟨ec_1⟩
id_number | es | comment | C.I. venezolana V-24.817.365
id_number | es | comment | El conductor se identifica con DNI ⟨dni_2⟩ y manifiesta desconocer que en el doble fondo viajaban 11 personas
id_number | es | comment | Documentación intervenida en el registro: NIE ⟨nie_2⟩ a nombre de un tercero y 3 tarjetas SIM
id_number | es | narrative.text | Se verifica con el RENAP el DPI 3017 48215 1801 del guía, que resulta auténtico; el resto del grupo no portaba documentos.
id_number | es | comment | aportó cédula colombiana 1.128.405.733 expedida en Turbo
id_number | xx | incident_ref | ⟨thai_2⟩
id_number | xx | incident_ref | 7371134405880002
id_number | xx | extra:no_dok | 35202-1188475-7
id_number | xx | incident_ref | ⟨dni_3⟩
# --- passport numbers: with the word, or bare as an incident_ref
passport | en | comment | PP no. BN4417203 (PAK)
passport | en | comment | pspt P01734562 AFG
passport | en | comment | Passport number: N8827361
passport | en | comment | IDN passport C 2210478
passport | en | extra:remarks | ppt# EA3729105
passport | en | comment | PHL passport P4729183B
passport | en | comment | passport A52910384 (MYS)
passport | en | comment | Thai pp AA7310452
passport | en | comment | 2 pax presented genuine AFG passports (P01827364, P01827365) with counterfeit IDN visas, detected at primary line DPS
passport | en | comment | Skipper's Sri Lankan passport N7319025 found in a sealed bag under the wheelhouse, expiry 2027
passport | en | narrative.text | Impostor case: the holder used his brother's Bangladeshi passport BX0417236, was refused entry and returned on the next EK flight.
passport | en | comment | passport K47219853 (IRN) seized at KUL T1 gate C, holder claimed asylum airside
passport | fr | comment | passeport n° 19AK52830
passport | fr | comment | passeport comorien n° C0347129
passport | fr | comment | PSP haïtien RD4190372
passport | fr | extra:remarques | n° de passeport : 21FD03718
passport | fr | comment | passeport sénégalais A01938274
passport | fr | comment | pass. marocain SV4187230
passport | fr | comment | Le convoyeur présentait un passeport français 17CK40913 authentique, les 4 passagers des passeports britanniques contrefaits
passport | fr | comment | Passeport afghan P02918374 retrouvé dans la cabine du camion, son titulaire reste introuvable
passport | fr | narrative.text | À l'embarquement pour Moroni, détection d'un passeport malgache 09AB17283 présenté par une autre personne que son titulaire (imposteur).
passport | fr | comment | numéro de passeport relevé sur la liste des passagers : 22HE51029, à transmettre à l'officier de liaison
passport | es | comment | pasaporte n.º PAK728391
passport | es | comment | Pasaporte venezolano 137402915
passport | es | comment | pas. hondureño F148392
passport | es | extra:observaciones | nº pasaporte AAE031847
passport | es | comment | pasaporte colombiano AV438291
passport | es | comment | pasaporte cubano K827391
passport | es | comment | pasap. ecuatoriano A4417803
passport | es | comment | Se intercepta en Barajas a un ciudadano con pasaporte guatemalteco 228174930 auténtico pero con sello de entrada falso
passport | es | comment | El patrón llevaba encima su pasaporte senegalés A02817364 y un teléfono satelital
passport | es | narrative.text | Pasaporte nicaragüense C01847239 retenido por el INM en la estación migratoria; su titular solicitó refugio.
passport | es | comment | consta en el atestado el número de pasaporte PAB410283 del conductor, expedido en Algeciras
passport | xx | incident_ref | P01734829
passport | xx | incident_ref | BN7720418
passport | xx | incident_ref | 18HD42713
passport | xx | incident_ref | EA4710329
passport | xx | incident_ref | A41093882
passport | xx | comment | paspor no. B 7736120 milik nakhoda disita
# --- machine-readable zones
mrz | xx | comment | ⟨mrz_afg_noori⟩
mrz | xx | comment | ⟨mrz_pak_butt⟩
mrz | xx | extra:remarks | ⟨mrz_vnm_tran⟩
mrz | xx | comment | ⟨mrz_hti_dorvil⟩
mrz | xx | comment | ⟨mrz_esp_moreno⟩
mrz | xx | comment | ⟨mrz_fra_soilihi⟩
mrz | xx | comment | ⟨mrz_mmr_aung_sp⟩
mrz | xx | comment | ⟨mrz_chn_zhang_sp⟩
mrz | xx | comment | ⟨mrz_lka_sivakumar_2⟩
mrz | xx | incident_ref | ⟨mrz_idn_kurniawan_2⟩
mrz | xx | comment | ⟨mrz_tha_saengthong_2⟩
mrz | xx | extra:mrz | ⟨mrz_bgd_hossain_2⟩
mrz | xx | comment | ⟨mrz_irn_farahani_1⟩
mrz | xx | comment | ⟨mrz_ven_marcano_1⟩
mrz | xx | comment | p<lka sivakumar<<tharshan
mrz | en | comment | MRZ read at e-gate: ⟨mrz_col_rojas_sp⟩
mrz | en | comment | MRZ line 2 (copied from the bio page, 1st line torn): ⟨mrz_sen_diop_2⟩
mrz | en | narrative.text | Document examiner notes the MRZ below does not match the visual zone:\n⟨mrz_mar_boukhari⟩\nphoto substitution suspected.
mrz | en | comment | Scanned at DPS primary, doc flagged as lost/stolen in SLTD, MRZ ⟨mrz_afg_noori_2⟩, holder handed to Imigrasi
mrz | fr | comment | ZLM relevée : ⟨mrz_fra_carpentier_sp⟩
mrz | fr | comment | bande MRZ de la carte : ⟨mrz_fra_lefebvre⟩
mrz | fr | narrative.text | Le lecteur de documents du PPF n'a lu que la deuxième ligne de la bande MRZ, ⟨mrz_hti_dorvil_2⟩, la première étant abîmée ; contrôle manuel effectué.
mrz | fr | comment | titre de séjour présenté, MRZ 2e ligne ⟨mrz_fra_soilihi_2⟩ – à vérifier auprès de la préfecture
mrz | es | comment | ZLM del pasaporte: ⟨mrz_hnd_cruz_sp⟩
mrz | es | comment | Línea de lectura mecánica: ⟨mrz_ven_marcano_2⟩
mrz | es | narrative.text | Copia de la zona de lectura mecánica del DNI intervenido al conductor, que se adjunta al atestado: ⟨mrz_esp_moreno_sp⟩
mrz | es | comment | MRZ (2ª línea) ⟨mrz_col_rojas_2⟩ no coincide con la página de datos, posible manipulación
# --- dates of birth, in numbers and in words
date_of_birth | en | comment | DOB 1987
date_of_birth | en | comment | d.o.b 14/02/1997
date_of_birth | en | comment | DoB: 03-JAN-1991
date_of_birth | en | extra:remarks | born 12 July 1988
date_of_birth | en | comment | b. 1979 (Herat)
date_of_birth | en | comment | YOB 1984
date_of_birth | en | comment | date of birth 1993-04-17
date_of_birth | en | comment | born on the fourth of July 1989
date_of_birth | en | comment | Youngest pax claims to be 16 but a school card in his bag shows DOB 09/12/2005, age assessment requested
date_of_birth | en | comment | Skipper, born 30 March 1978 in Rote Ndao, has a prior conviction (2014) for the same offence
date_of_birth | en | narrative.text | The UAM states DOB 14 Hamal 1383 (solar hijri), i.e. early April 2004; age is disputed and a Merton-compliant assessment is pending.
date_of_birth | en | comment | female pax (b. 17/06/1995) transferred to Royal Darwin Hospital with dehydration
date_of_birth | fr | comment | né le 7 avril 1993
date_of_birth | fr | comment | née le premier janvier 2001
date_of_birth | fr | comment | DDN : 05.11.1979
date_of_birth | fr | extra:remarques | date de naissance 12/06/1985
date_of_birth | fr | comment | né en 1987 à Moroni
date_of_birth | fr | comment | née le 14-08-96
date_of_birth | fr | comment | né(e) le 23/02/1990
date_of_birth | fr | comment | date de naissance déclarée lors de l'audition : 1er mai 1999, aucun document à l'appui
date_of_birth | fr | comment | Le mineur déclaré, né le 2 février 2008 selon ses dires, est confié à l'ASE de Mayotte
date_of_birth | fr | comment | Le pilote, né le 11 novembre 1994 à Ouani, reconnaît avoir effectué trois traversées
date_of_birth | fr | narrative.text | Contrôle documentaire : l'acte de naissance produit, qui fixe la naissance au 30/09/2006, est jugé non probant par le service.
date_of_birth | fr | comment | selon le registre de Moroni l'intéressé serait né le vingt-cinq décembre deux mille trois
date_of_birth | es | comment | nacida el doce de octubre de mil novecientos noventa y dos
date_of_birth | es | comment | F. nac. 23/09/1986
date_of_birth | es | comment | fecha de nacimiento: 1993-02-28
date_of_birth | es | extra:observaciones | FN 14.03.1975
date_of_birth | es | comment | nac. 1979
date_of_birth | es | comment | el conductor detenido, nacido en 1998 en Tegucigalpa, carece de permiso de residencia
date_of_birth | es | comment | f/nac 07-05-01
date_of_birth | es | comment | fecha nac. 3 de enero de 1990 según la ficha de reseña, pendiente de confirmar con el consulado
date_of_birth | es | comment | El menor, nacido el 19 de agosto de 2007 según su partida, queda a cargo de la Dirección General de Protección del Menor
date_of_birth | es | comment | El patrón, de nacionalidad senegalesa y nacido el 02/10/1983, ya constaba en un atestado de 2019
date_of_birth | es | narrative.text | Según el INM la mujer nació el 28 de febrero de 1996 en Camagüey y viajaba con sus dos hijos menores.
date_of_birth | es | comment | en la entrevista declara fecha de nacimiento 1/1/2000, fecha habitual en documentos afganos
date_of_birth | xx | comment | tgl lahir 03/11/1989
date_of_birth | xx | comment | lahir 12-08-1995 di Kupang
date_of_birth | xx | comment | ipinanganak noong Marso 3, 1994
date_of_birth | xx | extra:keterangan | TTL: Kupang, 17-05-1991
date_of_birth | xx | comment | ngày sinh 15/06/1992
date_of_birth | xx | comment | tarikh lahir 5 Mei 1987
# --- phone numbers
phone | en | comment | +62 813 3972 0418
phone | en | comment | mob 0412 583 217
phone | en | comment | WA +92 300 441 7218
phone | en | extra:remarks | ph 0917 823 4410
phone | en | comment | +66 81 442 7391
phone | en | comment | tel: +60 12-718 4402
phone | en | comment | +98 912 407 3318
phone | en | comment | +880 1711-482390
phone | en | comment | whatsapp 0813-9876-5432
phone | en | comment | +61 (0)421 390 557
phone | en | comment | Handset seized from skipper; last calls to +62 857 3921 0447 (Cisarua) and a Malaysian number 011-2738 4419, handed to CIU
phone | en | comment | Family in Negombo contacted the boat via sat phone +8816 2144 7390, call log extracted
phone | en | narrative.text | The pax had paid after a call to the agent on +93 70 612 4481 made from the guesthouse in Quetta.
phone | en | comment | crew were told to ring 0821 4417 2290 once past the Rote light
phone | fr | comment | tél. 06 12 48 73 90
phone | fr | comment | +33 6 71 20 48 15
phone | fr | comment | portable : 06.42.18.77.03
phone | fr | extra:remarques | +262 639 41 27 88
phone | fr | comment | +269 332 47 15
phone | fr | comment | +594 694 27 13 08
phone | fr | comment | +509 3712 4480
phone | fr | comment | +221 77 642 19 03
phone | fr | comment | le logeur reste joignable au 07 68 22 91 40 selon les voisins interrogés
phone | fr | comment | Le téléphone du pilote contenait un seul contact, enregistré « boss », au +269 346 21 08, transmis à la BMR
phone | fr | comment | les migrants devaient appeler le 07.53.18.44.62 une fois arrivés sur la plage de Wimereux
phone | fr | narrative.text | Réquisition à l'opérateur pour la ligne 06 98 04 17 35, utilisée par le réseau entre Calais et Bruxelles pendant tout le trimestre.
phone | es | comment | +34 612 48 39 07
phone | es | comment | tlf 622 918 447
phone | es | comment | móvil +52 962 118 4027 del coyote, proporcionado por los migrantes entrevistados en la estación
phone | es | extra:observaciones | +57 300 472 8816
phone | es | comment | +593 99 417 2283
phone | es | comment | +504 9817-3340
phone | es | comment | +502 5523 8841
phone | es | comment | teléfono 928 41 27 66 anotado en la libreta del patrón junto a varias cantidades
phone | es | comment | cel 310 552 7719
phone | es | comment | Los ocupantes recibieron instrucciones por WhatsApp desde el +212 661 48 27 93 para encender la luz al avistar Lanzarote
phone | es | comment | se solicita al juzgado la intervención de la línea 674 20 91 38 usada por el organizador
phone | es | narrative.text | El guía pedía que las familias depositaran al número +1 (809) 447 2818 antes de cruzar el río.
phone | xx | comment | 0857 4491 2204
phone | xx | comment | +63 917 552 0184
phone | xx | extra:no_hp | (+60) 19 338 4721
phone | xx | comment | hubungi 0811 3829 4475 kalau sudah sampai Rote
# --- e-mail addresses
email | en | comment | ahmad.noori88@gmail.com
email | en | comment | contact: tharshan.s@yahoo.com
email | en | extra:remarks | hamid_safi1990@hotmail.com
email | en | comment | zabi.travels.kbl@gmail.com
email | en | comment | email kiat.tanboon@gmail.com
email | en | comment | Facilitator advertised on a FB group; enquiries went to travelhelp.kabul@yahoo.com, screenshots attached to brief
email | en | comment | bank transfer receipts were emailed from rezaei.shafiqa@outlook.com to all pax the night before departure
email | en | narrative.text | The skipper's phone had a mail account logged in (leki.frans77@gmail.com), preserved under warrant for the prosecution.
email | fr | comment | k.delattre62@orange.fr
email | fr | comment | mail : soilihi.anli@laposte.net
email | fr | extra:remarques | nabil.bouzid@free.fr
email | fr | comment | contact jr.dorvil509@gmail.com
email | fr | comment | les réservations se faisaient par courriel à traversee.anjouan@yahoo.fr, adresse fermée depuis mars
email | fr | comment | L'adresse mail du chauffeur (dariusz.nowak.trans@wp.pl) figure sur la lettre de voiture
email | fr | narrative.text | Un des passagers a transmis l'adresse de son contact en Belgique, rezgar.h@hotmail.com, qui organisait les montées dans les camions.
email | es | comment | yessi.lopez.hn@hotmail.com
email | es | comment | correo: b.rojas.1999@gmail.com
email | es | extra:observaciones | wilmer_cruzm@yahoo.com
email | es | comment | marisol.villeda@outlook.es
email | es | comment | El organizador enviaba las instrucciones desde viajesseguros.cali@gmail.com con el mapa de la trocha
email | es | comment | consta en el atestado el correo del conductor, mario.tzoc82@gmail.com, facilitado voluntariamente
email | es | narrative.text | La agencia de Quito que vendía los pasajes usaba la cuenta pasajes.chicaiza@hotmail.com para confirmar cada salida.
email | xx | comment | ni.ketut.ayu@yahoo.co.id
email | xx | comment | rudi.hartawan77@gmail.com
email | xx | extra:email_kontak | zhangjh1979@163.com
email | xx | comment | phommachanh.b@laotel.com
# --- e-mail addresses written out
email_obfuscated | en | comment | rahim.khan [at] gmail [dot] com
email_obfuscated | en | comment | k.perera AT gmail DOT com
email_obfuscated | en | comment | shafiq_r(at)yahoo(dot)com
email_obfuscated | en | extra:remarks | zabi.travel at hotmail dot com written on the back of the fare receipt found in the wheelhouse
email_obfuscated | en | comment | ahmad{at}mail{dot}ru
email_obfuscated | en | comment | j.s.kumar[@]gmail[.]com
email_obfuscated | en | comment | noori dot zahir at gmail dot com
email_obfuscated | en | comment | tanbk77 (at) yahoo (dot) com (dot) my
email_obfuscated | en | comment | Ad on TikTok said write to afghan.safe.trip at gmail dot com for the 'Australia package', account reported to the platform
email_obfuscated | en | comment | he gave his email as sultani.wali [at] yahoo [dot] com when asked for a contact in Pakistan
email_obfuscated | en | narrative.text | Messages were forwarded from imran.ch(at)hotmail(dot)com to the passengers' group chat the day before the boat left.
email_obfuscated | fr | comment | s.carpentier arobase free point fr
email_obfuscated | fr | comment | anli.soilihi (arobase) laposte (point) net
email_obfuscated | fr | comment | delattre.k @ wanadoo . fr
email_obfuscated | fr | extra:remarques | mahamoudou.a[arobase]gmail[point]com
email_obfuscated | fr | comment | le chauffeur a donné comme contact kevin62 AROBASE hotmail POINT fr lors de son audition
email_obfuscated | fr | comment | Le contact donné aux familles était « passage.uk chez gmail point com », retrouvé sur 3 téléphones
email_obfuscated | fr | comment | sur le carnet du pilote : attoumane.bacar arobase yahoo point fr, à exploiter
email_obfuscated | fr | narrative.text | Une annonce Facebook renvoyait vers benali.karim [at] outlook [point] fr pour un prétendu « travail en Angleterre ».
email_obfuscated | es | comment | m_lopez arroba yahoo punto es
email_obfuscated | es | comment | brayan.rojas(arroba)gmail(punto)com
email_obfuscated | es | comment | yorgelis.m [arroba] hotmail [punto] com
email_obfuscated | es | extra:observaciones | correo: edwinpoca arroba outlook punto es
email_obfuscated | es | comment | luzma.arboleda @ gmail . com
email_obfuscated | es | comment | en el folleto incautado aparece el contacto viajes.norte arroba gmail punto com junto a las tarifas
email_obfuscated | es | comment | El captador pedía escribir a jquispe79 (arroba) hotmail (punto) com para reservar la plaza
email_obfuscated | es | narrative.text | Según la víctima, el correo del coyote era zamudio.hector arroba yahoo punto com punto mx y nunca contestaba.
email_obfuscated | xx | comment | rudi_s at yahoo dot co dot id
email_obfuscated | xx | comment | mail ke dedi.kurniawan[at]yahoo[dot]co[dot]id
email_obfuscated | xx | comment | penumpang menyebut alamat email agen nurul.huda (at) gmail (dot) com untuk konfirmasi pembayaran
# --- street addresses
address | en | comment | Lot 23, Jalan Ampang, 50450 Kuala Lumpur
address | en | comment | agent's office at House 14, Street 7, G-9/2, Islamabad 44000 searched by FIA, ledgers seized
address | en | comment | Blk 5 Lot 12, Brgy San Isidro, Parañaque City 1700
address | en | extra:remarks | 123/45 Moo 6, Tambon Bang Rin, Ranong 85000
address | en | comment | No. 27, Temple Road, Negombo 11500
address | en | comment | flat 3, 88 Hampden Rd, Hurstville NSW 2220
address | en | comment | Unit 9/31 Cavenagh St, Darwin City NT 0800
address | en | comment | Search warrant executed at 21 Kessels Rd, Coopers Plains QLD 4108, cash and 7 phones seized
address | en | comment | group stayed at Villa 8, Jl. Raya Puncak Km 82, Cisarua, Bogor 16750 before moving south
address | en | narrative.text | A safe house was identified at 47/2 Moo 3, Sadao, Songkhla 90120, where the group waited four days for the truck.
address | en | comment | pax held at No. 41/3, 2nd Lane, Wellawatte, Colombo 06 before the move to Chilaw
address | fr | comment | 12 rue des Lilas, 62100 Calais
address | fr | comment | Bât. C, 8 allée des Mimosas, 97600 Mamoudzou
address | fr | extra:remarques | résidence Les Palmiers, appt 12, 97300 Cayenne
address | fr | comment | 3 impasse du Moulin 62930 Wimereux
address | fr | comment | le chauffeur déclare être domicilié 27 bd Jacquard 62100 Calais depuis deux ans
address | fr | comment | Perquisition au domicile du logeur, 45 avenue de la Libération 59140 Dunkerque : 3 000 € et 12 gilets saisis
address | fr | comment | les migrants étaient hébergés au 7 rue des Manguiers, Kawéni, 97600 Mamoudzou, avant le départ
address | fr | narrative.text | Adresse déclarée du chauffeur : 18 chemin des Vignes, 59700 Marcq-en-Barœul, vérifiée par la brigade locale le lendemain.
address | fr | comment | hébergement chez un tiers au 102 route de Montjoly, 97354 Rémire-Montjoly
address | es | comment | C/ Real 14, 11380 Tarifa
address | es | comment | Avda. de Canarias 221, 35110 Vecindario
address | es | extra:observaciones | Calle Mayor 23, 3º B, 35500 Arrecife
address | es | comment | Av. Hidalgo 1203, Col. Centro, 30700 Tapachula, Chis.
address | es | comment | Carrera 45 # 26-85, Medellín
address | es | comment | Pasaje Los Almendros 7, 2ºA, 04008 Almería
address | es | comment | Registro domiciliario en C/ Sierra Nevada 9, 1º izq., 18600 Motril, con hallazgo de 4 motores fuera borda
address | es | comment | el grupo permaneció dos días en una vivienda de la 5a Avenida Sur 18, zona 1, Tecún Umán
address | es | narrative.text | Domicilio del conductor según su licencia: Colonia Kennedy, bloque 12, casa 2415, Tegucigalpa, donde no fue localizado.
address | es | comment | los pagos se entregaban en un local de la calle Ruzafa 31, 46004 Valencia
address | xx | comment | Jl. Diponegoro No. 45, Denpasar 80114
address | xx | comment | Jln. Ahmad Yani Gg. Melati No. 7 RT 003/RW 02, Kupang 85111
address | xx | extra:alamat | Kampung Baru, Lrg 3 No. 12, 89008 Keningau, Sabah
address | xx | comment | Purok 4, Brgy Talon-Talon, Zamboanga City 7000
# --- more notes where the personal part is a small piece of a longer text
name_title | en | notes | Return compiled by Snr Const. Priya Raman, Northern Command, figures checked against the MBC weekly log
name_title | en | conveyance | wooden boat registered to Mr.Yusuf Ndolu, Oesapa
name_title | en | comment | Post-interception debrief: pax say they paid cash to a Haji Ghulam Rasool at the Karachi guesthouse, approx PKR 900k each, then flew to KUL
name_title | fr | reporting_agency | DZPAF Pas-de-Calais, rédacteur : Cdt Hervé Lemarchand
name_title | fr | comment | Lors de l'abordage, le capitaine a remis les documents du bord à Mlle Océane Brunet, officier de quart, qui les a transmis à la PAF
name_title | fr | comment | D'après l'enquête de voisinage, la maison de Kawéni est louée par Mme Hadidja Saïd Omar depuis 2022, loyer payé en espèces
name_title | es | reporting_agency | Comandancia de Algeciras – elaborado por el Sgto. José Antonio Pacheco
name_title | es | comment | La embarcación fue adquirida en Kenitra a nombre del Sr. Mustapha El Idrissi, según la factura encontrada a bordo junto al GPS
name_title | es | narrative.text | Durante la toma de declaración, la Dra. Nerea Olabarria certificó el estado de los menores y ordenó el traslado de uno de ellos al hospital.
name_title | xx | comment | Laporan disusun oleh Aiptu I Made Suarjana, Polairud Polda Bali, data per 31 Maret
name_title | xx | comment | Ayon sa mga pasahero, si Kapitan Rogelio Dimaano ang nag-ayos ng bangka mula Bongao
name_context | en | comment | Vehicle checked at Km 14 Jalan Lintas Sumatera, 9 MMR in the tray under a tarpaulin, the driver, one Ahmad Fauzi of Medan, claimed he was moving durians
name_context | en | narrative.text | Network mapping shows that the Bangkok-based money collector Wichai Phromma received transfers from at least 40 families in Rakhine during the quarter.
name_context | en | notes | Contributions from case officer Jarrod Kennealy (Darwin) incorporated for incidents 11-14
name_context | fr | comment | Le convoyeur Florian Vandamme, déjà condamné en 2021, conduisait la camionnette jusqu'au parking de l'aire de Saint-Laurent-Blangy
name_context | fr | narrative.text | Les auditions convergent : la logeuse Nadia Chebbi fournissait hébergement et nourriture aux candidats au départ contre 50 € par nuit.
name_context | fr | comment | interpellation à Saint-Laurent du piroguier Edson Pinas Kouasi, qui faisait traverser le Maroni depuis Albina
name_context | es | comment | En la inspección del autobús en Huixtla se localizan 17 migrantes; el chófer Ramiro Toledo Cigarroa alega que desconocía la situación
name_context | es | narrative.text | La red estaba encabezada por el financiero Iker Zubizarreta Olano, que blanqueaba las ganancias a través de dos talleres mecánicos en Almería.
name_context | es | notes | Datos facilitados por el enlace de la Policía Nacional en Dakar, inspector Raúl Berrocal, a petición de la UCRIF
name_context | xx | comment | Menurut penumpang, tekong bernama Anwar Sanusi yang mengatur keberangkatan dari Pantai Pangandaran
name_bare | en | comment | Vessel grounded on the reef at 0330, fisheries patrol recovered 22 pax; Halima Sultani and two children airlifted to Broome
name_bare | en | comment | cash (USD 18,400) found in a money belt, Ehsanullah Karimzada says it belongs to the whole group
name_bare | en | narrative.text | During the welfare check at the jetty, Parisa Hosseinzadeh asked officers to contact her brother in Melbourne; the request was passed to the Red Cross tracing service.
name_bare | fr | comment | Intervention des pompiers à Wimereux, Mahmoud Sharif évacué vers le CH de Boulogne en hypothermie, les autres pris en charge sur place
name_bare | fr | comment | Les passagers du kwassa désignent Ibrahim Youssouf Mze comme celui qui encaissait l'argent à Ouani
name_bare | fr | narrative.text | Aucune audition n'a pu être menée le jour même ; Rosemène Augustin et ses deux enfants ont été hébergés par l'association jusqu'au lendemain.
name_bare | es | comment | En el rescate al sur de Gran Canaria falleció una mujer; Fatoumata Binta Barry, su hermana, la identificó en el muelle
name_bare | es | comment | se intervienen 2 teléfonos y 3.000 euros, Hamza Benali afirma que el dinero es de su trabajo en la fresa
name_bare | es | narrative.text | El menor entrevistado explicó que Yeferson Andrés Cardona les cobró el paso del río en Necoclí y les dio las instrucciones para la trocha.
name_bare | xx | comment | Sa pantalan ng Bongao, nakita si Jomar Hassan kasama ang 12 pasahero bago umalis ang lantsa
id_number | en | notes | Identity of 3 crew confirmed via Dukcapil: NIK 5303042511870001 (skipper) and two others on file, all residents of Kab. Kupang
id_number | en | comment | Returned to Colombo under the bilateral arrangement after NIC check (NIC 198712402215 confirmed by the DRP)
id_number | en | narrative.text | Among the seized items were a Philippine national ID (PCN 6210-4487-3390-1725) and three pre-registered SIM cards, all sent to the lab.
id_number | fr | comment | Le titre de séjour présenté au contrôle porte le numéro 9760217394, délivré à Mamoudzou, validité expirée depuis 2022
id_number | fr | comment | Vérification au FPR de la CNI n° 091162304718 du conducteur : aucune inscription, laissé libre à l'issue de la retenue
id_number | fr | narrative.text | Les enquêteurs ont recoupé le numéro de sécurité sociale ⟨nir_4⟩ figurant sur un bulletin de salaire saisi avec la déclaration d'embauche.
id_number | es | comment | Se comprueba en el SIS que el NIE ⟨nie_3⟩ corresponde a una persona distinta de la que lo porta; se inicia expediente
id_number | es | comment | el guía llevaba una cédula venezolana V-19.445.820 y un permiso PPT vencido, se notifica a Migración Colombia
id_number | es | narrative.text | En el teléfono del organizador aparecen fotografías de la CURP ⟨curp_2⟩ de una tercera persona, utilizada para comprar los boletos de autobús.
id_number | xx | comment | KTP penumpang dengan NIK 3275016204950008 ditemukan di dalam tas, diserahkan ke Imigrasi
passport | en | comment | At the transfer desk in SIN the officer noticed the bio page of PAK passport AK7719342 had been relaminated; holder offloaded and sent back to LHE
passport | en | notes | Passport numbers of the 4 adults are held by the case officer; the one relevant here is passport A14490317 (IRQ)
passport | en | narrative.text | None of the crew had been issued passports; the skipper's old-series passport X 471620 was found in the galley with his seaman's book.
passport | fr | comment | Lors du contrôle à Coquelles, le passeport albanais BD4310827 du passager du camion s'est révélé volé en blanc
passport | fr | comment | A la descente du ferry, un voyageur a produit le passeport 20PB71246 d'un tiers ressemblant, retenu par l'agent de la PAF
passport | fr | narrative.text | Le passeport haïtien RE2048173 retrouvé dans la pirogue a permis d'identifier l'un des disparus, dont la famille a été informée par le consulat.
passport | es | comment | En el control de pasaportes de la T4 se detecta el pasaporte colombiano AX518240 con visado mexicano falsificado, vuelo IB 6800
passport | es | comment | se recoge en la playa un pasaporte marroquí UZ3062915 perteneciente a uno de los ocupantes huidos
passport | es | narrative.text | Verificado con Interpol, el pasaporte venezolano 142815093 figura como robado desde 2022; el portador queda a disposición judicial.
passport | xx | comment | Paspor RI nomor C 9031458 milik tekong ditemukan di ruang kemudi
mrz | en | comment | Passenger rejected at the e-gate, MRZ ⟨mrz_pak_butt_2⟩, manual check found the laminate lifted, case to BCIU
mrz | fr | comment | Photo de la page d'identité retrouvée dans le téléphone du passeur, lignes MRZ lisibles : ⟨mrz_sen_diop_sp⟩
mrz | es | comment | En la fotocopia del pasaporte hallada en la guantera se lee la MRZ ⟨mrz_hnd_cruz_2⟩, se solicita comprobación
mrz | en | narrative.text | A screenshot of a bio page circulated in the group chat with the MRZ visible:\n⟨mrz_chn_zhang⟩\nand was used to book the hotel in Kuala Lumpur.
mrz | fr | narrative.text | La carte d'identité présentée par le chauffeur comporte la bande ⟨mrz_fra_lefebvre_sp⟩, dont les clés de contrôle sont correctes.
mrz | es | narrative.text | Fotocopia de pasaporte unida al atestado: ⟨mrz_ven_marcano_sp⟩ — se remite a la Comisaría General de Extranjería y Fronteras.
mrz | en | comment | line 1 of the MRZ (⟨mrz_bgd_hossain_1⟩) was handwritten on the back of the boarding pass
mrz | xx | comment | MRZ paspor yang disita: ⟨mrz_idn_kurniawan_sp⟩
date_of_birth | en | comment | Eldest pax, b. 1951, carried off by crew on a stretcher, transferred to RDH with chest pain
date_of_birth | en | narrative.text | The skipper told officers he was born on 2 August 1999 in Alor, which would make him 24 and not a minor as he first claimed.
date_of_birth | en | comment | Interview via Rohingya interp: says she was born 10/10/2007 in Buthidaung, travelling alone, referred to child protection
date_of_birth | fr | comment | L'un des passagers, né le 30 juin 1988 à Port-au-Prince, fait l'objet d'une OQTF non exécutée
date_of_birth | fr | comment | Selon l'acte présenté au guichet de la préfecture, la personne serait née en 2006 à Domoni, minorité contestée
date_of_birth | fr | narrative.text | Le pilote déclare être né le dix-sept mars deux mille sept, ce que contredit l'examen osseux réalisé au centre hospitalier.
date_of_birth | es | comment | La mujer rescatada, con fecha de nacimiento 21/07/1999, refiere haber pagado 2.500 euros en Dajla
date_of_birth | es | comment | Según la partida de nacimiento aportada, el chico nació el 4 de noviembre de 2006 en Conakry, por lo que es menor
date_of_birth | es | narrative.text | El conductor, nacido en 1979 en Cali y con antecedentes por hechos similares, fue puesto a disposición del juzgado de guardia.
date_of_birth | xx | comment | Nakhoda KM mengaku lahir tanggal 9 Juli 1981 di Rote, sudah dua kali membawa penumpang ke Ashmore
phone | en | comment | Agent's number written inside the life jacket: 0852 3817 4402, passed to Polda for a CDR request
phone | en | narrative.text | Families in Cox's Bazar were told to call +880 1812-339071 to arrange the second payment once the boat reached Langkawi.
phone | en | comment | GPS and a Thuraya (+88216 8814 2207) recovered from the wheelhouse, call history shows 11 calls to Java
phone | fr | comment | Sur le gilet de sauvetage était inscrit le numéro 06 39 21 84 07, attribué selon l'opérateur à une ligne prépayée
phone | fr | narrative.text | Le numéro +269 321 07 58, connu comme celui d'un organisateur d'Anjouan, apparaît dans le répertoire de cinq pilotes interpellés ce trimestre.
phone | fr | comment | Contact du réseau côté belge : +32 489 21 44 73 (Bruxelles), demande d'entraide adressée le 12/04
phone | es | comment | En la patera se encuentra un papel con el número +213 555 41 82 09 y la palabra "pago"
phone | es | narrative.text | Los familiares en Honduras recibían llamadas del +504 3318 2047 exigiendo el resto del pago para liberar a los migrantes retenidos en Reynosa.
phone | es | comment | la madre del menor facilita su teléfono 640 21 33 87 para que los servicios sociales la contacten
phone | xx | comment | Nomor WA agen 0821-4471-9932 ditemukan di HP salah satu penumpang
email | en | comment | Crew logbook had a sticky note with wahyu.nelayan88@yahoo.co.id and the word 'bos'
email | en | narrative.text | The booking for the hotel in Kuta was made from the account arif.rezayee@protonmail.com, which also paid for the domestic flights.
email | fr | comment | Dans le portefeuille du chauffeur, un papier portant l'adresse mihai.transport.ro@gmail.com et un numéro de remorque
email | fr | narrative.text | Les virements étaient annoncés aux familles par un courriel envoyé depuis hawa.saindou@yahoo.fr la veille du départ.
email | fr | comment | Le compte ibra.sow.pirogue@gmail.com a servi à créer la page de recrutement, réquisition en cours
email | es | comment | Las confirmaciones de los billetes se enviaban a la dirección ketty.moreira90@hotmail.com, titular sin identificar
email | es | narrative.text | La red anunciaba sus servicios en redes sociales y atendía las consultas por el correo transportes.darien@gmail.com.
email | es | comment | Correo del captador facilitado por la víctima: deivis.andrade77@gmail.com, se traslada a la UDYCO
email_obfuscated | en | comment | FB post offered 'safe sea trip to Australia', contact given as boat.trip2024 at gmail dot com, screenshot in file
email_obfuscated | en | narrative.text | Recruiters now write their addresses out, e.g. sadiq.travel [at] gmail [dot] com, so that the posts are not taken down automatically.
email_obfuscated | en | comment | email on the receipt: jawad_h (at) yahoo (dot) com, the hawaladar in Quetta
email_obfuscated | fr | comment | Sur l'annonce : écrire à ali.calais62 (at) gmail (point) com pour « place garantie dans camion »
email_obfuscated | fr | narrative.text | Le recruteur donnait son contact oralement, « moussa point diallo arobase yahoo point fr », que les passagers avaient noté sur un papier.
email_obfuscated | es | comment | en la conversación el organizador da su correo como giovanny.r arroba gmail punto com para enviar las fotos de los pasaportes
email_obfuscated | es | narrative.text | Los anuncios en TikTok remitían a rutasegura.mx (arroba) gmail (punto) com, cuenta gestionada desde Tapachula según la investigación.
email_obfuscated | xx | comment | kirim bukti transfer ke agus.tkg (at) gmail (dot) com kata agen
address | en | comment | Raid on 3 premises incl. 17/4 Soi Ramkhamhaeng 24, Hua Mak, Bangkok 10240, 28 MMR nationals found waiting for transport
address | en | narrative.text | The group was collected from a rented room at 58 Jalan Kenari, Tanjung Pinang 29124 and taken by speedboat to Johor in the early morning.
address | en | comment | Hawala agent operating from Shop 6, 112 Victoria Rd, Punchbowl NSW 2196 per AUSTRAC referral
address | fr | comment | Interpellation du logeur à son domicile, 9 rue Émile Zola, 62100 Calais, à 6h ; 14 gilets et 2 moteurs saisis
address | fr | narrative.text | Les passagers ont indiqué avoir été regroupés dans un appartement situé 24 avenue Pasteur, 59200 Tourcoing, avant d'être conduits sur la côte.
address | fr | comment | courrier de convocation adressé au 14 lotissement Bellevue, 97320 Saint-Laurent-du-Maroni, retour NPAI
address | es | comment | Entrada y registro en la vivienda de C/ Alcalde Ramírez Bethencourt 12, 4º, 35003 Las Palmas, donde se hallan 6 motores
address | es | narrative.text | Los migrantes esperaban en una casa de seguridad de la Calle 5 de Febrero 318, Col. Las Américas, 88240 Nuevo Laredo, hasta el cruce.
address | es | comment | El enganchador citaba a los interesados en un locutorio de Av. de la Constitución 22, 04740 Roquetas de Mar
address | xx | comment | rumah singgah di Jl. Pahlawan No. 17, RT 02/RW 05, Pangandaran 46396, digerebek tim Polres
"""

# Ordinary texts without a trap: what most cells hold.
ORDINARY_PLAIN = r"""
place | xx | detection_place | Kupang
place | xx | detection_place | Pulau Rote, NTT
place | en | detection_place | 32nm NW of Christmas Is.
place | en | detection_place | off Ashmore Reef
place | xx | detection_place | Sadao, Songkhla
place | xx | detection_place | Mae Sot
place | en | detection_place | Padang Besar rail crossing
place | xx | detection_place | Rantau Panjang
place | xx | detection_place | Tawau
place | xx | detection_place | Bongao, Tawi-Tawi
place | xx | detection_place | Taftan
place | xx | detection_place | Chaman
place | xx | detection_place | Zaranj
place | xx | detection_place | Teknaf
place | en | detection_place | Negombo lagoon
place | en | detection_place | near Kalpitiya
place | fr | detection_place | plage de Gravelines
place | fr | detection_place | Grande-Synthe, campement du Puythouck
place | fr | detection_place | Petite-Terre
place | fr | detection_place | pointe Saziley
place | fr | detection_place | Acoua
place | fr | detection_place | Apatou, fleuve Maroni
place | es | detection_place | La Restinga (El Hierro)
place | es | detection_place | Arguineguín
place | es | detection_place | Motril
place | es | detection_place | al sur de Cabo de Gata
place | es | detection_place | Capurganá
place | es | detection_place | Paso Canoas
place | es | detection_place | Tulcán - Rumichaca
place | es | detection_place | isla de Alborán
port | xx | detection_place | Pelabuhan Tenau
port | en | detection_place | Ranong fishing pier
port | en | detection_place | Port Klang Westport
port | fr | detection_place | port de Calais, terminal transmanche
port | fr | detection_place | quai de Dzaoudzi
port | es | detection_place | puerto de Almería
port | es | detection_place | Puerto de Los Cristianos
port | es | detection_place | muelle de Órzola
port | en | detection_place | Port of Colombo, South Container Terminal
port | xx | detection_place | Pelabuhan Merak
airport | en | detection_place | DPS international terminal
airport | en | detection_place | Suvarnabhumi Airport, immigration hall
airport | xx | detection_place | KLIA2 (KUL)
airport | en | detection_place | Perth Airport T1
airport | fr | detection_place | aéroport de Dzaoudzi-Pamandzi
airport | fr | detection_place | aéroport de Lille-Lesquin
airport | es | detection_place | aeropuerto de Gran Canaria
airport | es | detection_place | Aeropuerto Internacional de Tocumen
airport | en | detection_place | Tan Son Nhat, departures
airport | xx | detection_place | SIN T3 transit
street | en | detection_place | Trans-Sumatra toll road, Lampung
street | xx | detection_place | Jalan Lintas Timur
street | en | detection_place | Asian Highway AH2 near Hat Yai
street | es | detection_place | N-340 a la altura de Tarifa
street | fr | detection_place | RN1 entre Kourou et Iracoubo
street | fr | detection_place | rocade portuaire de Calais
street | es | detection_place | Carretera Panamericana, tramo Huaquillas
street | en | detection_place | Karakoram Highway
vessel | en | conveyance | wooden fishing boat
vessel | xx | conveyance | kapal motor kayu 12 GT
vessel | fr | conveyance | kwassa-kwassa
vessel | es | conveyance | cayuco
vessel | es | conveyance | patera
vessel | es | conveyance | neumática
vessel | es | conveyance | semirrígida
vessel | fr | conveyance | go-fast
vessel | xx | conveyance | jukung
vessel | xx | conveyance | bangka
vessel | en | conveyance | longtail boat
vessel | en | conveyance | steel-hulled trawler
vessel | fr | conveyance | canot pneumatique
vessel | es | conveyance | lancha
vessel | es | conveyance | panga
vessel | en | conveyance | small boat
vessel | en | conveyance | container ship
vessel | fr | conveyance | ferry
vehicle | en | conveyance | Toyota Hiace van
vehicle | en | conveyance | Hino truck
vehicle | xx | conveyance | Isuzu Elf
vehicle | en | conveyance | reefer semi-trailer
vehicle | xx | conveyance | Mitsubishi L300
vehicle | es | conveyance | camión frigorífico
vehicle | fr | conveyance | fourgon
vehicle | es | conveyance | camioneta Toyota Hilux
vehicle | en | conveyance | pick-up
vehicle | es | conveyance | bus interprovincial
vehicle | xx | conveyance | tuk-tuk
vehicle | en | conveyance | motorbike taxi
vehicle | fr | conveyance | autocar
vehicle | fr | conveyance | poids lourd
agency | en | reporting_agency | Australian Border Force – Maritime Border Command
agency | xx | reporting_agency | Direktorat Jenderal Imigrasi
agency | xx | reporting_agency | Polda NTT – Ditreskrimum
agency | xx | reporting_agency | Bakamla RI
agency | xx | reporting_agency | APMM Zon Maritim Tawau
agency | en | reporting_agency | Royal Thai Police – Immigration Bureau Div. 6
agency | en | reporting_agency | Philippine Coast Guard – District Southwestern Mindanao
agency | en | reporting_agency | Bureau of Immigration – Border Control and Intelligence Unit
agency | en | reporting_agency | FIA Anti Human Smuggling Circle Quetta
agency | en | reporting_agency | Sri Lanka Navy, North Western Naval Command
agency | en | reporting_agency | Bangladesh Coast Guard East Zone
agency | fr | reporting_agency | Police aux frontières – DZPAF Pas-de-Calais
agency | fr | reporting_agency | OLTIM
agency | fr | reporting_agency | Gendarmerie maritime
agency | fr | reporting_agency | DTPAF Mayotte – brigade nautique
agency | fr | reporting_agency | Compagnie de gendarmerie de Saint-Laurent-du-Maroni
agency | es | reporting_agency | Guardia Civil – Servicio Marítimo Provincial de Almería
agency | es | reporting_agency | Policía Nacional – UCRIF Central
agency | es | reporting_agency | Fiscalía de Extranjería de Las Palmas
agency | es | reporting_agency | Salvamento Marítimo
agency | es | reporting_agency | Instituto Nacional de Migración – OR Chiapas
agency | es | reporting_agency | Migración Colombia – Regional Antioquia-Chocó
route | xx | comment | AFG>PAK>IRN>IDN>AUS
route | xx | comment | LKA → IDN → AUS
route | en | comment | Kabul–Quetta–Taftan–Zahedan
route | fr | comment | Anjouan - Mayotte
route | es | comment | Nouadhibou – El Hierro
route | es | comment | Dajla → Gran Canaria
route | es | comment | Necoclí–Capurganá–Darién
route | xx | comment | HND>GTM>MEX>USA
route | xx | comment | VNM>CHN>RUS>POL>DEU>FRA>GBR
route | fr | comment | Calais-Douvres
route | en | comment | MMR/BGD to MYS via THA
route | en | comment | KHM→THA (Poipet–Aranyaprathet)
comment | en | comment | Boat intercepted and escorted to Kupang, all pax transferred to Rudenim
comment | en | comment | no injuries reported
comment | en | comment | data for Jan-Mar provisional
comment | en | comment | figures revised after court disposition
comment | en | comment | vsl scuttled by crew on approach, all rescued
comment | en | comment | SOLAS rescue, pax in poor condition, 2 medevac
comment | en | comment | group walked across the border at night, picked up by van 2 km inside
comment | en | comment | cash payment on arrival, no hawala identified
comment | en | comment | same modus as Q1: transit via KUL on tourist visa then boat from Batam
comment | en | comment | includes 3 events carried over from last period
comment | fr | comment | Les chiffres du T2 incluent Petite-Terre
comment | fr | comment | kwassa échoué sur le récif, 4 disparus
comment | fr | comment | aucun blessé
comment | fr | comment | données provisoires, consolidation en cours avec la DTPAF
comment | fr | comment | tentative de passage en camion déjouée au contrôle Eurotunnel
comment | fr | comment | personnes prises en charge par la Croix-Rouge puis conduites au centre de Coquelles
comment | fr | comment | embarcation repérée par le sémaphore, interception en mer
comment | fr | comment | paiement en espèces au départ, 1 000 à 1 500 € la place
comment | es | comment | Datos provisionales pendientes de validación por la Fiscalía
comment | es | comment | cayuco avistado por Salvamento Marítimo a 80 millas
comment | es | comment | sin heridos
comment | es | comment | se incluyen 2 rescates conjuntos con Marruecos
comment | es | comment | embarcación a la deriva, motor averiado
comment | es | comment | grupo detectado en el interior de un camión de mercancías en el control de frontera
comment | es | comment | pago en efectivo antes de la salida
comment | es | comment | todos los ocupantes trasladados al CATE
comment | xx | comment | kapal diamankan di perairan Pulau Sawu, 41 orang dibawa ke Rudenim Kupang
comment | xx | comment | rombongan turun di pantai lalu dijemput mobil
comment | xx | comment | walang nasaktan, lahat ay dinala sa pantalan
comment | xx | comment | ลักลอบเข้าเมืองทางช่องทางธรรมชาติ
narrative | en | narrative.text | Smuggling networks continued to use the hill villages south of Bogor as staging areas before moving groups at night to departure points on the south coast of West Java. Departures fell sharply after the start of the monsoon.
narrative | en | narrative.text | Most facilitators detected this half-year were low-level crew recruited in fishing villages; organisers remain abroad and are reached only through messaging apps.
narrative | en | narrative.text | Air routes through Gulf hubs on genuine passports with fraudulent visas increased, while maritime departures remained at the level of last year.
narrative | en | narrative.text | Overland movements from Myanmar into Thailand shifted to forest crossings after checkpoints on the main roads were reinforced.
narrative | en | narrative.text | Fees quoted to migrants rose for the third consecutive quarter, reflecting the longer sea passage now used.
narrative | fr | narrative.text | Les départs de kwassas depuis Anjouan restent concentrés sur les nuits sans lune ; les pilotes sont de plus en plus souvent des mineurs recrutés sur place.
narrative | fr | narrative.text | Sur le littoral nord, les réseaux privilégient désormais les embarcations surchargées au départ des plages plutôt que les camions, en raison du renforcement des contrôles portuaires.
narrative | fr | narrative.text | Les passages par le fleuve se font en pirogue de nuit, puis par la route nationale vers le littoral.
narrative | fr | narrative.text | Le prix moyen de la traversée a augmenté au cours du semestre, de même que le nombre de personnes par embarcation.
narrative | fr | narrative.text | La coopération avec les autorités du pays voisin a permis trois interceptions avant le départ.
narrative | es | narrative.text | Las salidas desde la costa atlántica se concentran en los meses de otoño, con cayucos de gran tamaño que transportan más de cien personas.
narrative | es | narrative.text | Las redes utilizan cada vez más embarcaciones semirrígidas de alta velocidad que regresan a la costa de origen tras dejar a los migrantes.
narrative | es | narrative.text | Se observa un desplazamiento de la ruta por la selva hacia trayectos marítimos por la costa caribeña.
narrative | es | narrative.text | Los pagos se realizan mayoritariamente por transferencias a terceros y mediante el sistema hawala.
narrative | es | narrative.text | La colaboración con los países de tránsito permitió desarticular dos organizaciones durante el trimestre.
reference | xx | incident_ref | INC-2024-0117
reference | xx | incident_ref | AUS/MBC/24/0173
reference | xx | incident_ref | BP-DPS-2024-118
reference | xx | incident_ref | CAL-24-117
reference | xx | incident_ref | 2024/Q2/017
reference | xx | incident_ref | TH-IMM6-67/0412
reference | xx | incident_ref | PCG-SWM-2024-0456
reference | xx | incident_ref | ESP-GC-ALM-2024-00045
reference | xx | incident_ref | MYT-PAF-24-0088
reference | xx | incident_ref | GF-2024-031
reference | xx | incident_ref | 117
reference | xx | incident_ref | LKA-NWNC-24-09
date | xx | extra:fecha | 2024-03-14
date | xx | extra:date_detection | 14/03/2024
date | fr | comment | le 12 février
date | es | comment | 5 de mayo
date | en | comment | 3rd week of March
period | xx | notes | 2024-Q2
period | fr | notes | 1er semestre 2024
period | es | notes | enero-marzo 2024
period | en | notes | Q1 FY2023-24
period | en | notes | H2 2023
count | en | comment | 47 pax
count | fr | comment | 31 hommes, 9 femmes, 4 mineurs
count | es | comment | 146 rescatados, 2 fallecidos, 5 desaparecidos
count | en | comment | 12 boats / 417 pax in Q2
count | xx | comment | 41 orang
code | xx | conveyance | truck_lorry
code | xx | conveyance | fishing_boat
code | xx | extra:concealment | concealed_in_vehicle
code | xx | extra:payment | cash;hawala
code | xx | extra:technology | social_media|encrypted_messaging
code | xx | extra:citizenship | XXA
age_group | xx | extra:age_group | 18-24
age_group | xx | extra:age_group | 25+
age_group | es | extra:age_group | menos de 18
age_group | fr | extra:age_group | moins de 14
age_group | es | extra:age_group | 60 y más
age_group | en | extra:age_group | adult
money | en | comment | USD 4,500 pp
money | xx | comment | IDR 25.000.000 per orang
money | es | comment | 8.000 USD por persona
money | fr | comment | 2 500 € par personne
legal | en | comment | s 233C Migration Act 1958 (Cth)
legal | fr | comment | art. L823-1 du CESEDA
legal | es | comment | art. 318 bis CP
legal | xx | comment | Pasal 120 UU 6/2011
role | en | comment | skipper and 2 crew arrested
role | fr | comment | passeur non identifié
role | es | comment | patrón detenido
comment | en | comment | Vessel sighted by Dash-8 surveillance 40nm north of the Kimberley coast, intercepted at first light, 27 pax and 3 crew, transferred to the response vessel without incident
comment | en | comment | Joint patrol with MMEA off Pulau Pinang, 2 boats stopped, no passengers on board, crew released after document checks
comment | en | comment | group of 19 detected walking along the rail line south of Padang Besar, claimed to be workers heading to a plantation, handed to the immigration depot
comment | en | comment | Bus checked at the provincial checkpoint, 6 undocumented passengers from Cambodia removed, bus company cooperating
comment | en | comment | Intelligence indicates departures are now timed with the change of patrol shift; recommend varying patrol times next quarter
comment | en | comment | three departures disrupted onshore in the quarter following community information, boats seized and burnt by local authorities
comment | en | comment | Pax consistently report paying a first instalment before leaving home and the balance on arrival, via relatives
comment | en | comment | Figures for the quarter exclude two events still under investigation; they will be added in the next return
comment | en | comment | Containers inspected at the port with the scanner; one container held 8 persons in poor condition, all hospitalised
comment | en | notes | Overstayers not included; only smuggling cases where a facilitator was identified or suspected are reported
comment | en | comment | survivors report the engine failed on day three and the boat drifted two days before a merchant vessel found it
comment | en | comment | no departures detected from the south coast in February due to heavy seas
comment | fr | comment | Embarcation repérée par le radar du sémaphore à 3 milles de la côte, interceptée par la vedette de gendarmerie, aucune victime
comment | fr | comment | Tentative de départ empêchée sur la plage à l'aube, matériel de navigation saisi et détruit, personnes orientées vers l'hébergement d'urgence
comment | fr | comment | trois camions contrôlés au terminal sans résultat ; contrôle canin positif sur un quatrième, six personnes extraites
comment | fr | notes | Les données du trimestre sont provisoires en raison du changement de logiciel de la brigade
comment | fr | comment | La traversée a duré environ huit heures, l'embarcation a été prise en charge à l'approche du lagon
comment | fr | comment | les personnes interpellées déclarent avoir payé la traversée en deux fois, une partie au départ et le reste à l'arrivée
comment | fr | comment | Opération conjointe avec la marine, deux embarcations interceptées dans la nuit, une troisième a fait demi-tour
comment | fr | comment | Les passages par la route du fleuve ont diminué pendant la saison des pluies
comment | fr | comment | aucune interpellation de passeur ce mois-ci malgré une hausse des arrivées
comment | fr | comment | Les chiffres incluent les personnes secourues en mer puis débarquées au port
comment | fr | comment | Le moteur de l'embarcation, neuf, a été saisi avec les bidons de carburant
comment | fr | comment | Signalement transmis par les autorités du pays voisin la veille du départ
comment | es | comment | Embarcación detectada por el SIVE a 12 millas de la costa, interceptada por la patrullera de la Guardia Civil sin incidencias
comment | es | comment | Rescate de 58 personas en una neumática semihundida; todas trasladadas a puerto y atendidas por los equipos sanitarios
comment | es | comment | los ocupantes declaran haber salido de la playa dos días antes y haber pagado entre 2.000 y 3.000 euros
comment | es | notes | Se incluyen en el trimestre las llegadas a las islas menores, que el periodo anterior se contabilizaron aparte
comment | es | comment | Grupo de 34 personas detectado en la trocha por la patrulla fronteriza, trasladado a la estación de recepción
comment | es | comment | No se han producido detenciones de patrones en el mes por no haberse podido identificar a quien gobernaba las embarcaciones
comment | es | comment | Camión de mercancías inspeccionado en el paso fronterizo con escáner; se detectan 9 personas ocultas entre la carga
comment | es | comment | se observa un incremento de salidas desde el norte tras el refuerzo de la vigilancia en el sur
comment | es | comment | Cifras provisionales a la espera de la conciliación con los datos de Salvamento Marítimo
comment | es | comment | Traslado de los menores no acompañados al centro de acogida de la comunidad autónoma
comment | es | comment | Los teléfonos satelitales incautados se remiten al laboratorio para su volcado
comment | es | comment | autobús de línea con 14 pasajeros sin documentación, desviado a la estación migratoria para su verificación
comment | xx | comment | Perahu motor ditemukan terdampar di pantai, penumpang sudah turun sebelum petugas tiba
comment | xx | comment | Patroli gabungan TNI AL dan Polairud, 2 kapal nelayan diperiksa, tidak ada penumpang gelap
comment | xx | comment | Nahuli ang bangka malapit sa isla, 16 na pasahero at 2 tripulante
comment | xx | comment | Kapal ditarik ke pelabuhan terdekat karena mesin rusak, seluruh penumpang selamat
comment | xx | comment | เจ้าหน้าที่ตรวจพบแรงงานต่างด้าว 23 คน ในรถกระบะบริเวณด่านตรวจ
comment | xx | comment | Xe khách bị kiểm tra tại cửa khẩu, phát hiện 8 người không có giấy tờ
place | fr | detection_place | Bandrélé
place | fr | detection_place | Dembéni
place | fr | detection_place | Sangatte
place | fr | detection_place | Equihen-Plage
place | fr | detection_place | Boulogne-sur-Mer, digue Carnot
place | fr | detection_place | Kourou
place | fr | detection_place | Basse-Terre
place | es | detection_place | Gran Tarajal (Fuerteventura)
place | es | detection_place | Ceuta
place | es | detection_place | Melilla, valla
place | es | detection_place | Huaquillas
place | xx | detection_place | Pangandaran
place | xx | detection_place | Atapupu
place | xx | detection_place | Sandakan
place | en | detection_place | Broome
place | en | detection_place | Cairns
agency | xx | reporting_agency | Lantamal VII Kupang
agency | xx | reporting_agency | Satgas Pamtas RI-RDTL
agency | fr | reporting_agency | Préfecture maritime de la Manche et de la mer du Nord
agency | fr | reporting_agency | Direction territoriale de la police nationale de Mayotte
agency | es | reporting_agency | Capitanía Marítima de Almería
agency | es | reporting_agency | Armada de Colombia – Guardacostas del Urabá
agency | en | reporting_agency | Sri Lanka Coast Guard
vessel | fr | conveyance | pirogue à moteur
vessel | fr | conveyance | barque de pêche
vessel | fr | conveyance | semi-rigide
vessel | es | conveyance | velero
vehicle | fr | conveyance | camion frigorifique
vehicle | fr | conveyance | voiture particulière
vehicle | es | conveyance | tráiler
code | xx | extra:sex | F
code | xx | extra:counting_unit | person
code | xx | extra:unaccompanied | yes
"""

# Ordinary texts built to be mistaken for personal data: named after people, titled roles
# without a name, numbers of every shape, dates of events, references and legal citations.
ORDINARY_TRAPS = r"""
# --- airports named after people
airport | en | detection_place | Ninoy Aquino Intl Airport T3
airport | en | detection_place | Hamid Karzai International Airport
airport | en | detection_place | Allama Iqbal Intl Airport, Lahore
airport | en | detection_place | Bacha Khan International Airport, Peshawar
airport | en | detection_place | Hazrat Shahjalal International Airport
airport | en | detection_place | Shah Amanat Intl Airport, Chattogram
airport | en | detection_place | Bandaranaike Intl Airport (BIA), departure gate 9
airport | en | detection_place | Mattala Rajapaksa International Airport
airport | xx | detection_place | Bandara El Tari Kupang
airport | xx | detection_place | Bandara Frans Seda, Maumere
airport | xx | detection_place | Bandara Sam Ratulangi
airport | xx | detection_place | Bandara Hang Nadim Batam
airport | xx | detection_place | Bandara Raja Haji Fisabilillah
airport | en | detection_place | Sultan Abdul Halim Airport, Alor Setar
airport | en | detection_place | Francisco Bangoy Intl Airport, Davao
airport | en | detection_place | Jacksons International Airport, POM
airport | en | detection_place | Sydney Kingsford Smith T1
airport | fr | detection_place | Aéroport Paris-Charles de Gaulle, T2E
airport | fr | detection_place | aéroport Félix Éboué
airport | fr | detection_place | aéroport Martinique Aimé Césaire
airport | fr | detection_place | aéroport Roland Garros, La Réunion
airport | fr | detection_place | aéroport Toussaint Louverture
airport | fr | detection_place | aéroport Blaise Diagne, Dakar
airport | fr | detection_place | aéroport Mohammed V, Casablanca
airport | es | detection_place | Aeropuerto Adolfo Suárez Madrid-Barajas T4
airport | es | detection_place | Aeropuerto César Manrique-Lanzarote
airport | es | detection_place | Aeropuerto Tenerife Sur Reina Sofía
airport | es | detection_place | Aeropuerto Federico García Lorca Granada-Jaén
airport | es | detection_place | Aeropuerto Juan Santamaría
airport | es | detection_place | Aeropuerto Internacional Benito Juárez, T1
airport | es | detection_place | Aeropuerto José María Córdova
airport | es | detection_place | Aeropuerto Mariscal Sucre
airport | es | detection_place | aeropuerto de Tánger Ibn Battuta
# --- towns, islands and places named after people or days
place | en | detection_place | Cox's Bazar
place | en | detection_place | Lapu-Lapu City
place | en | detection_place | General Santos City
place | en | detection_place | Puerto Princesa
place | en | detection_place | Port Moresby
place | en | detection_place | Alice Springs
place | en | detection_place | Port Hedland
place | en | detection_place | Abbottabad
place | en | detection_place | Jacobabad
place | en | detection_place | Faisalabad
place | en | detection_place | Lady Elliot Island
place | en | detection_place | Sir Joseph Banks Group
place | en | detection_place | Prince of Wales Island, Torres Strait
place | en | detection_place | Thursday Island
place | en | detection_place | Christmas Island
place | fr | detection_place | Saint-Laurent-du-Maroni
place | fr | detection_place | Saint-Georges-de-l'Oyapock
place | fr | detection_place | Marie-Galante
place | fr | detection_place | Schœlcher
place | fr | detection_place | Sainte-Rose, Guadeloupe
place | es | detection_place | Ciudad Juárez
place | es | detection_place | Ciudad Hidalgo
place | es | detection_place | Tecún Umán
place | es | detection_place | Puerto Baquerizo Moreno
place | es | detection_place | Pedro Juan Caballero
place | es | detection_place | Ciudad Miguel Alemán
place | es | detection_place | Puerto Lázaro Cárdenas
place | es | detection_place | Don Benito (Badajoz)
place | es | detection_place | Doña Mencía
place | es | detection_place | San Cristóbal de las Casas
place | es | detection_place | La Línea de la Concepción
# --- streets and roads named after people, without a house number
street | xx | detection_place | Jl. Jenderal Sudirman, Kupang
street | xx | detection_place | Jl. Ir. H. Juanda
street | xx | detection_place | Jalan Tun Razak
street | xx | detection_place | Jalan Sultan Ismail
street | en | detection_place | Rama IV Road, Bangkok
street | en | detection_place | Sukhumvit Road
street | en | detection_place | Shahrah-e-Faisal, Karachi
street | en | detection_place | Jinnah Avenue
street | es | detection_place | Avenida Juan Pablo II
street | es | detection_place | Calle Pérez Galdós
street | es | detection_place | Calle Doctor Fleming, frente al puerto
street | es | detection_place | Plaza del Doctor Marañón
street | fr | detection_place | boulevard Maréchal Leclerc
street | fr | detection_place | rue du Général de Gaulle (axe principal)
street | fr | detection_place | boulevard Jacquard, Calais
street | fr | detection_place | avenue Roger Salengro
# --- places inside ports and terminals that read like addresses
port | en | detection_place | Berth 12, Wharf 3, Port of Darwin
port | fr | detection_place | quai 3 - poste 12
port | fr | detection_place | port de Mohammedia
port | es | detection_place | Puerto de Tánger Med, explanada 4
port | xx | detection_place | Pelabuhan Soekarno-Hatta Makassar
# --- ships named after people
vessel | xx | conveyance | KRI John Lie
vessel | xx | conveyance | KRI Bung Tomo
vessel | xx | conveyance | KRI Usman Harun
vessel | en | conveyance | BRP Teresa Magbanua
vessel | en | conveyance | BRP Gabriela Silang
vessel | en | conveyance | BRP Melchora Aquino
vessel | en | conveyance | MV St. Francis Xavier
vessel | xx | conveyance | KMP Siti Nurbaya
vessel | xx | conveyance | KM Dewi Sri
vessel | en | conveyance | KD Tunku Abdul Rahman
vessel | en | conveyance | HMAS Maryborough
vessel | en | conveyance | ADV Ocean Shield
vessel | es | conveyance | Guardamar Concepción Arenal
vessel | es | conveyance | buque escuela Juan Sebastián de Elcano
vessel | es | conveyance | patrullero Infanta Elena
vessel | es | conveyance | fragata Almirante Juan de Borbón
vessel | es | conveyance | ARC 20 de Julio
vessel | es | conveyance | pesquero Nuestra Señora del Rosario
vessel | fr | conveyance | patrouilleur Premier-Maître L'Her
vessel | fr | conveyance | aviso Commandant Ducuing
vessel | fr | conveyance | A789 Lieutenant de vaisseau Le Hénaff
vessel | fr | conveyance | BRF Jacques Chevallier
vessel | fr | conveyance | Ocean Viking
vessel | fr | conveyance | Geo Barents
vessel | es | conveyance | buque de rescate Aita Mari
# --- vehicles with a person in the make
vehicle | en | conveyance | Mercedes-Benz Sprinter
vehicle | es | conveyance | camión Mercedes Actros
vehicle | en | conveyance | Ford Transit
vehicle | fr | conveyance | Citroën Jumper
vehicle | fr | conveyance | Renault Master
vehicle | en | conveyance | Tata LPT 1613
# --- operations named after people
operation | en | comment | Operation Sovereign Borders
operation | fr | comment | Opération Wuambushu
operation | xx | comment | Operasi Gajah Mada 2024
operation | fr | comment | Mission Jeanne d'Arc 2024
operation | es | comment | Operación Santa Bárbara
operation | en | comment | Op MAGELLAN phase 2
operation | es | comment | Operación Cervantes
operation | es | comment | Operación Indalo 2024
# --- agencies, hospitals, detention centres, NGOs named after people or titles
agency | es | reporting_agency | Escuela de Guardias Jóvenes Duque de Ahumada
agency | en | reporting_agency | Sultan Kudarat Provincial Police Office
agency | en | reporting_agency | Queensland Police Service
agency | fr | reporting_agency | Brigade mobile de recherche de Coquelles
facility | es | detection_place | Hospital Universitario de Gran Canaria Doctor Negrín
facility | xx | detection_place | RSUD Prof. Dr. W. Z. Johannes Kupang
facility | fr | detection_place | CHU Félix Guyon, Saint-Denis
facility | es | detection_place | Hospital Nuestra Señora de Candelaria
facility | en | detection_place | Royal Darwin Hospital
facility | en | detection_place | Lady Cilento Children's Hospital
facility | en | detection_place | Lady Reading Hospital, Peshawar
facility | en | detection_place | Shaikh Zayed Hospital Lahore
facility | en | detection_place | Villawood IDC
facility | fr | detection_place | CRA de Coquelles
facility | es | detection_place | CETI de Melilla
facility | xx | detection_place | Rudenim Kupang
facility | xx | detection_place | RS Bhayangkara Polda NTT
facility | fr | comment | orientés vers l'accueil de jour de la Fondation Abbé Pierre
facility | es | comment | atendidos por Cruz Roja en el muelle de Arguineguín
# --- role words, titles and ranks without any name
role | en | comment | driver fled on foot, not identified
role | en | comment | the facilitator, an Afghan national in his 30s, remains at large
role | en | comment | skipper aged approx 45, IDN, in custody
role | en | comment | the broker in Quetta remains unidentified
role | en | comment | bangkero and his helper detained
role | en | comment | taxi driver (unknown) dropped the group near the fence
role | en | comment | interpreter (Dari) present for all interviews
role | en | comment | Capt. of the port informed at 0630
role | en | comment | Dr on duty assessed 4 UAM, all fit to travel
role | en | comment | the Hon. Minister's office was briefed
role | en | comment | Master and Chief Engineer of the MV interviewed aboard
role | fr | comment | le passeur présumé, la trentaine, a pris la fuite
role | fr | comment | capitaine et mécanicien placés en GAV
role | fr | comment | chauffeur de nationalité roumaine
role | fr | comment | le logeur est connu des services
role | fr | comment | le rabatteur opérait à la gare routière
role | fr | comment | M. le Préfet informé
role | fr | comment | Mme la Procureure de permanence avisée
role | fr | comment | Monsieur le Procureur a ordonné l'ouverture d'une enquête
role | fr | comment | avocat commis d'office présent
role | es | comment | patrón no identificado
role | es | comment | dos conductores detenidos
role | es | comment | coyote con alias desconocido
role | es | comment | el enganchador actuaba desde Cúcuta
role | es | comment | Sr. Fiscal de guardia informado
role | es | comment | Sra. Jueza de Instrucción nº 2 acuerda prisión
role | es | comment | médico forense de guardia
role | es | comment | el Sr. Comisario Jefe ordena el traslado
role | xx | comment | ABK 3 orang diamankan
role | xx | comment | tekong belum tertangkap
# --- M, F, H as sexes; counts with thin spaces
count | en | comment | 8 M / 3 F / 2 UAM
count | fr | comment | H/F : 9/2
count | es | comment | H 14 / M 3 / menores 2
count | fr | comment | 1 234 personnes interpellées depuis janvier
count | en | comment | Total: 1 234
count | es | comment | 2 517 llegadas en el trimestre
count | en | comment | 47 pax (38 AM, 6 AF, 3 UAM)
count | xx | comment | 12 / 417
# --- dates and times of events, in numbers and in words
date | en | comment | intercepted 14 March 2024 at 0515L
date | fr | comment | le 3 mars 2024 à 04h10
date | es | comment | el 5 de mayo de 2024 a las 23:40
date | xx | extra:tanggal | 12/02/2024
date | fr | comment | départ estimé le 28/09 au soir
date | en | comment | during Nyepi (11 March 2024)
date | en | comment | DTG 140515Z MAR 24
date | es | comment | semana 14 de 2024
date | en | comment | Songkran holiday week
date | en | comment | ETA 1800 hrs 22/07
date | es | comment | salida el domingo de Ramos
date | en | comment | route active since the early 1990s
date | fr | comment | débarquement dans la nuit du premier au deux janvier
date | es | comment | llegada el doce de octubre, festivo nacional
date | en | comment | vessel built 1988, ex-fishing
date | fr | comment | véhicule mis en circulation le 15/06/2016
date | xx | comment | Teknaf PS case no. 41 dated 12.03.2024
time | en | comment | 0400-0630 hrs
time | fr | comment | entre 23h30 et 1h
time | es | comment | a las 04:15 horas
period | fr | notes | du 1er janvier 2024 au 31 mars 2024
period | es | notes | del 1 al 15 de agosto de 2024
period | en | notes | week ending 07/04/2024
period | xx | notes | 2567 BE
period | en | notes | Ramadan 1445 AH
# --- money
money | en | comment | PKR 1 200 000 per head
money | xx | comment | MYR 3 000
money | en | comment | THB 15,000 each
money | en | comment | PHP 80,000 for the whole group
money | en | comment | AFN 350 000
money | fr | comment | 1 500 € la place
money | es | comment | 3.500.000 COP por persona
money | en | comment | AUD 2,000,000 seized in cash
# --- positions, flights, registrations and other numbers of things
gps | xx | detection_place | 10°25.6'S 123°04.2'E
gps | xx | detection_place | N 50°57.8' E 001°51.2'
gps | xx | detection_place | 27°38'N 17°59'W
gps | xx | detection_place | -12.7806, 45.2278
gps | fr | detection_place | 12°46,8 S / 045°13,1 E
gps | en | detection_place | lat 05°32.4'N long 100°17.1'E
gps | xx | detection_place | 8°39′S 115°13′E
gps | es | detection_place | 36°41,2'N 003°31,7'W, a 12 millas de Motril
flight | en | comment | QR 958 DOH-DPS
flight | en | comment | MH 711 KUL-CGK
flight | es | comment | vuelo IB 6801 MAD-BOG
flight | fr | comment | vol ZD 304 Dzaoudzi-Moroni
flight | es | comment | vuelo UX 091 a Madrid
flight | en | comment | EK 432 DXB-BNE, seat row 40
registration | xx | conveyance | DH 8812 KA
registration | xx | conveyance | B 9021 TRX
registration | xx | conveyance | WXY 4471
registration | xx | conveyance | ผฉ 4417 สงขลา
registration | fr | conveyance | camion immatriculé GT-432-KL
registration | es | conveyance | matrícula 4417 LMZ
registration | en | conveyance | PK-LQJ
registration | es | conveyance | EC-MLP
number | en | conveyance | MMSI 525 019 443
number | en | conveyance | IMO 9214331
number | en | conveyance | call sign YB4412
number | es | comment | VHF canal 16
number | en | comment | HF 8291 kHz
number | en | comment | hotline 110 alerted by pax
number | fr | comment | 112 alerté par un passager
number | en | conveyance | container MSKU 482739 1
number | en | comment | seal no. 004417822
number | es | detection_place | PK 48+300 de la A-7
number | es | detection_place | km 1 147 de la Panamericana
number | xx | conveyance | GT 32 No. 417/PPe
number | fr | comment | point de passage autorisé n° 3
number | es | comment | punto de control 4, arroyo seco
number | en | comment | arrived at 0300 at the dock, dot-matrix printout of manifest attached
# --- case references of many shapes
reference | xx | incident_ref | LP/B/412/VII/2024/SPKT/POLDA NTT
reference | xx | incident_ref | No. 87/Pid.Sus/2024/PN Kpg
reference | en | incident_ref | FIR 217/24 PS Saddar Quetta
reference | en | incident_ref | Crim. Case No. R-ZAM-24-00381-CR
reference | fr | incident_ref | PV n° 2024/004127
reference | es | incident_ref | NIG 35016 43 2 2024 0004127
reference | es | incident_ref | DP 345/2024 Juzgado de Instrucción nº 2 de Arrecife
reference | es | incident_ref | Atestado 2024-004512
reference | es | incident_ref | Sumario 12/2024
reference | xx | incident_ref | คดีที่ 412/2567
reference | en | incident_ref | IS No. XV-07-INV-24F-00112
reference | xx | incident_ref | Repot Polis Tawau/004417/24
reference | en | incident_ref | Enquiry No. 112/2024 AHS Circle Quetta
reference | en | incident_ref | SIEV 918
reference | xx | incident_ref | CNR 2024-MBC-00917
reference | fr | incident_ref | ref. DZPAF62/ENQ/2024/0419
reference | fr | incident_ref | RG 24/01234
reference | fr | incident_ref | n° minute 2024/877
reference | xx | incident_ref | E-117-24
reference | xx | incident_ref | A24/117
reference | xx | incident_ref | 20240314-03
reference | xx | incident_ref | MBC-OPSB-24-1187
# --- legal references, some with dates in words
legal | en | comment | s233A
legal | en | comment | s.26A ATIPSOM Act 2007
legal | en | comment | RA 9208 as amended by RA 10364
legal | en | comment | PSMA 2018 s.3 (Pakistan)
legal | en | comment | Immigration Act 1959/63 s.56(1)(d)
legal | es | comment | art. 318 bis.3 a) Código Penal
legal | es | comment | art. 188 Código Penal (Colombia)
legal | es | comment | art. 159 Ley de Migración
legal | es | comment | RD 557/2011, de 20 de abril
legal | es | comment | Ley Orgánica 4/2000, de 11 de enero
legal | fr | comment | article L. 823-3 CESEDA
legal | fr | comment | Loi n° 2018-778 du 10 septembre 2018
legal | fr | comment | Ordonnance n° 2000-373 du 26 avril 2000 (Mayotte)
legal | fr | comment | Protocole de Palerme du 15 novembre 2000
legal | xx | comment | Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian
# --- code values, ages, routes through places named after people
code | xx | extra:fraud_type | pseudo_document
code | xx | extra:action | replace
code | xx | extra:payment_timing | on_arrival
code | xx | extra:citizenship | XXX
code | xx | extra:obs_status | Q
age_group | en | extra:age_group | aged 16-17
age_group | xx | extra:age_group | 25
age_group | es | extra:age_group | 35-44 años
age_group | fr | extra:age_group | 14 ans et plus
route | en | comment | Cox's Bazar → Teknaf → Langkawi
route | es | comment | Tapachula–CDMX–Nuevo Laredo
route | fr | comment | Moroni → Mutsamudu → Mayotte
route | en | comment | Quetta > Jacobabad > Karachi > Jinnah Intl
route | es | comment | Pedro Juan Caballero → Ponta Porã
# --- long operational notes dense with traps and no person
comment | en | comment | SIEV 918 intercepted 0415L 14/03 by HMAS Maryborough at 12°08'S 123°10'E, 38 pax (AFG/IRN), skipper and 2 crew (IDN) transferred to ABFC Cape Jervis; vessel destroyed at sea IAW standing orders
comment | en | comment | Group arrived DPS on QR 958 with genuine passports and fraudulent visas, facilitator met them landside (not identified), hotel in Kuta paid in cash USD 1,200
comment | en | narrative.text | Two trucks checked at Sadao on 3 and 4 June; the drivers said they had been paid THB 15,000 per person by a broker in Hat Yai whom they could not name. Both cases were referred to the provincial prosecutor under the Immigration Act.
comment | fr | comment | Kwassa intercepté par la vedette de la brigade nautique le 03/03 vers 02h40 au large de Bandrélé (12°55'S 045°12'E), 22 personnes dont 6 mineurs, pilote interpellé
comment | fr | comment | Contrôle du poids lourd immatriculé GT-432-KL sur l'A16 sortie 47, 9 personnes dans la remorque, chauffeur placé en GAV, PV n° 2024/004127 transmis au parquet
comment | fr | narrative.text | Le Préfet a réuni le comité opérationnel le 15 mars ; la Procureure a rappelé les instructions de politique pénale concernant les pilotes mineurs, qui sont désormais systématiquement présentés au juge des enfants.
comment | es | comment | Cayuco avistado por el Guardamar Concepción Arenal a 27°38'N 17°59'W el 12/10 a las 04:15, 132 ocupantes, trasladados al muelle de La Restinga
comment | es | comment | Camión Mercedes Actros matrícula 4417 LMZ interceptado en el PK 48+300 de la A-7 con 11 personas ocultas, conductor detenido, DP 345/2024
comment | es | narrative.text | El Sr. Fiscal Delegado de Extranjería informó a la Sra. Delegada del Gobierno de las 14 detenciones practicadas en la Operación Indalo, todas por el art. 318 bis del Código Penal.
comment | xx | comment | KM Dewi Sri diamankan KRI John Lie di perairan Pulau Rote 14/03 jam 04.15 WITA, 41 orang dibawa ke Rudenim Kupang, nakhoda dan 2 ABK ditahan Polda NTT
"""


# ---------------------------------------------------------------------------------------------
# Building, writing, checking.
# ---------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"⟨([a-z0-9_]+)⟩")


def _rows_of(block: str, label: str) -> list[dict[str, str]]:
    rows = []
    for raw in block.strip().splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, language, column, text = raw.split(" | ", 3)
        text = _PLACEHOLDER.sub(lambda m: GENERATED[m.group(1)], text.replace("\\n", "\n"))
        rows.append(
            {"label": label, "kind": kind, "language": language, "column": column, "text": text}
        )
    return rows


def _problem(row: dict[str, str]) -> str:
    """What is wrong with a row, or "" when nothing is."""
    if row["label"] == "personal" and row["kind"] not in PERSONAL_KINDS:
        return "unknown personal kind"
    if row["label"] == "ordinary" and (
        row["kind"] in PERSONAL_KINDS or not re.fullmatch(r"[a-z_]+", row["kind"])
    ):
        return "an ordinary kind must be a short word that is not a personal kind"
    if row["language"] not in LANGUAGES:
        return "unknown language"
    if row["column"] not in TEMPLATE_COLUMNS and not re.fullmatch(r"extra:[a-z_]+", row["column"]):
        return "unknown column"
    if not row["text"] or row["text"] != row["text"].strip():
        return "empty text, or spaces around it"
    return ""


def build() -> list[dict[str, str]]:
    """All rows, checked: known labels, kinds, languages and columns; no duplicate text."""
    rows = (
        _rows_of(PERSONAL, "personal")
        + _rows_of(ORDINARY_PLAIN, "ordinary")
        + _rows_of(ORDINARY_TRAPS, "ordinary")
    )
    seen: set[str] = set()
    for row in rows:
        problem = _problem(row)
        if not problem and row["text"].casefold() in seen:
            problem = "duplicate text (ignoring case)"
        if problem:
            raise ValueError(f"{problem}: {row}")
        seen.add(row["text"].casefold())
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def stats(rows: list[dict[str, str]]) -> str:
    trap_count = len(_rows_of(ORDINARY_TRAPS, "ordinary"))
    lines = [f"{'label':9} {'kind':17} " + " ".join(f"{lang:>4}" for lang in LANGUAGES) + "  total"]
    by_kind = Counter((r["label"], r["kind"], r["language"]) for r in rows)
    for label in LABELS:
        present = {r["kind"] for r in rows if r["label"] == label}
        kinds = (
            [k for k in PERSONAL_KINDS if k in present] if label == "personal" else sorted(present)
        )
        for kind in kinds:
            counts = [by_kind[(label, kind, lang)] for lang in LANGUAGES]
            lines.append(
                f"{label:9} {kind:17} "
                + " ".join(f"{c:>4}" for c in counts)
                + f"  {sum(counts):>5}"
            )
        per_lang = [sum(by_kind[(label, k, lang)] for k in kinds) for lang in LANGUAGES]
        lines.append(
            f"{label:9} {'(all)':17} "
            + " ".join(f"{c:>4}" for c in per_lang)
            + f"  {sum(per_lang):>5}"
        )
    personal = [r for r in rows if r["label"] == "personal"]
    embedded = sum(len(r["text"].split()) >= EMBEDDED_MIN_WORDS for r in personal)
    lines.append(
        f"personal rows embedded in a note of >= {EMBEDDED_MIN_WORDS} words: {embedded}, short cells: {len(personal) - embedded}"
    )
    ordinary = sum(r["label"] == "ordinary" for r in rows)
    lines.append(f"ordinary rows: {ordinary - trap_count} plain, {trap_count} traps")
    lines.append(
        f"columns: {dict(sorted(Counter(r['column'].split(':')[0] for r in rows).items()))}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if corpus.csv differs from what would be written",
    )
    parser.add_argument(
        "--stats", action="store_true", help="print counts per label, kind and language"
    )
    args = parser.parse_args(argv)
    rows = build()
    text = render(rows)
    if args.stats:
        print(stats(rows))
        return 0
    if args.check:
        current = CORPUS.read_bytes() if CORPUS.exists() else b""
        if current != text.encode("utf-8"):
            print(f"{CORPUS} is stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    CORPUS.write_bytes(text.encode("utf-8"))
    print(f"wrote {len(rows)} rows to {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
