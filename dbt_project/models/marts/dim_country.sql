with

countries as (
    select * from {{ ref('countries') }}
),

dimension as (
    select
        iso3,
        iso2,
        m49_code,
        name_en,
        name_fr,
        name_es,
        region,
        subregion,
        is_special
    from countries
)

select * from dimension
