{#- Country spellings compare normalised, and M49 numbers without leading zeros ("004" = "4"),
    as contracts.countries does. -#}
{% macro normalise_country(expr) -%}
    case
        when regexp_full_match({{ normalise_text(expr) }}, '\d+')
            then coalesce(nullif(ltrim({{ normalise_text(expr) }}, '0'), ''), '0')
        else {{ normalise_text(expr) }}
    end
{%- endmacro %}
