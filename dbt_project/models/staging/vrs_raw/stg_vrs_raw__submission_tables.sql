with

source as (
    select * from {{ source('vrs_raw', 'submission_tables') }}
),

renamed as (
    select
        submission_id,
        table_name,
        origin,
        row_count,
        csv_encoding,
        csv_delimiter,
        decimal_comma
    from source
)

select * from renamed
