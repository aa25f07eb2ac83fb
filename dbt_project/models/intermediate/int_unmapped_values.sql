{#- One row per value that no code list, country table or age parser understands, with how
    often it occurs and in which packages: what a data engineer reads to extend a code list
    (seeds/codelists/*.csv, synonyms column) and rebuild. -#}
with

codes as (
    select * from {{ ref('int_coded_values_collected') }}
),

code_resolutions as (
    select * from {{ ref('int_coded_values_resolved') }}
),

countries as (
    select * from {{ ref('int_country_values_collected') }}
),

country_resolutions as (
    select * from {{ ref('int_country_values_resolved') }}
),

ages as (
    select * from {{ ref('int_age_group_values_collected') }}
),

age_resolutions as (
    select * from {{ ref('int_age_groups_parsed') }}
),

unmapped_codes as (
    select
        'code' as value_kind,
        codes.codelist,
        codes.source_table,
        codes.source_column,
        codes.value_raw,
        codes.submission_id,
        codes.value_rows
    from codes
    inner join code_resolutions
        on codes.codelist = code_resolutions.codelist and codes.value_raw = code_resolutions.value_raw
    where code_resolutions.is_unmapped
),

unmapped_countries as (
    select
        'country' as value_kind,
        'countries' as codelist,
        countries.source_table,
        countries.source_column,
        countries.value_raw,
        countries.submission_id,
        countries.value_rows
    from countries
    inner join country_resolutions on countries.value_raw = country_resolutions.value_raw
    where
        country_resolutions.iso3 is null
        and not (countries.source_column = 'issuing_country' and lower(countries.value_raw) = 'none')
),

unparsed_ages as (
    select
        'age_group' as value_kind,
        'age_groups' as codelist,
        ages.source_table,
        'age_group' as source_column,
        ages.value_raw,
        ages.submission_id,
        ages.value_rows
    from ages
    inner join age_resolutions on ages.value_raw = age_resolutions.value_raw
    where age_resolutions.parse_status = 'unparsed'
),

unioned as (
    select * from unmapped_codes
    union all
    select * from unmapped_countries
    union all
    select * from unparsed_ages
),

summarised as (
    select
        value_kind,
        codelist,
        source_table,
        source_column,
        value_raw,
        sum(value_rows)::bigint as occurrences,
        count(distinct submission_id) as submission_count,
        list(distinct submission_id order by submission_id) as submission_ids
    from unioned
    group by all
)

select * from summarised
