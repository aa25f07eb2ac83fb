"""Package in → mart rows out: dbt on a real DuckDB file, published as the analysts see it."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from packages import baseline, write

from ingest.inbox import submit
from warehouse.pipeline import BuildFailed, build_and_publish, refresh
from warehouse.publish import current_snapshot, publish
from warehouse.settings import SNAPSHOT_DATABASE, Settings


def _marts(settings: Settings, sql: str) -> list[tuple]:
    con = duckdb.connect(str(settings.current_db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _send(settings: Settings, tmp_path: Path, pkg: dict, encoding: str, name: str, **kw):
    path = write(pkg, tmp_path, encoding, name, **kw)
    submit(path, settings.inbox)
    return refresh(settings)


def _messy() -> dict:
    """One package written the way states write: labels in French and Spanish, countries by
    name and M49 number, three age schemes, decimal commas, an arrow route, an unknown code."""
    pkg = baseline()
    pkg["submission"] |= {
        "reporting_state": "Indonésie",
        "period": "2023-T2",
        "language": "fr",
        "benefit_required": "Non",
    }
    first, second = pkg["incidents"]
    first |= {
        "route": "Afganistán → 586 → Malaisie → IDN → Australie",
        "transport_mode": "bateau",
        "conveyance": "Navire de pêche",
        "detection_date": "2023-05-03",
        "fee_per_migrant": "4600,50",
        "fee_currency": "eur",
        "payment_method": "Hawala o transferencia informal",
        "technology": "WhatsApp | Réseaux sociaux",
        "aggravating": "peligro",
        "related_offences": "traite",
    }
    second |= {
        "route": "Birmanie > THA > Malaysia",
        "transport_mode": "Terrestre",
        "detection_date": "2023-06-10",
        "conveyance": "zeppelin",
    }
    pkg["smuggled_migrants"] = [
        {
            "incident_ref": first["incident_ref"],
            "citizenship": "004",
            "sex": "H",
            "age_group": "moins de 18",
            "value": "30",
        },
        {
            "incident_ref": first["incident_ref"],
            "citizenship": "Afghanistan",
            "sex": "Femme",
            "age_group": "15-24",
            "unaccompanied": "Oui",
            "value": "10",
        },
        {"citizenship": "Birmanie", "sex": "Mujer", "age_group": "65 y más", "value": "12"},
    ]
    for leg in pkg["route_legs"]:
        leg["transport_mode"] = {"land": "terrestre", "air": "Aérien", "sea": "Maritime"}[
            leg["transport_mode"]
        ]
    return pkg


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env(tmp_path / "home")


def test_messy_package_harmonised_end_to_end(settings: Settings, tmp_path: Path) -> None:
    result = _send(settings, tmp_path, _messy(), "zip", "messy", delimiter=";", charset="utf-16")
    [outcome] = result.outcomes
    assert outcome.status == "accepted", outcome
    assert result.snapshot is not None
    rows = _marts(
        settings,
        "select incident_ref, reporting_state, period, period_type, route_key, origin_country, "
        "destination_country, n_transit_countries, transport_mode, conveyance, payment_method, "
        "technology, aggravating, is_aggravated, possible_trafficking, benefit_required, "
        "fee_per_migrant, fee_currency, round(fee_per_migrant_usd, 2) "
        "from marts.fct_incidents order by incident_ref",
    )
    assert rows[0][:16] == (
        "IDN-2024-0001",
        "IDN",
        "2023-Q2",
        "Q",
        "AFG>PAK>MYS>IDN>AUS",
        "AFG",
        "AUS",
        3,
        "sea",
        "fishing_vessel",
        "hawala",
        ["messaging_app", "social_media"],
        ["danger_to_life"],
        True,
        True,
        "no",
    )
    assert rows[0][16:18] == (4600.5, "EUR")
    # 4,600.50 EUR at the World Bank's 2023 average of 0.924839558470698 EUR per USD
    assert rows[0][18] == round(4600.5 / 0.924839558470698, 2)
    assert rows[1][4:10] == ("MMR>THA>MYS", "MMR", "MYS", 1, "land", "unmapped")
    profiles = _marts(
        settings,
        "select citizenship, sex, age_class, unaccompanied, persons "
        "from marts.mart_migrant_profiles order by all",
    )
    assert profiles == [
        ("AFG", "female", "unknown", "yes", 10),  # 15-24 straddles 18
        ("AFG", "male", "minor", "unknown", 30),
        ("MMR", "female", "adult", "unknown", 12),
    ]
    legs = _marts(
        settings,
        "select from_country, to_country, transport_mode, incidents from marts.mart_route_legs "
        "order by all",
    )
    assert ("PAK", "MYS", "air", 1) in legs and ("MMR", "THA", "land", 1) in legs
    assert _marts(
        settings,
        "select origin_country, n_transit_countries from marts.mart_routes "
        "where route_key = 'MMR>THA>MYS'",
    ) == [("MMR", 1)]


def test_resubmission_replaces_and_withdrawal_removes(settings: Settings, tmp_path: Path) -> None:
    first = baseline()
    other = baseline()
    other["submission"] |= {"reporting_state": "MYS", "reporting_agency": "Imigresen"}
    _send(settings, tmp_path, first, "json", "v1")
    _send(settings, tmp_path, other, "json", "mys")
    count = "select reporting_state, count(*), sum(migrants_total) from marts.fct_incidents "
    count += "group by all order by all"
    assert _marts(settings, count) == [("IDN", 2, 52), ("MYS", 2, 52)]
    keys_before = _marts(
        settings,
        "select incident_key from marts.fct_incidents "
        "where reporting_state = 'IDN' and incident_ref = 'IDN-2024-0001'",
    )

    second = baseline()
    second["incidents"][0]["migrants_total"] = "45"
    second["incidents"] = second["incidents"][:1]
    second["smuggled_migrants"][0]["value"] = "35"
    _send(settings, tmp_path, second, "json", "v2")
    assert _marts(settings, count) == [("IDN", 1, 45), ("MYS", 2, 52)]
    assert (
        _marts(
            settings, "select incident_key from marts.fct_incidents where reporting_state = 'IDN'"
        )
        == keys_before
    )  # stable across versions

    withdraw = {"submission": dict(baseline()["submission"], action="delete")}
    _send(settings, tmp_path, withdraw, "json", "v3")
    assert _marts(settings, count) == [("MYS", 2, 52)]
    assert _marts(
        settings, "select count(*) from marts.mart_smuggler_profiles where reporting_state = 'IDN'"
    ) == [(0,)]


def test_a_reader_of_current_neither_blocks_nor_is_broken_by_a_refresh(
    settings: Settings, tmp_path: Path
) -> None:
    _send(settings, tmp_path, baseline(), "xlsx", "v1")
    reader = duckdb.connect(str(settings.current_db), read_only=True)
    try:
        assert reader.execute("select count(*) from marts.fct_incidents").fetchone() == (2,)
        second = baseline()
        second["incidents"] = second["incidents"][:1]
        result = _send(settings, tmp_path, second, "xlsx", "v2")  # while the reader holds v1
        assert result.snapshot is not None
        # The reader still sees its snapshot, whole; a new reader sees the new one.
        assert reader.execute("select count(*) from marts.fct_incidents").fetchone() == (2,)
        assert _marts(settings, "select count(*) from marts.fct_incidents") == [(1,)]
    finally:
        reader.close()


def test_a_failing_dbt_test_leaves_current_untouched(settings: Settings, tmp_path: Path) -> None:
    result = _send(settings, tmp_path, baseline(), "json", "v1")
    published = current_snapshot(settings)
    assert published is not None and result.snapshot is not None
    project = tmp_path / "dbt_project"
    shutil.copytree(settings.dbt_project_dir, project, ignore=shutil.ignore_patterns("target"))
    (project / "tests" / "assert_always_fails.sql").write_text(
        "-- a deliberately failing test\nselect 1 as failure\n", encoding="utf-8"
    )
    failing = Settings(home=settings.home, dbt_project_dir=project)
    second = baseline()
    second["incidents"] = second["incidents"][:1]
    submit(write(second, tmp_path, "json", "v2"), failing.inbox)
    with pytest.raises(BuildFailed):
        refresh(failing)
    assert current_snapshot(settings) == published
    assert _marts(settings, "select count(*) from marts.fct_incidents") == [(2,)]


def test_old_snapshots_are_pruned_but_never_the_current_one(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", keep_snapshots=2)
    builds = [_send(settings, tmp_path, baseline(), "json", "v0").snapshot.build_id]
    for n in (1, 2):  # more publications of the built marts: pruning needs no new build
        builds.append(publish(settings, fingerprint=f"{n:064x}").build_id)
    assert sorted(p.name for p in settings.snapshots.iterdir()) == builds[1:]
    assert settings.current_db.resolve() == settings.snapshots / builds[-1] / SNAPSHOT_DATABASE


def test_nothing_new_publishes_nothing(settings: Settings, tmp_path: Path) -> None:
    first = _send(settings, tmp_path, baseline(), "json", "v1")
    assert first.snapshot is not None
    again = build_and_publish(settings)
    assert again.snapshot is None and again.build is None
    assert again.skipped_reason is not None and first.snapshot.build_id in again.skipped_reason
