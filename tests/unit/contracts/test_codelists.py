"""Code lists come from the dbt seeds and match codes, EN/FR/ES labels and synonyms."""

import csv

import polars as pl
import pytest

from contracts.codelists import CODELISTS_DIR, load_codelists
from contracts.normalise import normalise_text


def test_every_seed_is_well_formed_and_unambiguous() -> None:
    for path in CODELISTS_DIR.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        width = len(rows[0])
        assert all(len(r) == width for r in rows), path.name
    # Loading raises on a spelling that means two codes of one list.
    assert len(load_codelists()) == 28


@pytest.mark.parametrize(
    ("list_name", "spelling", "code"),
    [
        ("conveyance", "Camión", "truck_lorry"),
        ("conveyance", " CAMIÓN ", "truck_lorry"),
        ("conveyance", "camion", "truck_lorry"),
        ("transport_mode", "bateau", "sea"),
        ("transport_mode", "Marítimo", "sea"),
        ("payment_method", "Transferencia bancaria", "bank_transfer"),
        ("payment_method", "western union", "money_transfer_operator"),
        ("fee_basis", "Par service (document, hébergement…)", "per_service"),
        ("yes_no", "Sí", "yes"),
        ("yes_no", "?", "unknown"),
        ("sex", "F", "female"),
        ("obs_status", "q", "Q"),
        ("role", "Passeur guide", "guide"),
    ],
)
def test_spellings_resolve(list_name: str, spelling: str, code: str) -> None:
    assert load_codelists()[list_name].resolve(pl.Series([spelling])).item() == code


def test_unknown_values_of_multi_valued_columns() -> None:
    technology = load_codelists()["technology"]
    values = pl.Series(["gps; WhatsApp", "tor|bogus", "none", None, "Réseaux sociaux|  "])
    assert technology.unknown_values(values, multi=True) == {"tor|bogus"}


def test_every_label_and_synonym_resolves_to_its_code() -> None:
    for codes in load_codelists().values():
        path = CODELISTS_DIR / f"{codes.name}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                spellings = [row["code"], row["label_en"], row["label_fr"], row["label_es"]]
                spellings += [s for s in row["synonyms"].split("|") if s.strip()]
                got = codes.resolve(pl.Series(spellings)).to_list()
                assert got == [row["code"]] * len(spellings), (codes.name, spellings, got)
                assert normalise_text(row["code"])
