{#- How each package wrote its values: the date format it declared, the year of its period
    (which places a two-digit year), and whether this table's CSV file used decimal commas.
    Staging models read their values through it. -#}
{% macro package_formats(table_name) -%}
    select
        submissions.submission_id,
        submissions.date_format,
        year(submissions.period_start) as period_year,
        coalesce(tables.decimal_comma, false) as decimal_comma
    from {{ source('vrs_raw', 'submissions') }} as submissions
    left join {{ source('vrs_raw', 'submission_tables') }} as tables
        on
            submissions.submission_id = tables.submission_id
            and tables.table_name = '{{ table_name }}'
{%- endmacro %}
