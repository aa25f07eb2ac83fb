with

source as (
    select * from {{ source('vrs_raw', 'issues') }}
),

renamed as (
    select
        submission_id,
        seq as issue_seq,
        severity,
        rule,
        table_name,
        source_row,
        column_name,
        value as value_raw,
        message,
        hint
    from source
)

select * from renamed
