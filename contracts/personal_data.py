"""The personal-data screen of spec §5.

Two checks. :func:`identifier_column` looks at column names (``name``, ``passport_number``…).
:func:`personal_data_kinds` looks at values: every cell of every table goes through it (see
``contracts.validate``), and a report names the cell and the kind of data, never the value.

What counts as personal (issue 11): e-mail addresses, plain and written out (``x [at] y [dot]
com``); identity documents (passport numbers with or without the word, national ID numbers in
the formats of the region, machine-readable zones); phone numbers; dates of birth in numbers
and words; street addresses; and names — after an honorific (``Mr``, ``Mme``, ``Doña``…), next
to a role word (``driver``, ``le passeur``, ``el patrón``…), or bare, recognised by a given
name or a surname from the vendored lists in ``contracts/names/`` (common given names and
surnames of the region and of English, French and Spanish speakers; ``common_word`` marks those
that are also ordinary words or places, which count only next to a known surname).

Everything runs vectorised in polars on the distinct values a caller passes. One pass of a
pre-screen (:data:`MAYBE_PERSONAL`) sets aside the code-like values that fill large packages
(references, counts, dates, codes) unless they hold a number of a known shape or a keyword;
the rest go through every check: the patterns of each kind are regular expressions (Rust
syntax), and names are found on words: the value is cut into words once, each word is looked
up in the lists (read once per process), and a few rules look at a word and the next two.
Places, vessels and operations named after people (``Jose Rizal Port``, ``KM Putri Ayu``,
``Hamid Karzai International Airport``) are masked before names are looked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from contracts.codelists import MEMO_LIMIT, MULTI_SEPARATOR, load_codelists
from contracts.countries import COUNTRY_NAMES_SEED, ROUTE_SEPARATOR, load_countries
from contracts.normalise import normalise_expr, normalise_text

NAMES_DIR = Path(__file__).with_name("names")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Normalised column names (and word sequences inside longer names) of personal identifiers.
IDENTIFIER_COLUMNS: frozenset[str] = frozenset(
    {
        "name",
        "names",
        "full name",
        "first name",
        "last name",
        "given name",
        "family name",
        "surname",
        "forename",
        "nom",
        "prenom",
        "nom de famille",
        "nombre",
        "nombres",
        "apellido",
        "apellidos",
        "passport",
        "passport number",
        "passport no",
        "passeport",
        "numero de passeport",
        "pasaporte",
        "numero de pasaporte",
        "document number",
        "id number",
        "national id",
        "id card number",
        "date of birth",
        "dob",
        "birth date",
        "birthdate",
        "date de naissance",
        "fecha de nacimiento",
        "phone",
        "phone number",
        "telephone",
        "telefono",
        "mobile",
        "mobile number",
        "address",
        "adresse",
        "direccion",
        "domicile",
        "domicilio",
        "email",
        "e mail",
        "courriel",
        "correo",
        "correo electronico",
    }
)

# The kinds, in the order a value is reported under (the first that matches).
KINDS: tuple[str, ...] = (
    "email_address",
    "document_number",
    "phone_number",
    "date_of_birth",
    "street_address",
    "personal_name",
)

# --- e-mail addresses ------------------------------------------------------------------------
_TLDS = (
    "com|net|org|info|biz|gov|edu|int|mil|co|ac|me|io|ru|fr|es|id|my|au|pk|af|ir|iq|in|lk|bd"
    "|th|vn|ph|sg|nz|ca|us|uk|de|it|cn|mx|ar|cl|pe|ec|so|er|et|sd|ly|tn|ma|dz|eg|tr|sa|ae|qa|km"
    "|yt|re|nc|pf|np|mm|kh|la|tl|pg|fj|sb|vu|ws|to"
)
# "@" and "." written out, in brackets ("[at]", "[@]", "(.)"), between underscores, or as
# words; "#" for "@" only between two words, as a mail address mistyped on a form is
_AT = (
    r"(?:\s*@\s*|\s*[\[({<]\s*(?i:at|@|arobase|arroba)\s*[\])}>]\s*|\s*_(?i:at)_\s*"
    r"|\s+(?i:at|arobase|arroba)\s+|#)"
)
_DOT = (
    r"(?:\s*\.\s*|\s*[\[({<]\s*(?i:dot|point|punto|\.)\s*[\])}>]\s*|\s*_(?i:dot)_\s*"
    r"|\s+(?i:dot|point|punto)\s+)"
)
EMAIL = (
    r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}"
    # written out: the top-level domain must be one (lower or upper case), so that "at
    # Kupang. Then" is not an address
    + r"|[\p{L}\p{N}._%+\-]+"
    + _AT
    + r"[\p{L}\p{N}\-]+(?:"
    + _DOT
    + r"[\p{L}\p{N}\-]+)*"
    + _DOT
    + rf"(?:{_TLDS}|{_TLDS.upper()})\b"
)

# --- identity documents -------------------------------------------------------------------
_DOC_WORDS = (
    r"passports?|passeports?|pasaportes?|pp|ppt|travel\s+doc(?:ument)?|id\s*card|identity\s+card"
    r"|carte\s+d['’]identit[ée]|carte\s+nationale\s+d['’]identit[ée]|titre\s+de\s+s[ée]jour"
    r"|c\.?n\.?i\.?|d\.?n\.?i\.?|n\.?i\.?e\.?|n\.?i\.?f\.?|c\.\s?c\.|c[ée]dula(?:\s+de\s+identidad)?"
    r"|curp|r\.?u\.?t\.?|nik|e-?ktp|ktp|cnic|nicop|n\.?i\.?c\.?|mykad|nric|aadhaa?r|psn"
    r"|e-?tazk[ie]ra|tazk[ie]ra|n\.?i\.?d\.?|nrc|ssn|social\s+security|s[ée]curit[ée]\s+sociale"
    r"|insee|nir|melli\s+code|national\s+id(?:entity)?(?:\s+(?:card|number|no))?"
    r"|id\s*(?:no|number|num|nr)|identity\s+(?:no|number)|document\s+(?:no|number)"
    r"|num[ée]ro\s+de\s+(?:passeport|document)|n[úu]mero\s+de\s+(?:pasaporte|documento)"
    r"|documento\s+de\s+identidad|visa\s+(?:no|number)|prc\s+id(?:\s+card)?"
    # the Americas: cédulas, DPI (Guatemala), DUI (El Salvador), RNC, CUIL/CUIT, CPF, CI
    r"|c[ée]dulas?|carn[ée]t?|tarjeta\s+de\s+identidad|dpi|dui|rnc|cuil|cuit|cpf|c\.?i\.?"
    # refugee registration (UNHCR / HCR / ACNUR cards), tax and insurance numbers
    r"|u\.?n\.?h\.?c\.?r\.?|hcr|acnur|refugee\s+(?:card|id)|tfn|tax\s+file\s+number|tin|npwp"
    r"|nit|ruc|rfc|national\s+insurance(?:\s+number)?|medicare(?:\s+card)?"
)
_UNHCR = r"\d{3}-\d{2}[A-Z]\d{5,6}"  # UNHCR individual number: 158-22C08038
# A document number: letters and digits, runs of digits, dotted (84.418.821, V-11.196.247),
# in spaced groups (754 410 964, 4960 79312 1406), or dashed (402-7197643-9).
_DOC_NUMBER_SHAPES = (
    r"[A-Z]{1,3}\s?\d(?:\s?\d){4,10}[A-Z]?",
    r"\d{2}[A-Z]{2}\s?\d(?:\s?\d){3,7}",
    r"\d{5,}[A-Z]?",
    r"(?:[A-Z]-)?\d{1,3}(?:\.\d{3}){2,3}",
    r"\d{3,5}(?:\s\d{3,5}){2,3}",
    _UNHCR,
)
_DOC_NUMBER = "(?:" + "|".join((*_DOC_NUMBER_SHAPES, r"\d[\d\-]{6,}\d[A-Z]?")) + r")\b"
# After words that qualify the document, dashed only with a group of five digits or more:
# "cédula dominicana 402-7197643-9", not "passports issued 2019-2023".
_QUALIFIED_DOC_NUMBER = (
    "(?:" + "|".join((*_DOC_NUMBER_SHAPES, r"\d{1,4}-\d{5,}(?:-\d{1,2})?")) + r")\b"
)
_YEARISH = r"(?:19|20)\d\d"
_NOT_YEAR4 = r"(?:[03-9]\d{3}|1[0-8]\d\d|2[1-9]\d\d)"
# National numbers whose shape alone gives them away, and MRZ lines.
_DOCUMENT_SHAPES = (
    # machine-readable zones: a run of fillers, or a TD1/TD3 start like P<AFG
    r"<<|\b[PIACV][A-Z<]?<[A-Z]{3}",
    r"\b\d{10,19}\b",  # NIK (16), Thai/CNIC (13), PRC (18), NID (10/13/17), NIR (15)
    r"\b\d{17}[\dXx]\b",  # PRC with its X check character
    r"\b\d{6}-\d{2}-\d{4}\b",  # MyKad
    r"\b\d{5}-\d{7}-\d\b",  # CNIC
    r"\b\d-\d{4}-\d{5}-\d{2}-\d\b",  # Thai ID
    r"\b\d{4}-\d{4}-\d{4}-\d{4}\b",  # PhilSys
    r"\b\d{4}-\d{4}-\d{5}\b",  # e-tazkira
    r"\b\d{3}-\d{6}-\d\b",  # Iranian national code
    r"\b\d{3}-\d{2}-\d{4}\b",  # US SSN
    r"\b\d{8}-?[A-Z]\b",  # Spanish DNI
    r"\b[XYZ]-?\d{7}-?[A-Z]\b",  # Spanish NIE
    r"\b\d{9}[VvXx]\b",  # Sri Lankan NIC (old)
    r"\b\d{1,2}/\p{L}+\s?\((?:N|E|P|T|AE|NAING)\)\s?\d{5,6}\b",  # Myanmar NRC
    r"\b[12]\s\d{2}\s(?:0[1-9]|1[0-2])\s\d{2}\s\d{3}\s\d{3}\s\d{2}\b",  # French NIR, spaced
    r"\b[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z\d]\d\b",  # CURP
    r"\b\d{1,2}\.\d{3}\.\d{3}-[\dkK]\b",  # Chilean RUN
    r"\b\d{3}\.\d{3}\.\d{3}-\d{2}\b",  # Brazilian CPF
    rf"\b{_UNHCR}\b",
    r"\b\d{3}-\d{7}-\d\b",  # Dominican cédula
    r"\b\d{4}\s\d{5}\s\d{4}\b",  # Guatemalan DPI
    r"\b[VE]-\d{1,2}\.\d{3}\.\d{3}\b",  # Venezuelan cédula
    # twelve digits in fours (Aadhaar), unless they are years
    rf"\b{_NOT_YEAR4}\s\d{{4}}\s\d{{4}}\b|\b\d{{4}}\s{_NOT_YEAR4}\s\d{{4}}\b",
    # a passport-shaped token inside text (letters, then seven or eight digits)
    r"\b[A-Z]{1,2}\d{7,8}\b",
    # a whole value that is a passport number in an issuing state's shape (one or two
    # letters and six to eight digits; three letters and six digits, as Spain's; two digits,
    # two letters and five digits, as France's): a reference must not be one
    r"^\s*(?:[A-Za-z]{1,2}\d{6,8}|[A-Z]{3}\d{6}|[A-Z]\d{7}[A-Z]|\d{2}[A-Z]{2}\d{5})\s*$",
)
_DOC_NO = r"(?i:no\.?|n\.?\s?[º°o]\.?|num\.?|núm\.?|number|num[ée]ro|n[úu]mero|#)?\s*[:#\-]?\s*"
DOCUMENT = "|".join(
    (
        # a document word, maybe "no"/"n°"/"#", then a number
        rf"(?i:\b(?:{_DOC_WORDS}))\.?\s*" + _DOC_NO + _DOC_NUMBER,
        *_DOCUMENT_SHAPES,
    )
)
# A document word, up to three words that say which (``pasaporte venezolano``, ``cédula de
# ciudadanía``, ``passeport falsifié``, ``UNHCR card``), then a number that is no date.
DOCUMENT_QUALIFIED = (
    rf"(?i:\b(?:{_DOC_WORDS}))\.?(?:\s+\p{{L}}[\p{{L}}'’\-]*){{1,3}}\.?\s*[,:]?\s*"
    + _DOC_NO
    + _QUALIFIED_DOC_NUMBER
)

# --- phone numbers ------------------------------------------------------------------------
_TEL_WORDS = (
    r"tel|t[ée]l|telf|tlf|tfno|tf|t[ée]l[ée]phone|tel[ée]fono|phone|ph|mobile|mob|cell|cel"
    r"|cellphone|celular|m[óo]vil|portable|whatsapp|wa|viber|telegram|signal|hp|handphone"
    r"|contact(?:o)?(?:\s+no\.?)?|call|called|llam(?:ar|[óo]|aba|aban|aron|ado)|appel(?:er|aient|ait|ez)?"
    r"|joignable\s+au|contactar|marc(?:ar|aba|aban|[óo]|aron)|dial(?:l?ed|l?ing)?|texted|sms"
    r"|compos(?:er|ait|aient|[ée])"
)
# Candidates; a candidate counts when it has enough digits (see _phone).
_PHONE_SHAPES = (
    # international, with + or 00
    r"(?:\+|\b00)\s?\d(?:[\s.\-/()]{0,2}\d){6,16}",
    # an area code in brackets
    r"\(0?\d{1,4}\)\s?\d{2,4}[\s.\-]?\d{2,4}",
)
PHONE_STRONG = "|".join(
    (
        # a phone word before the number
        rf"(?i:\b(?:{_TEL_WORDS})\b)\.?\s*(?:no\.?|n[º°o]\.?|number|num[ée]ro)?\s*[:#\-]?\s*"
        r"(?:le\s+|al\s+|au\s+|on\s+)?\+?\(?\d(?:[\s.\-()]{0,2}\d){6,14}",
        # a phone word, up to three words ("celular del guía", "marcaba al"), then a number
        # with a run of four digits, which amounts in thousands (1 500 000) lack
        rf"(?i:\b(?:{_TEL_WORDS})\b)(?:\s+\p{{L}}[\p{{L}}'’\-]*){{1,3}}\s*[:#\-]?\s*"
        r"\+?\(?(?:\d[\s.\-()]{0,2}){0,6}\d{4}(?:[\s.\-()]{0,2}\d){2,10}",
        *_PHONE_SHAPES,
    )
)
PHONE_LOCAL = r"\b0\d{1,4}(?:[\s.\-]\d{2,8}){1,5}\b|\b0[1-9]\d{8,11}\b"
# Dates and times look like dotted or dashed numbers: phone numbers are looked for without them.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DATE_TIME = (
    rf"\b(?:\d{{4}}[./\-]{_MONTH}[./\-]{_DAY}|{_DAY}[./\-]{_MONTH}[./\-](?:\d{{4}}|\d{{2}})"
    rf"|{_MONTH}[./\-]{_DAY}[./\-](?:\d{{4}}|\d{{2}}))\b|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b"
)

# --- dates of birth -------------------------------------------------------------------------
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre"
    r"|d[ée]cembre|janv|f[ée]vr|avr|juil|d[ée]c"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se[pt]tiembre|octubre|noviembre"
    r"|diciembre|ene|abr|ago|dic"
    # Indonesian and Malay
    r"|januari|februari|maret|mac|mei|juni|juli|julai|agustus|ogos|oktober|desember|disember"
)
# Numbers as words (EN/FR/ES), cardinal and ordinal, to read dates written out in full:
# "the twelfth of May, nineteen ninety", "vingt-deux avril", "primero de enero de dos mil".
_NUMBER_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty"
    r"|premi[eè]re?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
    r"|quatorze|quinze|seize|vingt|trente"
    r"|primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|dieci\p{L}+|veinte|veinti\p{L}+|treinta"
)
_DAY_IN_WORDS = rf"(?:{_NUMBER_WORDS})(?:[\s\-]+(?:et\s+|y\s+|and\s+)?(?:{_NUMBER_WORDS}))?"
# "nineteen ninety", "nineteen oh five", "twenty twelve" (not "twenty years ago")
_YEAR_IN_WORDS = (
    r"(?:nineteen|twenty)[\s\-]+(?:oh|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|twenty)\b|nineteen[\s\-]+(?:hundred|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b"
    r"|two\s+thousand|mille\s+neuf\s+cents?|deux\s+mille|dix[\s\-]neuf\s+cents?"
    r"|mil\s+novecientos|dos\s+mil"
)
# Dates in numbers, also written together (19900512); day and month in any separator
# ("7-ago-1996", "12.Mai.1990", "12MAY1990") or none.
_DATE_NUMBERS = (
    r"\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
)
_DATE_SEPARATOR = r"(?:\s*[\-./]?\s*)"
_DATE_WORDS = (
    rf"\d{{1,2}}(?:st|nd|rd|th|er|º|°)?{_DATE_SEPARATOR}(?:of\s+|de\s+)?(?:{_MONTHS})\.?"
    rf"(?:(?:,?\s+|\s*[\-./]\s*)(?:de\s+|del\s+)?\d{{2,4}})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+(?:de\s+|of\s+)?\d{{4}}"
    rf"|(?:the\s+)?(?:{_DAY_IN_WORDS})\s+(?:of\s+|de\s+)?(?:{_MONTHS})"
    rf"|(?:{_MONTHS})\s+(?:the\s+)?(?:{_DAY_IN_WORDS})|{_YEAR_IN_WORDS}"
)
# The nouns, adjectives and verbs of birth (EN/FR/ES; Indonesian, Malay, Vietnamese and
# Filipino labels of identity papers), in the forms a report writes them.
_BIRTH_WORDS = (
    r"born|birth|date\s+of\s+birth|birth\s*date|birthdate|birthday|dob|yob|year\s+of\s+birth"
    r"|n[ée]e?s?|naquit|naquirent|date\s+de\s+naissance|ann[ée]e\s+de\s+naissance|naissance"
    r"|ddn|nacid[oa]s?|naci[óo]|nacieron|nacimiento|fecha\s+de\s+nacimiento"
    r"|a[ñn]o\s+de\s+nacimiento|fn|fdn|b/d|d/b|f/n|d/n|d/o/b|f/nac|fecha\s+(?:de\s+)?nac"
    r"|lahir|kelahiran|ttl|sinh|kapanganakan|ipinanganak|isinilang"
)
# Abbreviations, which end in a full stop or a bracket (no \b after them).
_BIRTH_ABBREVIATIONS = (
    r"n[ée]\(e\)|d\.\s?o\.\s?b\.?|y\.\s?o\.\s?b\.?|b\.|f\.\s?(?:de\s+)?nac(?:imiento|\.)?"
    r"|fec\.\s?nac\.?|nac\.|naiss\."
)
DATE_OF_BIRTH = (
    rf"(?i:(?:\b(?:{_BIRTH_WORDS})\b|\b(?:{_BIRTH_ABBREVIATIONS}))"
    r"\s*[:,\-]?\s*(?:(?:on|in|the|le|el|en|du|del|at|pada|tanggal|tgl\.?|ngày|năm|noong)\s+){0,2}"
    # the place of birth first: "à Herat, le", "TTL: Kupang, 12-05-1990"
    r"(?:(?:(?:à|a|at|in|en|di)\s+\p{L}[\p{L}\-']+|\p{Lu}[\p{L}\-']+,)\s+"
    r"(?:(?:on|in|le|el|en)\s+)?)?"
    rf"(?:{_DATE_NUMBERS}|{_DATE_WORDS}|{_YEARISH})\b)"
)

# --- street addresses -----------------------------------------------------------------------
_EN_STREETS = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl"
    r"|terrace|crescent|close|highway|hwy|parade|square|sq|gardens|grove|walk|row|mews"
)
_FR_STREETS = (
    r"rue|avenue|av\.|bd|boulevard|chemin|impasse|all[ée]e|place|quai|route|cours|passage"
    r"|square|r[ée]sidence|lotissement|cit[ée]"
)
_ES_STREETS = (
    r"calle|c/|avenida|avda\.?|av\.|paseo|plaza|pza\.|carrera|cra\.?|kra\.?|diagonal"
    r"|transversal|jir[óo]n|jr\.|pasaje|psje\.|callej[óo]n|urbanizaci[óo]n|urb\."
)
_MY_STREETS = r"jalan|jln\.?|jl\.|lorong|lrg\.?|gang|gg\.|thanon|th\.|soi"
_DWELLINGS = r"house|flat|unit|apt\.?|apartment|block|bloc|piso|logement"
# A house, flat or plot and its number: with another part of an address after it, it is one.
_HOUSES = (
    r"house|flat|apt\.?|apartment|casa|maison|appartement|appt\.?|rumah|piso|apto\.?"
    r"|apartamento|lote|bloque|manzana|mz\.?"
)
# Neighbourhoods: a house number in one is an address (Residencial Los Pinos, casa 17).
_NEIGHBOURHOODS = (
    r"colonia|col\.|barrio|bo\.|residencial|urbanizaci[óo]n|urb\.|fraccionamiento|fracc\."
    r"|reparto|caser[íi]o|township|ward|kelurahan|kampung|quartier"
)
_QUARTERS = r"qu[ậa]n|ph[ưu][ờo]ng"
_POSTCODE_STREETS = rf"{_EN_STREETS}|rue|avenue|calle|avenida|jalan|jl|soi|thanon|boulevard|bd"
_ADDRESS_WORDS = (
    r"address|adresse|direcci[óo]n|domicilio|domicile|domicili[ée]e?|r[ée]sidant"
    r"|lives\s+at|living\s+at|vit\s+au|vive\s+en|reside\s+en|residing\s+at"
    r"|domiciliad[oa]\s+en|con\s+domicilio\s+en"
)
STREET_ADDRESS = "|".join(
    (
        # 12 George Street / 182 HARBOUR ROAD
        # No. 112, 33rd Street
        rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:(?:\p{{Lu}}[\p{{L}}'’\-]*\.?|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,3}}"
        rf"(?i:{_EN_STREETS})\b",
        # 14 rue de la Paix / 202 avenue Jean Jaurès
        rf"(?i:\b\d{{1,4}}\s?(?:bis|ter)?,?\s+(?:{_FR_STREETS}))"
        r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?\p{Lu}",
        # Calle Mayor 5 / Avenida de Andalucía, 36 / Carrera 3 # 22-190 (a numbered street
        # alone, "Calle 50", is a street, not an address)
        rf"(?i:\b(?:{_ES_STREETS}))"
        r"\s+(?:de\s+la\s+|de\s+los\s+|de\s+las\s+|del\s+|de\s+)?\p{Lu}[\p{L}\d'’.\-]*"
        r"(?:\s+[\p{L}'’.\-]+){0,4}?,?\s*(?i:n[º°o]\.?\s*|#\s*|no\.?\s*|num\.?\s*)?\d{1,5}\b",
        rf"(?i:\b(?:{_ES_STREETS})\s+\d{{1,3}}[A-Za-z]?\s*,?\s*(?:n[º°o]\.?|#|no\.?|num\.?)\s*\d)",
        # Jalan Ampang No. 12 / 12 Jalan Ampang / Gang 5 No. 3 (a lane alone, "Soi 11", is a
        # street, not an address)
        rf"(?i:\b(?:{_MY_STREETS})\s+\p{{L}}[\p{{L}}\d'’.\-]*"
        r"(?:\s+[\p{L}'’.\-]+){0,3}?,?\s*(?:no\.?\s*|nomor\s*)?\d{1,5}[A-Za-z]?\b)",
        rf"(?i:\b(?:{_MY_STREETS})\s+\d{{1,4}}\s*,?\s*(?:no\.?|nomor|n[º°o]\.?)\s*\d{{1,5}})",
        rf"(?i:\b\d{{1,5}}[A-Za-z]?,?\s+(?:{_MY_STREETS}|calle|avenida)\s+\p{{L}})",
        # House 138, Street 9 / Flat 4, 53 ...
        rf"(?i:\b(?:{_DWELLINGS})\s*(?:no\.?\s*)?"
        r"\d{1,5}[A-Za-z]?\s*,\s*(?:street|st|road|rd|lane|sector|block)?\s*(?:no\.?\s*)?\d)",
        # House 112, Baluwatar-4 / bloque 3, casa 17 / casa 17, San Pedro Sula
        rf"(?i:\b(?:{_HOUSES})\s*(?:no\.?\s*|n[º°o]\.?\s*|#\s*)?\d{{1,5}}[A-Za-z]?\s*,\s*)"
        rf"(?:\p{{Lu}}\p{{L}}|(?i:(?:{_HOUSES})\s*#?\s*\d))",
        rf"(?i:\b(?:{_NEIGHBOURHOODS}))\s+\p{{Lu}}[^\n]{{0,50}}?(?i:\b(?:{_HOUSES}|n[º°o]\.|no\.)\s*#?\s*\d)",
        # Vietnamese districts and wards: Quận 4, Phường 7
        rf"(?i:\b(?:{_QUARTERS})\s+\d{{1,2}}\b)",
        # a street word, then a postcode
        rf"(?i:\b(?:{_POSTCODE_STREETS})\b)[^\n]{{0,60}}?\b\d{{5}}\b",
        r"\b(?:NSW|VIC|QLD|WA|SA|TAS|NT|ACT)\s+\d{4}\b",  # Australian state and postcode
        r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b",  # British postcode
        rf"(?i:\b(?:{_ADDRESS_WORDS})\b\W{{0,5}}[^\n]{{0,40}}?\d{{1,5}})",
    )
)

# --- which values may hold personal data -----------------------------------------------------
# Most cells of a large package are references, counts, dates and codes: ASCII letters and
# digits with "-" or "/". Such a value can hold no e-mail address (that needs "@", a space,
# brackets or "_") and no name (two words need a space or a stop between them); it can hold the
# other kinds only as a number of a known shape or after a keyword that starts a pattern (every
# pattern above that starts otherwise needs a space, a comma or a bracket). One pass of this
# pattern picks the values that may be personal: any other character, a keyword, a shape. Only
# those go through every check (a million references: 0.1 s instead of 0.4 s; the patterns
# cannot be one alternation: the regex engine then leaves its automaton and takes minutes).
_KEYWORDS = "|".join(
    (
        _DOC_WORDS,
        _TEL_WORDS,
        _BIRTH_WORDS,
        _BIRTH_ABBREVIATIONS,
        _EN_STREETS,
        _FR_STREETS,
        _ES_STREETS,
        _MY_STREETS,
        _DWELLINGS,
        _QUARTERS,
        _POSTCODE_STREETS,
        _ADDRESS_WORDS,
    )
)
MAYBE_PERSONAL = "|".join(
    (
        r"[^A-Za-z0-9/\-]",
        rf"(?i:\b(?:{_KEYWORDS}))",
        *_DOCUMENT_SHAPES,
        *_PHONE_SHAPES,
        PHONE_LOCAL,
    )
)

# --- names --------------------------------------------------------------------------------
# Honorifics after which any word is a name ("mr ahmed", "MME WIN", "Sra.Begum").
TITLES = _words(
    "mr mrs ms mister missus mme mmes mlle mlles monsieur madame mademoiselle madam messrs"
    " sr sra srta senor senora senorita dona dna dr dra doctor docteur doctora prof"
    " professor professeur profesor hajji haji hadji hajja hajjah encik puan cik tuan"
    " datuk dato insp inspector inspecteur inspectora sgt sergeant sargento sergent"
    " lic licdo licda ing ingeniero ingeniera abogado abogada maitre"
    # Malay, South Asian, Indonesian and Filipino honorifics (Dato' Azman, Smt. Sita, Sdr. Budi)
    " datin tengku tunku tuanku smt shrimati sushri tmt thiru thirumathi selvi sdr sdri"
    " saudara saudari bpk gng ginoo ginang mgr monseigneur"
)
# Honorifics and ranks that also start ordinary phrases ("Don Sak pier", "Captain and crew"):
# a name must follow (a known given name, or two capitalised words, or a known surname).
WEAK_TITLES = _words(
    "don d capt cpt captain capitan capitaine cap sir lady lord sheikh shaikh cheikh sultan"
    " mullah mawlawi maulvi maulana ustad ustadz imam pastor father fr sister brother me mx"
    " engr eng cpl lt col gen maj officer agent pak bapak bu ibu khun daw u ko"
    # ranks
    " coronel colonel comandante commandant teniente lieutenant admiral almirante amiral"
    # South Asian and Arabic honorifics; Karen, Shan and Burmese prefixes of a name (Saw Eh
    # Htoo, Naw Paw, Nang Seng Hom, Sai Htun, Mahn Win, Maung Maung)
    " sri shri sayyid sayed syed alhaji alhaja mallam saw naw nang sai sao mahn nan maung mg"
)
# Role words: a name right after them ("driver Ahmed Karimi", "el patrón mulyadi") or right
# before them, after a comma or in brackets ("Karimi, the driver", "Jafari (deckhand)").
ROLES = _words(
    # English
    "driver drivers captain capt skipper master owner organiser organizer smuggler facilitator"
    " suspect accused defendant detainee detained arrested apprehended charged convicted"
    " sentenced recruiter broker agent guide coordinator leader ringleader boss kingpin"
    " courier helper crewman deckhand lookout collector passenger victim witness informant"
    " named called alias aka nicknamed dubbed investigated landlord landlady host cashier"
    " treasurer forger interpreter translator transporter fixer hawaladar boatman navigator"
    " mechanic middleman handler financier accomplice mastermind escort runner"
    # French
    " passeur passeuse passeurs chauffeur chauffeuse conducteur conductrice capitaine pilote"
    " proprietaire organisateur organisatrice suspecte prevenu prevenue accuse accusee detenu"
    " detenue interpelle interpellee arrete arretee recruteur recruteuse intermediaire complice"
    " nomme nommee denomme denommee appele appelee dit dite surnomme surnommee temoin victime"
    " convoyeur convoyeuse rabatteur sieur logeur logeuse hebergeur hebergeuse caissier"
    " caissiere tresorier tresoriere faussaire interprete traducteur traductrice transporteur"
    " transporteuse mecanicien cuisinier commanditaire financier financiere associe associee"
    " interesse interessee requerant requerante identifie identifiee repere reperee"
    " signale signalee"
    # Spanish
    " conductor conductora chofer capitan patron duena dueno propietario propietaria"
    " organizador organizadora sospechoso sospechosa detenido detenida acusado acusada"
    " imputado imputada investigado investigada reclutador reclutadora intermediario"
    " intermediaria complice llamado llamada apodado apodada identificado identificada"
    " testigo traficante coyote pollero pollera jefe cabecilla lanchero captador captadora"
    " transportista guia casero casera arrendador arrendadora hospedador hospedadora cajero"
    " cajera tesorero tesorera falsificador falsificadora traductor traductora mecanico"
    " enlace financista socio socia interesado interesada solicitante denunciante"
)
ROLE_PHRASES = frozenset(
    {
        "boat owner",
        "vessel owner",
        "boat captain",
        "truck driver",
        "taxi driver",
        "bus driver",
        "crew member",
        "money collector",
        "known as",
        "identified as",
        "son of",
        "daughter of",
        "wife of",
        "husband of",
        "brother of",
        "sister of",
        "mis en cause",
        "mise en cause",
        "fils de",
        "fille de",
        "epouse de",
        "du bateau",
        "conocido como",
        "conocida como",
        "hijo de",
        "hija de",
        "esposa de",
        "de la embarcacion",
    }
)
# Who did what to the boat or the people (owned by, conduit par, reclutado por): as often
# followed by a company or an agency as by a person, so a known name must follow.
AGENT_PHRASES = frozenset(
    {
        "owned by",
        "run by",
        "driven by",
        "piloted by",
        "skippered by",
        "captained by",
        "steered by",
        "organised by",
        "organized by",
        "recruited by",
        "arranged by",
        "hired by",
        "led by",
        "guided by",
        "chartered by",
        "sent by",
        "harboured by",
        "hosted by",
        "registered to",
        "belonging to",
        "conduit par",
        "pilote par",
        "organise par",
        "recrute par",
        "dirige par",
        "heberge par",
        "loue par",
        "appartenant a",
        "conducido por",
        "pilotado por",
        "organizado por",
        "reclutado por",
        "dirigido por",
        "alojado por",
        "contratado por",
        "propiedad de",
        "a nombre de",
    }
)
# Words between two parts of one name.
PARTICLES = _words(
    "de del della dela di da das dos do du van von der den bin binti bint ibn bte al el abu"
    " a/l a/p s/o d/o y anak"
)
# Particles that only stand inside a name ("son of", "daughter of"): two capitalised words
# around one are a name, known or not (Jimbun anak Lasah, Muthu a/l Subramaniam).
STRONG_PARTICLES = _words("bin binti bint ibn bte anak a/l a/p s/o d/o")
# Particles that begin a surname or a name, capitalised (M. Le Goff, La Ode Hasrun, Van Dijk).
LEADING_PARTICLES = _words("le la de du des del van von da di al el ben mac mc wa")
# Honorifics and ranks that towns are named with (Don Benito, Doña Mencía, General Santos,
# Presidente Franco, Coronel Oviedo): such a town written with its province, alone in a
# value ("Don Benito (Badajoz)", "Doña Mencía, Córdoba"), is a place.
PLACE_TITLES = _words(
    "don dona doctor general presidente coronel comandante capitan almirante mariscal fray padre"
)
# Names made by rule, which no list can hold all of: Arabic given names of "servant of" and
# "of the faith" (Abdelrahim, Abdulkarim, Habibullah, Salahuddin, Nasreddine), and surnames
# of Pashtun, Persian, Tamil, Sinhala and Turkish making (Ahmadzai, Hosseinzadeh, Jeyakumar,
# Kanagaratnam, Sivanathan, Jayasinghe, Karaoglu). Folded keys, at least three letters before
# the ending; one pattern with a group for each.
MADE_NAMES = (
    r"^(?:(?<given>abd(?:[aeiou][lr]|ou|u|i)[a-z]{3,}|[a-z]{3,}(?:ullah|ollah|uddin|eddine?))"
    r"|(?<surname>[a-z]{3,}(?:zai|zadeh|zada|khel|kumar|nathan|lingam|ratnam|rajah|singhe"
    r"|wardena|wardana|oglu)))$"
)
# Words that are never part of a name: grammar words, and capitalised words of places,
# agencies, nationalities, months, transport and money that stand next to names in reports.
STOPWORDS = _words(
    "the a an and or of in on at to for with by from into onto off over under near via was"
    " were is are be been being has had have who whom whose which that this these those he she"
    " they his her their him them it its not no yes all some any each every other others both"
    " than then there here when where while after before during since until also only as"
    " le la les l un une des du de et ou en au aux pour par avec sur dans vers il elle ils"
    " elles son sa ses leur leurs qui que est sont etait ont ne pas plus tous toutes dont ce"
    " cette ces lors apres avant depuis a"
    " el los las lo una unos unas y o e al del para por con sin sobre hacia desde entre"
    " ella ellos ellas su sus quien es son fue era ha han se le les tras"
    # more function words, some of them also names in the lists ("hasta", "durante")
    " upon within without between among across along around behind below beneath beside"
    " besides beyond inside outside through throughout toward towards against amid unless"
    " though although because whether either neither nor yet too very just still even ever"
    " never always already soon now thus hence however again once twice"
    " chez sous selon contre malgre sans parmi pendant lorsque quand comme mais donc car ainsi"
    " aussi encore deja jamais toujours tout toute tres trop peu ici puis enfin alors non oui"
    " nous vous notre votre chaque autre autres meme ceci cela celui celle"
    " hasta durante mediante segun contra bajo ante donde cuando como pero muy aun tambien"
    " entonces luego aqui alli asi nunca siempre todo toda todos todas otro otra otros otras"
    " mismo misma cada este esta estos estas ese esa esos esas aquel aquella nuestro nuestra"
    " usted ustedes sino porque pues aunque mientras cerca lejos dentro fuera junto despues"
)
ORDINARY_WORDS = _words(
    # nationalities (EN / FR / ES stems are listed with their usual endings)
    "afghan afghans afghane afghanes afgano afgana afganos pakistani pakistanis pakistanais"
    " pakistanaise paquistani pakistani iranian iranians iranien iranienne irani irani"
    " iraqi iraqis irakien irakienne iraqui syrian syrien syrienne sirio siria bangladeshi"
    " bangladais bangladesi rohingya rohingyas burmese birman birmane birmano myanmar"
    " lankan lankans lankais lankaise tamil tamils sinhalese cinghalais indonesian indonesians"
    " indonesien indonesienne indonesio malaysian malaysians malaisien malaisienne malasio thai"
    " thais thailandais tailandes vietnamese vietnamien vietnamienne vietnamita chinese chinois"
    " chinoise chino china indian indians indien indienne indio nepali nepalese nepalais"
    " filipino filipinos philippin philippine cambodian cambodgien camboyano lao laotian somali"
    " somalis somalien somalienne eritrean eritreans erythreen eritreo ethiopian ethiopien"
    " etiope sudanese soudanais sudanes egyptian egyptien egipcio libyan libyen libio tunisian"
    " tunisien tunecino moroccan marocain marocaine marroqui algerian algerien argelino nigerian"
    " nigerien nigeriano ghanaian ghaneen senegalese senegalais senegales malian malien"
    " guinean guineen ivorian ivoirien cameroonian camerounais congolese congolais kurdish kurd"
    " kurds kurde kurdo turkish turc turco australian australians australien australiano french"
    " francais espagnol spanish espanol british britannique britanico english anglais ingles"
    " european europeen europeo african africain africano asian asiatique asiatico arab arabe"
    " arabic persian persan pashto dari urdu bengali hazara hazaras pashtun baloch comorian"
    " comorien comorienne comorano malagasy mahorais haitian haitien haitiano cuban cubain cubano"
    " venezuelan venezuelien venezolano colombian colombien colombiano ecuadorian equatorien"
    " ecuatoriano peruvian peruvien peruano mexican mexicain mexicano guatemalan guatemalteque"
    " guatemalteco honduran hondurien hondureno salvadoran salvadorien salvadoreno"
    " nicaraguan nicaraguayen nicaraguense dominican dominicain dominicano papuan timorese"
    " fijian solomon islander islanders"
    # agencies and institutions
    " police policia policiers gendarmerie gendarmeria guardia guard guards garde coast cotiere"
    " costera navy marine maritime maritimo maritima army armee ejercito armada force forces"
    " fuerza fuerzas border borders frontiere frontieres frontera fronteras immigration"
    " immigracion inmigracion imigrasi migration migracion migraciones customs douane douanes"
    " aduana aduanas service services servicio servicios agency agence agencia bureau office"
    " oficina department departement departamento ministry ministere ministerio directorate"
    " direction direccion direktorat general generale national nationale nacional federal"
    " federale royal royale republic republique republica republik unit unite unidad task"
    " command commandement comando mando authority autorite autoridad commissioner"
    " commission council court tribunal tribunal juzgado parquet fiscalia prefecture prefectura"
    " interpol europol frontex unhcr iom oim acnur unodc afp abf bakamla polri polda badan"
    " kepolisian negara joint operation operations operacion sovereign criminal investigation"
    " enforcement central centrale regional provincial public security securite seguridad"
    " salvamento rescue mrcc coordination"
    # Malay and Indonesian agencies, ranks of office and places (Agensi Penguatkuasaan Maritim
    # Malaysia, Direktorat Jenderal Imigrasi, Pos Lintas Batas Negara)
    " agensi penguatkuasaan penguatkuasa maritim kastam imigresen polis diraja jabatan"
    " kementerian pasukan tentera laut udara darat keselamatan pertahanan awam negeri daerah"
    " balai pejabat bahagian kawalan sempadan pelabuhan bangunan kompleks pusat tahanan depot"
    " depoh lapangan terbang stesen wisma menara masjid jambatan dermaga pangkalan angkatan"
    " keamanan direktorat jenderal imigrasi kepolisian polisi wilayah satuan tugas penyidik"
    " lintas batas terpadu perairan pantai"
    # places
    " island islands isle ile iles isla islas pulau port puerto porto harbour harbor bay baie"
    " bahia strait straits detroit estrecho selat sea mer ocean oceano coast cote costa river"
    " fleuve rio riviere sungai lake lac lago mountain mountains montagne montana gunung desert"
    " desierto province provincia regency kabupaten district distrito region state etat estado"
    " city ville ciudad town village pueblo kampung desa airport aeroport aeropuerto bandara"
    " station gare estacion terminal checkpoint crossing camp centre center centro detention"
    " prison jail carcel market marche mercado road route ruta carretera highway autoroute"
    " autopista jalan street rue calle avenue avenida bridge pont puente beach plage playa pier"
    " wharf jetty quai muelle dock base reef causeway sound springs complex"
    " north south east west northern southern eastern western nord sud est ouest norte sur"
    " este oeste upper lower new old great little"
    # time
    " january february march april may june july august september october november december"
    " janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre"
    " enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre"
    " diciembre monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi"
    " jeudi vendredi samedi dimanche lunes martes miercoles jueves viernes sabado domingo"
    " christmas easter ramadan eid"
    # transport, technology, money
    " boat boats vessel vessels ship ships ferry truck trucks lorry bus van car taxi plane"
    " flight aircraft train airline airlines airways air express cargo container fishing"
    " dinghy canoe speedboat bateau navire camion avion vol barco buque lancha patera cayuco"
    " toyota hiace hilux isuzu hino mitsubishi nissan honda suzuki yamaha whatsapp facebook"
    " messenger telegram viber signal instagram tiktok imo wechat google western union"
    " moneygram hawala paypal bitcoin usdt gps vhf mmsi"
    # people in general
    " migrants migrant migrantes people persons personas personnes men women children minors"
    " adults crew smugglers passengers nationals nationality"
)

# Places, vessels and operations, masked before names are looked for.
_PLACE_PREFIXES = (
    r"Port|Puerto|Porto|Pto\.|Saint|Sainte|St\.?|Ste\.?|San|Santa|Santo|S[ãa]o|Mount|Mt\.?"
    r"|Mont|Monte|Lake|Lac|Lago|Cape|Cap|Cabo|Isla|Islas|[ÎI]le|[ÎI]les|Pulau|Kampung|Kampong"
    r"|Kota|Bandar|Tanjung|Teluk|Selat|Gunung|Sungai|Fort|Villa|Ciudad|Playa"
    r"|Bah[íi]a|Golfe|Baie|Punta|Pointe|Point|Christmas|Nueva|Nuevo|Nouvelle|Nouveau"
    r"|Gran|Grand|Grande|Kuala|Johor|Phnom|Nakhon|Chiang|Surat|Pasir|Batu"
    r"|Ayer|Muelle|Pelabuhan|Bukit|Padang|Lapu"
    # Malay and Indonesian buildings and posts: Bangunan Sultan Iskandar, Kompleks ICQS
    r"|Bangunan|Kompleks|Wisma|Menara|Pusat|Jeti|Dermaga|Pangkalan|Stesen|Balai|Depoh"
    r"|Lapangan|Masjid|Jambatan|Pos"
)
# Place words that are also syllables of names (Ko Samui, Ban Chiang, Mae Sot, Ho Chi Minh;
# Aung Ko Ko, Koh Wee Meng): a place only where no capitalised word stands before them.
_NAME_SYLLABLE_PLACES = r"Ban|Koh|Ko|Mae|Ho|Hong"
# Streets, airports and institutions are named after people (Jl. Jenderal Ahmad Yani, calle
# Doctor Fleming, Bandara H. Hasan Aroeboesman, Aeropuerto Internacional Ramón Villeda
# Morales, Hospital Universitario Doctor Negrín, Casa del Migrante Scalabrini): the
# capitalised words after such a word are the place's name, in any case of the word itself.
_STREETS_AND_AIRPORTS = (
    r"calle|c/|avenida|avda\.?|av\.|paseo|plaza|pza\.|carrera|calzada|carretera|autopista"
    r"|rue|avenue|boulevard|bd|quai|all[ée]e|chemin|impasse|street|road|jalan|jln\.?|jl\.|lorong"
    r"|gang|gg\.|soi|thanon|bandara|bandar\s+udara|aeropuerto(?:\s+internacional)?"
    r"|a[ée]roport(?:\s+international)?|airport|lapangan\s+terbang|s[âa]n\s+bay|paliparan"
)
_STREET_ADJECTIVES = (
    r"mar[íi]tim[oa]|principal|central|nacional|nuev[oa]|viej[oa]|maritime|principale|raya|besar"
)
_INSTITUTIONS = (
    r"Hospital|H[ôo]pital|Cl[íi]nica|Clinique|Clinic|Rumah\s+Sakit|RSUD|RSU|RS|Puskesmas"
    r"|Universidad|Universit[ée]|Universitas|University|Colegio|Escuela|[ÉE]cole|Lyc[ée]e"
    r"|Instituto|Institut|Sekolah|Fundaci[óo]n|Fondation|Foundation|Casa|Albergue|Refugio"
    r"|Centro|Centre|Center|Iglesia|[ÉE]glise|Gereja|Parroquia|Mezquita|Mosqu[ée]e|Hotel"
    r"|H[ôo]tel|Hostal|Estadio|Stade|Stadium|Mercado|March[ée]|Pasar"
    # companies and cooperatives (PT Samudra Jaya, CV Maju Bersama, Koperasi Nelayan Sejahtera)
    r"|PT|CV|UD|Koperasi|Yayasan|Perusahaan"
)
# Place words written in lower case before "de": puerto de Lázaro Cárdenas, port of Jose Rizal.
_PLACE_OF = (
    r"puerto|port|aeropuerto|a[ée]roport|airport|ciudad|city|ville|town|isla|island|[îi]le"
    r"|bah[íi]a|bay|baie|hospital|h[ôo]pital|estaci[óo]n|station|gare|municipio|municipality"
)
# Ships: a word for a ship, then its name, in quotes or capitalised (le navire Louise Michel,
# el pesquero «Don Ramón II», patrullera de la Guardia Civil «Duque de Ahumada»).
_VESSEL_WORDS = (
    r"boat|vessel|ship|ferry|tug|tugboat|trawler|yacht|cutter|frigate|corvette|dhow|barge"
    r"|navire|bateau|chalutier|patrouilleur|vedette|remorqueur|fr[ée]gate|p[ée]niche|voilier"
    r"|paquebot|lancha|barco|buque|bote|pesquero|remolcador|fragata|corbeta|patrullera"
    r"|patrullero|velero|yate|cayuco|kapal|perahu|tongkang"
)
# Navies' and coast guards' ship prefixes (ARC Almirante Padilla, BAP, USCGC…).
_SHIP_PREFIXES = (
    r"MV|M/V|M\.V\.|KM|K\.M\.|MS|M/S|FV|F/V|MT|M/T|SS|HMAS|HMS|KRI|KD|BRP|RV|KMP|TB|SIEV|KLM"
    r"|ARC|ARM|BAP|BAE|ARA|ROU|USCGC|USNS|USS|HMNZS|HMCS|ESPS|PNS|INS|BNS|SLNS|KN|MFV"
)
_PLACE_SUFFIXES = (
    r"island|islands|isle|port|harbour|harbor|bay|strait|straits|street|road|avenue|lane"
    r"|bridge|station|beach|province|regency|district|camp|terminal|border|crossing|checkpoint"
    r"|river|lake|mountain|mountains|sea|ocean|coast|point|cape|reef|gulf|valley|city|town"
    r"|village|market|mosque|church|temple|hospital|clinic|university|college|school|hotel"
    r"|airport|international|detention|centre|center|prison|jail|pass|peninsula|delta|desert"
    r"|forest|park|square|highway|expressway|junction|pier|wharf|jetty|marina|dock|docks|quay"
    r"|canal|falls|hills|heights|gardens|plaza|mall|tower|building|estate|county|state|region"
    r"|territory|municipality|prefecture|base|barracks|foundation|company|corporation|ltd|inc"
    r"|bank|travel|tours|shipping|airlines|airways|causeway|sound|springs|complex|terminal"
    # border posts: customs, immigration and quarantine complexes, one-stop border posts
    r"|ciq|icqs|icp|bcp|osbp|plbn"
    # streets of Thailand and Malaysia after their name (Sukhumvit Soi 11)
    r"|soi|thanon|jalan"
)
# Words between a name and its place word: Nguyen Hue walking street, Ayala shopping centre.
_PLACE_DESCRIPTORS = (
    r"walking|pedestrian|shopping|night|main|old|fishing|ring|coastal|high|military|naval"
    r"|international|domestic|regional|memorial|general|central|national|public"
)
# Airports and other places named after people that are often written without "Airport".
_NAMED_AFTER_PEOPLE = (
    "Adolfo Suárez|Adolfo Suarez|Ninoy Aquino|José Martí|Jose Marti|Benito Juárez|Benito Juarez"
    "|Simón Bolívar|Simon Bolivar|Juan Santamaría|Juan Santamaria|Charles[ -]de[ -]Gaulle"
    "|Indira Gandhi|Rajiv Gandhi|Jomo Kenyatta|Julius Nyerere|Hamid Karzai|Allama Iqbal"
    "|Quaid-e-Azam|Soekarno-Hatta|Sultan Hasanuddin|Ngurah Rai|Hazrat Shahjalal|Shah Amanat"
    "|Imam Khomeini|King Abdulaziz|King Fahd|King Khalid|Rafic Hariri|Queen Alia|Mohammed V"
    "|Houari Boumediene|Léopold Sédar Senghor|Blaise Diagne|Félix Houphouët-Boigny"
    "|Murtala Muhammed|Nnamdi Azikiwe|Tun Razak|Tunku Abdul Rahman|Sultan Abdul Aziz Shah"
    "|Sultan Ismail Petra|Sultan Mahmud|Sultan Azlan Shah|Jose Rizal|José Rizal"
    "|Francisco Bangoy|Diosdado Macapagal|Bandaranaike|Mattala Rajapaksa|Chhatrapati Shivaji"
    "|Subhas Chandra Bose|Vallabhbhai Patel|Jorge Chávez|Jorge Chavez|Alfonso Bonilla Aragón"
    "|José María Córdova|Ernesto Cortissoz|Rafael Núñez|Eloy Alfaro|José Joaquín de Olmedo"
    "|Arturo Merino Benítez|Augusto C\\. Sandino|Óscar Arnulfo Romero|Toussaint Louverture"
    "|Aimé Césaire|Roland Garros|Prince Said Ibrahim|Seewoosagur Ramgoolam|Abu Bakar"
)
_PARTICLE = (
    r"(?:de|del|de la|de las|de los|des|du|di|da|do|dos|das|la|le|les|y|et|and|of|au|aux"
    r"|l['’]|d['’])"
)
_CAP_WORD = r"\p{Lu}[\p{L}'’\-]*\.?"
_ACCENTED = {"a": "[aáà]", "e": "[eéèê]", "i": "[iíï]", "o": "[oóô]", "u": "[uúü]", "n": "[nñ]"}
# Honorifics and role words in a pattern, with their accents (capitán, propriétaire)
_PEOPLE_WORDS = "|".join(
    "".join(_ACCENTED.get(c, c) for c in word)
    for word in sorted(TITLES | WEAK_TITLES | ROLES, key=len, reverse=True)
    if len(word) >= 3 or word in {"mr", "ms", "dr", "sr"}
)
NOT_NAMES = "|".join(
    (
        r"\b(?:DR|RD|D\.R\.|R\.D\.)\s*(?:of\s+(?:the\s+)?)?Congo\b",
        rf"\b(?:{_NAMED_AFTER_PEOPLE})\b",
        # nationalities of two words
        r"(?i:\b(?:sri[\s\-]lank(?:an|ans|ais|aise|aises|ese|eses|és|esa)|new\s+zealanders?"
        r"|papua\s+new\s+guineans?|sierra\s+leon(?:ean|eans|ais|aise|és|esa)"
        r"|costa\s+ric(?:an|ans|ain|aine|ense|enses)|south\s+african?s?|timor[\s\-]lest(?:e|ais))\b)",
        # vessels: KM Putri Ayu, MV Sun Sea, ARC Almirante Padilla
        rf"\b(?:{_SHIP_PREFIXES})\.?\s+(?:[\p{{Lu}}\d][\p{{L}}\d'’\-]*\s*){{1,3}}",
        # (only capitalised words or particles between the type and a quoted name, so that
        # "the boat driver, known as «Abu Ali»" keeps its alias; a name in title case, so
        # that "BOAT DRIVER AHMAD KARIMI" keeps its driver)
        # a boat's captain, owner or driver is not the boat's name: the word is kept (see
        # _has_name, which puts back the "keep" group)
        rf"(?i:\b(?:{_VESSEL_WORDS})\b)\s+(?<keep>(?i:{_PEOPLE_WORDS})\b)",
        rf"(?i:\b(?:{_VESSEL_WORDS})\b)(?:\s+(?:{_PARTICLE}|{_CAP_WORD})){{0,5}}\s*"
        r"[«\"“„][^»\"”“\n]{1,40}[»\"”]",
        rf"(?i:\b(?:{_VESSEL_WORDS})\b)\s+\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]*"
        rf"(?:(?:\s+{_PARTICLE})?\s+{_CAP_WORD}){{0,3}}",
        r"(?i:\b(?:operation|op[ée]ration|operaci[óo]n|operasi)\s+)(?:\p{Lu}[\p{L}'’\-]*\s*){1,3}",
        # Port Klang, San Sebastián de La Gomera, Saint-Georges
        rf"\b(?:{_PLACE_PREFIXES})(?:[\s\-]+(?:{_PARTICLE}[\s\-]+)*{_CAP_WORD}){{1,2}}",
        rf"(?:^|[^\p{{L}}\s]\s*|\b\p{{Ll}}+\s+)(?:{_NAME_SYLLABLE_PLACES})"
        rf"(?:[\s\-]+{_CAP_WORD}){{1,2}}",
        # calle Doctor Fleming, Bandara H. Hasan Aroeboesman, Hospital Universitario Doctor Negrín
        rf"(?:(?i:\b(?:{_STREETS_AND_AIRPORTS}))(?:\s+(?i:{_STREET_ADJECTIVES}))?|\b(?:{_INSTITUTIONS}))"
        rf"(?:[\s\-]+(?:{_PARTICLE}[\s\-]+)*{_CAP_WORD}){{1,4}}",
        rf"(?i:\b(?:{_PLACE_OF})\s+(?:de\s+la|de|del|of|of\s+the|du|de\s+l['’]|d['’])\s*)"
        rf"(?:{_CAP_WORD}(?:\s+{_PARTICLE})?[\s\-]*){{1,3}}",
        # Jose Rizal Port, Hamid Karzai International Airport, Don Sak pier
        rf"(?:{_CAP_WORD}(?:\s+{_PARTICLE})?[\s\-]+){{1,3}}(?:(?i:{_PLACE_DESCRIPTORS})\s+)?"
        rf"(?i:{_PLACE_SUFFIXES})\b",
    )
)

# Words and the gap before them; a gap travels with the word after it.
_TOKEN = r"[^\p{L}\p{N}]*[\p{L}\p{N}][\p{L}\p{N}'’_/\-]*"
# Values with at least two words (names need two, or a title or role and a word); a hyphen,
# a slash or an underscore does not part the words of a name (THA-RTPIB, AUS/AFP, small_boat).
_WORDY = r"\p{L}[^\p{L}\p{N}\-_/]{1,4}\p{L}"


# Grammar words written with an accent: the folded form of any other accented word that
# folds to a grammar word is a name (Lê, Hà, Tô, Võ), not "le", "ha", "to", "vo".
ACCENTED_STOPWORDS = _words("à où était après là él")
# Particles written onto a surname (al-Obaidi, el-Sayed, bin-Laden, d'Souza, O'Brien) and
# the elided articles of French words (l'organisateur): the word is looked up without them.
_ATTACHED_PARTICLE = r"^(?i:al|el|ul|ad|ar|as|ash|at|az|an|ud|abu|bin|ibn|bint|ben|[ldo])['’\-]"


# Letters that carry their stroke inside (NFD leaves them whole): Đặng is Dang.
_STROKED = {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t"}


def _fold(expr: pl.Expr) -> pl.Expr:
    """Lower case without accents: how words are compared with the lists."""
    lowered = expr.str.to_lowercase().str.replace_many(_STROKED)
    return lowered.str.normalize("NFD").str.replace_all(r"\p{Mn}", "")


def _series(words: Iterable[str]) -> pl.Series:
    """A word list as ``is_in`` takes it: one list value."""
    return pl.Series(sorted(words), dtype=pl.String).implode()


@dataclass(frozen=True)
class _NameLists:
    """The word lists the name rules look words up in, folded; built once per process."""

    # one row per folded word, with a column per list it is in (see _LEXICON_FLAGS)
    lexicon: pl.DataFrame
    given_any: pl.Series  # for the halves of hyphenated given names (Jean-Pierre)
    accented_stopwords: pl.Series
    role_phrases: pl.Series
    agent_phrases: pl.Series
    province_phrases: pl.Series  # of two to four words
    country_phrases: str  # a pattern of the country names of several words


# The lists of the lexicon: given names and surnames (``_any``: also those that are common
# words or places), words that are never names, grammar words, honorifics, particles, role
# words, and countries and provinces of one word.
_LEXICON_FLAGS = (
    "given",
    "given_any",
    "surname",
    "surname_any",
    "never_name",
    "stopword",
    "title",
    "weak_title",
    "particle",
    "strong_particle",
    "leading_particle",
    "role",
    "place",
)


@cache
def _name_lists() -> _NameLists:
    given, given_common = _read_names("given_names.csv")
    surnames, surnames_common = _read_names("surnames.csv")
    names = given | surnames
    # Country names of the seed (EN/FR/ES, official, UN): those of several words ("Sierra
    # Leone", "Trinidad y Tobago") are masked before names are looked for; those of one word
    # are never part of a person's name unless they are given names ("Jordan").
    countries = (
        pl.read_csv(COUNTRY_NAMES_SEED, schema_overrides={"name": pl.String})
        .filter(~pl.col("source").is_in(["iso2", "iso3", "m49"]))
        .get_column("name")
        .unique()
        .to_list()
    )
    phrases = sorted((n for n in countries if " " in n or "-" in n), key=len, reverse=True)
    pattern = "|".join(pl.escape_regex(n).replace(" ", r"\s+") for n in phrases)
    single = pl.Series([n for n in countries if " " not in n and "-" not in n])
    country_words = set(single.to_frame().select(_fold(pl.col(single.name))).to_series())
    # Provinces, states and departments (ISO 3166-2): those of two to four words ("Quảng
    # Ninh", "Nusa Tenggara Timur") are looked up word by word, folded, unless each of their
    # words is a known name ("Sánchez Ramírez", a Dominican province); those of one word are
    # never part of a person's name unless they are known names ("Córdoba").
    provinces = (
        pl.read_csv(NAMES_DIR / "subdivisions.csv", infer_schema=False)
        .select(key=_fold(pl.col("name")))
        .filter(pl.col("key").str.contains(r"^[\p{L}'’\-]+(?: [\p{L}'’\-]+)*$"))
        .with_columns(words=pl.col("key").str.split(" "))
        .with_columns(n_words=pl.col("words").list.len())
    )
    province_words = set(provinces.filter(pl.col("n_words") == 1).get_column("key")) - names
    province_phrases = provinces.filter(
        pl.col("n_words").is_between(2, 4),
        ~pl.col("words").list.eval(pl.element().is_in(list(names))).list.all(),
    ).get_column("key")
    lists = {
        "given": given - given_common,
        "given_any": given,
        "surname": surnames - surnames_common,
        "surname_any": surnames,
        # an honorific that is also a name (Tuan, Haji) may be part of a name
        "never_name": ORDINARY_WORDS
        | (TITLES - names)
        | ROLES
        | (country_words - given)
        | province_words,
        "stopword": STOPWORDS,
        "title": TITLES,
        "weak_title": WEAK_TITLES,
        "particle": PARTICLES,
        "strong_particle": STRONG_PARTICLES,
        "leading_particle": LEADING_PARTICLES,
        "role": ROLES,
        "place": country_words | set(provinces.filter(pl.col("n_words") == 1).get_column("key")),
    }
    lexicon = pl.DataFrame({"key": sorted(set().union(*lists.values()))}).with_columns(
        pl.col("key").is_in(_series(lists[flag])).alias(flag) for flag in _LEXICON_FLAGS
    )
    return _NameLists(
        lexicon=lexicon,
        given_any=_series(given),
        accented_stopwords=_series(ACCENTED_STOPWORDS),
        role_phrases=_series(ROLE_PHRASES),
        agent_phrases=_series(AGENT_PHRASES),
        province_phrases=_series(province_phrases),
        country_phrases=rf"(?i:\b(?:{pattern})\b)",
    )


def _read_names(file: str) -> tuple[set[str], set[str]]:
    """(names, names that are also common words or places) of a vendored list, folded."""
    rows = pl.read_csv(NAMES_DIR / file, infer_schema=False).select(
        key=_fold(pl.col("name")), common=pl.col("common_word") == "true"
    )
    common = set(rows.filter("common").get_column("key"))
    return set(rows.get_column("key")), common


def identifier_column(header: str) -> bool:
    """True when a column is named like a personal identifier (whole words, any language)."""
    words = normalise_text(header).split()
    for size in range(1, len(words) + 1):
        for start in range(len(words) - size + 1):
            if " ".join(words[start : start + size]) in IDENTIFIER_COLUMNS:
                return True
    return False


def personal_data_kinds(values: pl.Series) -> pl.Series:
    """The kind of personal data each value looks like (one of :data:`KINDS`), or null.

    Give it distinct values: the cost is per value, whatever the number of rows."""
    texts = values.cast(pl.String)
    maybe = texts.str.contains(MAYBE_PERSONAL).fill_null(False)
    if maybe.any():
        maybe = maybe.scatter(maybe.arg_true(), ~_coded(texts.filter(maybe)))
    kinds = pl.repeat(None, len(texts), dtype=pl.String, eager=True).alias(values.name)
    if maybe.any():
        kinds = kinds.scatter(maybe.arg_true(), _remembered_kinds(texts.filter(maybe)))
    return kinds


class _Verdicts:
    """The verdicts of the values this process has screened (text, kind or null): states send
    the same places, ports and comments period after period, and every check costs about
    0.2 ms a value. Cleared past ``MEMO_LIMIT`` values, like the code lists' memo."""

    frame = pl.DataFrame(schema={"text": pl.String, "kind": pl.String})


