{#- One row per current report: for each reporting state × agency × period, its latest
    accepted package, unless that package withdraws the report (spec §4). -#}
with

submissions as (
    select * from {{ ref('stg_vrs_raw__submissions') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by reporting_state, agency_key, period
            order by version desc
        ) as recency
    from submissions
    where is_accepted
),

current_reports as (
    select * exclude (recency)
    from ranked
    where recency = 1 and action = 'replace'
)

select * from current_reports
