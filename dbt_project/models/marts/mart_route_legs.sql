with

legs as (
    select * from {{ ref('int_route_legs_derived') }}
),

incidents as (
    select * from {{ ref('fct_incidents') }}
),

-- An incident counts once per leg, even if its journey crosses the same leg twice.
distinct_legs as (
    select distinct
        incident_key,
        from_country,
        to_country,
        coalesce(transport_mode, 'unknown') as transport_mode
    from legs
),

per_leg as (
    select
        incidents.reporting_state,
        incidents.period,
        incidents.period_start,
        incidents.period_end,
        incidents.period_type,
        distinct_legs.from_country,
        distinct_legs.to_country,
        distinct_legs.transport_mode,
        count(*) as incidents,
        sum(incidents.migrants_total)::bigint as migrants
    from distinct_legs
    inner join incidents on distinct_legs.incident_key = incidents.incident_key
    group by all
)

select * from per_leg
