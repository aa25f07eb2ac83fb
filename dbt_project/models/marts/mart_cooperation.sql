with

cooperation as (
    select * from {{ ref('int_cooperation_harmonised') }}
),

aggregated as (
    select
        reporting_state,
        period,
        period_start,
        period_end,
        period_type,
        counterpart_state,
        request_type,
        direction,
        outcome,
        sum(requests)::bigint as requests,
        count(*) as source_rows
    from cooperation
    group by all
)

select * from aggregated