def _remembered_kinds(texts: pl.Series) -> pl.Series:
    """:func:`kinds_by_every_check` of each text, run only on the texts not screened before."""
    asked = pl.DataFrame({"text": texts})
    known = _Verdicts.frame
    unseen = asked.join(known, on="text", how="anti").unique()
    if unseen.height:
        fresh = unseen.with_columns(kind=kinds_by_every_check(unseen.get_column("text")))
        known = pl.concat([known, fresh])
        _Verdicts.frame = known if known.height <= MEMO_LIMIT else known.clear()
    return asked.join(known, on="text", how="left", maintain_order="left").get_column("kind")


@cache
def _vocabulary() -> pl.Series:
    """Every spelling the code lists and the country lookup know, normalised, as ``is_in``
    takes it."""
    terms = [codelist.terms.get_column("norm") for codelist in load_codelists().values()]
    terms.append(load_countries().terms.get_column("norm"))
    return pl.concat(terms).unique().sort().implode()


def _coded(texts: pl.Series) -> pl.Series:
    """Whether each value is coded data: a term of a code list or a country, or a list or a
    route of them. Such a value is no one's personal data whatever its case, and the name rules
    would take a label typed in capitals (``PROVEEDOR O FALSIFICADOR DE DOCUMENTOS``, ``ALTA
    MAR``) for a name."""
    separators = f"{ROUTE_SEPARATOR}|{MULTI_SEPARATOR}"
    return (
        pl.DataFrame({"member": texts.str.replace_all(separators, ";").str.split(";")})
        .with_row_index("value")
        .explode("member")
        .with_columns(norm=normalise_expr(pl.col("member").str.strip_chars()))
        .group_by("value", maintain_order=True)
        .agg(
            coded=(pl.col("norm").is_in(_vocabulary()) | (pl.col("norm") == "")).all()
            & (pl.col("norm") != "").any()
        )
        .get_column("coded")
    )


