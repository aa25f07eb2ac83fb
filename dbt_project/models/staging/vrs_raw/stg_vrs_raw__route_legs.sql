with

source as (
    select * from {{ source('vrs_raw', 'route_legs') }}
),

formats as (
    {{ package_formats('route_legs') }}
),

cleaned as (
    select
        source.submission_id,
        source.source_row,
        formats.decimal_comma,
        {{ clean_text('source.incident_ref') }} as incident_ref,
        {{ clean_text('source.leg_seq') }} as leg_seq_raw,
        {{ clean_text('source.from_country') }} as from_country_raw,
        {{ clean_text('source.to_country') }} as to_country_raw,
        {{ clean_text('source.transport_mode') }} as transport_mode_raw,
        {{ clean_text('source.conveyance') }} as conveyance_raw
    from source
    inner join formats on source.submission_id = formats.submission_id
),

typed as (
    select
        * exclude (decimal_comma),
        {{ parse_count('leg_seq_raw', 'decimal_comma') }} as leg_seq
    from cleaned
)

select * from typed
