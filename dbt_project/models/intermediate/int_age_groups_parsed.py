"""One row per distinct age group as submitted, harmonised to age_min / age_max / age_class.

The parsing is contracts.ages.parse_age_groups itself: the same code that checked the packages
reads their age groups here, so the two can never disagree.
"""


def model(dbt, session):
    dbt.config(materialized="table")
    import polars as pl

    from contracts.ages import parse_age_groups

    values = dbt.ref("int_age_group_values_collected").pl().get_column("value_raw").unique()
    parsed = parse_age_groups(values)
    return parsed.select(
        pl.col("value").alias("value_raw"),
        "age_min",
        "age_max",
        "age_class",
        pl.col("straddles_18").alias("age_band_straddles_18"),
        pl.col("status").alias("parse_status"),
    )
