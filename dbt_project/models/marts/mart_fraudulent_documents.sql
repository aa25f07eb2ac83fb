with

documents as (
    select * from {{ ref('int_fraudulent_documents_harmonised') }}
),

aggregated as (
    select
        reporting_state,
        period,
        period_start,
        period_end,
        period_type,
        document_type,
        fraud_type,
        issuing_country,
        holder_citizenship,
        border_type,
        sum(documents)::bigint as documents,
        count(*) as source_rows
    from documents
    group by all
)

select * from aggregated