def kinds_by_every_check(texts: pl.Series) -> pl.Series:
    """:func:`personal_data_kinds` without the pre-screen: every check on every value."""
    # A label in a script written without spaces runs into its number (身份证440304…): a
    # space between them lets the number shapes see where the number starts and ends.
    texts = texts.str.replace_all(
        r"([^\P{L}\p{Latin}])(\p{Nd})|(\p{Nd})([^\P{L}\p{Latin}])", "$1$3 $2$4"
    )
    kinds = _pattern_kinds(texts)
    wordy = (kinds.is_null() & texts.str.contains(_WORDY)).fill_null(False)
    if wordy.any():
        named = _has_name(texts.filter(wordy))
        kinds = kinds.scatter(
            wordy.arg_true(),
            named.replace_strict({True: "personal_name"}, default=None, return_dtype=pl.String),
        )
    return kinds


def _pattern_kinds(texts: pl.Series) -> pl.Series:
    """The first kind whose patterns a text matches (names aside), or null. Each pattern runs
    on its own: together in one alternation they are too large for the regex engine's fast
    automaton, and ten times slower."""
    text = pl.col("text")
    frame = pl.DataFrame({"text": texts}).with_columns(
        email_address=text.str.contains(EMAIL),
        document_number=text.str.contains(DOCUMENT) | text.str.contains(DOCUMENT_QUALIFIED),
        phone_number=text.str.contains(PHONE_STRONG) | text.str.contains(PHONE_LOCAL),
        date_of_birth=text.str.contains(DATE_OF_BIRTH),
        street_address=text.str.contains(STREET_ADDRESS),
    )
    # A phone-like candidate counts only with enough digits: checked on the few candidates.
    candidates = frame.get_column("phone_number")
    if candidates.any():
        phones = frame.filter(candidates).select(_phone(text)).to_series()
        frame = frame.with_columns(candidates.scatter(candidates.arg_true(), phones))
    kind = pl.lit(None, pl.String)
    for name in reversed(KINDS[:-1]):
        kind = pl.when(pl.col(name).fill_null(False)).then(pl.lit(name)).otherwise(kind)
    return frame.select(kind).to_series()


