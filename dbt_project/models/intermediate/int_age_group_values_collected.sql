{#- Every age group as submitted: one row per table × value × submission. -#}
with

{% for table in var('age_columns') %}
    {{ table }} as (
        select
            '{{ table }}' as source_table,
            age_group_raw as value_raw,
            submission_id
        from {{ ref('stg_vrs_raw__' ~ table) }}
        where age_group_raw is not null
    ),

{% endfor %}

collected as (
    select
        source_table,
        value_raw,
        submission_id,
        count(*) as value_rows
    from (
        {% for table in var('age_columns') %}
            select * from {{ table }}
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
    )
    group by all
)

select * from collected
