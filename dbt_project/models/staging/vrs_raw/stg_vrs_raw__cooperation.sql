with

source as (
    select * from {{ source('vrs_raw', 'cooperation') }}
),

formats as (
    {{ package_formats('cooperation') }}
),

cleaned as (
    select
        source.submission_id,
        source.source_row,
        formats.decimal_comma,
        {{ clean_text('source.request_type') }} as request_type_raw,
        {{ clean_text('source.direction') }} as direction_raw,
        {{ clean_text('source.counterpart_state') }} as counterpart_state_raw,
        {{ clean_text('source.outcome') }} as outcome_raw,
        {{ clean_text('source.value') }} as value_raw
    from source
    inner join formats on source.submission_id = formats.submission_id
),

typed as (
    select
        * exclude (decimal_comma),
        {{ parse_count('value_raw', 'decimal_comma') }} as requests
    from cleaned
)

select * from typed
