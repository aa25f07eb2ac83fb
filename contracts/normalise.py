"""Normalised matching of codes, labels and names (spec §2).

Matching ignores case, accents and runs of spaces/punctuation: ``"Camión"``, ``"camion"`` and
``" CAMIÓN "`` all normalise to ``"camion"``. The dbt macro ``normalise_text`` does the same in
DuckDB SQL (``strip_accents`` decomposes canonically, hence NFD here, not NFKD); a property test
keeps the two in step.
"""

from __future__ import annotations

import re
import unicodedata

import polars as pl

_NON_ALNUM = re.compile(r"[\W_]+")


def normalise_text(text: str) -> str:
    """Scalar form, for small inputs (headers, submission fields) and for tests."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    out = _NON_ALNUM.sub(" ", stripped.lower()).strip()
    # A value made only of punctuation (the "?" synonym of "unknown") stays itself.
    return out or text.strip().lower()


def normalise_expr(expr: pl.Expr) -> pl.Expr:
    """Vectorised form of :func:`normalise_text`; apply it to distinct values."""
    out = (
        expr.str.normalize("NFD")
        .str.replace_all(r"\p{Mn}", "")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars(" ")
    )
    return pl.when(out == "").then(expr.str.strip_chars().str.to_lowercase()).otherwise(out)
