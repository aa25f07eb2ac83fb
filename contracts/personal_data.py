"""The personal-data screen of spec §5: identifiers in column names, and free text or
references that look like e-mail addresses, phone numbers, document numbers, dates of birth
or names. Reports name the cell and the kind of data, never the value."""

from __future__ import annotations

import polars as pl

from contracts.normalise import normalise_text

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

_BIRTH_WORDS = (
    r"(?:born|date of birth|d\.?o\.?b\.?|birth ?date|n[ée]e?|date de naissance|nacid[oa]"
    r"|fecha de nacimiento|f\. ?nac\.?)"
)
_FULL_DATE = (
    r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}(?:st|nd|rd|th|er)?\s+\p{L}{3,10}\.?\s+\d{4}"
    r"|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4})"
)

# kind -> regex (Rust syntax, as polars runs it); the order is the order of reporting.
PATTERNS: dict[str, str] = {
    "email_address": r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}",
    "phone_number": (
        r"(?:(?:\+|\b00)\d[\d\s().-]{7,}\d"
        r"|(?i:\b(?:tel|t[ée]l[ée]phone|phone|tel[ée]fono|mobile|m[óo]vil|portable|cell"
        r"|whatsapp)\b\W{0,5}\d[\d\s().-]{6,}\d))"
    ),
    "document_number": (
        r"(?i:\b(?:passports?|passeports?|pasaportes?|id card|carte d.identit[ée]|cni|dni"
        r"|c[ée]dula|national id)\b[^\n]{0,25}?\b\p{L}{0,2}\d{6,12}\b)"
    ),
    "date_of_birth": r"(?i:\b" + _BIRTH_WORDS + r"\W{0,20}(?:on |le |el )?" + _FULL_DATE + r")",
    "personal_name": (
        r"\b(?:Mr|Mrs|Ms|Miss|Mme|Mlle|Sr|Sra|Srta|Señor|Señora|Monsieur|Madame)\.?\s+"
        r"\p{Lu}\p{Ll}+"
    ),
}


def identifier_column(header: str) -> bool:
    """True when a column is named like a personal identifier (whole words, any language)."""
    words = normalise_text(header).split()
    for size in range(1, len(words) + 1):
        for start in range(len(words) - size + 1):
            if " ".join(words[start : start + size]) in IDENTIFIER_COLUMNS:
                return True
    return False


def personal_data_kind(expr: pl.Expr) -> pl.Expr:
    """The first kind of personal data a text looks like, or null."""
    out = pl.lit(None, pl.String)
    for kind, pattern in reversed(PATTERNS.items()):
        out = pl.when(expr.str.contains(pattern)).then(pl.lit(kind)).otherwise(out)
    return out
