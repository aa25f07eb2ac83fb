with

source as (
    select * from {{ source('vrs_raw', 'smugglers') }}
),

formats as (
    {{ package_formats('smugglers') }}
),

cleaned as (
    select
        source.submission_id,
        source.source_row,
        formats.decimal_comma,
        {{ clean_text('source.incident_ref') }} as incident_ref,
        {{ clean_text('source.citizenship') }} as citizenship_raw,
        {{ clean_text('source.sex') }} as sex_raw,
        {{ clean_text('source.age_group') }} as age_group_raw,
        {{ clean_text('source.role') }} as role_raw,
        {{ clean_text('source.justice_stage') }} as justice_stage_raw,
        {{ clean_text('source.group_structure') }} as group_structure_raw,
        {{ clean_text('source.value') }} as value_raw
    from source
    inner join formats on source.submission_id = formats.submission_id
),

typed as (
    select
        * exclude (decimal_comma),
        {{ parse_count('value_raw', 'decimal_comma') }} as persons
    from cleaned
)

select * from typed
