{#- One row per incident of a current report, with the report's header and a key that stays
    the same across rebuilds and resubmissions (state, agency, period, incident_ref). -#}
with

incidents as (
    select * from {{ ref('stg_vrs_raw__incidents') }}
),

current_reports as (
    select * from {{ ref('int_submissions_current') }}
),

joined as (
    select
        incidents.*,
        current_reports.reporting_state,
        current_reports.reporting_agency,
        current_reports.agency_key,
        current_reports.period,
        current_reports.period_start,
        current_reports.period_end,
        current_reports.period_type,
        current_reports.benefit_required,
        md5(concat_ws(
            '|',
            current_reports.reporting_state,
            current_reports.agency_key,
            current_reports.period,
            incidents.incident_ref
        )) as incident_key
    from incidents
    inner join current_reports on incidents.submission_id = current_reports.submission_id
)

select * from joined
