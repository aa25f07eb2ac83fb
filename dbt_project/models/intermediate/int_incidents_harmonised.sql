{#- One row per current incident, harmonised: codes from the code lists ("unmapped" where a
    list does not know the value), countries as ISO alpha-3, the parsed route, the fee in US
    dollars, and the derived flags of the mart contract. -#}
with

incidents as (
    select * from {{ ref('int_incidents_current') }}
),

codes as (
    select * from {{ ref('int_coded_values_resolved') }}
),

countries as (
    select * from {{ ref('int_country_values_resolved') }}
),

routes as (
    select * from {{ ref('int_incident_routes_parsed') }}
),

fees as (
    select * from {{ ref('int_incident_fees_converted') }}
),

{% for column, codelist in var('multi_coded_columns')['incidents'].items() %}
    {{ column }}_members as (
        select
            incident_key,
            {{ clean_text('unnest(' ~ split_multi(column ~ '_raw') ~ ')') }} as member,
            generate_subscripts({{ split_multi(column ~ '_raw') }}, 1) as position
        from incidents
    ),

    {{ column }}_listed as (
        select
            members.incident_key,
            list(distinct codes.code order by codes.code) as {{ column }}
        from {{ column }}_members as members
        inner join codes
            on codes.codelist = '{{ codelist }}' and members.member = codes.value_raw
        group by members.incident_key
    ),

{% endfor %}

harmonised as (
    select
        incidents.incident_key,
        incidents.submission_id,
        incidents.source_row,
        incidents.incident_ref,
        incidents.reporting_state,
        incidents.reporting_agency,
        incidents.period,
        incidents.period_start,
        incidents.period_end,
        incidents.period_type,
        incidents.detection_date,
        detection_stage.code as detection_stage,
        incidents.detection_place,
        routes.route_countries,
        routes.route_key,
        routes.origin_country,
        routes.destination_country,
        routes.n_transit_countries,
        transport_mode.code as transport_mode,
        conveyance.code as conveyance,
        concealment.code as concealment,
        incidents.migrants_total,
        incidents.migrants_deceased,
        incidents.migrants_missing,
        incidents.migrants_injured,
        incidents.unaccompanied_minors,
        incidents.smugglers_detected,
        fees.fee_per_migrant,
        fees.fee_currency,
        fees.fee_per_migrant_usd,
        fee_basis.code as fee_basis,
        payment_method.code as payment_method,
        payment_timing.code as payment_timing,
        related_offences_listed.related_offences,
        technology_listed.technology,
        aggravating_listed.aggravating,
        incidents.benefit_required,
        incidents.comment,
        case
            when incidents.detection_country_raw is null then incidents.reporting_state
            else coalesce(detection_country.iso3, 'XXX')
        end as detection_country,
        coalesce(fees.is_fee_rate_missing, false) as is_fee_rate_missing,
        (
            -- "any aggravating code other than none" (an unmapped value counts: it is not none)
            coalesce(len(list_filter(aggravating_listed.aggravating, lambda a: a != 'none')) > 0, false)  -- noqa: RF02
            or coalesce(incidents.migrants_deceased, 0) + coalesce(incidents.migrants_missing, 0) > 0
        ) as is_aggravated,
        (
            coalesce(list_contains(related_offences_listed.related_offences, 'trafficking_in_persons'), false)
            or coalesce(list_contains(aggravating_listed.aggravating, 'exploitation'), false)
        ) as possible_trafficking
    from incidents
    left join routes on incidents.incident_key = routes.incident_key
    left join fees on incidents.incident_key = fees.incident_key
    left join countries as detection_country
        on incidents.detection_country_raw = detection_country.value_raw
    {% for column, codelist in var('coded_columns')['incidents'].items() %}
        left join codes as {{ column }}
            on {{ column }}.codelist = '{{ codelist }}' and incidents.{{ column }}_raw = {{ column }}.value_raw
    {% endfor %}
    {% for column in var('multi_coded_columns')['incidents'] %}
        left join {{ column }}_listed on incidents.incident_key = {{ column }}_listed.incident_key
    {% endfor %}
)

select * from harmonised
