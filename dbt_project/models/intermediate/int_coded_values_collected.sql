{#- Every coded value as submitted, with the code list it belongs to: one row per table ×
    column × value × submission. Members of multi-valued columns (";" or "|") count one by one.
-#}
with

{% for table, columns in var('coded_columns').items() %}
    {{ table }} as (
        select * from {{ ref('stg_vrs_raw__' ~ table) }}
    ),

{% endfor %}

single_valued as (
    {% for table, columns in var('coded_columns').items() %}
        {% for column, codelist in columns.items() %}
            select
                '{{ table }}' as source_table,
                '{{ column }}' as source_column,
                '{{ codelist }}' as codelist,
                {{ column }}_raw as value_raw,
                submission_id
            from {{ table }}
            where {{ column }}_raw is not null
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

multi_valued as (
    {% for table, columns in var('multi_coded_columns').items() %}
        {% for column, codelist in columns.items() %}
            select
                '{{ table }}' as source_table,
                '{{ column }}' as source_column,
                '{{ codelist }}' as codelist,
                member as value_raw,
                submission_id
            from (
                select
                    submission_id,
                    {{ clean_text('unnest(' ~ split_multi(column ~ '_raw') ~ ')') }} as member
                from {{ table }}
            ) as members
            where member is not null
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

collected as (
    select
        source_table,
        source_column,
        codelist,
        value_raw,
        submission_id,
        count(*) as value_rows
    from (
        select * from single_valued
        union all
        select * from multi_valued
    ) as all_values
    group by all
)

select * from collected
