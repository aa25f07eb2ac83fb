{#- Single-valued dimensions count each incident once ("unknown" when not reported);
    multi-valued ones (technology, related_offence, aggravating) count it under each of its
    values. -#}
with

incidents as (
    select * from {{ ref('fct_incidents') }}
),

single_valued as (
    {% for dimension in ['transport_mode', 'conveyance', 'concealment', 'payment_method', 'payment_timing'] %}
        select
            incident_key,
            '{{ dimension }}' as dimension,
            coalesce({{ dimension }}, 'unknown') as value
        from incidents
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

multi_valued as (
    {% for dimension, column in [('technology', 'technology'), ('related_offence', 'related_offences'), ('aggravating', 'aggravating')] %}
        select
            incident_key,
            '{{ dimension }}' as dimension,
            unnest(coalesce({{ column }}, ['unknown'])) as value
        from incidents
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

aggregated as (
    select
        incidents.reporting_state,
        incidents.period,
        incidents.period_start,
        incidents.period_end,
        incidents.period_type,
        values_.dimension,
        values_.value,
        count(distinct incidents.incident_key) as incidents,
        sum(incidents.migrants_total)::bigint as migrants
    from (
        select * from single_valued
        union all
        select * from multi_valued
    ) as values_
    inner join incidents on values_.incident_key = incidents.incident_key
    group by all
)

select * from aggregated
