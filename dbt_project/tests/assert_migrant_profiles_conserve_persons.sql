-- Persons in mart_migrant_profiles equal the values of the smuggled_migrants rows of current
-- reports in staging, per state and period.
with

profiles as (
    select
        reporting_state,
        period,
        sum(persons) as persons
    from {{ ref('mart_migrant_profiles') }}
    group by all
),

submitted as (
    select
        current_reports.reporting_state,
        current_reports.period,
        sum(migrants.persons) as persons
    from {{ ref('stg_vrs_raw__smuggled_migrants') }} as migrants
    inner join {{ ref('int_submissions_current') }} as current_reports
        on migrants.submission_id = current_reports.submission_id
    group by all
)

select
    profiles.persons as profiles_persons,
    submitted.persons as submitted_persons,
    coalesce(profiles.reporting_state, submitted.reporting_state) as reporting_state,
    coalesce(profiles.period, submitted.period) as period
from profiles
full outer join submitted
    on profiles.reporting_state = submitted.reporting_state and profiles.period = submitted.period
where profiles.persons is distinct from submitted.persons
