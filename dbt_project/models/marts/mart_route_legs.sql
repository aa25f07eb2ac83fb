with

legs as (
    select * from {{ ref('int_route_legs_derived') }}
),

incidents as (
    select * from {{ ref('fct_incidents') }}
),

per_leg as (
    select
        incidents.reporting_state,
        incidents.period,
        incidents.period_start,
        incidents.period_end,
        incidents.period_type,
        legs.from_country,
        legs.to_country,
        coalesce(legs.transport_mode, 'unknown') as transport_mode,
        count(distinct legs.incident_key) as incidents,
        sum(incidents.migrants_total)::bigint as migrants
    from legs
    inner join incidents on legs.incident_key = incidents.incident_key
    group by all
)

select * from per_leg
