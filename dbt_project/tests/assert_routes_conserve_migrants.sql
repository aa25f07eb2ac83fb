-- Migrants summed over mart_routes equal migrants_total summed over fct_incidents, per state
-- and period: no incident lost or counted twice by the route aggregation.
with

routes as (
    select
        reporting_state,
        period,
        sum(migrants) as migrants,
        sum(incidents) as incidents
    from {{ ref('mart_routes') }}
    group by all
),

incidents as (
    select
        reporting_state,
        period,
        sum(migrants_total) as migrants,
        count(*) as incidents
    from {{ ref('fct_incidents') }}
    group by all
)

select
    routes.migrants as routes_migrants,
    incidents.migrants as incidents_migrants,
    routes.incidents as routes_incidents,
    incidents.incidents as incidents_incidents,
    coalesce(routes.reporting_state, incidents.reporting_state) as reporting_state,
    coalesce(routes.period, incidents.period) as period
from routes
full outer join incidents
    on routes.reporting_state = incidents.reporting_state and routes.period = incidents.period
where
    routes.migrants is distinct from incidents.migrants
    or routes.incidents is distinct from incidents.incidents
