with

smugglers as (
    select * from {{ ref('int_smugglers_harmonised') }}
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
        role,
        justice_stage,
        group_structure,
        sum(persons)::bigint as persons,
        count(*) as source_rows
    from smugglers
    group by all
)

select * from profiles
