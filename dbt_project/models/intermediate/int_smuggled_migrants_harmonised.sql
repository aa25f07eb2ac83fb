{#- One row per smuggled-migrant profile row of a current report, harmonised: citizenship as
    ISO alpha-3 (XXX unknown), sex and unaccompanied as codes ("unknown" when not given),
    the age group as age_min / age_max / age_class. -#}
with

profiles as (
    select * from {{ ref('stg_vrs_raw__smuggled_migrants') }}
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
        profiles.submission_id,
        profiles.source_row,
        current_reports.reporting_state,
        current_reports.period,
        current_reports.period_start,
        current_reports.period_end,
        current_reports.period_type,
        profiles.incident_ref,
        profiles.age_group_raw,
        ages.age_min,
        ages.age_max,
        profiles.persons,
        coalesce(citizenship.iso3, 'XXX') as citizenship,
        coalesce(sex.code, 'unknown') as sex,
        coalesce(ages.age_class, 'unknown') as age_class,
        coalesce(ages.age_band_straddles_18, false) as age_band_straddles_18,
        coalesce(unaccompanied.code, 'unknown') as unaccompanied
    from profiles
    inner join current_reports on profiles.submission_id = current_reports.submission_id
    left join countries as citizenship on profiles.citizenship_raw = citizenship.value_raw
    left join codes as sex on sex.codelist = 'sex' and profiles.sex_raw = sex.value_raw
    left join codes as unaccompanied
        on unaccompanied.codelist = 'yes_no' and profiles.unaccompanied_raw = unaccompanied.value_raw
    left join ages on profiles.age_group_raw = ages.value_raw
)

select * from harmonised
