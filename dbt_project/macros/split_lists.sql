{#- A multi-valued cell (";" or "|" between values) as a list of its members, not yet cleaned:
    the SQL twin of contracts.codelists.split_multi. -#}
{% macro split_multi(expr) -%}
    string_split(regexp_replace({{ expr }}, '[;|]', ';', 'g'), ';')
{%- endmacro %}

{#- A route ("AFG > IRN > TUR", "→", "->") as the list of its members, not yet cleaned: the SQL
    twin of contracts.countries.split_route. -#}
{% macro split_route(expr) -%}
    string_split(regexp_replace({{ expr }}, '[-=]*>|→', '>', 'g'), '>')
{%- endmacro %}
