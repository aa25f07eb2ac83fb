{#- One row per border-event row of a current report, harmonised. A value suppressed by the
    state (obs_status Q) stays NULL and is flagged. -#}
with

events as (
    select * from {{ ref('stg_vrs_raw__border_events') }}
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

ages as (
    select * from {{ ref('int_age_groups_parsed') }}
),

harmonised as (
    select
        events.submission_id,
        events.source_row,
        current_reports.reporting_state,
        current_reports.period,
        current_reports.period_start,
        current_reports.period_end,
        current_reports.period_type,
        indicator.code as indicator,
        counting_unit.code as counting_unit,
        events.age_group_raw,
        obs_status.code as obs_status,
        events.value,
        coalesce(border_type.code, 'unknown') as border_type,
        coalesce(detection_location.code, 'unknown') as detection_location,
        coalesce(citizenship.iso3, 'XXX') as citizenship,
        coalesce(sex.code, 'unknown') as sex,
        coalesce(ages.age_class, 'unknown') as age_class,
        coalesce(obs_status.code = 'Q', false) as is_suppressed
    from events
    inner join current_reports on events.submission_id = current_reports.submission_id
    left join codes as indicator
        on indicator.codelist = 'indicator' and events.indicator_raw = indicator.value_raw
    left join codes as counting_unit
        on counting_unit.codelist = 'counting_unit' and events.counting_unit_raw = counting_unit.value_raw
    left join codes as border_type
        on border_type.codelist = 'border_type' and events.border_type_raw = border_type.value_raw
    left join codes as detection_location
        on
            detection_location.codelist = 'detection_location'
            and events.detection_location_raw = detection_location.value_raw
    left join countries as citizenship on events.citizenship_raw = citizenship.value_raw
    left join codes as sex on sex.codelist = 'sex' and events.sex_raw = sex.value_raw
    left join codes as obs_status
        on obs_status.codelist = 'obs_status' and events.obs_status_raw = obs_status.value_raw
    left join ages on events.age_group_raw = ages.value_raw
)

select * from harmonised
