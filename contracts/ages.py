"""Age groups of any national scheme, harmonised to ``age_min``/``age_max``/``age_class``.

Accepted (spec §2): ``a-b`` (inclusive), ``<a`` / ``under a`` / ``moins de a`` / ``menos de a``,
``a+`` / ``a and over`` / ``a et plus`` / ``a y más``, ``minor``/``mineur``/``menor`` (0-17),
``adult``/``adulte``/``adulto`` (18+), ``unknown``/``inconnu``/``desconocido``; also a single
age (``17``), ``a to b``, ``a a b``/``a à b``, and a trailing ``years``/``ans``/``años``.
A band that straddles 18 gets ``age_class = unknown`` and ``straddles_18 = true``. A bare
number (``25``) is read as that single age but flagged ``bare_number``: spreadsheet software
turns the text ``25+`` into the number 25, so it may not mean what it says.
"""

from __future__ import annotations

import polars as pl

ADULT_AGE = 18
MAX_AGE = 120

# Lower-case, accents stripped, dashes unified, spaces collapsed; symbols kept (unlike code
# matching, "<" and "+" carry meaning here).
_YEARS = r"(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?"
_BAND = r"^(\d{1,3})" + _YEARS + r"\s*(?:-|to|a|au|al)\s*(\d{1,3})" + _YEARS + r"$"
_BELOW = r"^(?:<|under|below|less than|moins de|menos de)\s*(\d{1,3})" + _YEARS + r"$"
_UP_TO = r"^(?:<=|up to|jusqu a|hasta)\s*(\d{1,3})" + _YEARS + r"$"
_ABOVE = (
    r"^(\d{1,3})" + _YEARS + r"\s*(?:\+|and over|and above|or over|or more|and older|et plus"
    r"|ou plus|y mas|o mas|y more)$"
)
_OVER = r"^(?:>|over|more than|plus de|mas de)\s*(\d{1,3})" + _YEARS + r"$"
_AT_LEAST = r"^(?:>=)\s*(\d{1,3})" + _YEARS + r"$"
_SINGLE = r"^(\d{1,3})" + _YEARS + r"$"
_BARE_NUMBER = r"^\d{1,3}$"
_MINOR = r"^(?:minors?|mineure?s?|menor(?:es)?|child(?:ren)?|enfants?|ninos?|under ?age)$"
_ADULT = r"^(?:adults?|adultes?|adultos?|adulte?s?)$"
_UNKNOWN = (
    r"^(?:unknown|inconnue?|desconocid[oa]|not known|not stated|unspecified|non precise"
    r"|no consta|nk|n/k|n/a|\?)$"
)


def _prepared(expr: pl.Expr) -> pl.Expr:
    return (
        expr.str.normalize("NFD")
        .str.replace_all(r"\p{Mn}", "")
        .str.to_lowercase()
        .str.replace_all(r"[\u2010-\u2015\u2212]", "-")
        .str.replace_all("≤", "<=")
        .str.replace_all("≥", ">=")
        .str.replace_all(r"['’]", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def _int(text: pl.Expr, pattern: str, group: int = 1) -> pl.Expr:
    return text.str.extract(pattern, group).cast(pl.Int32)


def parse_age_groups(values: pl.Series) -> pl.DataFrame:
    """One row per distinct non-blank value: ``value``, ``age_min``, ``age_max`` (null = open),
    ``age_class``, ``straddles_18``, ``bare_number`` (a number without a band or a word, read
    as that single age), and ``status`` ∈ {ok, unknown, unparsed, invalid}."""
    frame = pl.DataFrame({"value": values.drop_nulls().unique()}).with_columns(
        t=_prepared(pl.col("value"))
    )
    t = pl.col("t")
    lo = (
        pl.when(t.str.contains(_BAND))
        .then(_int(t, _BAND))
        .when(t.str.contains(_BELOW) | t.str.contains(_UP_TO))
        .then(pl.lit(0, pl.Int32))
        .when(t.str.contains(_ABOVE))
        .then(_int(t, _ABOVE))
        .when(t.str.contains(_OVER))
        .then(_int(t, _OVER) + 1)
        .when(t.str.contains(_AT_LEAST))
        .then(_int(t, _AT_LEAST))
        .when(t.str.contains(_SINGLE))
        .then(_int(t, _SINGLE))
        .when(t.str.contains(_MINOR))
        .then(pl.lit(0, pl.Int32))
        .when(t.str.contains(_ADULT))
        .then(pl.lit(ADULT_AGE, pl.Int32))
    )
    hi = (
        pl.when(t.str.contains(_BAND))
        .then(_int(t, _BAND, 2))
        .when(t.str.contains(_BELOW))
        .then(_int(t, _BELOW) - 1)
        .when(t.str.contains(_UP_TO))
        .then(_int(t, _UP_TO))
        .when(t.str.contains(_SINGLE))
        .then(_int(t, _SINGLE))
        .when(t.str.contains(_MINOR))
        .then(pl.lit(ADULT_AGE - 1, pl.Int32))
    )
    parsed = frame.with_columns(age_min=lo, age_max=hi, is_unknown=t.str.contains(_UNKNOWN))
    invalid = (
        (pl.col("age_max") < pl.col("age_min"))
        | (pl.col("age_min") > MAX_AGE)
        | (pl.col("age_max") > MAX_AGE)
        | (pl.col("age_max") < 0)
    ).fill_null(False)
    status = (
        pl.when(pl.col("is_unknown"))
        .then(pl.lit("unknown"))
        .when(pl.col("age_min").is_null())
        .then(pl.lit("unparsed"))
        .when(invalid)
        .then(pl.lit("invalid"))
        .otherwise(pl.lit("ok"))
    )
    parsed = parsed.with_columns(status=status)
    ok = pl.col("status") == "ok"
    is_minor = ok & (pl.col("age_max") < ADULT_AGE).fill_null(False)
    is_adult = ok & (pl.col("age_min") >= ADULT_AGE)
    return parsed.select(
        "value",
        age_min=pl.when(ok).then("age_min"),
        age_max=pl.when(ok).then("age_max"),
        age_class=pl.when(is_minor)
        .then(pl.lit("minor"))
        .when(is_adult)
        .then(pl.lit("adult"))
        .otherwise(pl.lit("unknown")),
        straddles_18=ok & ~is_minor & ~is_adult,
        bare_number=ok & pl.col("t").str.contains(_BARE_NUMBER),
        status="status",
    )
