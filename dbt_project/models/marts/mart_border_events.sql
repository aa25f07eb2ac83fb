with

events as (
    select * from {{ ref('int_border_events_harmonised') }}
),

aggregated as (
    select
        reporting_state,
        period,
        period_start,
        period_end,
        period_type,
        indicator,
        counting_unit,
        border_type,
        detection_location,
        citizenship,
        sex,
        age_class,
        sum(value)::bigint as value,
        bool_or(is_suppressed) as has_suppressed_values,
        count(*) as source_rows
    from events
    group by all
)

select * from aggregated
