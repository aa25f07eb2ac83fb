with

source as (
    select * from {{ source('vrs_raw', 'narrative') }}
),

renamed as (
    select
        submission_id,
        source_row,
        {{ clean_text('topic') }} as topic_raw,
        {{ clean_text('text') }} as narrative_text
    from source
)

select * from renamed
