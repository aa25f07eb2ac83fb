{#- One row per smuggler profile row of a current report, harmonised: citizenship as ISO
    alpha-3, coded dimensions ("unknown" when not given, "unmapped" when no list knows them),
    the age group as age_min / age_max / age_class. -#}
with

profiles as (
    select * from {{ ref('stg_vrs_raw__smugglers') }}
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
        coalesce(role.code, 'unknown') as role,
        coalesce(justice_stage.code, 'unknown') as justice_stage,
        coalesce(group_structure.code, 'unknown') as group_structure
    from profiles
    inner join current_reports on profiles.submission_id = current_reports.submission_id
    left join countries as citizenship on profiles.citizenship_raw = citizenship.value_raw
    left join codes as sex on sex.codelist = 'sex' and profiles.sex_raw = sex.value_raw
    left join codes as role on role.codelist = 'role' and profiles.role_raw = role.value_raw
    left join codes as justice_stage
        on justice_stage.codelist = 'justice_stage' and profiles.justice_stage_raw = justice_stage.value_raw
    left join codes as group_structure
        on
            group_structure.codelist = 'group_structure'
            and profiles.group_structure_raw = group_structure.value_raw
    left join ages on profiles.age_group_raw = ages.value_raw
)

select * from harmonised
