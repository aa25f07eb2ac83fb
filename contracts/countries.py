"""Countries in every form of spec §2, resolved to ISO 3166-1 alpha-3 on distinct values.

The lookup is the ``country_names`` seed (codes, M49 numbers, ISO names in EN/FR/ES from
pycountry, UN names and the aliases list), built by ``warehouse.reference_seeds``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polars as pl

from contracts.codelists import MEMO_LIMIT
from contracts.normalise import normalise_expr
from warehouse.settings import SEEDS_DIR

COUNTRY_NAMES_SEED = SEEDS_DIR / "reference" / "country_names.csv"
# Route members are separated by ">" or "→" (spec §3); arrows typed as "->", "-->" or "=>"
# are the same separator.
ROUTE_SEPARATOR = r"[-=]*>|→"


def split_route(expr: pl.Expr) -> pl.Expr:
    """A route cell as the list of its members (not yet stripped)."""
    return expr.str.replace_all(ROUTE_SEPARATOR, ">").str.split(">")


def _numeric_form(norm: pl.Expr) -> pl.Expr:
    """M49 numbers are written with or without leading zeros ("004" = "4")."""
    return (
        pl.when(norm.str.contains(r"^\d+$"))
        .then(norm.str.strip_chars_start("0").replace("", "0"))
        .otherwise(norm)
    )


@dataclass(frozen=True)
class CountryLookup:
    terms: pl.DataFrame  # norm (unique) -> iso3
    # Resolutions are remembered: the same spellings come back in every package.
    _memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def _lookup(self, distinct: list[str]) -> dict[str, str | None]:
        unseen = [v for v in distinct if v not in self._memo]
        if unseen:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            found = (
                pl.DataFrame({"value": unseen}, schema={"value": pl.String})
                .with_columns(norm=_numeric_form(normalise_expr(pl.col("value"))))
                .join(self.terms, on="norm", how="left")
            )
            self._memo.update(zip(found["value"], found["iso3"], strict=True))
        return {v: self._memo[v] for v in distinct}

    def resolve(self, values: pl.Series) -> pl.Series:
        """ISO alpha-3 for each value (null where unknown), same length and order."""
        found = self._lookup(values.drop_nulls().unique().to_list())
        mapping = pl.DataFrame(
            {"value": list(found), "iso3": list(found.values())},
            schema={"value": pl.String, "iso3": pl.String},
        )
        return (
            pl.DataFrame({"value": values})
            .join(mapping, on="value", how="left", maintain_order="left")
            .get_column("iso3")
        )

    def routes(self, values: pl.Series) -> pl.DataFrame:
        """Parse distinct route strings: columns ``value``, ``members`` (list of raw members),
        ``iso3`` (list, null items where unknown), ``unknown`` (list of raw unknown members)."""
        distinct = pl.DataFrame({"value": values.drop_nulls().unique()})
        exploded = (
            distinct.with_columns(member=split_route(pl.col("value")))
            .with_row_index("route_id")
            .explode("member")
            .with_columns(pl.col("member").str.strip_chars())
            .filter(pl.col("member") != "")
        )
        exploded = exploded.with_columns(iso3=self.resolve(exploded.get_column("member")))
        return (
            exploded.group_by("route_id", maintain_order=True)
            .agg(
                pl.col("value").first(),
                members=pl.col("member"),
                iso3=pl.col("iso3"),
                unknown=pl.col("member").filter(pl.col("iso3").is_null()),
            )
            .drop("route_id")
            .join(distinct, on="value", how="right")
        )


def _read_terms(path: Path) -> pl.DataFrame:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    frame = pl.DataFrame(
        {"name": [r["name"] for r in rows], "iso3": [r["iso3"] for r in rows]},
        schema={"name": pl.String, "iso3": pl.String},
    )
    terms = frame.select(norm=_numeric_form(normalise_expr(pl.col("name"))), iso3="iso3").unique()
    clashes = terms.filter(pl.col("norm").is_duplicated())
    if clashes.height:
        raise ValueError(f"{path.name}: ambiguous country names {clashes.rows()[:5]}")
    return terms


@cache
def load_countries(path: Path = COUNTRY_NAMES_SEED) -> CountryLookup:
    return CountryLookup(_read_terms(path))