def personal_data_kind(text: str) -> str | None:
    """Scalar form, for small inputs (headers, sheet names) and for tests."""
    return personal_data_kinds(pl.Series([text])).item()


def _phone(text: pl.Expr) -> pl.Expr:
    """Phone numbers: a candidate with a + or 00, a phone word or an area code needs 8 digits;
    a bare local number starting with 0 needs 9 (so that dates and counts are not)."""
    undated = text.str.replace_all(_DATE_TIME, " ~ ")

    def enough(pattern: str, digits: int) -> pl.Expr:
        candidates = undated.str.extract_all(pattern)
        return candidates.list.eval(pl.element().str.count_matches(r"\d") >= digits).list.any()

    return enough(PHONE_STRONG, 8) | enough(PHONE_LOCAL, 9)


def _has_name(texts: pl.Series) -> pl.Series:
    """Whether each text names a person (see the module's docstring for the rules)."""
    lists = _name_lists()
    frame = pl.DataFrame({"text": texts}).with_row_index("id")
    words = (
        frame.select(
            "id",
            token=pl.col("text")
            .str.replace_all(lists.country_phrases, " | ")
            .str.replace_all(NOT_NAMES, " | ${keep}")
            .str.extract_all(_TOKEN),
        )
        .explode("token")
        .drop_nulls("token")
        .with_columns(pl.col("token").str.extract_groups(r"^(?<gap>[^\p{L}\p{N}]*)(?<word>.*)$"))
        .unnest("token")
        .with_columns(pl.col("word").str.replace(_ATTACHED_PARTICLE, ""))
        # keys: folded, without a possessive 's or a final apostrophe (Dato' is dato)
        .with_columns(
            key=_fold(pl.col("word")).str.replace(r"['’]s$", "").str.strip_chars(".'’"),
            accented=pl.col("word").str.normalize("NFD").str.contains(r"\p{Mn}"),
        )
        .join(lists.lexicon, on="key", how="left", maintain_order="left")
        .with_columns(
            pl.col(_LEXICON_FLAGS).fill_null(False),
            starts_upper=pl.col("word").str.contains(r"^\p{Lu}"),
            made=pl.col("key").str.extract_groups(MADE_NAMES),
            # the gap before a word: spaces only; a stop (Mr.Karimi, M . Kakayi); what
            # parts a role from a name ("driver: ", "(deckhand"); a comma or a bracket
            spaced=pl.col("gap").str.contains(r"^[ \t]+$"),
            title_gap=pl.col("gap").str.contains(r"^\s?\.?\s*$"),
            role_gap=pl.col("gap").str.contains(r"^\s*[,:;\-–—(\"'“«]?\s*$"),
            listing_gap=pl.col("gap").str.contains(r"^\s*[,(]\s*$"),
        )
        .with_columns(stop_gap=pl.col("title_gap") & pl.col("gap").str.contains(".", literal=True))
    )
    word, key = pl.col("word"), pl.col("key")
    # Jean-Pierre, Marie-Claire: a given name on each side of the hyphen
    halves = key.str.split("-")
    hyphenated = (
        key.str.contains("-", literal=True)
        & halves.list.first().is_in(lists.given_any)
        & halves.list.last().is_in(lists.given_any)
    )
    made_given = pl.col("made").struct.field("given").is_not_null()
    made_surname = pl.col("made").struct.field("surname").is_not_null()
    grammar = pl.col("stopword") & (
        ~pl.col("accented") | word.str.to_lowercase().is_in(lists.accented_stopwords)
    )
    # the words around each word in the same value, computed once: an expression repeated in
    # the rules below would be evaluated again each time
    words = words.with_columns(
        [(pl.col("id").shift(-k) == pl.col("id")).alias(f"same_{k}") for k in (1, 2, 3)]
    ).with_columns(
        [pl.when(pl.col(f"same_{k}")).then(key.shift(-k)).alias(f"after_{k}") for k in (1, 2, 3)]
        + [
            pl.when(pl.col("id").shift(k) == pl.col("id")).then(key.shift(k)).alias(f"before_{k}")
            for k in (1, 2)
        ]
    )
    same = [pl.col(f"same_{k}") for k in (1, 2, 3)]
    before = [pl.col(f"before_{k}") for k in (1, 2)]
    after = [pl.col(f"after_{k}") for k in (1, 2, 3)]

    # provinces of two to four words (Quang Ninh, Nusa Tenggara Timur): none of their words
    # is a name; "province" is the length of the phrase a word starts, then whether a word
    # is in one
    phrase = [key + " " + after[0]]
    phrase += [phrase[-1] + " " + after[1], phrase[-1] + " " + after[1] + " " + after[2]]
    length = pl.lit(0)
    for n in (2, 3, 4):
        length = pl.when(phrase[n - 2].is_in(lists.province_phrases)).then(n).otherwise(length)
    words = words.with_columns(province=length).with_columns(
        province=pl.any_horizontal(
            pl.when(pl.col("id").shift(k) == pl.col("id"))
            .then(pl.col("province").shift(k) > k)
            .otherwise(False)
            for k in range(4)
        )
    )
    words = words.with_columns(
        cap=word.str.contains(r"^\p{Lu}[\p{Ll}'’]"),
        upper=word.str.contains(r"^\p{Lu}[\p{Lu}'’\-]*\p{Lu}(?:['’]S)?$"),
        lower=word.str.contains(r"^\p{Ll}"),
        name_like=word.str.contains(r"^\p{L}[\p{L}'’\-]*$")
        & (key.str.len_chars() >= 2)
        & ~grammar
        & ~pl.col("never_name")
        & ~pl.col("province"),
        given=pl.col("given") | hyphenated | made_given,
        given_any=pl.col("given_any") | hyphenated | made_given,
        surname=pl.col("surname") | made_surname,
        surname_any=pl.col("surname_any") | made_surname,
        leading_particle=pl.col("leading_particle") & pl.col("starts_upper"),
        initial=pl.col("starts_upper") & (word.str.len_chars() == 1),
    )
    phrases = lists.role_phrases
    role_word = pl.col("role")
    words = words.with_columns(
        # a role word, or the last (role_end) or first (role_start) word of a role phrase
        role_end=role_word
        | (before[0] + " " + key).is_in(phrases)
        | (before[1] + " " + before[0] + " " + key).is_in(phrases),
        role_start=role_word
        | (key + " " + after[0]).is_in(phrases)
        | (key + " " + after[0] + " " + after[1]).is_in(phrases),
        agent_end=(before[0] + " " + key).is_in(lists.agent_phrases)
        | (before[1] + " " + before[0] + " " + key).is_in(lists.agent_phrases),
        article=key.is_in(["the", "a", "an", "le", "la", "un", "une", "el", "los", "las"]),
        known=pl.col("given_any") | pl.col("surname_any"),
        known_strict=pl.col("given") | pl.col("surname"),
        n_words=pl.len().over("id"),
        position=pl.int_range(pl.len()).over("id"),
    ).with_columns(
        # a name's words are never grammar, place or agency words, whatever the lists say
        pl.col("given", "given_any", "surname", "surname_any", "known", "known_strict")
        & pl.col("name_like"),
        namey=pl.col("name_like") & (pl.col("cap") | pl.col("upper")),
    )

    def ahead(name: str, k: int = 1) -> pl.Expr:
        return pl.when(same[k - 1]).then(pl.col(name).shift(-k)).otherwise(False)

    # gaps and neighbours the rules share, computed once
    words = words.with_columns(
        tight=ahead("spaced"),
        tight2=ahead("spaced", 2),
        title_gap_ahead=ahead("title_gap"),
        stop_gap_ahead=ahead("stop_gap"),
        role_gap_ahead=ahead("role_gap"),
        listing_gap_ahead=ahead("listing_gap"),
    ).with_columns(
        # a surname that starts with a capitalised particle: M. Le Goff, La Ode Hasrun
        particle_name_next=ahead("leading_particle") & pl.col("tight2") & ahead("namey", 2),
        # a person after a word: a known name in any case, or capitalised words
        person_next=(
            ahead("name_like") & (ahead("known_strict") | ahead("known") & ~ahead("lower"))
        )
        | (ahead("namey") & ((ahead("namey", 2) & pl.col("tight2")) | ahead("surname_any"))),
    )
    tight, tight2, title_gap, stop_gap, role_gap, listing_gap = (
        pl.col(name)
        for name in (
            "tight",
            "tight2",
            "title_gap_ahead",
            "stop_gap_ahead",
            "role_gap_ahead",
            "listing_gap_ahead",
        )
    )
    particle_name_next, person_next = pl.col("particle_name_next"), pl.col("person_next")
    after_given = pl.when(pl.col("id").shift(1) == pl.col("id")).then(pl.col("given").shift(1))
    rules = [
        # Mr Karimi, mr ahmed karimi, Sra.Begum
        pl.col("title") & title_gap & (ahead("name_like") | particle_name_next),
        # M. Dupont (a capital M and a full stop), m. kurniawan (a known name after a small m)
        (word == "M") & stop_gap & (ahead("namey") | particle_name_next),
        (word == "m") & stop_gap & ahead("known_strict"),
        # Capt. Akter, Don Jahangir Alam, D. Mohammed Salim
        pl.col("weak_title") & title_gap & (person_next | (ahead("namey") & ahead("known"))),
        # driver Ahmed Karimi, el patrón mulyadi, skipper: Maricel Santos, Suspect Mulyadi
        pl.col("role_end") & role_gap & (person_next | ahead("namey") | particle_name_next),
        # owned by Sivanathan Rajendran, reclutado por Pedro Quispe (not "owned by PT Samudra")
        pl.col("agent_end")
        & role_gap
        & ahead("name_like")
        & (ahead("known_strict") | (ahead("namey") & (ahead("known") | ahead("known", 2)))),
        # Karimi, the driver / Jafari (deckhand) / lin hui, detenida (a name: capitalised,
        # known, or any word after a given name)
        pl.col("name_like")
        & (pl.col("namey") | pl.col("known") | (after_given & pl.col("spaced")))
        & listing_gap
        & (ahead("role_start") | (ahead("article") & ahead("role_start", 2))),
        # Ahmed Karimi, AHMED KARIMI, WIN Thandar
        pl.col("given") & (pl.col("cap") | pl.col("upper")) & tight & ahead("namey"),
        # Jean Dupont, Mark Anthony (a given name that is also a word needs a known name next)
        pl.col("given_any")
        & (pl.col("cap") | pl.col("upper"))
        & tight
        & ahead("namey")
        & (ahead("surname_any") | ahead("given_any")),
        # Li Wei, Nguyen Minh (a known surname before a known given name)
        pl.col("surname") & (pl.col("cap") | pl.col("upper")) & tight & ahead("given"),
        # Karrar Hassan (an unknown word before a known surname)
        pl.col("namey") & tight & ahead("namey") & ahead("surname"),
        # Ahmed bin Ismail, Mark Anthony dela Cruz, Muthu a/l Subramaniam
        pl.col("namey")
        & tight
        & ahead("particle")
        & ahead("namey", 2)
        & (pl.col("known") | ahead("known", 2)),
        # Jimbun anak Lasah: "son of" between two capitalised words, known or not
        pl.col("namey") & tight & ahead("strong_particle") & tight2 & ahead("namey", 2),
        # Somchai W. (a given name and the initial of a surname)
        pl.col("given") & (pl.col("cap") | pl.col("upper")) & tight & ahead("initial"),
        # S. Ghorbani, N. Somchai
        pl.col("initial") & stop_gap & ahead("namey") & ahead("known"),
        # Lefèvre, Marie
        pl.col("namey") & pl.col("surname_any") & listing_gap & ahead("namey") & ahead("given_any"),
        # a whole value of two or three words starting with a given name: yusuf ali jama
        (pl.col("position") == 0)
        & pl.col("n_words").is_between(2, 3)
        & pl.col("given")
        & ahead("name_like")
        & ahead("known_strict"),
    ]
    last = pl.col("position") == pl.col("n_words") - 1
    qualifier_gap = pl.col("listing_gap")
    province_at_end = (last & pl.col("place") & qualifier_gap) | (
        pl.col("province")
        & ahead("province")
        & (pl.col("position") == pl.col("n_words") - 2)
        & qualifier_gap
    )
    town = (
        pl.col("n_words").is_between(3, 5)
        & ((pl.col("position") == 0) & key.is_in(list(PLACE_TITLES))).any().over("id")
        & province_at_end.fill_null(False).any().over("id")
    )
    flagged = words.group_by("id").agg(
        (pl.any_horizontal(rules).fill_null(False) & ~town).any().alias("hit")
    )
    out = frame.join(flagged, on="id", how="left").sort("id").get_column("hit").fill_null(False)
    return out
