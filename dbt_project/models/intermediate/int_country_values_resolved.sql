{#- One row per distinct country value as submitted: its ISO alpha-3, or NULL when nothing
    matches (harmonised later as XXX, unknown). "none" (no issuing country, pseudo documents)
    is not a country and stays NULL here. -#}
with

collected as (
    select * from {{ ref('int_country_values_collected') }}
),

terms as (
    select * from {{ ref('int_country_terms_normalised') }}
),

distinct_values as (
    select distinct value_raw
    from collected
),

resolved as (
    select
        distinct_values.value_raw,
        terms.iso3
    from distinct_values
    left join terms
        on {{ normalise_country('distinct_values.value_raw') }} = terms.term_norm
)

select * from resolved
