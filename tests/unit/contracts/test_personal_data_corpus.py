"""The personal-data screen against the labelled corpus (tests/data/personal_data, issue 11).

Recall (personal values caught) must be at least 98 % and the false-positive rate (ordinary
operational values refused) at most 2 %, on each of the three development files: the dev
file, the first holdout and ``holdout_b``, each a development file since its one blind
measure (``holdout_b``: recall 89.0 %, false positives 4.7 %; see the corpus README).
``holdout_c`` was measured blind once, with the final screen (recall 94.2 %, false positives
2.8 %): short of the target, so it is held to those figures rounded down (a regression fails)
and its rows are not used for tuning. The figures are printed per kind (``pytest -s``); a
failure lists every miss.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import polars as pl
import pytest

from contracts.codelists import CODELISTS_DIR
from contracts.countries import COUNTRY_NAMES_SEED
from contracts.personal_data import kinds_by_every_check, personal_data_kinds

CORPUS = Path(__file__).parents[2] / "data" / "personal_data"
# (least recall, most false positives) per file
BOUNDS = {
    "corpus_dev.csv": (0.98, 0.02),
    "corpus_holdout.csv": (0.98, 0.02),
    "holdout_b/corpus.csv": (0.98, 0.02),
    "holdout_c/corpus.csv": (0.94, 0.03),  # blind: measured, not met (see the docstring)
}


def _judged(name: str) -> pl.DataFrame:
    corpus = pl.read_csv(CORPUS / name, infer_schema=False)
    return corpus.with_columns(found=personal_data_kinds(corpus.get_column("text")))


@pytest.mark.parametrize("name", list(BOUNDS))
def test_recall_and_false_positive_rate(name: str) -> None:
    min_recall, max_false_positive_rate = BOUNDS[name]
    judged = _judged(name).with_columns(flagged=pl.col("found").is_not_null())
    per_kind = (
        judged.group_by("label", "kind")
        .agg(values=pl.len(), flagged=pl.col("flagged").sum())
        .sort("label", "kind")
    )
    personal = judged.filter(pl.col("label") == "personal")
    ordinary = judged.filter(pl.col("label") == "ordinary")
    recall = personal.get_column("flagged").mean()
    false_positive_rate = ordinary.get_column("flagged").mean()
    print(f"\n{name}: recall {recall:.2%} of {personal.height}, ", end="")
    print(f"false positives {false_positive_rate:.2%} of {ordinary.height}")
    with pl.Config(tbl_rows=-1):
        print(per_kind)
    missed = personal.filter(~pl.col("flagged")).select("kind", "text").rows()
    refused = ordinary.filter(pl.col("flagged")).select("kind", "found", "text").rows()
    assert personal.height >= 250 and ordinary.height >= 250
    assert recall >= min_recall, f"missed: {missed}"
    assert false_positive_rate <= max_false_positive_rate, f"refused: {refused}"


def test_each_personal_kind_is_reported_as_what_it_is() -> None:
    """The kind named in the report fits the value (an e-mail address is not called a name)."""
    expected = {
        "email": "email_address",
        "email_obfuscated": "email_address",
        "phone": "phone_number",
        "passport": "document_number",
        "mrz": "document_number",
        "id_number": "document_number",
        "date_of_birth": "date_of_birth",
        "address": "street_address",
    }
    judged = _judged("corpus_dev.csv").filter(pl.col("kind").is_in(list(expected)))
    wrong = [
        (kind, found, text)
        for kind, found, text in judged.select("kind", "found", "text").rows()
        if found != expected[kind]
    ]
    assert len(wrong) <= 0.02 * judged.height, wrong


def test_code_like_values_get_the_verdict_of_every_check() -> None:
    """The one-pass pre-screen lets through every code-like value that a check would flag.

    Code-like values (ASCII letters and digits joined by "-" or "/", as references, counts
    and dates are written) skip every check but the pre-screen's. Each corpus value, written
    that way, gets the same kind with the pre-screen as with every check run on it."""
    texts = pl.concat(
        pl.read_csv(CORPUS / name, infer_schema=False).get_column("text") for name in BOUNDS
    ).to_list()
    plain = [unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode() for t in texts]
    code_like = sorted(
        {re.sub(r"[^A-Za-z0-9]+", joint, t).strip("-/") for t in plain for joint in ("-", "/", "")}
        - {""}
    )
    values = pl.Series(code_like)
    assert values.str.contains(r"^[A-Za-z0-9/\-]+$").all()
    screened = personal_data_kinds(values)
    assert screened.to_list() == kinds_by_every_check(values).to_list()
    assert screened.is_not_null().sum() > 100  # the set holds numbers and keywords to find


def test_no_coded_value_is_personal_whatever_its_case() -> None:
    """Every code-list spelling and country name, as typed or in capitals, lower or title case
    (states type labels in capitals: ``PROVEEDOR O FALSIFICADOR DE DOCUMENTOS``), alone, as a
    list and as a route, passes the screen."""
    spellings: set[str] = set()
    for path in CODELISTS_DIR.glob("*.csv"):
        seed = pl.read_csv(path, infer_schema=False)
        for column in {"code", "label_en", "label_fr", "label_es", "alias"} & set(seed.columns):
            spellings |= set(seed.get_column(column).drop_nulls())
        if "synonyms" in seed.columns:
            spellings |= {
                s.strip() for v in seed.get_column("synonyms").drop_nulls() for s in v.split("|")
            }
    countries = pl.read_csv(COUNTRY_NAMES_SEED, infer_schema=False).get_column("name")
    spellings |= set(countries.drop_nulls()) - {""}
    values = sorted({form for s in spellings if s for form in (s, s.upper(), s.lower(), s.title())})
    values += ["DOBLE FONDO; ALTA MAR", "AFGHANISTAN > IRAN -> TURKEY", "Alta Mar|Doble Fondo"]
    kinds = personal_data_kinds(pl.Series(values))
    flagged = [(v, k) for v, k in zip(values, kinds.to_list(), strict=True) if k is not None]
    assert len(values) > 5000
    assert flagged == []
    # and a name is still a name in a list of codes
    assert personal_data_kinds(pl.Series(["Ahmed Karimi; Alta mar"])).to_list() == ["personal_name"]


def test_a_value_screened_before_gets_the_same_verdict() -> None:
    """The verdicts are remembered per process: asked again, in another order and mixed with
    new values, every value gets the kind every check gives it."""
    texts = pl.read_csv(CORPUS / "corpus_dev.csv", infer_schema=False).get_column("text")
    first = personal_data_kinds(texts.head(400))
    mixed = pl.concat([texts.tail(350), texts.head(400).reverse(), texts.head(5)])
    again = personal_data_kinds(mixed)
    assert again.to_list() == [*personal_data_kinds(texts.tail(350)), *first.reverse(), *first[:5]]
    screened = pl.Series(["Mr. Ahmed Karimi", None, "Mr. Ahmed Karimi", "Mataram port"])
    assert personal_data_kinds(screened).to_list() == ["personal_name", None, "personal_name", None]
