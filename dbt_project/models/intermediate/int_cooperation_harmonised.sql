{#- One row per cooperation row of a current report, harmonised. -#}
with

cooperation as (
    select * from {{ ref('stg_vrs_raw__cooperation') }}
),

current_reports as (
    select * from {{ ref('int_submissions_current') }}
),

codes as (
    select * from {{ ref('int_coded_values_resolved') }}
),

countries as (
    select * from {{ ref('int_country_values_resolved') }}
),

harmonised as (
    select
        cooperation.submission_id,
        cooperation.source_row,
        current_reports.reporting_state,
        current_reports.period,
        current_reports.period_start,
        current_reports.period_end,
        current_reports.period_type,
        request_type.code as request_type,
        direction.code as direction,
        cooperation.requests,
        coalesce(counterpart_state.iso3, 'XXX') as counterpart_state,
        coalesce(outcome.code, 'unknown') as outcome
    from cooperation
    inner join current_reports on cooperation.submission_id = current_reports.submission_id
    left join countries as counterpart_state
        on cooperation.counterpart_state_raw = counterpart_state.value_raw
    left join codes as request_type
        on request_type.codelist = 'request_type' and cooperation.request_type_raw = request_type.value_raw
    left join codes as direction
        on direction.codelist = 'direction' and cooperation.direction_raw = direction.value_raw
    left join codes as outcome
        on outcome.codelist = 'request_outcome' and cooperation.outcome_raw = outcome.value_raw
)

select * from harmonised
