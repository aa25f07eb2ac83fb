-- Values in mart_border_events equal the border_events values of current reports in
-- staging, per state, period and indicator (suppressed and unknown values stay NULL).
with

mart as (
    select
        reporting_state,
        period,
        indicator,
        sum(value) as value,
        sum(source_rows) as source_rows
    from {{ ref('mart_border_events') }}
    group by all
),

submitted as (
    select
        events.reporting_state,
        events.period,
        events.indicator,
        sum(events.value) as value,
        count(*) as source_rows
    from {{ ref('int_border_events_harmonised') }} as events
    group by all
),

staged as (
    select count(*) as source_rows
    from {{ ref('stg_vrs_raw__border_events') }} as events
    inner join {{ ref('int_submissions_current') }} as current_reports
        on events.submission_id = current_reports.submission_id
),

mismatched_groups as (
    select
        coalesce(mart.reporting_state, submitted.reporting_state) as reporting_state,
        coalesce(mart.period, submitted.period) as period,
        coalesce(mart.indicator, submitted.indicator) as indicator,
        mart.value as mart_value,
        submitted.value as submitted_value
    from mart
    full outer join submitted
        on
            mart.reporting_state = submitted.reporting_state
            and mart.period = submitted.period
            and mart.indicator = submitted.indicator
    where
        mart.value is distinct from submitted.value
        or mart.source_rows is distinct from submitted.source_rows
),

lost_rows as (
    select
        'all' as reporting_state,
        'all' as period,
        'rows' as indicator,
        staged.source_rows as mart_value,
        (select sum(mart.source_rows) from mart) as submitted_value
    from staged
    where staged.source_rows != (select sum(mart.source_rows) from mart)
)

select * from mismatched_groups
union all
select * from lost_rows
