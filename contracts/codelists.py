"""Code lists, read from the dbt seeds (the single source of truth), resolved on distinct values."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polars as pl

from contracts.normalise import normalise_expr, normalise_text
from warehouse.settings import SEEDS_DIR

CODELISTS_DIR = SEEDS_DIR / "codelists"
LABEL_COLUMNS = ("label_en", "label_fr", "label_es")
# Multi-valued columns separate values with ";" or "|" (spec §2).
MULTI_SEPARATOR = r"[;|]"


def split_multi(expr: pl.Expr) -> pl.Expr:
    """A multi-valued cell as a list of its members (members not yet stripped)."""
    return expr.str.replace_all(MULTI_SEPARATOR, ";").str.split(";")


# Resolutions are remembered per list: states reuse the same spellings in every package.
MEMO_LIMIT = 200_000


@dataclass(frozen=True)
class CodeList:
    """One list: its codes, and every accepted spelling keyed by its normalised form."""

    name: str
    codes: tuple[str, ...]
    labels: Mapping[str, Mapping[str, str]]  # code -> {"en": label, "fr": …, "es": …}
    terms: pl.DataFrame  # columns: norm (unique), code
    _memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def _lookup(self, distinct: list[str]) -> dict[str, str | None]:
        """Code (or None) of each distinct raw value; the unseen ones resolved in one query."""
        unseen = [v for v in distinct if v not in self._memo]
        if unseen:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            found = (
                pl.DataFrame({"value": unseen}, schema={"value": pl.String})
                .with_columns(norm=normalise_expr(pl.col("value")))
                .join(self.terms, on="norm", how="left")
            )
            self._memo.update(zip(found["value"], found["code"], strict=True))
        return {v: self._memo[v] for v in distinct}

    def resolve(self, values: pl.Series) -> pl.Series:
        """Code for each value (null where the list has no such term), same length and order.

        Works on the distinct values only, then joins back: cheap on a million rows.
        """
        found = self._lookup(values.drop_nulls().unique().to_list())
        mapping = pl.DataFrame(
            {"value": list(found), "code": list(found.values())},
            schema={"value": pl.String, "code": pl.String},
        )
        return (
            pl.DataFrame({"value": values})
            .join(mapping, on="value", how="left", maintain_order="left")
            .get_column("code")
        )

    def unknown_values(self, values: pl.Series, *, multi: bool = False) -> set[str]:
        """The distinct non-blank raw values that do not resolve (for multi-valued columns,
        a value is unknown when any of its members is)."""
        distinct = values.drop_nulls().unique()
        if not multi:
            return {v for v, code in self._lookup(distinct.to_list()).items() if code is None}
        members = (
            pl.DataFrame({"value": distinct})
            .with_columns(member=split_multi(pl.col("value")))
            .explode("member")
            .with_columns(pl.col("member").str.strip_chars())
            .filter(pl.col("member") != "")
        )
        found = self._lookup(members.get_column("member").unique().to_list())
        unknown = {m for m, code in found.items() if code is None}
        return set(members.filter(pl.col("member").is_in(list(unknown)))["value"].to_list())

    def hint_codes(self, limit: int = 8) -> str:
        shown = ", ".join(self.codes[:limit])
        return shown + (", …" if len(self.codes) > limit else "")


def _read_list(path: Path) -> CodeList:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs: dict[str, str] = {}
    for row in rows:
        code = row["code"]
        spellings = [code, *(row[c] for c in LABEL_COLUMNS)]
        spellings += [s for s in (row.get("synonyms") or "").split("|") if s.strip()]
        for spelling in spellings:
            norm = normalise_text(spelling)
            if pairs.get(norm, code) != code:
                raise ValueError(f"{path.name}: {spelling!r} means both {pairs[norm]} and {code}")
            pairs[norm] = code
    return CodeList(
        name=path.stem,
        codes=tuple(r["code"] for r in rows),
        labels={r["code"]: {lang: r[f"label_{lang}"] for lang in ("en", "fr", "es")} for r in rows},
        terms=pl.DataFrame(
            {"norm": list(pairs), "code": list(pairs.values())},
            schema={"norm": pl.String, "code": pl.String},
        ),
    )


@cache
def load_codelists(directory: Path = CODELISTS_DIR) -> Mapping[str, CodeList]:
    """Every code list seed except the country aliases (those belong to the country lookup)."""
    return {
        p.stem: _read_list(p)
        for p in sorted(directory.glob("*.csv"))
        if p.stem != "country_aliases"
    }
