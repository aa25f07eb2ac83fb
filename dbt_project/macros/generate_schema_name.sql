{#- Folders name their schema exactly (raw, staging, intermediate, marts, codelists,
    reference), not "<target>_<folder>": analysts query marts.fct_incidents. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name | trim if custom_schema_name else target.schema }}
{%- endmacro %}
