with

source as (
    select * from {{ source('vrs_raw', 'submissions') }}
),

renamed as (
    select
        submission_id,
        sha256,
        original_name,
        file_encoding,
        size_bytes,
        received_at,
        processed_at,
        status,
        reporting_state,
        reporting_agency,
        agency_key,
        agency_type,
        period,
        period_type,
        period_start,
        period_end,
        action,
        version,
        template_version,
        language,
        date_format,
        benefit_required,
        stay_facilitation_criminalised,
        notes,
        error_count,
        warning_count,
        status = 'accepted' as is_accepted
    from source
)

select * from renamed
