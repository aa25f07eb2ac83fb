{#- One row per fraudulent-document row of a current report, harmonised. A pseudo document has
    no issuing state: its issuing_country ("none") becomes XXX. -#}
with

documents as (
    select * from {{ ref('stg_vrs_raw__fraudulent_documents') }}
),

current_reports as (
    select * from {{ ref('int_submissions_current') }}
),

codes as (
    select * from {{ ref('int_coded_values_resolved') }}
),

countries as (
    select * from {{ ref('int_country_values_resolved') }}
),

harmonised as (
    select
        documents.submission_id,
        documents.source_row,
        current_reports.reporting_state,
        current_reports.period,
        current_reports.period_start,
        current_reports.period_end,
        current_reports.period_type,
        document_type.code as document_type,
        fraud_type.code as fraud_type,
        documents.documents,
        coalesce(issuing_country.iso3, 'XXX') as issuing_country,
        coalesce(holder_citizenship.iso3, 'XXX') as holder_citizenship,
        coalesce(border_type.code, 'unknown') as border_type,
        coalesce(detection_location.code, 'unknown') as detection_location
    from documents
    inner join current_reports on documents.submission_id = current_reports.submission_id
    left join codes as document_type
        on document_type.codelist = 'document_type' and documents.document_type_raw = document_type.value_raw
    left join codes as fraud_type
        on fraud_type.codelist = 'fraud_type' and documents.fraud_type_raw = fraud_type.value_raw
    left join countries as issuing_country
        on documents.issuing_country_raw = issuing_country.value_raw
    left join countries as holder_citizenship
        on documents.holder_citizenship_raw = holder_citizenship.value_raw
    left join codes as border_type
        on border_type.codelist = 'border_type' and documents.border_type_raw = border_type.value_raw
    left join codes as detection_location
        on
            detection_location.codelist = 'detection_location'
            and documents.detection_location_raw = detection_location.value_raw
)

select * from harmonised
