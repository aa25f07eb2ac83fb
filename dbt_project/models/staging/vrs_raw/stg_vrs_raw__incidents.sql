with

source as (
    select * from {{ source('vrs_raw', 'incidents') }}
),

formats as (
    {{ package_formats('incidents') }}
),

cleaned as (
    select
        source.submission_id,
        source.source_row,
        formats.date_format,
        formats.period_year,
        formats.decimal_comma,
        {{ clean_text('source.incident_ref') }} as incident_ref,
        {{ clean_text('source.detection_date') }} as detection_date_raw,
        {{ clean_text('source.detection_stage') }} as detection_stage_raw,
        {{ clean_text('source.detection_country') }} as detection_country_raw,
        {{ clean_text('source.detection_place') }} as detection_place,
        {{ clean_text('source.route') }} as route_raw,
        {{ clean_text('source.transport_mode') }} as transport_mode_raw,
        {{ clean_text('source.conveyance') }} as conveyance_raw,
        {{ clean_text('source.concealment') }} as concealment_raw,
        {{ clean_text('source.migrants_total') }} as migrants_total_raw,
        {{ clean_text('source.migrants_deceased') }} as migrants_deceased_raw,
        {{ clean_text('source.migrants_missing') }} as migrants_missing_raw,
        {{ clean_text('source.migrants_injured') }} as migrants_injured_raw,
        {{ clean_text('source.unaccompanied_minors') }} as unaccompanied_minors_raw,
        {{ clean_text('source.smugglers_detected') }} as smugglers_detected_raw,
        {{ clean_text('source.fee_per_migrant') }} as fee_per_migrant_raw,
        upper({{ clean_text('source.fee_currency') }}) as fee_currency,
        {{ clean_text('source.fee_basis') }} as fee_basis_raw,
        {{ clean_text('source.payment_method') }} as payment_method_raw,
        {{ clean_text('source.payment_timing') }} as payment_timing_raw,
        {{ clean_text('source.related_offences') }} as related_offences_raw,
        {{ clean_text('source.technology') }} as technology_raw,
        {{ clean_text('source.aggravating') }} as aggravating_raw,
        {{ clean_text('source.comment') }} as comment
    from source
    inner join formats on source.submission_id = formats.submission_id
),

typed as (
    select
        * exclude (date_format, period_year, decimal_comma),
        {{ parse_date('detection_date_raw', 'date_format', 'period_year') }} as detection_date,
        {{ parse_count('migrants_total_raw', 'decimal_comma') }} as migrants_total,
        {{ parse_count('migrants_deceased_raw', 'decimal_comma') }} as migrants_deceased,
        {{ parse_count('migrants_missing_raw', 'decimal_comma') }} as migrants_missing,
        {{ parse_count('migrants_injured_raw', 'decimal_comma') }} as migrants_injured,
        {{ parse_count('unaccompanied_minors_raw', 'decimal_comma') }} as unaccompanied_minors,
        {{ parse_count('smugglers_detected_raw', 'decimal_comma') }} as smugglers_detected,
        {{ parse_number('fee_per_migrant_raw', 'decimal_comma') }} as fee_per_migrant
    from cleaned
)

select * from typed
