{#- One row per code list × distinct value as submitted: its code, or "unmapped" when no
    code, label or synonym of the list matches (spec §2 matching). -#}
with

collected as (
    select * from {{ ref('int_coded_values_collected') }}
),

terms as (
    select * from {{ ref('int_code_terms_unioned') }}
),

distinct_values as (
    select distinct
        codelist,
        value_raw
    from collected
),

resolved as (
    select
        distinct_values.codelist,
        distinct_values.value_raw,
        coalesce(terms.code, 'unmapped') as code,
        terms.code is null as is_unmapped
    from distinct_values
    left join terms
        on
            distinct_values.codelist = terms.codelist
            and {{ normalise_text('distinct_values.value_raw') }} = terms.term_norm
)

select * from resolved
