-- Every current incident's legs chain from its origin to its destination: as many legs as
-- countries minus one when derived from the route, and the first leg leaves the origin.
with

legs as (
    select * from {{ ref('int_route_legs_derived') }}
),

incidents as (
    select * from {{ ref('fct_incidents') }}
),

first_legs as (
    select
        incident_key,
        arg_min(from_country, leg_seq) as first_from,
        arg_max(to_country, leg_seq) as last_to
    from legs
    group by incident_key
)

select incidents.incident_key
from incidents
left join first_legs on incidents.incident_key = first_legs.incident_key
where
    first_legs.incident_key is null
    or first_legs.first_from != incidents.origin_country
    or first_legs.last_to != incidents.destination_country
