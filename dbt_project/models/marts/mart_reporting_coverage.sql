with

current_reports as (
    select * from {{ ref('int_submissions_current') }}
),

tables as (
    select * from {{ ref('stg_vrs_raw__submission_tables') }}
),

all_versions as (
    select * from {{ ref('stg_vrs_raw__submissions') }}
),

tables_per_period as (
    select
        current_reports.reporting_state,
        current_reports.period,
        list(distinct tables.table_name order by tables.table_name) as tables_reported
    from current_reports
    inner join tables on current_reports.submission_id = tables.submission_id
    group by all
),

versions_per_period as (
    select
        reporting_state,
        period,
        count(*) as packages_received,
        count(*) filter (where not is_accepted) as packages_rejected,
        min(received_at) as first_received_at
    from all_versions
    where reporting_state is not null
    group by all
),

coverage as (
    select
        current_reports.reporting_state,
        current_reports.period,
        current_reports.period_start,
        current_reports.period_end,
        current_reports.period_type,
        count(distinct current_reports.agency_key) as agencies_reporting,
        count(*) as submissions_current,
        any_value(versions_per_period.first_received_at) as first_received_at,
        max(current_reports.received_at) as last_received_at,
        coalesce(any_value(tables_per_period.tables_reported), []::varchar[]) as tables_reported,
        sum(current_reports.warning_count)::bigint as warnings,
        any_value(versions_per_period.packages_received) as packages_received,
        any_value(versions_per_period.packages_rejected) as packages_rejected
    from current_reports
    left join tables_per_period
        on
            current_reports.reporting_state = tables_per_period.reporting_state
            and current_reports.period = tables_per_period.period
    left join versions_per_period
        on
            current_reports.reporting_state = versions_per_period.reporting_state
            and current_reports.period = versions_per_period.period
    group by all
)

select * from coverage
