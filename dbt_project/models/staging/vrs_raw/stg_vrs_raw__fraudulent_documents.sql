with

source as (
    select * from {{ source('vrs_raw', 'fraudulent_documents') }}
),

formats as (
    {{ package_formats('fraudulent_documents') }}
),

cleaned as (
    select
        source.submission_id,
        source.source_row,
        formats.decimal_comma,
        {{ clean_text('source.document_type') }} as document_type_raw,
        {{ clean_text('source.fraud_type') }} as fraud_type_raw,
        {{ clean_text('source.issuing_country') }} as issuing_country_raw,
        {{ clean_text('source.holder_citizenship') }} as holder_citizenship_raw,
        {{ clean_text('source.border_type') }} as border_type_raw,
        {{ clean_text('source.detection_location') }} as detection_location_raw,
        {{ clean_text('source.value') }} as value_raw
    from source
    inner join formats on source.submission_id = formats.submission_id
),

typed as (
    select
        * exclude (decimal_comma),
        {{ parse_count('value_raw', 'decimal_comma') }} as documents
    from cleaned
)

select * from typed
