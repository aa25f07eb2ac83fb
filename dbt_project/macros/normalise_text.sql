{#- Normalised matching of codes and names (spec §2), the SQL twin of
    contracts.normalise.normalise_text: accents, case and runs of punctuation/space ignored;
    a value made only of punctuation ("?") stays itself. A test keeps the two in step. -#}
{% macro normalise_text(expr) -%}
    coalesce(
        nullif(trim(regexp_replace(lower(strip_accents({{ expr }})), '[^\p{L}\p{N}]+', ' ', 'g')), ''),
        lower(regexp_replace({{ expr }}, '^[\s\p{Z}]+|[\s\p{Z}]+$', '', 'g'))
    )
{%- endmacro %}
