{#- One row per leg of a current incident: from route_legs where the state gave them (they are
    the authority on per-leg modes), else consecutive countries of the route with the
    incident's main transport mode. -#}
with

incidents as (
    select * from {{ ref('int_incidents_harmonised') }}
),

legs as (
    select * from {{ ref('stg_vrs_raw__route_legs') }}
),

codes as (
    select * from {{ ref('int_coded_values_resolved') }}
),

countries as (
    select * from {{ ref('int_country_values_resolved') }}
),

given_legs as (
    select
        incidents.incident_key,
        legs.leg_seq,
        coalesce(from_country.iso3, 'XXX') as from_country,
        coalesce(to_country.iso3, 'XXX') as to_country,
        transport_mode.code as transport_mode,
        conveyance.code as conveyance,
        'route_legs' as leg_source
    from legs
    inner join incidents
        on legs.submission_id = incidents.submission_id and legs.incident_ref = incidents.incident_ref
    left join countries as from_country on legs.from_country_raw = from_country.value_raw
    left join countries as to_country on legs.to_country_raw = to_country.value_raw
    left join codes as transport_mode
        on transport_mode.codelist = 'transport_mode' and legs.transport_mode_raw = transport_mode.value_raw
    left join codes as conveyance
        on conveyance.codelist = 'conveyance' and legs.conveyance_raw = conveyance.value_raw
),

route_pairs as (
    select
        incidents.incident_key,
        incidents.route_countries,
        incidents.transport_mode,
        unnest(range(1, len(incidents.route_countries))) as leg_seq
    from incidents
    where incidents.incident_key not in (select given_legs.incident_key from given_legs)
),

derived_legs as (
    select
        incident_key,
        leg_seq,
        route_countries[leg_seq] as from_country,
        route_countries[leg_seq + 1] as to_country,
        transport_mode,
        null::varchar as conveyance,
        'route' as leg_source
    from route_pairs
),

all_legs as (
    select * from given_legs
    union all
    select * from derived_legs
)

select * from all_legs
