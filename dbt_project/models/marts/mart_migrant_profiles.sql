with

migrants as (
    select * from {{ ref('int_smuggled_migrants_harmonised') }}
),

profiles as (
    select
        reporting_state,
        period,
        period_start,
        period_end,
        period_type,
        citizenship,
        sex,
        age_class,
        unaccompanied,
        sum(persons)::bigint as persons,
        count(*) as source_rows
    from migrants
    group by all
)

select * from profiles
