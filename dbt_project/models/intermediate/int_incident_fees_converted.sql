{#- One row per current incident with a fee: the fee per migrant in US dollars at the annual
    average official rate of the detection year (NULL, with the reason, where no rate exists). -#}
with

incidents as (
    select * from {{ ref('int_incidents_current') }}
),

rates as (
    select * from {{ ref('int_fx_rates_by_currency') }}
),

fees as (
    select
        incident_key,
        fee_per_migrant,
        fee_currency,
        year(detection_date) as fee_year
    from incidents
    where fee_per_migrant is not null
),

converted as (
    select
        fees.incident_key,
        fees.fee_per_migrant,
        fees.fee_currency,
        fees.fee_year,
        case
            when fees.fee_currency = 'USD' then 1.0
            else rates.lcu_per_usd
        end as lcu_per_usd,
        case
            when fees.fee_currency = 'USD' then fees.fee_per_migrant
            else fees.fee_per_migrant / rates.lcu_per_usd
        end as fee_per_migrant_usd,
        fees.fee_currency != 'USD' and rates.lcu_per_usd is null as is_fee_rate_missing
    from fees
    left join rates on fees.fee_currency = rates.currency and fees.fee_year = rates.year
)

select * from converted
