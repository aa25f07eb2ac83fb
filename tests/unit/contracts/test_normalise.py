"""Normalised matching: the Python forms agree with each other and with DuckDB's SQL form."""

import duckdb
import jinja2
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.normalise import normalise_expr, normalise_text
from warehouse.settings import DBT_PROJECT_DIR


def _sql_twin(expr: str) -> str:
    """The dbt macro normalise_text, rendered as dbt renders it."""
    source = (DBT_PROJECT_DIR / "macros" / "normalise_text.sql").read_text(encoding="utf-8")
    module = jinja2.Environment().from_string(source).module
    return str(module.normalise_text(expr))


SQL = _sql_twin("v")

# Latin, Cyrillic and Arabic letters, digits, accents, punctuation and spaces: what states type.
CHARACTERS = [
    *"aAbBcCeEéÉèçÇñÑüÜôÔíÍãõœŒßøØłŁ-_./,;:'’() ?!0123456789Джعي",
    "\u0301",
    "\u00a0",
    "\t",
]
TEXT = st.text(alphabet=st.sampled_from(CHARACTERS), max_size=25)


def test_examples_of_the_spec() -> None:
    assert normalise_text("Camión") == normalise_text("camion") == normalise_text(" CAMIÓN ")
    assert normalise_text("Côte d’Ivoire") == "cote d ivoire"
    assert normalise_text("?") == "?"


@given(st.lists(TEXT, min_size=1, max_size=30))
@settings(max_examples=200, deadline=None)
def test_scalar_vectorised_and_sql_forms_agree(values: list[str]) -> None:
    scalar = [normalise_text(v) for v in values]
    vectorised = pl.select(normalise_expr(pl.lit(pl.Series(values, dtype=pl.String)))).to_series()
    assert vectorised.to_list() == scalar
    con = duckdb.connect()
    sql = [r[0] for r in con.execute(f"select {SQL} from unnest(?) as t(v)", [values]).fetchall()]
    assert sql == scalar
