{#- Every country as submitted, wherever it appears: one row per table × column × value ×
    submission. Route members count one by one (column "route"). -#}
with

{% for table in var('country_columns') %}
    {{ table }} as (
        select * from {{ ref('stg_vrs_raw__' ~ table) }}
    ),

{% endfor %}

columns_listed as (
    {% for table, columns in var('country_columns').items() %}
        {% for column in columns %}
            select
                '{{ table }}' as source_table,
                '{{ column }}' as source_column,
                {{ column }}_raw as value_raw,
                submission_id
            from {{ table }}
            where {{ column }}_raw is not null
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

route_members as (
    select
        'incidents' as source_table,
        'route' as source_column,
        member as value_raw,
        submission_id
    from (
        select
            submission_id,
            {{ clean_text('unnest(' ~ split_route('route_raw') ~ ')') }} as member
        from incidents
    ) as members
    where member is not null
),

collected as (
    select
        source_table,
        source_column,
        value_raw,
        submission_id,
        count(*) as value_rows
    from (
        select * from columns_listed
        union all
        select * from route_members
    ) as all_values
    group by all
)

select * from collected
