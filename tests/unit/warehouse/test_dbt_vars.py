"""The dbt project and the pandera contracts say the same thing about which column takes
which code list, which columns are countries, and which tables carry age groups."""

import yaml

from contracts.tables import DATA_TABLES, schema
from warehouse.settings import DBT_PROJECT_DIR

VARS = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]


def _declared(check: str) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for table in DATA_TABLES:
        for name, column in schema(table).columns.items():
            for c in column.checks:
                if c.name == check:
                    out.setdefault(table, {})[name] = dict(c.statistics)
    return out


def test_coded_columns() -> None:
    declared = _declared("codelist")
    single = {
        t: {c: s["name"] for c, s in cols.items() if not s.get("multi")}
        for t, cols in declared.items()
    }
    multi = {
        t: {c: s["name"] for c, s in cols.items() if s.get("multi")} for t, cols in declared.items()
    }
    assert VARS["coded_columns"] == {t: c for t, c in single.items() if c}
    assert VARS["multi_coded_columns"] == {t: c for t, c in multi.items() if c}


def test_country_columns() -> None:
    declared = {t: sorted(cols) for t, cols in _declared("country").items()}
    assert {t: sorted(c) for t, c in VARS["country_columns"].items()} == declared


def test_age_columns() -> None:
    assert sorted(VARS["age_columns"]) == sorted(_declared("age_group_parsed"))


def test_every_codelist_seed_is_listed() -> None:
    seeds = {p.stem for p in (DBT_PROJECT_DIR / "seeds" / "codelists").glob("*.csv")}
    assert set(VARS["codelists"]) == seeds - {"country_aliases"}
