{#- One row per current incident: its route as an ordered list of ISO alpha-3 codes (XXX where
    a member is not a country, which only an optional-column warning allows), the route key,
    origin, destination and number of transit countries. -#}
with

incidents as (
    select * from {{ ref('int_incidents_current') }}
),

country_resolutions as (
    select * from {{ ref('int_country_values_resolved') }}
),

members as (
    select
        incident_key,
        {{ clean_text('unnest(' ~ split_route('route_raw') ~ ')') }} as member,
        generate_subscripts({{ split_route('route_raw') }}, 1) as position
    from incidents
),

resolved as (
    select
        members.incident_key,
        members.position,
        coalesce(country_resolutions.iso3, 'XXX') as iso3
    from members
    left join country_resolutions on members.member = country_resolutions.value_raw
    where members.member is not null
),

routes as (
    select
        incident_key,
        list(iso3 order by position) as route_countries
    from resolved
    group by incident_key
),

described as (
    select
        incident_key,
        route_countries,
        array_to_string(route_countries, '>') as route_key,
        route_countries[1] as origin_country,
        route_countries[-1] as destination_country,
        greatest(len(route_countries) - 2, 0) as n_transit_countries
    from routes
)

select * from described
