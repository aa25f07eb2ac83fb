{#- One row per currency × year with an official annual rate (World Bank PA.NUS.FCRF, local
    currency units per US dollar), through the currency -> rate-series mapping. The US dollar
    is 1 in every year and is handled where fees are converted. -#}
with

currencies as (
    select * from {{ ref('currencies') }}
),

fx_rates as (
    select * from {{ ref('fx_rates') }}
),

by_currency as (
    select
        currencies.currency,
        fx_rates.year,
        fx_rates.lcu_per_usd
    from currencies
    inner join fx_rates on currencies.rate_economy = fx_rates.economy
    where fx_rates.lcu_per_usd > 0
)

select * from by_currency
