with

source as (
    select * from {{ source('vrs_raw', 'border_events') }}
),

formats as (
    {{ package_formats('border_events') }}
),

cleaned as (
    select
        source.submission_id,
        source.source_row,
        formats.decimal_comma,
        {{ clean_text('source.indicator') }} as indicator_raw,
        {{ clean_text('source.counting_unit') }} as counting_unit_raw,
        {{ clean_text('source.border_type') }} as border_type_raw,
        {{ clean_text('source.detection_location') }} as detection_location_raw,
        {{ clean_text('source.citizenship') }} as citizenship_raw,
        {{ clean_text('source.sex') }} as sex_raw,
        {{ clean_text('source.age_group') }} as age_group_raw,
        {{ clean_text('source.value') }} as value_raw,
        {{ clean_text('source.obs_status') }} as obs_status_raw,
        {{ clean_text('source.comment') }} as comment
    from source
    inner join formats on source.submission_id = formats.submission_id
),

typed as (
    select
        * exclude (decimal_comma),
        {{ parse_count('value_raw', 'decimal_comma') }} as value
    from cleaned
)

select * from typed
