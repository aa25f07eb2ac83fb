-- For every single-valued dimension, mart_modus_operandi counts each incident exactly once:
-- its incidents add up to the incidents of fct_incidents, per state and period.
with

mart as (
    select
        reporting_state,
        period,
        dimension,
        sum(incidents) as incidents
    from {{ ref('mart_modus_operandi') }}
    where dimension in ('transport_mode', 'conveyance', 'concealment', 'payment_method', 'payment_timing')
    group by all
),

facts as (
    select
        reporting_state,
        period,
        count(*) as incidents
    from {{ ref('fct_incidents') }}
    group by all
)

select
    mart.dimension,
    mart.incidents as mart_incidents,
    facts.incidents as facts_incidents,
    coalesce(mart.reporting_state, facts.reporting_state) as reporting_state,
    coalesce(mart.period, facts.period) as period
from mart
full outer join facts
    on mart.reporting_state = facts.reporting_state and mart.period = facts.period
where mart.incidents is distinct from facts.incidents
