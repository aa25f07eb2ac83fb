with

incidents as (
    select * from {{ ref('int_incidents_harmonised') }}
),

facts as (
    select
        incident_key,
        reporting_state,
        reporting_agency,
        period,
        period_start,
        period_end,
        period_type,
        incident_ref,
        submission_id,
        detection_date,
        detection_stage,
        detection_country,
        origin_country,
        destination_country,
        route_key,
        route_countries,
        n_transit_countries,
        transport_mode,
        conveyance,
        concealment,
        migrants_total,
        migrants_deceased,
        migrants_missing,
        migrants_injured,
        unaccompanied_minors,
        smugglers_detected,
        fee_per_migrant,
        fee_currency,
        fee_per_migrant_usd,
        is_fee_rate_missing,
        fee_basis,
        payment_method,
        payment_timing,
        related_offences,
        technology,
        aggravating,
        is_aggravated,
        possible_trafficking,
        benefit_required
    from incidents
)

select * from facts
