with

incidents as (
    select * from {{ ref('fct_incidents') }}
),

routes as (
    select
        reporting_state,
        period,
        period_start,
        period_end,
        period_type,
        route_key,
        transport_mode,
        any_value(origin_country) as origin_country,
        any_value(destination_country) as destination_country,
        any_value(n_transit_countries) as n_transit_countries,
        count(*) as incidents,
        sum(migrants_total)::bigint as migrants,
        -- NULL, not 0, when no incident of the group says anything about deaths or missing
        sum(
            case
                when migrants_deceased is not null or migrants_missing is not null
                    then coalesce(migrants_deceased, 0) + coalesce(migrants_missing, 0)
            end
        )::bigint as deceased_or_missing,
        median(fee_per_migrant_usd) as median_fee_usd,
        count(fee_per_migrant_usd) as fee_observations
    from incidents
    group by reporting_state, period, period_start, period_end, period_type, route_key, transport_mode
)

select * from routes
