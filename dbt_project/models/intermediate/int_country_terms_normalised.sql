{#- Every accepted way of writing a country (codes, M49 numbers, names in EN/FR/ES, aliases),
    normalised for matching; M49 numbers compare without leading zeros. -#}
with

country_names as (
    select * from {{ ref('country_names') }}
),

normalised as (
    select distinct
        {{ normalise_country('name') }} as term_norm,
        iso3
    from country_names
)

select * from normalised
